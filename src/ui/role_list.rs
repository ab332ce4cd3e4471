//! The left panel: the search box, the match count and the list of roles,
//! grouped by category when no search is typed and ranked when one is.
//!
//! The panel keeps its rows between frames ([`RoleList`]) and rebuilds them
//! only when what they are built from changes. The search text itself is a
//! saved setting: the box shows it and sends [`Command::SetSearch`] when the
//! person types, and that command is the only way it changes.

use egui::{Key, RichText};

use super::theme::LIST_ROW_HEIGHT;
use super::{Command, ViewCx, text};
use crate::model::profile::Proficiency;
use crate::model::search::SearchIndex;
use crate::model::{Catalog, RoleIdx};

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A category heading.
    Header(String),
    /// A role.
    Role(RoleIdx),
}

/// What the rows are built from; when any part changes they are rebuilt.
#[derive(Debug, Clone, Copy)]
pub struct ListInputs<'a> {
    /// The search text.
    pub query: &'a str,
    /// Ordered by fit rather than by category.
    pub by_fit: bool,
    /// Changes whenever the loaded datasets do.
    pub catalog_version: u64,
    /// Changes whenever the fits do (only matters when ordered by fit).
    pub fit_version: u64,
}

/// The list's own state: its rows for the current inputs, kept between frames.
#[derive(Default)]
pub struct RoleList {
    /// The inputs the rows were built for: query, by fit, catalog and fit versions.
    built_for: Option<(String, bool, u64, u64)>,
    rows: Vec<Row>,
    order: Vec<RoleIdx>,
    version: u64,
}

impl RoleList {
    /// Rebuilds the rows if `inputs` differ from those they were built for;
    /// `fits` (by `RoleIdx`) orders them when `inputs.by_fit`.
    pub fn sync(
        &mut self,
        catalog: &Catalog,
        index: &SearchIndex,
        fits: &[Option<f32>],
        inputs: ListInputs<'_>,
    ) {
        // The order by category does not depend on fit.
        let fit_version = if inputs.by_fit { inputs.fit_version } else { 0 };
        let key = (inputs.by_fit, inputs.catalog_version, fit_version);
        if let Some((query, by_fit, catalog_version, fits_at)) = &self.built_for
            && query == inputs.query
            && (*by_fit, *catalog_version, *fits_at) == key
        {
            return;
        }
        let (rows, order) = build_rows(catalog, index, inputs.query, inputs.by_fit.then_some(fits));
        self.rows = rows;
        self.order = order;
        self.version = self.version.wrapping_add(1);
        self.built_for = Some((inputs.query.to_owned(), key.0, key.1, key.2));
    }

    /// The roles among the rows, in order (for arrow keys and the views that
    /// follow the search).
    #[must_use]
    pub fn order(&self) -> &[RoleIdx] {
        &self.order
    }

    /// Changes whenever the rows are rebuilt.
    #[must_use]
    pub fn version(&self) -> u64 {
        self.version
    }
}

/// Label of roles without a category.
const UNCATEGORISED: &str = "Other roles";

/// Builds the rows for `query`: grouped by category (in order of first
/// appearance) when empty, ranked best first otherwise; with `by_fit`, a flat
/// list of the matches ordered by fit (ties keep the search order).
#[must_use]
pub fn build_rows(
    catalog: &Catalog,
    index: &SearchIndex,
    query: &str,
    by_fit: Option<&[Option<f32>]>,
) -> (Vec<Row>, Vec<RoleIdx>) {
    let hits = index.search(query);
    if let Some(fits) = by_fit {
        let mut order: Vec<RoleIdx> = hits.iter().map(|h| h.role).collect();
        let fit = |r: &RoleIdx| fits.get(r.0).copied().flatten().unwrap_or(-1.0);
        order.sort_by(|a, b| fit(b).total_cmp(&fit(a)));
        return (order.iter().map(|&r| Row::Role(r)).collect(), order);
    }
    if !query.trim().is_empty() {
        let order: Vec<RoleIdx> = hits.iter().map(|h| h.role).collect();
        return (order.iter().map(|&r| Row::Role(r)).collect(), order);
    }
    let mut categories: Vec<(&str, Vec<RoleIdx>)> = Vec::new();
    for hit in hits {
        let cat = catalog
            .role(hit.role)
            .role
            .category
            .as_deref()
            .unwrap_or(UNCATEGORISED);
        match categories.iter_mut().find(|(c, _)| *c == cat) {
            Some((_, roles)) => roles.push(hit.role),
            None => categories.push((cat, vec![hit.role])),
        }
    }
    let mut rows = Vec::new();
    let mut order = Vec::new();
    for (cat, roles) in categories {
        rows.push(Row::Header(cat.to_string()));
        rows.extend(roles.iter().map(|&r| Row::Role(r)));
        order.extend(roles);
    }
    (rows, order)
}

