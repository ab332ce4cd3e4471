//! A technology's page: what it is, how well the person knows it, every role
//! that lists it (where it matters most first), how many roles learning it
//! would lift, and the technologies that usually come with it.

use egui::{Align, Layout, Rect, RichText, Sense, TextWrapMode, UiBuilder, vec2};

use super::{Command, ViewCx, text};
use crate::model::catalog::{Catalog, TechInfo};
use crate::model::fit;
use crate::model::types::{Priority, TechStatus};
use crate::model::{RoleIdx, TechId};

/// How many companion technologies the page links to.
const COMPANIONS_SHOWN: usize = 10;

/// The page's own state: what it shows of the technology last shown, kept
/// while its inputs stay the same. Listing the roles walks every stack that
/// names the technology (thousands with a large dataset), which no frame
/// should repeat.
#[derive(Default)]
pub struct TechPage {
    /// Companions, for a technology and catalog version.
    companions: Option<((TechId, u64), Companions)>,
    /// Roles and their count above a good fit, for a technology, catalog
    /// version and fit version.
    roles: Option<((TechId, u64, u64), RolesListing)>,
}

/// Companion technologies with how many stacks list both.
type Companions = Vec<(TechId, usize)>;

/// The roles that list a technology, and what learning it would change.
struct RolesListing {
    /// In the page's order (see [`roles_listing`]).
    rows: Vec<(RoleIdx, Priority)>,
    /// Roles learning it would raise above a good fit.
    raised: usize,
}

/// A small "›" link to a technology's page, named "About NAME" for screen
/// readers and tests; true when clicked.
pub fn tech_link(ui: &mut egui::Ui, name: &str) -> bool {
    let label = format!("About {name}");
    let r = ui
        .link(RichText::new("›").strong())
        .on_hover_text(format!("Open the page of {name}"));
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
    r.clicked()
}

/// Technologies listed most often in the same stacks as `tech`, with counts.
/// Ties (common when `tech` is in one or two stacks) go to what those stacks
/// rank higher (core before optional), then to what more roles list overall,
/// then by name: alphabetical ties put Angular and CSS before the core
/// JavaScript of a one-role technology (found by a fresh-user check).
#[must_use]
pub fn companions(catalog: &Catalog, tech: TechId, limit: usize) -> Companions {
    // Per technology: shared stacks, and their priorities' weight.
    let mut counts = vec![(0usize, 0usize); catalog.techs.len()];
    for &role in catalog.roles_using(tech) {
        for item in catalog.role(role).techs() {
            if item.tech != tech {
                let weight = match item.priority {
                    Priority::Core => 3,
                    Priority::Common => 2,
                    Priority::Optional => 1,
                };
                let c = &mut counts[item.tech.0];
                c.0 += 1;
                c.1 += weight;
            }
        }
    }
    let mut out: Vec<(TechId, usize, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, (n, _))| n > 0)
        .map(|(i, (n, w))| (TechId(i), n, w))
        .collect();
    out.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.2.cmp(&a.2))
            .then_with(|| {
                let listed = |t: TechId| catalog.roles_using(t).len();
                listed(b.0).cmp(&listed(a.0))
            })
            .then_with(|| catalog.tech(a.0).name.cmp(&catalog.tech(b.0).name))
    });
    let mut out: Vec<(TechId, usize)> = out.into_iter().map(|(t, n, _)| (t, n)).collect();
    out.truncate(limit);
    out
}

/// The roles that list `tech`, with its priority there: core before common
/// before optional, then the person's best fit first.
#[must_use]
pub fn roles_listing(cx: &ViewCx<'_>, tech: TechId) -> Vec<(RoleIdx, Priority)> {
    let mut out: Vec<(RoleIdx, Priority)> = cx
        .catalog
        .roles_using(tech)
        .iter()
        .filter_map(|&r| {
            let item = cx.catalog.role(r).techs().find(|i| i.tech == tech)?;
            Some((r, item.priority))
        })
        .collect();
    let fit_of = |r: RoleIdx| cx.fits.get(r.0).copied().flatten().unwrap_or(0.0);
    out.sort_by(|a, b| {
        a.1.cmp(&b.1)
            .then_with(|| fit_of(b.0).total_cmp(&fit_of(a.0)))
            .then(a.0.cmp(&b.0))
    });
    out
}

/// The host of a web address, for a link's text: `https://www.rust-lang.org/learn`
/// reads `rust-lang.org`.
#[must_use]
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.strip_prefix("www.").unwrap_or(host)
}

