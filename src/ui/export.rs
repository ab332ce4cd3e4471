//! Saving what is on screen: a chart's pixels as PNG.

use egui::{ColorImage, Rect};

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
}
