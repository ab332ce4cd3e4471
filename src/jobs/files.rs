//! Reading a file to import or merge, and encoding a chart's pixels: the
//! work of jobs that run off the UI thread.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{ColorImage, Rect};

use super::ImportReview;
use crate::input::InputError;
use crate::model::format::kind::{self, FileKind};
use crate::model::profile::{PROFILE_VERSION, Profile};
use crate::model::reader::MAX_FILE_BYTES;
use crate::model::{ReadContext, read_dataset};

/// Reads and checks one file (runs on a worker thread); the dataset of a
/// bare array or single role is named after the file.
#[must_use]
#[allow(clippy::implicit_hasher)] // the reader takes the std set
pub fn review(source: PathBuf, known_role_ids: &HashSet<String>) -> ImportReview {
    let stem = source
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    match read_file(&source) {
        Ok(bytes) => {
            let outcome = read_dataset(
                &stem,
                &bytes,
                ReadContext {
                    known_role_ids: Some(known_role_ids),
                },
            );
            // Only a refused file is asked what else it is.
            let kind = if outcome.dataset.is_none() {
                kind::recognize_bytes(&bytes)
            } else {
                None
            };
            let profile = match kind {
                Some(FileKind::Profile { .. }) => parse_profile(&bytes).ok(),
                _ => None,
            };
            ImportReview {
                source,
                bytes,
                outcome: Some(outcome),
                read_error: None,
                kind,
                profile,
            }
        }
        Err(message) => ImportReview {
            source,
            bytes: Arc::from(Vec::new()),
            outcome: None,
            read_error: Some(message),
            kind: None,
            profile: None,
        },
    }
}

/// A skill profile from a file's bytes, in any encoding role files may have.
///
/// # Errors
/// A sentence: not a profile, or from a newer app.
pub fn parse_profile(bytes: &[u8]) -> Result<Profile, String> {
    let utf8 = crate::model::format::encoding::to_utf8(bytes).map_err(|d| d.message)?;
    let body = utf8.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&utf8);
    let profile: Profile = serde_json::from_slice(body)
        .map_err(|e| format!("this is not a Career Atlas profile file: {e}"))?;
    if profile.version > PROFILE_VERSION {
        return Err(format!(
            "this profile was written by a newer Career Atlas (version {}); update the app to read it",
            profile.version
        ));
    }
    Ok(profile)
}

/// Reads a file, refusing folders, devices and oversized files with a message
/// a person can act on.
///
/// # Errors
/// A sentence saying why the file cannot be read.
pub fn read_file(path: &Path) -> Result<Arc<[u8]>, String> {
    let meta = std::fs::metadata(path).map_err(describe_io)?;
    if meta.is_dir() {
        return Err(InputError::Folder.to_string());
    }
    if !meta.is_file() {
        return Err("this is not a regular file (a device or a pipe?); choose a .json file".into());
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(format!(
            "the file is {} MB; role files may be at most {} MB — split it into several files",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(path).map(Arc::from).map_err(describe_io)
}

/// Crops the screenshot `image` to `rect` (in points, at `pixels_per_point`)
/// and encodes it as PNG.
///
/// # Errors
/// When the rectangle lies outside the image or encoding fails.
pub fn crop_to_png(
    image: &ColorImage,
    rect: Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to the image
    let to_px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, y0) = (to_px(rect.min.x, w), to_px(rect.min.y, h));
    let (x1, y1) = (to_px(rect.max.x, w), to_px(rect.max.y, h));
    if x1 <= x0 || y1 <= y0 {
        return Err("the chart was not on screen when the picture was taken".into());
    }
    let mut rgba = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
    for y in y0..y1 {
        for px in &image.pixels[y * w + x0..y * w + x1] {
            rgba.extend_from_slice(&px.to_srgba_unmultiplied());
        }
    }
    let mut out = Vec::new();
    {
        let width = u32::try_from(x1 - x0).map_err(|e| e.to_string())?;
        let height = u32::try_from(y1 - y0).map_err(|e| e.to_string())?;
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// In the words the command line uses for the same trouble.
fn describe_io(e: std::io::Error) -> String {
    InputError::from(e).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_the_right_pixels_and_writes_a_png() {
        let mut image = ColorImage::filled([10, 8], egui::Color32::WHITE);
        image.pixels[3 * 10 + 4] = egui::Color32::RED;
        // Points at 2 pixels per point: (2,1.5)-(3,2.5) is pixels (4,3)-(6,5).
        let rect = Rect::from_min_max(egui::pos2(2.0, 1.5), egui::pos2(3.0, 2.5));
        let bytes = crop_to_png(&image, rect, 2.0).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (2, 2));
        assert_eq!(&buf[..4], &[255, 0, 0, 255], "top-left is the red pixel");
        assert!(
            crop_to_png(
                &image,
                Rect::from_min_max(egui::pos2(50.0, 50.0), egui::pos2(60.0, 60.0)),
                1.0
            )
            .is_err()
        );
    }

    #[test]
    fn folders_and_missing_files_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_file(dir.path()).unwrap_err().contains("folder"));
        assert_eq!(
            read_file(&dir.path().join("nope.json")).unwrap_err(),
            "no such file"
        );
    }

    #[test]
    fn a_review_names_the_dataset_after_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("My Roles.json");
        std::fs::write(&source, br#"[{"id":"a","title":"A","stack":{}}]"#).unwrap();
        let r = review(source, &HashSet::new());
        assert!(r.is_valid());
        let ds = r.outcome.unwrap().dataset.unwrap();
        assert_eq!(ds.name, "My Roles");
    }
}
