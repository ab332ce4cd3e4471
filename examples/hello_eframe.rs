//! The smallest eframe window: one label, same eframe features (glow) and the
//! same window size as Career Atlas. It is the baseline that start-up time and
//! memory of the app are compared with (see `docs/performance.md`):
//!
//! ```text
//! cargo build --release --examples
//! target/release/examples/hello_eframe
//! ```

struct Hello;

impl eframe::App for Hello {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello, world");
        });
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Hello eframe")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native("Hello eframe", options, Box::new(|_cc| Ok(Box::new(Hello))))
}
