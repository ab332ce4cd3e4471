//! Whole-frame UI benchmarks of the real app, headless: one
//! `egui::Context::run_ui` of a 1280×800 window through
//! `CareerAtlasApp::frame_ui`, then `Context::tessellate` of its shapes (what a
//! frame costs the CPU before the GPU takes over). Each scene is warmed up
//! first (fonts, galley caches, scroll positions settled), so the figures are
//! steady-state frames.
//!
//! Scenes, with the bundled data and with a 10,000-role dataset imported (the
//! first-start welcome notice dismissed):
//! - `detail_chart`: role list plus the role page jumped to its Pay section (Alt+3);
//! - `datasets_window`: the same with the Datasets window open;
//! - `best_fit`: the Best fit view (every role ranked) with eight technologies
//!   of the selected role ticked;
//! - `compare`: the Compare view with three roles side by side;
//! - `salaries`: the Salaries view ranking every role in view by its median;
//! - `my_skills`: the My skills view with those eight technologies;
//! - `plan`: the Plan a move view from another role to the selected one;
//! - `tech_page`: the page of the technology the most roles list (with the
//!   large dataset, thousands of role rows: only those in view are laid out).
//!
//! Each scene is measured in wall time (`wall/ui_frame/...`) and in CPU time
//! of the benchmark thread (`cpu/ui_frame/...`, see `common/mod.rs`).
//!
//! ```text
//! cargo bench --bench ui_frame
//! ```
//!
//! With `UI_FRAME_DEBUG=1` set, every painted text of each scene is printed
//! with its position, to check what a scene shows.

mod common;

use std::hint::black_box;
use std::time::Duration;

use career_atlas::model::synthetic::dataset_json;
use career_atlas::model::{RoleIdx, TechId};
use career_atlas::state::View;
use career_atlas::store::Store;
use career_atlas::store::library::{LibraryEntry, LibraryIndex, copy_file_name};
use career_atlas::ui::{Command, Dialog};
use career_atlas::{AppConfig, CareerAtlasApp};
use common::{CPU_TIME, Label};
use criterion::Criterion;
use criterion::measurement::Measurement;
use egui::epaint::{ClippedShape, Shape};
use egui::{Event, Pos2, RawInput, Rect, vec2};

/// Roles in the large dataset.
const BIG: usize = 10_000;
/// Frames of 1/60 s run after each scroll step so smooth scrolling settles.
const SETTLE_FRAMES: usize = 30;

/// The app in a headless egui context, with its own data folder.
struct Scene {
    app: CareerAtlasApp,
    ctx: egui::Context,
    time: f64,
    _dir: tempfile::TempDir,
}

impl Scene {
    /// The app as it starts; with `big`, a dataset of that many roles is in
    /// its library (imported in an earlier session).
    fn new(big: Option<usize>) -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temporary folder: {e}"));
        if let Some(roles) = big {
            let store = Store::new(dir.path());
            let name = format!("Synthetic {roles}");
            let entry = LibraryEntry {
                file: copy_file_name(&name),
                name,
                source_file: "/tmp/big.json".into(),
                imported_at: "2026-01-01T00:00:00Z".into(),
                visible: true,
                watch: false,
            };
            let saved = store
                .save_dataset_copy(&entry.file, dataset_json(roles, 1).as_bytes())
                .and_then(|()| {
                    store.save_library(&LibraryIndex {
                        datasets: vec![entry],
                        ..LibraryIndex::default()
                    })
                });
            if let Err(e) = saved {
                panic!("cannot set up the library: {e}");
            }
        }
        let app = CareerAtlasApp::with_config(
            AppConfig {
                data_dir: Some(dir.path().to_path_buf()),
                ..AppConfig::default()
            },
            std::sync::Arc::new(|| {}),
        );
        if let Some(roles) = big {
            let notices: Vec<&str> = app.notices().iter().map(|n| n.text.as_str()).collect();
            assert!(
                app.catalog().roles.len() > roles,
                "the imported dataset did not load: {notices:?}"
            );
        }
        // As `CareerAtlasApp::new` does for eframe.
        let ctx = egui::Context::default();
        career_atlas::ui::theme::install(&ctx);
        ctx.set_theme(app.theme().preference());
        Self {
            app,
            ctx,
            time: 0.0,
            _dir: dir,
        }
    }

    /// Runs one frame with `events`; returns its shapes (not tessellated).
    fn run(&mut self, events: Vec<Event>) -> Vec<ClippedShape> {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            focused: true,
            events,
            ..RawInput::default()
        };
        let app = &mut self.app;
        let mut out = self.ctx.run_ui(input, |ui| app.frame_ui(ui));
        // No renderer here: the font atlas upload is dropped.
        out.textures_delta.clear();
        out.shapes
    }

    /// One whole frame as measured: layout, then tessellation.
    fn frame(&mut self) -> Vec<egui::ClippedPrimitive> {
        let shapes = self.run(Vec::new());
        self.ctx.tessellate(shapes, self.ctx.pixels_per_point())
    }

    fn settle(&mut self) -> Vec<ClippedShape> {
        let mut shapes = self.run(Vec::new());
        for _ in 1..SETTLE_FRAMES {
            shapes = self.run(Vec::new());
        }
        shapes
    }

    /// Jumps to the Pay section with its shortcut (Alt+3), as a person
    /// would, then checks that the chart's caption is on screen and nothing
    /// is hovered.
    fn scroll_to_chart(&mut self) {
        let key = |pressed| Event::Key {
            key: egui::Key::Num3,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::ALT,
        };
        // The page is on screen and laid out before the person presses the
        // keys: in its very first frame a grid has no column widths yet.
        self.settle();
        self.run(vec![key(true), key(false)]);
        self.run(vec![Event::PointerGone]);
        let shapes = self.settle();
        let y = texts(&shapes)
            .into_iter()
            .find(|(t, _)| t.starts_with("Source: "))
            .map_or(f32::NAN, |(_, y)| y);
        assert!(
            (0.0..=600.0).contains(&y),
            "the salary chart is not on screen (its caption at y = {y}): {:?}",
            texts(&shapes)
        );
        let prims = self.frame();
        let vertices: usize = prims
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        eprintln!(
            "scene: chart caption at y = {y:.0}, {} primitives, {vertices} vertices",
            prims.len()
        );
    }
}

