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
        Some("skills") => {
            let code = career_atlas::cli_skills::run(
                &args[1..],
                &mut std::io::stdin(),
                &mut std::io::stdout(),
                &mut std::io::stderr(),
            );
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
    install_panic_hook(data_dir.clone());
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

/// On a bug, write a crash report into the data folder and say where it is,
/// instead of vanishing; the next start shows it too.
fn install_panic_hook(data_dir: Option<std::path::PathBuf>) {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let report = format!(
            "Career Atlas {} stopped because of a bug.\n\n{info}\n\nBacktrace:\n{}\n",
            env!("CARGO_PKG_VERSION"),
            std::backtrace::Backtrace::force_capture()
        );
        match data_dir
            .as_deref()
            .and_then(|d| career_atlas::store::write_crash_report(d, &report))
        {
            Some(path) => eprintln!(
                "Career Atlas stopped because of a bug. Your saved data is safe. A crash report was written to {}; please send it to the developers.",
                path.display()
            ),
            None => eprintln!("{report}"),
        }
        default_hook(info);
    }));
}

fn exit(code: i32) -> std::process::ExitCode {
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(1))
}
