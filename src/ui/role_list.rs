//! The left panel: the search box, the match count and the list of roles,
//! grouped by category when no search is typed and ranked when one is.

use egui::{Key, RichText};

use super::Command;
use super::theme::LIST_ROW_HEIGHT;
use crate::app::ListState;
use crate::model::profile::Profile;
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

/// What the list needs to draw itself.
pub struct ListCx<'a> {
    /// All roles.
    pub catalog: &'a Catalog,
    /// For the progress figure beside each role.
    pub profile: &'a Profile,
    /// Rows for the current search.
    pub list: &'a ListState,
    /// The highlighted role.
    pub selected: Option<RoleIdx>,
}

/// Label of roles without a category.
const UNCATEGORISED: &str = "Other roles";

/// Builds the rows for `query`: grouped by category (in order of first
/// appearance) when empty, ranked best first otherwise.
#[must_use]
pub fn build_rows(catalog: &Catalog, index: &SearchIndex, query: &str) -> (Vec<Row>, Vec<RoleIdx>) {
    let hits = index.search(query);
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

/// Draws the panel.
pub fn ui(
    ui: &mut egui::Ui,
    cx: &ListCx<'_>,
    search: &mut String,
    focus_search: bool,
    scroll_to_selected: bool,
    out: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    let label = ui.label(RichText::new("Find a role").strong());
    let edit = ui.horizontal(|ui| {
        let clear_width = if search.is_empty() { 0.0 } else { 28.0 };
        let response = ui
            .add(
                egui::TextEdit::singleline(search)
                    .id(search_id())
                    .hint_text("Search roles or technologies…")
                    .desired_width(ui.available_width() - clear_width),
            )
            .labelled_by(label.id);
        if !search.is_empty()
            && ui
                .small_button("×")
                .on_hover_text("Clear the search (Esc)")
                .clicked()
        {
            out.push(Command::ClearSearch);
        }
        response
    });
    let edit = edit.inner;
    if focus_search {
        edit.request_focus();
    }
    if edit.changed() {
        out.push(Command::SearchChanged);
    }
    if edit.has_focus() && !search.is_empty() && ui.input(|i| i.key_pressed(Key::Escape)) {
        out.push(Command::ClearSearch);
    }

    let shown = cx.list.order.len();
    let total = cx.catalog.roles.len();
    ui.label(
        RichText::new(if shown == total {
            format!("{total} roles")
        } else {
            format!("{shown} of {total} roles")
        })
        .small(),
    );
    ui.separator();

    if shown == 0 {
        ui.add_space(12.0);
        ui.label(format!("No role matches “{}”.", search.trim()));
        ui.label(RichText::new("Try fewer words, or a technology such as “Kafka”.").small());
        if ui.button("Clear the search").clicked() {
            out.push(Command::ClearSearch);
        }
        return;
    }

    let rows = &cx.list.rows;
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
        let current =
            egui::scroll_area::State::load(ui.ctx(), ui.make_persistent_id("role_list_scroll"))
                .map_or(0.0, |s| s.clamped_offset().y);
        let view_h = ui.available_height();
        if top < current || top + row_h > current + view_h {
            scroll = scroll.vertical_scroll_offset((top - view_h / 2.0).max(0.0));
        }
    }
    scroll.show_rows(ui, LIST_ROW_HEIGHT, rows.len(), |ui, range| {
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
                    Row::Role(idx) => role_row(ui, cx, *idx, out),
                }
            }
        });
    });
}

fn role_row(ui: &mut egui::Ui, cx: &ListCx<'_>, idx: RoleIdx, out: &mut Vec<Command>) {
    let entry = cx.catalog.role(idx);
    let progress = cx.profile.role_progress(cx.catalog, entry);
    let mut title = entry.role.title.clone();
    if !cx.catalog.is_bundled(idx) {
        title = format!("{title}  ·  {}", cx.catalog.dataset_name(idx));
    }
    let selected = cx.selected == Some(idx);
    let mut button = egui::Button::selectable(selected, title);
    if progress.done > 0 {
        button = button.right_text(
            RichText::new(format!("{} of {} ticked", progress.done, progress.total)).small(),
        );
    }
    let response = ui.add(button.min_size(egui::vec2(0.0, LIST_ROW_HEIGHT)));
    let response = match &entry.role.summary {
        Some(s) => response.on_hover_text(s),
        None => response,
    };
    if response.clicked() {
        out.push(Command::Open(idx));
    }
}
