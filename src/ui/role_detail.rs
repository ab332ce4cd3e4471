//! The central panel: everything about the selected role.

use egui::RichText;

use super::theme::{READING_WIDTH, section};
use super::{Command, ViewCx, salary_chart, stack_checklist};
use crate::model::RoleIdx;
use crate::model::money::group_thousands;

/// Draws the panel.
pub fn ui(ui: &mut egui::Ui, cx: &ViewCx<'_>, scroll_to_top: bool, out: &mut Vec<Command>) {
    let Some(idx) = cx.selected else {
        ui.vertical_centered(|ui| {
            ui.add_space(80.0);
            ui.heading("Pick a role on the left");
            ui.label("Or search for a technology you know, such as “Python” or “Kubernetes”.");
        });
        return;
    };
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("role_detail_scroll")
        .auto_shrink([false, false]);
    if scroll_to_top {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    scroll.show(ui, |ui| {
        let width = ui.available_width().min(READING_WIDTH);
        ui.horizontal(|ui| {
            // Centre the reading column in wide windows.
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.add_space(margin);
            ui.vertical(|ui| {
                ui.set_width(width);
                body(ui, cx, idx, out);
                ui.add_space(24.0);
            });
        });
    });
}

fn body(ui: &mut egui::Ui, cx: &ViewCx<'_>, idx: RoleIdx, out: &mut Vec<Command>) {
    let catalog = cx.catalog;
    let entry = catalog.role(idx);
    let role = &entry.role;

    ui.add_space(8.0);
    ui.heading(RichText::new(&role.title).strong());
    // Issue 14 hook: says once which characters no installed font can draw.
    crate::fonts::missing_glyphs_notice(ui, std::sync::Arc::as_ptr(&entry.role), || {
        let mut text = String::new();
        crate::fonts::notice::role_text(role, &mut text);
        text
    });
    // Issue 14: the person's texts and the app's words as separate runs, so an RTL category never mirrors "from".
    let mut meta = Vec::new();
    if let Some(c) = &role.category {
        meta.push(RichText::new(c).weak());
    }
    if !catalog.is_bundled(idx) {
        if !meta.is_empty() {
            meta.push(RichText::new(" · ").weak());
        }
        meta.push(RichText::new("from “").weak());
        meta.push(RichText::new(catalog.dataset_name(idx)).weak());
        meta.push(RichText::new("”").weak());
    }
    if !meta.is_empty() {
        ui.label(crate::fonts::separate_runs(ui.style(), meta));
    }
    if let Some(summary) = &role.summary {
        ui.add_space(6.0);
        ui.label(RichText::new(summary).size(17.0));
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if let Some(f) = cx.fits.get(idx.0).copied().flatten() {
            ui.label(RichText::new(format!("Your fit: {:.0}%", f * 100.0)).strong())
                .on_hover_text(crate::model::fit::FORMULA);
        }
        if ui
            .button("Plan a move here")
            .on_hover_text("From your skills to this role")
            .clicked()
        {
            out.push(Command::PlanMove {
                from: None,
                to: idx,
            });
        }
        if ui.button("Add to compare").clicked() {
            out.push(Command::AddToCompare(idx));
            out.push(Command::ShowView(crate::state::View::Compare));
        }
        if ui.button("Copy as Markdown").clicked() {
            out.push(Command::CopyText(
                "the role",
                crate::model::markdown::role(catalog, cx.profile, idx),
            ));
        }
        if ui.button("Save as Markdown…").clicked() {
            out.push(Command::SaveText(
                "the role",
                "role.md",
                crate::model::markdown::role(catalog, cx.profile, idx),
            ));
        }
    });
    if let Some(outlook) = &role.outlook {
        outlook_box(ui, outlook);
    }

    if let Some(description) = &role.description {
        section(ui, "What the work is");
        for paragraph in description
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            ui.label(paragraph);
            ui.add_space(4.0);
        }
    }
    if !role.responsibilities.is_empty() {
        section(ui, "Responsibilities");
        for r in &role.responsibilities {
            bullet(ui, r);
        }
    }
    if !role.day_in_the_life.is_empty() {
        section(ui, "A day in the life");
        egui::Grid::new("day_in_the_life")
            .num_columns(2)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                for d in &role.day_in_the_life {
                    ui.label(RichText::new(&d.when).strong());
                    ui.add(egui::Label::new(&d.what).wrap());
                    ui.end_row();
                }
            });
    }
    if let Some(education) = &role.education {
        section(ui, "Education and routes in");
        ui.label(education);
    }
    if !role.related.is_empty() {
        section(ui, "Related roles");
        for id in &role.related {
            match catalog.resolve_related(idx, id) {
                Some(target) => {
                    let other = &catalog.role(target).role;
                    ui.horizontal_wrapped(|ui| {
                        if ui
                            .link(RichText::new(&other.title).strong())
                            .on_hover_text(format!("Open {}", other.title))
                            .clicked()
                        {
                            out.push(Command::Open(target));
                        }
                        if ui
                            .small_button("Plan this move")
                            .on_hover_text(format!("From {} to {}", role.title, other.title))
                            .clicked()
                        {
                            out.push(Command::PlanMove {
                                from: Some(idx),
                                to: target,
                            });
                        }
                        if let Some(s) = &other.summary {
                            ui.label(RichText::new(s).weak());
                        }
                    });
                }
                None => {
                    ui.label(RichText::new(format!("{id} (not in any loaded dataset)")).weak());
                }
            }
        }
    }

    section(ui, "Technology stack");
    stack_checklist::ui(ui, catalog, cx.profile, entry, out);

    section(ui, "Salary");
    salary_chart::ui(ui, role, cx.salary_table, out);

    if !role.links.is_empty() {
        section(ui, "Further reading");
        ui.label(
            RichText::new(
                "Links open in your browser only when you click them; each shows its full address.",
            )
            .small()
            .weak(),
        );
        for link in &role.links {
            // The reader accepts only http and https addresses.
            ui.horizontal_wrapped(|ui| {
                ui.hyperlink_to(&link.title, &link.url)
                    .on_hover_text(format!("Opens {} in your browser", link.url));
                // Wrapped anywhere: an address has no space to break at.
                ui.add(
                    egui::Label::new(RichText::new(&link.url).small().monospace().weak())
                        .wrap_mode(egui::TextWrapMode::Wrap),
                );
            });
        }
    }
}

