//! Career Atlas: the binary. Parses the command line and opens the window;
//! everything else lives in the library.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use career_atlas::cli;
use career_atlas::store::{APP_ID, default_data_dir};
use career_atlas::{AppConfig, CareerAtlasApp};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") => {
            let code = cli::validate(&args[1..], &mut std::io::stdout(), &mut std::io::stderr());
            return exit(code);
        }
        Some("--help" | "-h") => {
            print!("{}", cli::USAGE);
            return exit(cli::EXIT_OK);
        }
        Some("--version" | "-V") => {
            println!("career-atlas {}", env!("CARGO_PKG_VERSION"));
            return exit(cli::EXIT_OK);
        }
        Some(other) if other.starts_with('-') => {
            eprintln!("career-atlas: unknown option {other}\n\n{}", cli::USAGE);
            return exit(cli::EXIT_UNREADABLE);
        }
        _ => {}
    }
    // Anything else names files to import ("Open with", `career-atlas FILE...`).
    let import_files = args.iter().map(std::path::PathBuf::from).collect();
    let data_dir = default_data_dir();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Career Atlas")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 480.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon-256.png")) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persistence_path: data_dir.as_ref().map(|d| d.join("app.ron")),
        ..Default::default()
    };
    let config = AppConfig {
        data_dir,
        import_files,
        picker: None,
    };
    let result = eframe::run_native(
        "Career Atlas",
        options,
        Box::new(|cc| Ok(Box::new(CareerAtlasApp::new(cc, config)))),
    );
    match result {
        Ok(()) => exit(cli::EXIT_OK),
        Err(e) => {
            eprintln!("career-atlas: the window could not be opened: {e}");
            exit(cli::EXIT_INVALID)
        }
    }
}

fn exit(code: i32) -> std::process::ExitCode {
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
}
