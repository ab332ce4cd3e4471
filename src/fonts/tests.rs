//! The fallback fonts over egui's real font system, with the subset fonts
//! of `tests/fixtures/fonts` instead of whatever this machine has.

use std::path::PathBuf;
use std::sync::Arc;

use egui::FontId;
use egui::epaint::text::{FontDefinitions, Fonts, TextOptions};

use super::*;

/// One sample per script the fallbacks must cover (the fixture fonts hold
/// exactly these characters).
pub(crate) const SAMPLES: &[(&str, &str)] = &[
    ("Vietnamese", "Lập trình viên di động"),
    ("Greek", "Μηχανικός λογισμικού"),
    ("Cyrillic", "Разработчик программного обеспечения"),
    ("Chinese", "后端开发工程师"),
    ("Japanese", "バックエンドエンジニア"),
    ("Korean", "역할 목록"),
    ("Arabic", "مطور الواجهة الخلفية"),
    ("Hebrew", "מפתח תוכנה"),
    ("Devanagari", "सॉफ्टवेयर इंजीनियर"),
    ("Thai", "วิศวกรซอฟต์แวร์"),
    ("emoji", "🚀"),
];

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts")
}

fn fonts_with(provider: Arc<FallbackFonts>) -> Fonts {
    Fonts::new(TextOptions::default(), FontDefinitions::default())
        .with_font_providers(vec![provider])
}

fn missing(fonts: &mut Fonts, text: &str) -> Vec<char> {
    let font = FontId::proportional(14.0);
    let mut view = fonts.with_pixels_per_point(1.0);
    missing_chars(text, |c| view.has_glyph(&font, c))
}

#[test]
fn the_bundled_font_lacks_these_scripts() {
    let mut fonts = Fonts::new(TextOptions::default(), FontDefinitions::default());
    for (script, text) in SAMPLES {
        // Ubuntu-Light has Greek and Cyrillic but not Vietnamese's stacked accents (ậ, ộ).
        if ["Greek", "Cyrillic"].contains(script) {
            assert!(missing(&mut fonts, text).is_empty(), "{script}");
        } else {
            assert!(!missing(&mut fonts, text).is_empty(), "{script}");
        }
    }
}

#[test]
fn every_script_has_glyphs_once_fallbacks_are_loaded() {
    let provider = Arc::new(FallbackFonts::new(FontSource::Folders(vec![fixtures()])));
    let mut fonts = fonts_with(Arc::clone(&provider));
    for (script, text) in SAMPLES {
        assert_eq!(
            missing(&mut fonts, text),
            Vec::<char>::new(),
            "{script}: {text}"
        );
    }
    let names: Vec<String> = fonts
        .discovered_fonts()
        .iter()
        .map(|f| f.name.clone())
        .collect();
    // The colour-bitmap emoji font is skipped for the outline one.
    assert!(names.iter().any(|n| n.contains("Noto Emoji")), "{names:?}");
    assert!(
        !names.iter().any(|n| n.contains("Color Emoji")),
        "{names:?}"
    );
    // Simplified Chinese is read from its face (index 1) of the collection.
    assert!(names.iter().any(|n| n.contains("CJK SC")), "{names:?}");
}

#[test]
fn characters_no_font_has_are_reported() {
    let provider = Arc::new(FallbackFonts::new(FontSource::Folders(vec![fixtures()])));
    let mut fonts = fonts_with(provider);
    // Georgian and a Han character outside the subset.
    assert_eq!(
        missing(&mut fonts, "后端 ქართული 龍"),
        vec!['ქ', 'ა', 'რ', 'თ', 'უ', 'ლ', 'ი', '龍']
    );
    let text = advice(&['龍'], coverage::Platform::Linux).unwrap();
    assert!(text.contains("fonts-noto-cjk"), "{text}");
}

#[test]
fn colour_bitmap_emoji_alone_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("NotoColorEmoji.subset.ttf"),
        dir.path().join("e.ttf"),
    )
    .unwrap();
    let provider = Arc::new(FallbackFonts::new(FontSource::Folders(vec![
        dir.path().into(),
    ])));
    let mut fonts = fonts_with(provider);
    assert_eq!(missing(&mut fonts, "🚀"), vec!['🚀']);
}

#[test]
fn nothing_is_scanned_while_every_character_is_in_the_bundled_font() {
    let provider = Arc::new(FallbackFonts::new(FontSource::Folders(vec![fixtures()])));
    let mut fonts = fonts_with(Arc::clone(&provider));
    assert!(
        missing(
            &mut fonts,
            "Backend Engineer — 0 of 12 “quoted” Ελληνικά Кириллица"
        )
        .is_empty()
    );
    assert!(matches!(*provider.state.lock(), State::Unused));
    assert_eq!(provider.generation(), 0);
}

