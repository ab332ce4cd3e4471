//! Career Atlas: the binary. Parses the command line and opens the window;
//! everything else lives in the library.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::io::Write;
use std::process::ExitCode;

use career_atlas::cli::{self, Invocation};
use career_atlas::cli_launch;
use career_atlas::store::{APP_ID, default_data_dir};
use career_atlas::{AppConfig, CareerAtlasApp};

fn main() -> ExitCode {
    // Before anything else runs, so that no bug — not even one in reading
    // the command line — ends without a crash report.
    install_panic_hook(default_data_dir());
    // A panic is reported by the hook; the exit status stays one of 0/1/2.
    let code = std::panic::catch_unwind(run).unwrap_or(cli::EXIT_UNREADABLE);
    exit(code)
}

fn run() -> i32 {
    // Every command writes through these, so a failed write anywhere (a
    // full disk, a closed pipe) ends with status 2, never 0.
    let mut out = cli::Tracked::new(std::io::stdout());
    let mut err = cli::Tracked::new(std::io::stderr());
    let code = dispatch(&mut out, &mut err);
    cli::finish(code, &mut out, &mut err)
}

fn dispatch(out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    if args.first().is_some_and(|a| a == "skills") {
        // Its own small parser; a name that is not UTF-8 is shown lossily and
        // then not found (exit 2), never a panic.
        let rest: Vec<String> = args[1..]
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        return career_atlas::cli_skills::run(&rest, &mut std::io::stdin(), out, err);
    }
    let invocation = match cli::parse(args) {
        Ok(i) => i,
        // A suggestion stands alone: the whole usage after it would bury it.
        Err(message) if message.contains("did you mean") => {
            let _ = writeln!(
                err,
                "career-atlas: {message}\n(career-atlas --help lists every command and option)"
            );
            return cli::EXIT_UNREADABLE;
        }
        Err(message) => {
            let _ = writeln!(err, "career-atlas: {message}\n\n{}", cli::USAGE);
            return cli::EXIT_UNREADABLE;
        }
    };
    match invocation {
        Invocation::Validate { json, files } => cli::validate_before_exit(&files, json, out, err),
        Invocation::New { file, force } => {
            career_atlas::cli_author::new_file(&file, force, out, err)
        }
        Invocation::ValidateWatch { json, files } => validate_watch(&files, json, out, err),
        Invocation::Help => {
            let _ = write!(out, "{}", cli::USAGE);
            cli::EXIT_OK
        }
        Invocation::Version => {
            let _ = writeln!(out, "career-atlas {}", env!("CARGO_PKG_VERSION"));
            cli::EXIT_OK
        }
        // Files named to import ("Open with", `career-atlas FILE...`).
        Invocation::Open(import_files) => {
            let refused = cli_launch::unopenable(&import_files);
            if !refused.is_empty() {
                for line in refused {
                    let _ = writeln!(err, "career-atlas: {line}");
                }
                return cli::EXIT_UNREADABLE;
            }
            if let Some(line) = cli_launch::no_display(|name| std::env::var_os(name)) {
                let _ = writeln!(err, "career-atlas: {line}");
                return cli::EXIT_UNREADABLE;
            }
            open_window(import_files, err)
        }
    }
}

/// `validate --watch`: Ctrl+C ends the watch, with exit status 0.
fn validate_watch(
    files: &[std::path::PathBuf],
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    use career_atlas::cli_author::{WatchSignal, validate_watch};
    let (tx, rx) = std::sync::mpsc::channel();
    let stop = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(WatchSignal::Stop);
    }) {
        // Without the handler Ctrl+C still ends the watch, as signals do.
        let _ = writeln!(
            err,
            "career-atlas: Ctrl+C will not end the watch cleanly: {e}"
        );
    }
    validate_watch(files, json, (tx, rx), out, err)
}

fn open_window(import_files: Vec<std::path::PathBuf>, err: &mut dyn Write) -> i32 {
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
        // The app installs its own fallback provider (career_atlas::fonts),
        // which scans the system fonts only once some text needs them.
        system_font_fallback: false,
        ..Default::default()
    };
    let config = AppConfig {
        data_dir,
        import_files,
        fonts: career_atlas::fonts::FontSource::from_env(),
        first_run_quick_start: true,
        ..AppConfig::default()
    };
    let result = eframe::run_native(
        "Career Atlas",
        options,
        Box::new(|cc| Ok(Box::new(CareerAtlasApp::new(cc, config)))),
    );
    match result {
        Ok(()) => cli::EXIT_OK,
        Err(e) => {
            let _ = writeln!(
                err,
                "career-atlas: {}",
                cli_launch::window_failed(&e.to_string())
            );
            cli::EXIT_UNREADABLE
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

fn exit(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