/// The search box's id, so Ctrl+F can focus it.
#[must_use]
pub fn search_id() -> egui::Id {
    egui::Id::unique("role_search")
}

impl RoleList {
    /// Draws the panel; `focus_search` and `scroll_to_selected` are one-shot
    /// requests of this frame.
    pub fn ui(
        &self,
        ui: &mut egui::Ui,
        cx: &ViewCx<'_>,
        focus_search: bool,
        scroll_to_selected: bool,
        out: &mut Vec<Command>,
    ) {
        search_box(ui, &cx.settings.search, focus_search, out);
        tech_match(ui, cx, out);
        self.rows_ui(ui, cx, scroll_to_selected, out);
    }

    fn rows_ui(
        &self,
        ui: &mut egui::Ui,
        cx: &ViewCx<'_>,
        scroll_to_selected: bool,
        out: &mut Vec<Command>,
    ) {
        let shown = self.order.len();
        let total = cx.catalog.roles.len();
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(if shown == total {
                    text::roles(total)
                } else {
                    format!("{shown} of {}", text::roles(total))
                })
                .small(),
            );
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let mut by_fit = cx.settings.sort_by_fit;
                if ui
                    .checkbox(&mut by_fit, RichText::new("Sort by fit").small())
                    .on_hover_text(crate::model::fit::FORMULA)
                    .changed()
                {
                    out.push(Command::SetSortByFit(by_fit));
                }
            });
        });
        ui.separator();

        if shown == 0 {
            ui.add_space(12.0);
            ui.label(format!("No role matches “{}”.", cx.settings.search.trim()));
            ui.label(RichText::new("Try fewer words, or a technology such as “Kafka”.").small());
            if ui.button("Clear the search").clicked() {
                out.push(Command::ClearSearch);
            }
            return;
        }
        rows(ui, cx, &self.rows, scroll_to_selected, out);
    }
}

/// When the search names a technology ("k8s", "postgres"), a link to its
/// page above the roles that list it: the list alone led only to roles.
/// One hash lookup a frame.
fn tech_match(ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    let query = cx.settings.search.trim();
    let Some(tech) = (!query.is_empty())
        .then(|| cx.catalog.find_tech(query))
        .flatten()
    else {
        return;
    };
    let name = &cx.catalog.tech(tech).name;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Technology:").small());
        if ui
            .link(name)
            .on_hover_text(format!("Open the page of {name}"))
            .clicked()
        {
            out.push(Command::OpenTech(tech));
        }
    });
}

/// The search box. It edits a copy of the saved text: the change goes to the
/// app as a command, so the setting changes in one way only.
fn search_box(ui: &mut egui::Ui, saved: &str, focus: bool, out: &mut Vec<Command>) {
    let mut search = saved.to_owned();
    ui.add_space(6.0);
    let label = ui.label(RichText::new("Find a role").strong());
    // Right to left: the clear button takes its real width first and the
    // field the rest. A guessed button width let the row ask for a few
    // points more than the panel had, and the panel grew by that on every
    // repaint while the search had text (found by a fresh-user check).
    let edit = ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if !search.is_empty()
                && ui
                    .small_button("×")
                    .on_hover_text("Clear the search (Esc)")
                    .clicked()
            {
                out.push(Command::ClearSearch);
            }
            ui.add(
                egui::TextEdit::singleline(&mut search)
                    .id(search_id())
                    .hint_text("Search roles or technologies…")
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label.id)
        })
        .inner
    });
    let edit = edit.inner;
    if focus {
        edit.request_focus();
    }
    // The text field gives up focus on Esc before this runs, so a field that
    // has just lost focus counts too.
    if (edit.has_focus() || edit.lost_focus())
        && !search.is_empty()
        && ui.input(|i| i.key_pressed(Key::Escape))
    {
        out.push(Command::ClearSearch);
    } else if search != saved {
        out.push(Command::SetSearch(search));
    }
}