impl TechPage {
    /// Brings what the page derives up to date with `tech`, the catalog and
    /// the fit; does nothing when they have not changed.
    fn sync(&mut self, cx: &ViewCx<'_>, tech: TechId) {
        let key = (tech, cx.catalog_version);
        if self.companions.as_ref().is_none_or(|(k, _)| *k != key) {
            self.companions = Some((key, companions(cx.catalog, tech, COMPANIONS_SHOWN)));
        }
        let key = (tech, cx.catalog_version, cx.fit_version);
        if self.roles.as_ref().is_none_or(|(k, _)| *k != key) {
            let listing = RolesListing {
                rows: roles_listing(cx, tech),
                raised: fit::roles_raised(cx.catalog, cx.credits, cx.fits, tech),
            };
            self.roles = Some((key, listing));
        }
    }

    /// Draws the page of the technology in `cx.tech`.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let Some(tech) = cx.tech.filter(|t| t.0 < cx.catalog.techs.len()) else {
            ui.label("Choose a technology: its name on any role page, in My skills or in the palette (Ctrl+K) opens it here.");
            return;
        };
        self.sync(cx, tech);
        let (Some((_, companions)), Some((_, listing))) = (&self.companions, &self.roles) else {
            return;
        };
        let info = cx.catalog.tech(tech);
        egui::ScrollArea::vertical()
            .id_salt("tech_page")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                // Where the content starts: the viewport is measured from here.
                let origin = ui.max_rect().top();
                super::theme::cap_to_reading_width(ui);
                about(ui, info);
                you(ui, cx, tech, info, listing.raised, out);
                super::theme::section(ui, &format!("Roles that list it ({})", listing.rows.len()));
                if listing.rows.is_empty() {
                    ui.label("No loaded role lists it.");
                }
                role_rows(
                    ui,
                    cx,
                    &listing.rows,
                    viewport.min.y + origin..viewport.max.y + origin,
                    out,
                );
                if !companions.is_empty() {
                    super::theme::section(ui, "Usually comes with");
                    ui.horizontal_wrapped(|ui| {
                        for (t, n) in companions {
                            let name = &cx.catalog.tech(*t).name;
                            if ui
                                .link(name)
                                .on_hover_text(format!("Listed together in {}", text::roles(*n)))
                                .clicked()
                            {
                                out.push(Command::OpenTech(*t));
                            }
                        }
                    });
                }
            });
    }
}

/// What the technology is: name, status, category, demand, description,
/// aliases and where to learn it.
fn about(ui: &mut egui::Ui, info: &TechInfo) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(&info.name);
        if let Some(status) = info.status.filter(|s| *s != TechStatus::Active) {
            status_badge(ui, status);
        }
    });
    let mut facts = vec![
        info.category
            .clone()
            .unwrap_or_else(|| "No category".into()),
    ];
    if info.hot {
        facts.push("In demand (O*NET “Hot Technology”)".into());
    }
    ui.label(RichText::new(facts.join(" · ")).strong());
    if let Some(d) = &info.description {
        ui.label(d);
    }
    if !info.aliases.is_empty() {
        ui.label(RichText::new(format!("Also called: {}", info.aliases.join(", "))).weak());
    }
    if let Some(url) = &info.url {
        ui.horizontal_wrapped(|ui| {
            ui.label("Where to learn:");
            ui.hyperlink_to(format!("{} (official site)", host_of(url)), url)
                .on_hover_text(format!("Opens {url} in your web browser"));
        });
    } else if let Some(note) = info.no_address_note() {
        // Said rather than left out, so a missing link is not taken for a gap.
        ui.label(RichText::new(note).weak());
    }
    if info.hot {
        ui.label(
            RichText::new("The demand flag comes from a dataset’s catalog; for the bundled data, O*NET 29.2 “Hot Technologies”.")
                .small()
                .weak(),
        );
    }
}

/// "Deprecated" or "Discontinued" in a coloured frame, with what it means
/// on hover.
fn status_badge(ui: &mut egui::Ui, status: TechStatus) {
    let dark = ui.visuals().dark_mode;
    let colour = super::theme::warning_color(dark);
    let meaning = match status {
        TechStatus::Active => "Developed and supported.",
        TechStatus::Deprecated => {
            "Still available, but its maker advises against new use: worth knowing where it is still in place, a weak bet to learn from scratch."
        }
        TechStatus::Discontinued => {
            "No longer developed, sold or supported: roles still list it where it lingers, but learn what replaced it."
        }
    };
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, colour))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(status.label()).color(colour).strong());
        })
        .response
        .on_hover_text(meaning);
}

