//! Helpers shared by the UI tests: the real app in a harness, and waiting for
//! its background work.
#![allow(dead_code)] // each test file uses some of these

use std::path::Path;

use career_atlas::{AppConfig, CareerAtlasApp};
use egui_kittest::Harness;

/// The real app at 1280×800 with its data folder inside `dir`.
pub fn app(dir: &Path, config: AppConfig) -> Harness<'static, CareerAtlasApp> {
    app_sized(dir, config, [1280.0, 800.0])
}

/// The real app in a window of `size` points.
pub fn app_sized(
    dir: &Path,
    config: AppConfig,
    size: [f32; 2],
) -> Harness<'static, CareerAtlasApp> {
    let config = AppConfig {
        data_dir: Some(dir.join("data")),
        ..config
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .build_eframe(move |cc| CareerAtlasApp::new(cc, config));
    harness.run();
    harness
}

/// Steps the app until background reading and any dialog are done.
pub fn settle(harness: &mut Harness<'_, CareerAtlasApp>) {
    for _ in 0..500 {
        // `step`, not `run`: a spinner repaints for as long as work is under way.
        harness.step();
        let app = harness.state();
        if app.imports_in_flight() == 0 && !app.importer.dialog_open() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}