/// The rows; only the visible ones are laid out.
fn rows(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    rows: &[Row],
    scroll_to_selected: bool,
    out: &mut Vec<Command>,
) {
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("role_list_scroll")
        .auto_shrink([false, false]);
    if scroll_to_selected
        && let Some(pos) = cx
            .selected
            .and_then(|s| rows.iter().position(|r| *r == Row::Role(s)))
    {
        // Keep the selection in view without jumping when it already is.
        let row_h = LIST_ROW_HEIGHT + ui.spacing().item_spacing.y;
        #[allow(clippy::cast_precision_loss)] // row counts are far below 2^23
        let top = pos as f32 * row_h;
        let current = ui
            .data(|d| d.get_temp::<f32>(offset_memory_id()))
            .unwrap_or(0.0);
        let view_h = ui.available_height();
        if top < current || top + row_h > current + view_h {
            scroll = scroll.vertical_scroll_offset((top - view_h / 2.0).max(0.0));
        }
    }
    // Once per frame, not per row: it looks through the whole profile.
    let show_fit = cx.settings.sort_by_fit
        || cx
            .profile
            .skills
            .values()
            .any(|s| s.level > Proficiency::NotYet);
    let output = scroll.show_rows(ui, LIST_ROW_HEIGHT, rows.len(), |ui, range| {
        ui.set_min_width(ui.available_width());
        // Justified: every row spans the panel, with its text at the left.
        ui.with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
            for row in &rows[range] {
                match row {
                    Row::Header(name) => {
                        // Exactly one row high, so `show_rows` can place every row.
                        let (rect, _) = ui.allocate_exact_size(
                            egui::vec2(ui.available_width(), LIST_ROW_HEIGHT),
                            egui::Sense::hover(),
                        );
                        ui.scope_builder(
                            egui::UiBuilder::new()
                                .max_rect(rect)
                                .layout(egui::Layout::left_to_right(egui::Align::Max)),
                            |ui| {
                                ui.label(RichText::new(name.to_uppercase()).small().strong().weak())
                            },
                        );
                    }
                    Row::Role(idx) => role_row(ui, cx, *idx, show_fit, out),
                }
            }
        });
    });
    let offset = output.state.clamped_offset().y;
    ui.data_mut(|d| d.insert_temp(offset_memory_id(), offset));
}

/// Where the list remembers how far it is scrolled, to keep the selection in view.
fn offset_memory_id() -> egui::Id {
    egui::Id::unique("role_list_offset")
}

fn role_row(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    idx: RoleIdx,
    show_fit: bool,
    out: &mut Vec<Command>,
) {
    let entry = cx.catalog.role(idx);
    let fit = cx.fits.get(idx.0).copied().flatten();
    let mut title = entry.role.title.clone();
    // Issue 14: title, separator and dataset name as separate runs, so an RTL title never mirrors the rest.
    let mut parts = vec![RichText::new(&entry.role.title)];
    if !cx.catalog.is_bundled(idx) {
        title = format!("{title}  ·  {}", cx.catalog.dataset_name(idx));
        parts.extend([
            RichText::new("  ·  "),
            RichText::new(cx.catalog.dataset_name(idx)),
        ]);
    }
    let selected = cx.selected == Some(idx);
    // One line per row, always: `show_rows` places rows by a fixed height,
    // so a wrapped title would push the rows below it out of place. The
    // tooltip has the whole title.
    let label = crate::fonts::separate_runs(ui.style(), parts);
    let mut button = egui::Button::selectable(selected, label).truncate();
    if show_fit && let Some(f) = fit {
        button = button.right_text(RichText::new(format!("{:.0}% fit", f * 100.0)).small());
    }
    let response = ui.add(button.min_size(egui::vec2(0.0, LIST_ROW_HEIGHT)));
    if show_fit && let Some(f) = fit {
        // A thin bar along the bottom of the row; the number says the same.
        let r = response.rect;
        let bar = egui::Rect::from_min_size(
            egui::pos2(r.left() + 4.0, r.bottom() - 3.0),
            egui::vec2((r.width() - 8.0) * f, 2.0),
        );
        ui.painter()
            .rect_filled(bar, 1.0, ui.visuals().selection.bg_fill);
    }
    let response = response.on_hover_ui(|ui| {
        ui.strong(&title);
        if let Some(s) = &entry.role.summary {
            ui.label(s);
        }
    });
    if response.clicked() {
        out.push(Command::Open(idx));
    }
}