/// The person's level and note, and what learning it would change.
fn you(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    tech: TechId,
    info: &TechInfo,
    raised: usize,
    out: &mut Vec<Command>,
) {
    super::theme::section(ui, "You");
    let level = cx.profile.level(info);
    ui.horizontal(|ui| {
        ui.label("How well you know it:");
        if let Some(new) =
            super::my_skills::proficiency_picker(ui, ("tech_level", tech.0), level, &info.name)
        {
            out.push(Command::SetLevel(tech, new));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Your note:");
        let mut note = cx
            .profile
            .skill(info)
            .and_then(|s| s.note.clone())
            .unwrap_or_default();
        let width = (ui.available_width() - 8.0).clamp(120.0, 320.0);
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut note)
                    .hint_text("Your note")
                    .desired_width(width),
            )
            .labelled_by(label.id);
        if edit.changed() {
            out.push(Command::SetNote(tech, note));
        }
    });
    if raised > 0 {
        ui.label(format!(
            "Learning this would raise {} above {:.0}% fit.",
            text::roles(raised),
            fit::GOOD_FIT * 100.0
        ));
    }
}

/// The roles, one row each, laying out only the rows inside `visible`
/// (screen y): with 10,000 roles listing a technology, a frame still draws
/// only the few dozen in view.
fn role_rows(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    rows: &[(RoleIdx, Priority)],
    visible: std::ops::Range<f32>,
    out: &mut Vec<Command>,
) {
    let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let width = ui.available_width();
    let (block, _) =
        ui.allocate_exact_size(vec2(width, row_height * rows.len() as f32), Sense::hover());
    // Not negative (clamped), and capped at the row count just below.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let to_row = |y: f32| ((y - block.top()) / row_height).max(0.0) as usize;
    let first = to_row(visible.start).min(rows.len());
    let last = (to_row(visible.end) + 1).min(rows.len());
    // The fixed columns take what they need; the title gets the rest.
    let priority_w = 80.0;
    let fit_w = 110.0;
    let title_w = (width - priority_w - fit_w - 2.0 * ui.spacing().item_spacing.x).max(80.0);
    for (i, (role, priority)) in rows.iter().enumerate().take(last).skip(first) {
        let top = block.top() + i as f32 * row_height;
        let rect = Rect::from_min_size(egui::pos2(block.left(), top), vec2(width, row_height));
        let mut row = ui.new_child(
            UiBuilder::new()
                .id_salt(("tech_role_row", role.0))
                .max_rect(rect)
                .layout(Layout::left_to_right(Align::Center)),
        );
        row.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
        let entry = cx.catalog.role(*role);
        row.allocate_ui_with_layout(
            vec2(title_w, row_height),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.set_width(title_w);
                if ui
                    .link(&entry.role.title)
                    .on_hover_text(cx.catalog.dataset_name(*role))
                    .clicked()
                {
                    out.push(Command::Open(*role));
                }
            },
        );
        row.allocate_ui_with_layout(
            vec2(priority_w, row_height),
            Layout::left_to_right(Align::Center),
            |ui| {
                ui.set_width(priority_w);
                ui.label(priority.label());
            },
        );
        let fit = cx.fits.get(role.0).copied().flatten();
        row.label(fit.map_or_else(
            || "no stack".into(),
            |f| format!("your fit {:.0}%", f * 100.0),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::test_catalog;

    #[test]
    fn a_link_reads_as_the_host_of_its_address() {
        assert_eq!(host_of("https://www.rust-lang.org/learn"), "rust-lang.org");
        assert_eq!(host_of("HTTP://docs.python.org"), "docs.python.org");
        assert_eq!(
            host_of("https://user@example.org:8080/x?y#z"),
            "example.org:8080"
        );
        assert_eq!(host_of("nonsense"), "nonsense");
    }

    #[test]
    fn companions_are_counted_over_shared_stacks() {
        let cat = test_catalog(
            r#"[{"id":"a","title":"A","stack":{"X":["Kafka","Flink","Java"]}},
                {"id":"b","title":"B","stack":{"X":["Kafka","Java"]}},
                {"id":"c","title":"C","stack":{"X":["Excel"]}}]"#,
        );
        let kafka = cat.find_tech("kafka").unwrap_or(TechId(0));
        let comp: Vec<(String, usize)> = companions(&cat, kafka, 5)
            .into_iter()
            .map(|(t, n)| (cat.tech(t).name.clone(), n))
            .collect();
        assert_eq!(comp, [("Java".to_string(), 2), ("Flink".to_string(), 1)]);
    }

    #[test]
    fn companions_tied_on_count_go_by_priority_then_by_use_elsewhere() {
        let cat = test_catalog(
            r#"[{"id":"a","title":"A","stack":{"X":["Vue.js",
                   {"name":"Angular","priority":"optional"},
                   {"name":"CSS","priority":"common"},
                   "TypeScript", "JavaScript"]}},
                {"id":"b","title":"B","stack":{"X":["JavaScript"]}}]"#,
        );
        let vue = cat.find_tech("vue.js").unwrap_or(TechId(0));
        let names: Vec<String> = companions(&cat, vue, 5)
            .into_iter()
            .map(|(t, _)| cat.tech(t).name.clone())
            .collect();
        assert_eq!(names, ["JavaScript", "TypeScript", "CSS", "Angular"]);
    }
}
