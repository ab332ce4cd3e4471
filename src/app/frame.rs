//! One frame: take finished background work, build the panels' read-only
//! context, lay out the window, then apply the commands the panels returned
//! and write what is due.

use super::{CareerAtlasApp, Panels};
use crate::state::View;
use crate::ui::{self, ViewCx};

impl CareerAtlasApp {
    /// Lays out the whole window for one frame and applies what the panels asked.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_jobs();
        self.sync_list();
        let mut commands = ui::shortcuts::read_keys(&ctx);
        for path in ui::import::dropped_files(&ctx) {
            self.start_import(path);
        }
        let focus_search = std::mem::take(&mut self.pending.focus_search);
        let scroll_list = std::mem::take(&mut self.pending.scroll_list_to_selected);
        let detail_to_top = std::mem::take(&mut self.pending.scroll_detail_to_top);

        // Borrowed field by field, so the panels with state of their own can
        // be drawn mutably beside the read-only context.
        let Self {
            panels:
                Panels {
                    role_list,
                    palette,
                    role_page,
                    salaries,
                    skills_input,
                    my_skills,
                    tech_page,
                    quick_start,
                },
            settings,
            catalog,
            index,
            pay,
            profile,
            profile_version,
            fit,
            fit_version,
            library,
            selected,
            selected_tech,
            catalog_version,
            history,
            notices,
            salary_table,
            dialog,
            jobs,
            ..
        } = self;
        let cx = ViewCx {
            catalog,
            index,
            pay,
            profile,
            profile_version: *profile_version,
            credits: &fit.credits,
            fits: &fit.fits,
            fit_version: *fit_version,
            fit_order: &fit.order,
            openers: &fit.openers,
            settings,
            selected: *selected,
            tech: *selected_tech,
            catalog_version: *catalog_version,
            in_view: role_list.order(),
            in_view_version: role_list.version(),
            salary_table: *salary_table,
            dialog: *dialog,
            can_go_back: history.can_go_back(),
            can_go_forward: history.can_go_forward(),
            notices,
            imports_in_flight: jobs.in_flight(),
            file_dialog_open: jobs.dialog_open(),
            pending_dialog: jobs.pending_dialog(),
            last_removed: library.removed.last().map(|r| r.entry.name.as_str()),
            review: library.reviews.front(),
            reviews_waiting: library.reviews.len().saturating_sub(1),
            authoring: &library.authoring,
        };
        let out = &mut commands;

        egui::Panel::top("top_bar").show(ui, |ui| ui::top_bar::ui(ui, &cx, out));
        egui::Panel::left("role_list")
            .resizable(true)
            .default_size(300.0)
            .size_range(220.0..=520.0)
            .show(ui, |ui| {
                role_list.ui(ui, &cx, focus_search, scroll_list, out);
            });
        ui::authoring::problems_panel(ui, &cx, out);
        egui::CentralPanel::default().show(ui, |ui| match cx.settings.view {
            View::Role => role_page.ui(ui, &cx, detail_to_top, out),
            View::MySkills => {
                my_skills.ui(ui, &cx, out, |ui, out| skills_input.ui(ui, &cx, out));
            }
            View::Technology => tech_page.ui(ui, &cx, out),
            View::BestFit => ui::best_fit::ui(ui, &cx, out),
            View::Plan => ui::plan::ui(ui, &cx, out),
            View::Compare => ui::compare::ui(ui, &cx, out),
            View::Salaries => salaries.ui(ui, &cx, out),
        });
        ui::about::window(&ctx, &cx, out);
        ui::shortcuts::window(&ctx, &cx, out);
        ui::datasets::window(&ctx, &cx, out);
        ui::import::review_window(&ctx, &cx, out);
        palette.window(&ctx, &cx, out);
        quick_start.window(&ctx, &cx, out);
        ui::import::drop_hint(&ctx);

        // Ctrl+plus/minus/0 zoom (egui's own shortcuts); remembered across restarts.
        self.settings.zoom = ctx.zoom_factor();
        for c in commands {
            self.apply(&ctx, c);
        }
        self.hand_over();
        crate::fonts::after_frame(&ctx);
    }
}
