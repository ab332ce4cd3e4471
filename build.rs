//! Build script: gives the Windows executable its icon and file properties.
//! Does nothing when the target is not Windows.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=assets/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// Embeds `assets/icon.ico` and names the program in the file properties.
/// `winresource` is a build-dependency on Windows hosts only, hence the
/// `cfg(windows)`: in a build script it describes the host, not the target.
#[cfg(windows)]
fn windows_resources() {
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon.ico")
        .set("FileDescription", "Career Atlas")
        .set("ProductName", "Career Atlas")
        .set("OriginalFilename", "career-atlas.exe");
    if let Err(e) = res.compile() {
        println!("cargo::error=could not embed the Windows icon and version info: {e}");
    }
}

/// A Windows target built on another host: `winresource` is not there.
#[cfg(not(windows))]
fn windows_resources() {
    println!(
        "cargo::warning=building for Windows on a non-Windows host: the .exe gets no icon \
         (winresource is a build-dependency on Windows hosts only)"
    );
}