fn bullet(ui: &mut egui::Ui, text: &str) {
    ui.horizontal_top(|ui| {
        ui.label("•");
        ui.add(egui::Label::new(text).wrap());
    });
}

fn outlook_box(ui: &mut egui::Ui, o: &crate::model::types::Outlook) {
    ui.add_space(10.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Job outlook").strong());
        let mut parts = Vec::new();
        if let Some(g) = o.growth_pct {
            let period = o.period.as_deref().unwrap_or("the projection period");
            let sign = if g > 0.0 { "+" } else { "" };
            parts.push(format!(
                "{sign}{g}% projected employment change over {period}"
            ));
        }
        if let Some(n) = o.openings_per_year {
            parts.push(format!("about {} openings a year", group_thousands(n)));
        }
        if !parts.is_empty() {
            ui.label(parts.join(" · "));
        }
        if let Some(e) = &o.entry_education {
            let exp = o
                .work_experience
                .as_deref()
                .map(|w| format!("; related work experience: {w}"))
                .unwrap_or_default();
            ui.label(format!("Typical entry education: {e}{exp}"));
        }
        let mut src = Vec::new();
        if let Some(occ) = &o.occupation {
            src.push(format!("Occupation: {occ}"));
        }
        if let Some(s) = &o.source {
            src.push(format!("Source: {s}"));
        }
        if !src.is_empty() {
            ui.label(RichText::new(src.join(" · ")).small().weak());
        }
        if let Some(n) = &o.note {
            ui.label(RichText::new(n).small().weak());
        }
    });
}
