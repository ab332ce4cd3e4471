//! A technology's page: what it is, how well the person knows it, every role
//! that lists it (where it matters most first), how many roles learning it
//! would lift, and the technologies that usually come with it.

use egui::RichText;

use super::{Command, ViewCx, text};
use crate::model::catalog::Catalog;
use crate::model::fit;
use crate::model::types::Priority;
use crate::model::{RoleIdx, TechId};

/// How many companion technologies the page links to.
const COMPANIONS_SHOWN: usize = 10;

/// The page's own state: the companions of the technology last shown, kept
/// until another technology or another catalog is shown (counting them walks
/// every stack that lists it).
#[derive(Default)]
pub struct TechPage {
    /// For which technology and catalog version, and what.
    companions: Option<(TechId, u64, Companions)>,
}

/// Companion technologies with how many stacks list both.
type Companions = Vec<(TechId, usize)>;

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
#[must_use]
pub fn companions(catalog: &Catalog, tech: TechId, limit: usize) -> Companions {
    let mut counts = vec![0usize; catalog.techs.len()];
    for &role in catalog.roles_using(tech) {
        for item in catalog.role(role).techs() {
            if item.tech != tech {
                counts[item.tech.0] += 1;
            }
        }
    }
    let mut out: Vec<(TechId, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .map(|(i, n)| (TechId(i), n))
        .collect();
    out.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| catalog.tech(a.0).name.cmp(&catalog.tech(b.0).name))
    });
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

impl TechPage {
    /// Draws the page of the technology in `cx.tech`.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let Some(tech) = cx.tech.filter(|t| t.0 < cx.catalog.techs.len()) else {
            ui.label("Choose a technology: its name on any role page, in My skills or in the palette (Ctrl+K) opens it here.");
            return;
        };
        let fresh =
            matches!(&self.companions, Some((t, v, _)) if *t == tech && *v == cx.catalog_version);
        if !fresh {
            self.companions = Some((
                tech,
                cx.catalog_version,
                companions(cx.catalog, tech, COMPANIONS_SHOWN),
            ));
        }
        let info = cx.catalog.tech(tech);
        egui::ScrollArea::vertical()
            .id_salt("tech_page")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                super::theme::cap_to_reading_width(ui);
                ui.heading(&info.name);
                let mut facts = vec![info.category.clone().unwrap_or_else(|| "No category".into())];
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
                if info.hot {
                    ui.label(
                        RichText::new("The demand flag comes from a dataset’s catalog; for the bundled data, O*NET 29.2 “Hot Technologies”.")
                            .small()
                            .weak(),
                    );
                }

                super::theme::section(ui, "You");
                let level = cx.profile.level(info);
                ui.horizontal(|ui| {
                    ui.label("How well you know it:");
                    if let Some(new) = super::my_skills::proficiency_picker(ui, ("tech_level", tech.0), level, &info.name) {
                        out.push(Command::SetLevel(tech, new));
                    }
                });
                ui.horizontal(|ui| {
                    let label = ui.label("Your note:");
                    let mut note = cx.profile.skill(info).and_then(|s| s.note.clone()).unwrap_or_default();
                    let edit = ui
                        .add(egui::TextEdit::singleline(&mut note).hint_text("Your note").desired_width(320.0))
                        .labelled_by(label.id);
                    if edit.changed() {
                        out.push(Command::SetNote(tech, note));
                    }
                });
                let raised = fit::roles_raised(cx.catalog, cx.credits, cx.fits, tech);
                if raised > 0 {
                    ui.label(format!(
                        "Learning this would raise {} above {:.0}% fit.",
                        text::roles(raised),
                        fit::GOOD_FIT * 100.0
                    ));
                }

                let roles = roles_listing(cx, tech);
                super::theme::section(ui, &format!("Roles that list it ({})", roles.len()));
                if roles.is_empty() {
                    ui.label("No loaded role lists it.");
                }
                egui::Grid::new("tech_roles").num_columns(3).spacing([12.0, 4.0]).show(ui, |ui| {
                    for (role, priority) in &roles {
                        let entry = cx.catalog.role(*role);
                        if ui.link(&entry.role.title).clicked() {
                            out.push(Command::Open(*role));
                        }
                        ui.label(priority.label());
                        let fit = cx.fits.get(role.0).copied().flatten();
                        ui.label(fit.map_or_else(|| "no stack".into(), |f| format!("your fit {:.0}%", f * 100.0)));
                        ui.end_row();
                    }
                });

                if let Some((_, _, comp)) = &self.companions
                    && !comp.is_empty()
                {
                    super::theme::section(ui, "Usually comes with");
                    ui.horizontal_wrapped(|ui| {
                        for (t, n) in comp {
                            let name = &cx.catalog.tech(*t).name;
                            if ui.link(name).on_hover_text(format!("Listed together in {}", text::roles(*n))).clicked() {
                                out.push(Command::OpenTech(*t));
                            }
                        }
                    });
                }
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::test_catalog;

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
}
