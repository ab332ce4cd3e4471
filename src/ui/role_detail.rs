//! The central panel: everything about the selected role, as one page with
//! a section bar that stays in view (Overview · Stack · Pay · A day ·
//! Getting in · Related), quick facts at the top, and, in a wide window, the
//! stack and the pay side by side.
//!
//! A bar over one scrolling page rather than tabs: the page stays one
//! document to read from top to bottom (and for a screen reader to walk),
//! nothing is hidden behind a tab, and the bar still reaches any section in
//! one click or key (Alt+1…Alt+6) while showing where the reader is.

use egui::{Align, Key, Modifiers, RichText};

use super::theme::{READING_WIDTH, SECTION_GAP};
use super::{Command, ViewCx, pay_section, quick_facts, stack_checklist};
use crate::model::RoleIdx;
use crate::model::money::group_thousands;
use crate::model::types::Role;

/// A section of the role page, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// What the work is, and the responsibilities.
    Overview,
    /// The technology checklist.
    Stack,
    /// The salary tables.
    Pay,
    /// A day in the life.
    Day,
    /// Education, routes in and the job outlook.
    GettingIn,
    /// Related roles and further reading.
    Related,
}

impl Section {
    /// Every section, in page order.
    pub const ALL: [Self; 6] = [
        Self::Overview,
        Self::Stack,
        Self::Pay,
        Self::Day,
        Self::GettingIn,
        Self::Related,
    ];

