//! The one control that says how well the person knows a technology, on a
//! checklist row: three steps in one pill — a tick (used it), "work" (uses it
//! at work), "teach" (could teach it). Each step lights the ones before it,
//! so the control reads as a level and its first step is the tick the
//! checklist always had. A right click offers every level, "Learning" and
//! "Not yet" included.

use egui::{Color32, CornerRadius, Rect, Role, Sense, Stroke, StrokeKind, Vec2, WidgetInfo};

use crate::model::profile::Proficiency;

/// The steps after the tick, with their text on the pill and the level each sets.
const STEPS: [(Proficiency, &str); 3] = [
    (Proficiency::UsedIt, ""),
    (Proficiency::AtWork, "work"),
    (Proficiency::CouldTeach, "teach"),
];

/// Size of the whole pill, in points.
pub const SIZE: Vec2 = Vec2::new(112.0, 20.0);

/// Widths of the three steps, in points; they add up to [`SIZE`]`.x`.
const WIDTHS: [f32; 3] = [26.0, 40.0, 46.0];

/// What clicking step `i` of a control at `current` sets: the step's level,
/// or, on the highest lit step, one step down (the tick itself: not yet).
#[must_use]
pub fn after_click(current: Proficiency, i: usize) -> Proficiency {
    let Some(&(level, _)) = STEPS.get(i) else {
        return current;
    };
    if current == level {
        match i {
            0 => Proficiency::NotYet,
            _ => STEPS[i - 1].0,
        }
    } else {
        level
    }
}

/// The accessible name of step `i` for the technology `name`: the tick is
/// named by the technology alone, as a checkbox is.
fn step_name(name: &str, i: usize) -> String {
    match i {
        0 => name.to_string(),
        1 => format!("{name}: use it at work"),
        _ => format!("{name}: could teach it"),
    }
}

/// Draws the control for a technology called `name` at `current`; returns
/// the level the person chose, if they chose one this frame.
pub fn ui(ui: &mut egui::Ui, current: Proficiency, name: &str) -> Option<Proficiency> {
    let (rect, _) = ui.allocate_exact_size(SIZE, Sense::hover());
    let visuals = ui.visuals().clone();
    let radius = CornerRadius::same(5);
    let painter = ui.painter_at(rect.expand(1.0));
    painter.rect_filled(rect, radius, visuals.extreme_bg_color);
    let mut picked = None;
    let mut x = rect.left();
    for (i, (&(level, text), width)) in STEPS.iter().zip(WIDTHS).enumerate() {
        let step = Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2(width, rect.height()));
        x += width;
        let id = ui.auto_id_with(("level_step", name, i));
        let response = ui.interact(step, id, Sense::click());
        let lit = current >= level;
        let learning = i == 0 && current == Proficiency::Learning;
        let on = current == level || (i == 0 && current.is_ticked());
        response.widget_info(|| {
            if i == 0 {
                WidgetInfo::selected(
                    Role::CheckBox,
                    true,
                    current.is_ticked(),
                    step_name(name, i),
                )
            } else {
                WidgetInfo::selected(Role::Button, true, on, step_name(name, i))
            }
        });
        let fill = if lit {
            visuals.selection.bg_fill
        } else if response.hovered() {
            visuals.widgets.hovered.weak_bg_fill
        } else {
            Color32::TRANSPARENT
        };
        let corner = match i {
            0 => CornerRadius {
                nw: 5,
                sw: 5,
                ..CornerRadius::ZERO
            },
            2 => CornerRadius {
                ne: 5,
                se: 5,
                ..CornerRadius::ZERO
            },
            _ => CornerRadius::ZERO,
        };
        painter.rect_filled(step, corner, fill);
        if learning {
            // Learning counts half: the tick's step half filled.
            let half = Rect::from_min_max(step.min, egui::pos2(step.center().x, step.bottom()));
            painter.rect_filled(
                half,
                CornerRadius {
                    nw: 5,
                    sw: 5,
                    ..CornerRadius::ZERO
                },
                visuals.selection.bg_fill,
            );
        }
        if i > 0 {
            painter.line_segment(
                [step.left_top(), step.left_bottom()],
                visuals.widgets.noninteractive.bg_stroke,
            );
        }
        let color = if lit {
            visuals.selection.stroke.color
        } else if i == 0 {
            visuals.text_color()
        } else {
            visuals.weak_text_color()
        };
        if i == 0 && lit {
            // The tick drawn, not typed: not every font has "✓".
            let c = step.center();
            let stroke = Stroke::new(2.0, color);
            painter.line_segment(
                [c + egui::vec2(-5.0, 0.0), c + egui::vec2(-1.5, 4.0)],
                stroke,
            );
            painter.line_segment(
                [c + egui::vec2(-1.5, 4.0), c + egui::vec2(5.5, -4.5)],
                stroke,
            );
        }
        let shown = text;
        painter.text(
            step.center(),
            egui::Align2::CENTER_CENTER,
            shown,
            egui::FontId::proportional(if i == 0 { 14.0 } else { 12.0 }),
            color,
        );
        if response.has_focus() {
            painter.rect_stroke(
                step.shrink(1.0),
                corner,
                visuals.selection.stroke,
                StrokeKind::Inside,
            );
        }
        let hover = match i {
            0 if current == Proficiency::Learning => {
                format!(
                    "{name}: learning (counts half). Click to tick: used it. Right-click for every level."
                )
            }
            0 => format!(
                "{name}: {}. Click to tick or untick (a tick shows in every role that lists it). Right-click for every level.",
                current.label().to_lowercase()
            ),
            _ => format!("{}. Right-click for every level.", step_name(name, i)),
        };
        let response = response.on_hover_text(hover);
        if response.clicked() {
            picked = Some(after_click(current, i));
        }
        response.context_menu(|ui| {
            for l in Proficiency::ALL {
                if ui.selectable_label(l == current, l.label()).clicked() {
                    if l != current {
                        picked = Some(l);
                    }
                    ui.close();
                }
            }
        });
    }
    painter.rect_stroke(
        rect,
        radius,
        Stroke::new(1.0, visuals.widgets.inactive.bg_stroke.color),
        StrokeKind::Inside,
    );
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_step_sets_its_level_and_the_lit_top_steps_down() {
        use Proficiency::{AtWork, CouldTeach, Learning, NotYet, UsedIt};
        assert_eq!(after_click(NotYet, 0), UsedIt, "the first step is a tick");
        assert_eq!(after_click(Learning, 0), UsedIt);
        assert_eq!(after_click(UsedIt, 0), NotYet, "and unticks");
        assert_eq!(after_click(NotYet, 1), AtWork);
        assert_eq!(after_click(AtWork, 1), UsedIt);
        assert_eq!(after_click(AtWork, 2), CouldTeach);
        assert_eq!(after_click(CouldTeach, 2), AtWork);
        assert_eq!(
            after_click(CouldTeach, 0),
            UsedIt,
            "a lower step sets that level"
        );
    }
}