#[test]
fn the_system_scan_runs_off_the_ui_thread_and_fonts_arrive_after_it() {
    let ctx = egui::Context::default();
    let provider = Arc::new(FallbackFonts::with_background(
        FontSource::Folders(vec![fixtures()]),
        true,
    ));
    install_provider(&ctx, Arc::clone(&provider));
    let has = |ctx: &egui::Context| {
        let mut found = false;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            found = ui.fonts_mut(|f| f.has_glyph(&FontId::proportional(14.0), '后'));
            after_frame(ui.ctx());
        });
        output.textures_delta.clear();
        found
    };
    assert!(!has(&ctx), "the first frame only asks for a scan");
    for _ in 0..500 {
        if provider.generation() > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(provider.generation(), 1, "the scan finished");
    // Usually egui still remembers the miss here (pending); but a scan of
    // the tiny fixture folder can finish inside the first frame's
    // `after_frame`, which then installs it at once — both are right.
    // One frame re-installs the provider, the next finds the glyph.
    let _ = has(&ctx);
    assert!(!provider.pending());
    assert!(has(&ctx));
}

#[test]
fn the_notice_waits_for_the_background_scan_and_then_says_nothing_when_fonts_exist() {
    let ctx = egui::Context::default();
    let provider = Arc::new(FallbackFonts::with_background(
        FontSource::Folders(vec![fixtures()]),
        true,
    ));
    install_provider(&ctx, Arc::clone(&provider));
    let frame = |text: &'static str| {
        let mut shown = false;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.label(text);
            shown = missing_glyphs_notice(ui, text, || text.to_owned());
            after_frame(ui.ctx());
        });
        output.textures_delta.clear();
        shown
    };
    for _ in 0..200 {
        assert!(!frame("后端 مطور"), "fonts exist for every character");
        if !provider.pending() && provider.generation() > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!frame("后端 مطور"));
    assert!(!provider.pending());
    // Georgian is in no fixture font: said once the fonts are known.
    assert!(frame("ქართული"));
}

/// The Latin letters of a laid-out line, in the order they appear left to right.
fn latin_left_to_right(fonts: &mut Fonts, job: egui::text::LayoutJob) -> String {
    let galley = fonts.with_pixels_per_point(1.0).layout_job(job);
    let mut glyphs: Vec<(f32, char)> = galley
        .rows
        .iter()
        .flat_map(|r| r.row.glyphs.iter())
        // egui also lists zero-width entries for the characters of a
        // right-to-left run; only glyphs with an advance are drawn.
        .filter(|g| g.chr.is_ascii_alphanumeric() && g.advance_width > 0.0)
        .map(|g| (g.pos.x, g.chr))
        .collect();
    glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
    glyphs.into_iter().map(|(_, c)| c).collect()
}

fn one_section(text: &str) -> egui::text::LayoutJob {
    egui::text::LayoutJob::simple_singleline(
        text.to_owned(),
        FontId::proportional(14.0),
        egui::Color32::WHITE,
    )
}

#[test]
fn the_apps_words_beside_an_rtl_title_are_never_mirrored() {
    let style = egui::Style::default();
    let parts = || {
        [
            egui::RichText::new("مطور الواجهة الخلفية"),
            egui::RichText::new("  ·  "),
            egui::RichText::new("International titles"),
        ]
    };
    let counter = || {
        [
            egui::RichText::new("الواجهة"),
            egui::RichText::new(" — 0 of 1"),
        ]
    };
    // Without an Arabic font every character comes from the bundled font, so
    // one section would be one run, shaped right to left as a whole.
    let mut bundled = Fonts::new(TextOptions::default(), FontDefinitions::default())
        .with_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Tofu);
    assert_eq!(
        latin_left_to_right(&mut bundled, one_section("الواجهة — 0 of 1")),
        "1fo0",
        "egui mirrors a mixed run; if this changed, update the README's RTL notes"
    );
    let provider = Arc::new(FallbackFonts::new(FontSource::Folders(vec![fixtures()])));
    let mut fallback = fonts_with(provider);
    for fonts in [&mut bundled, &mut fallback] {
        assert_eq!(
            latin_left_to_right(fonts, separate_runs(&style, parts())),
            "Internationaltitles"
        );
        assert_eq!(
            latin_left_to_right(fonts, separate_runs(&style, counter())),
            "0of1"
        );
    }
}

/// End to end with this machine's own fonts: run by hand or in CI after
/// `apt-get install fonts-noto-core fonts-noto-cjk fonts-symbola`.
#[test]
#[ignore = "depends on the fonts installed on this machine"]
fn system_fonts_cover_every_script() {
    let start = std::time::Instant::now();
    let mut index = FontIndex::scan(&FontSource::System);
    eprintln!("scanned {} faces in {:?}", index.len(), start.elapsed());
    for (script, text) in SAMPLES {
        for c in text
            .chars()
            .filter(|&c| coverage::needs_glyph(c) && !c.is_ascii())
        {
            let found = index.find(c, false);
            assert!(found.is_some(), "{script}: no system font has {c:?}");
        }
        let first = text.chars().find(|c| !c.is_ascii()).unwrap_or('a');
        if let Some(f) = index.find(first, false) {
            eprintln!("{script}: {}", f.name);
        }
    }
}