    /// The name on the bar.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Stack => "Stack",
            Self::Pay => "Pay",
            Self::Day => "A day",
            Self::GettingIn => "Getting in",
            Self::Related => "Related",
        }
    }

    /// The heading of the section on the page.
    #[must_use]
    pub fn heading(self) -> &'static str {
        match self {
            Self::Overview => "What the work is",
            Self::Stack => "Technology stack",
            Self::Pay => "Pay",
            Self::Day => "A day in the life",
            Self::GettingIn => "Getting in",
            Self::Related => "Related roles",
        }
    }

    /// Its shortcut's key, with Alt: 1 to 6 in page order.
    #[must_use]
    pub fn key(self) -> Key {
        match self {
            Self::Overview => Key::Num1,
            Self::Stack => Key::Num2,
            Self::Pay => Key::Num3,
            Self::Day => Key::Num4,
            Self::GettingIn => Key::Num5,
            Self::Related => Key::Num6,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// True when `role` has anything to show in this section.
    #[must_use]
    pub fn present(self, role: &Role) -> bool {
        match self {
            Self::Overview => role.description.is_some() || !role.responsibilities.is_empty(),
            Self::Stack | Self::Pay => true,
            Self::Day => !role.day_in_the_life.is_empty(),
            Self::GettingIn => role.education.is_some() || role.outlook.is_some(),
            Self::Related => !role.related.is_empty() || !role.links.is_empty(),
        }
    }
}

/// The content is laid out in two columns (stack beside pay) from this
/// width of the panel on, in points.
pub const WIDE: f32 = 1200.0;

/// The page's own state: where it is asked to jump, and where each section's
/// heading was last frame (to light the section being read).
#[derive(Default)]
pub struct RolePage {
    role: Option<RoleIdx>,
    jump: Option<Section>,
    /// Each section heading's top, relative to the visible top of the page.
    tops: [Option<f32>; 6],
    current: Option<Section>,
}

/// Reads Alt+1…Alt+6; the text a key may also type (Alt+digit types the
/// digit on some systems) is dropped with it, so a focused search box does
/// not receive it.
fn read_keys(ctx: &egui::Context) -> Option<Section> {
    ctx.input_mut(|i| {
        let hit = Section::ALL
            .into_iter()
            .find(|s| i.consume_key(Modifiers::ALT, s.key()))?;
        i.events.retain(|e| !matches!(e, egui::Event::Text(_)));
        Some(hit)
    })
}

impl RolePage {
    /// Draws the panel.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCx<'_>,
        scroll_to_top: bool,
        out: &mut Vec<Command>,
    ) {
        let Some(idx) = cx.selected else {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                ui.heading("Pick a role on the left");
                ui.label("Or search for a technology you know, such as “Python” or “Kubernetes”.");
            });
            return;
        };
        if self.role != Some(idx) {
            *self = Self {
                role: Some(idx),
                ..Self::default()
            };
        }
        let role = &cx.catalog.role(idx).role;
        if let Some(s) = read_keys(ui.ctx()).filter(|s| s.present(role)) {
            self.jump = Some(s);
        }
        self.section_bar(ui, role);
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("role_detail_scroll")
            .auto_shrink([false, false]);
        if scroll_to_top {
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        let output = scroll.show(ui, |ui| {
            let wide = ui.available_width() >= WIDE;
            let cap = if wide { 1500.0 } else { READING_WIDTH };
            let width = ui.available_width().min(cap);
            ui.horizontal(|ui| {
                // Centre the column in wide windows.
                let margin = ((ui.available_width() - width) / 2.0).max(0.0);
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    self.body(ui, cx, idx, wide, out);
                    ui.add_space(24.0);
                });
            });
        });
        // The section being read: the last heading in the upper third.
        let view = output.inner_rect;
        let line = view.height() / 3.0;
        self.current = Section::ALL
            .into_iter()
            .rev()
            .find(|s| self.tops[s.index()].is_some_and(|t| t <= line))
            .or(Some(Section::ALL[0]));
    }

    /// The bar over the page: the role's name and a button per section.
    fn section_bar(&mut self, ui: &mut egui::Ui, role: &Role) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(super::text::clip(&role.title, 40).as_ref()).strong())
                .on_hover_text(&role.title);
            ui.separator();
            for s in Section::ALL.into_iter().filter(|s| s.present(role)) {
                let on = self.current == Some(s);
                let button = ui.selectable_label(on, s.label()).on_hover_text(format!(
                    "{} (Alt+{})",
                    s.heading(),
                    s.index() + 1
                ));
                if button.clicked() {
                    self.jump = Some(s);
                }
            }
        });
        ui.separator();
    }

    /// A section's heading; scrolls it to the top when it is asked for.
    fn heading(&mut self, ui: &mut egui::Ui, s: Section) {
        ui.add_space(SECTION_GAP);
        let r = ui.label(RichText::new(s.heading()).size(18.0).strong());
        self.tops[s.index()] = Some(r.rect.top() - ui.clip_rect().top());
        if self.jump == Some(s) {
            self.jump = None;
            self.current = Some(s);
            let target = r.rect.expand2(egui::vec2(0.0, SECTION_GAP / 2.0));
            ui.scroll_to_rect_animation(
                target,
                Some(Align::TOP),
                egui::style::ScrollAnimation::none(),
            );
            // The scroll lands next frame; draw it, so the page (and the
            // bar's lit section) does not wait for the next input to move.
            ui.ctx().request_repaint();
        }
        ui.add_space(2.0);
    }

    fn body(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCx<'_>,
        idx: RoleIdx,
        wide: bool,
        out: &mut Vec<Command>,
    ) {
        let catalog = cx.catalog;
        let entry = catalog.role(idx);
        let role = &entry.role;
        self.tops = [None; 6];
        ui.scope(|ui| {
            super::theme::cap_to_reading_width(ui);
            header(ui, cx, idx, out);
        });
        ui.add_space(8.0);
        if let Some(s) = quick_facts::ui(ui, cx, idx) {
            self.jump = Some(s);
        }
        if Section::Overview.present(role) {
            ui.scope(|ui| {
                super::theme::cap_to_reading_width(ui);
                self.heading(ui, Section::Overview);
                overview(ui, role);
            });
        }
        if wide {
            ui.columns(2, |cols| {
                self.heading(&mut cols[0], Section::Stack);
                stack_checklist::ui(&mut cols[0], catalog, cx.profile, entry, out);
                self.heading(&mut cols[1], Section::Pay);
                pay_section::ui(&mut cols[1], cx, idx, out);
            });
        } else {
            self.heading(ui, Section::Stack);
            stack_checklist::ui(ui, catalog, cx.profile, entry, out);
            self.heading(ui, Section::Pay);
            pay_section::ui(ui, cx, idx, out);
        }
        ui.scope(|ui| {
            super::theme::cap_to_reading_width(ui);
            if Section::Day.present(role) {
                self.heading(ui, Section::Day);
                day(ui, role);
            }
            if Section::GettingIn.present(role) {
                self.heading(ui, Section::GettingIn);
                if let Some(education) = &role.education {
                    ui.label(education);
                }
                if let Some(outlook) = &role.outlook {
                    outlook_box(ui, outlook);
                }
            }
            if Section::Related.present(role) {
                self.heading(ui, Section::Related);
                related(ui, cx, idx, out);
            }
        });
    }
}

/// Title, category, summary and the page's actions.
fn header(ui: &mut egui::Ui, cx: &ViewCx<'_>, idx: RoleIdx, out: &mut Vec<Command>) {
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
                crate::model::markdown::role(catalog, cx.pay, cx.profile, idx),
            ));
        }
        if ui.button("Save as Markdown…").clicked() {
            out.push(Command::SaveText(
                "the role",
                "role.md",
                crate::model::markdown::role(catalog, cx.pay, cx.profile, idx),
            ));
        }
    });
}

fn overview(ui: &mut egui::Ui, role: &Role) {
    if let Some(description) = &role.description {
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
        ui.add_space(6.0);
        ui.label(RichText::new("Responsibilities").strong());
        for r in &role.responsibilities {
            bullet(ui, r);
        }
    }
}

fn day(ui: &mut egui::Ui, role: &Role) {
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

fn related(ui: &mut egui::Ui, cx: &ViewCx<'_>, idx: RoleIdx, out: &mut Vec<Command>) {
    let catalog = cx.catalog;
    let role = &catalog.role(idx).role;
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
    if !role.links.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new("Further reading").strong());
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
    ui.add_space(8.0);
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
