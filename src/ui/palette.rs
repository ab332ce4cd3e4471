//! The command palette (Ctrl+K): one box that finds roles, technologies and
//! actions; Enter runs the first match, arrows choose another. The typed text
//! and the highlighted entry belong to the palette ([`Palette`]) and start
//! afresh each time it opens.

use egui::{Key, RichText};

use super::{Command, Dialog, ViewCx, text};
use crate::state::{ThemeChoice, View};

/// One thing the palette can do.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// What the person reads.
    pub label: String,
    /// "Role", "Technology" or "Action".
    pub kind: &'static str,
    /// What it does.
    pub command: Command,
}

fn actions() -> Vec<Entry> {
    let mut out = vec![
        ("Import role files…", Command::OpenImportDialog),
        ("New role file…", Command::NewRoleFile),
        (
            "Save the listed roles as a role file…",
            Command::SaveRoles(super::RoleScope::InView),
        ),
        ("Datasets…", Command::ShowDialog(Some(Dialog::Datasets))),
        ("About the data", Command::ShowDialog(Some(Dialog::About))),
        (
            "Keyboard shortcuts",
            Command::ShowDialog(Some(Dialog::Shortcuts)),
        ),
        ("Export my skill profile…", Command::ExportProfile),
        ("Import a skill profile…", Command::ImportProfile),
        ("Find a role", Command::FocusSearch),
        ("Quit", Command::Quit),
    ];
    let views: Vec<(&str, Command)> = View::ALL
        .iter()
        .map(|v| (v.label(), Command::ShowView(*v)))
        .collect();
    out.extend(views);
    let mut entries: Vec<Entry> = out
        .into_iter()
        .map(|(label, command)| Entry {
            label: label.to_string(),
            kind: "Action",
            command,
        })
        .collect();
    entries.extend(ThemeChoice::ALL.iter().map(|t| Entry {
        label: format!("Theme: {}", t.label()),
        kind: "Action",
        command: Command::SetTheme(*t),
    }));
    entries
}

/// Matches for `query`, best first: actions and technologies by name, roles
/// through the role search.
#[must_use]
pub fn entries(cx: &ViewCx<'_>, query: &str) -> Vec<Entry> {
    let q = query.trim().to_lowercase();
    let mut out: Vec<Entry> = actions()
        .into_iter()
        .filter(|e| q.is_empty() || e.label.to_lowercase().contains(&q))
        .collect();
    if q.is_empty() {
        return out;
    }
    let roles: Vec<Entry> = cx
        .index
        .search(query)
        .into_iter()
        .take(8)
        .map(|h| Entry {
            label: cx.catalog.role(h.role).role.title.clone(),
            kind: "Role",
            command: Command::Open(h.role),
        })
        .collect();
    // A technology opens its own page.
    let techs: Vec<Entry> = cx
        .catalog
        .techs
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.name.to_lowercase().contains(&q) || t.aliases.iter().any(|a| a.to_lowercase() == q)
        })
        .map(|(i, t)| {
            let using = cx.catalog.roles_using(crate::model::TechId(i));
            Entry {
                label: format!("{} — in {}", t.name, text::roles(using.len())),
                kind: "Technology",
                command: Command::OpenTech(crate::model::TechId(i)),
            }
        })
        .take(5)
        .collect();
    // A technology named exactly ("kafka", "k8s") comes before the roles
    // that list it; other technology matches after them.
    let (exact, techs): (Vec<Entry>, Vec<Entry>) = techs.into_iter().partition(|e| {
        let Command::OpenTech(t) = e.command else {
            return false;
        };
        let info = cx.catalog.tech(t);
        info.name.to_lowercase() == q || info.aliases.iter().any(|a| a.to_lowercase() == q)
    });
    let mut all = exact;
    all.extend(roles);
    all.extend(techs);
    all.append(&mut out);
    all
}

/// The palette's own state: what is typed and which entry is highlighted.
#[derive(Default)]
pub struct Palette {
    query: String,
    chosen: usize,
    open: bool,
}

impl Palette {
    /// The palette window, while the app says it is open.
    pub fn window(&mut self, ctx: &egui::Context, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let open = cx.dialog == Some(Dialog::Palette);
        if open && !self.open {
            // Each opening starts from an empty box.
            self.query.clear();
            self.chosen = 0;
        }
        self.open = open;
        if open {
            window(ctx, cx, &mut self.query, &mut self.chosen, out);
        }
    }
}

fn window(
    ctx: &egui::Context,
    cx: &ViewCx<'_>,
    query: &mut String,
    chosen: &mut usize,
    out: &mut Vec<Command>,
) {
    let found = entries(cx, query);
    *chosen = (*chosen).min(found.len().saturating_sub(1));
    let (down, up, enter, escape) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, Key::Enter),
            i.consume_key(egui::Modifiers::NONE, Key::Escape),
        )
    });
    if down {
        *chosen = (*chosen + 1).min(found.len().saturating_sub(1));
    }
    if up {
        *chosen = chosen.saturating_sub(1);
    }
    let run = |command: Command, out: &mut Vec<Command>| {
        out.push(Command::ShowDialog(None));
        out.push(command);
    };
    egui::Window::new("Command palette")
        .title_bar(false)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
        .fixed_size([520.0, 360.0])
        .show(ctx, |ui| {
            let label = ui.label(
                RichText::new("Go to a role, a technology or an action")
                    .small()
                    .weak(),
            );
            let edit = ui
                .add(
                    egui::TextEdit::singleline(query)
                        .hint_text("Type to search…")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            edit.request_focus();
            if edit.changed() {
                *chosen = 0;
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for (i, e) in found.iter().enumerate() {
                        let text = format!("{}   ·   {}", e.label, e.kind);
                        let r = ui.selectable_label(i == *chosen, text);
                        if i == *chosen && (down || up) {
                            r.scroll_to_me(None);
                        }
                        if r.clicked() {
                            run(e.command.clone(), out);
                        }
                    }
                    if found.is_empty() {
                        ui.label("Nothing matches.");
                    }
                });
        });
    if enter && let Some(e) = found.get(*chosen) {
        run(e.command.clone(), out);
    }
    if escape {
        out.push(Command::ShowDialog(None));
    }
}