/// Every painted text with its top, for debugging a scene.
fn texts(shapes: &[ClippedShape]) -> Vec<(String, f32)> {
    fn walk(shape: &Shape, out: &mut Vec<(String, f32)>) {
        match shape {
            Shape::Text(t) => out.push((t.galley.text().to_string(), t.pos.y)),
            Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for c in shapes {
        walk(&c.shape, &mut out);
    }
    out
}

fn bench_scene<M: Measurement + Label + 'static>(
    c: &mut Criterion<M>,
    label: &str,
    view: &str,
    scene: &mut Scene,
) {
    if std::env::var_os("UI_FRAME_DEBUG").is_some() {
        let shown = scene.run(Vec::new());
        eprintln!("{label}/{view}: {:?}", texts(&shown));
    }
    let mut g = c.benchmark_group(format!("{}/ui_frame", M::LABEL));
    g.sampling_mode(M::SAMPLING);
    g.bench_function(format!("{label}/{view}"), |b| {
        b.iter(|| black_box(scene.frame()));
    });
    g.finish();
}

fn main() {
    let measurement_time = Duration::from_secs(8);
    let mut wall = Criterion::default()
        .measurement_time(measurement_time)
        .configure_from_args();
    let mut cpu = Criterion::default()
        .with_measurement(CPU_TIME)
        .measurement_time(measurement_time)
        .configure_from_args();
    for (label, big) in [("bundled", None), ("10k_roles", Some(BIG))] {
        let mut scene = Scene::new(big);
        let ctx = scene.ctx.clone();
        while !scene.app.notices().is_empty() {
            scene.app.apply(&ctx, Command::DismissNotice(0));
        }
        let roles = scene.app.catalog().roles.len();
        // With the large dataset, roles from the middle of it: the list
        // scrolls far from the top.
        let role = RoleIdx(if big.is_some() { roles - BIG / 2 } else { 0 });
        scene.app.apply(&ctx, Command::Open(role));
        scene.scroll_to_chart();
        bench_scene(&mut wall, label, "detail_chart", &mut scene);
        bench_scene(&mut cpu, label, "detail_chart", &mut scene);

        scene
            .app
            .apply(&ctx, Command::ShowDialog(Some(Dialog::Datasets)));
        scene.settle();
        bench_scene(&mut wall, label, "datasets_window", &mut scene);
        bench_scene(&mut cpu, label, "datasets_window", &mut scene);
        scene.app.apply(&ctx, Command::ShowDialog(None));

        let techs: Vec<_> = scene
            .app
            .catalog()
            .role(role)
            .techs()
            .take(8)
            .map(|item| item.tech)
            .collect();
        for tech in techs {
            scene.app.apply(&ctx, Command::SetTicked(tech, true));
        }
        scene.app.apply(&ctx, Command::ShowView(View::BestFit));
        scene.settle();
        bench_scene(&mut wall, label, "best_fit", &mut scene);
        bench_scene(&mut cpu, label, "best_fit", &mut scene);

        for other in [RoleIdx(1), RoleIdx(roles - 1)] {
            scene.app.apply(&ctx, Command::AddToCompare(other));
        }
        scene.app.apply(&ctx, Command::AddToCompare(role));
        scene.app.apply(&ctx, Command::ShowView(View::Compare));
        scene.settle();
        bench_scene(&mut wall, label, "compare", &mut scene);
        bench_scene(&mut cpu, label, "compare", &mut scene);

        scene.app.apply(&ctx, Command::ShowView(View::Salaries));
        scene.settle();
        bench_scene(&mut wall, label, "salaries", &mut scene);
        bench_scene(&mut cpu, label, "salaries", &mut scene);

        scene.app.apply(&ctx, Command::ShowView(View::MySkills));
        scene.settle();
        bench_scene(&mut wall, label, "my_skills", &mut scene);
        bench_scene(&mut cpu, label, "my_skills", &mut scene);

        scene.app.apply(
            &ctx,
            Command::PlanMove {
                from: Some(RoleIdx(1)),
                to: role,
            },
        );
        scene.settle();
        bench_scene(&mut wall, label, "plan", &mut scene);
        bench_scene(&mut cpu, label, "plan", &mut scene);

        let catalog = scene.app.catalog();
        let most_listed = (0..catalog.techs.len())
            .map(TechId)
            .max_by_key(|&t| catalog.roles_using(t).len())
            .unwrap_or(TechId(0));
        eprintln!(
            "tech_page: {} listed by {} roles",
            catalog.tech(most_listed).name,
            catalog.roles_using(most_listed).len()
        );
        scene.app.apply(&ctx, Command::OpenTech(most_listed));
        scene.settle();
        bench_scene(&mut wall, label, "tech_page", &mut scene);
        bench_scene(&mut cpu, label, "tech_page", &mut scene);
    }
    wall.final_summary();
    cpu.final_summary();
}
