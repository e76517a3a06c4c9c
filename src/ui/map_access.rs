//! The map for keyboards and screen readers.
//!
//! Each place of the dataset that the map draws in view (the tracked places
//! and the towns; on a crowded map one per small square, see
//! `ui::map_nodes`) is an accessible node inside the map's node, named with
//! its state at the date in the same words as the tooltip
//! (`step_card::state_texts`), so the names change with the date. The
//! keyboard reaches the map with Tab, which lands on one place (the last
//! one the keyboard was on, else the selected one, else the first in view);
//! the arrow keys move to the nearest place in that direction on screen,
//! in view or not (the map pans to it; the map is geography, so the arrows
//! keep their directions in Arabic too), Enter or Space selects it, and Esc
//! leaves the map. A focus ring is drawn around the place the keyboard is
//! on. A live region announces each step change with the step's title and
//! what it changed.

use egui::{Id, Key, Modifiers, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2};

use super::app::{Command, Shared};
use super::map_nodes::{Spot, Spots, Words};
use super::step_card::{change_lines, no_change};
use crate::i18n::{tr, tr_args};
use crate::scene::projection::Projection;

/// The keyboard in the map and the step last announced.
#[derive(Debug, Clone, Default)]
pub struct MapFocus {
    /// The place the keyboard is on, kept while the focus is elsewhere so
    /// that Tab comes back to it.
    pub cursor: Option<String>,
    /// Whether a place had the keyboard focus in the last frame: the
    /// viewer's shortcuts then leave the arrows, Enter and Esc to the map.
    pub active: bool,
    /// The step whose change was last announced (`None` before the first
    /// frame; `Some(None)`: a date between steps).
    pub announced: Option<Option<usize>>,
    /// The announcement on screen readers' live region.
    pub announcement: String,
    /// The places' screen positions and nodes, kept between frames.
    spots: Spots,
    /// The words of the places' nodes, kept for the date and language.
    words: Words,
}

/// The widget id of place `id` inside the map.
#[must_use]
pub fn place_widget_id(id: &str) -> Id {
    Id::unique("karabakh-atlas-map-place").with(id)
}

/// Whether the keyboard is inside the map: a place has the focus.
#[must_use]
pub fn keyboard_in_map(ctx: &egui::Context, focus: &MapFocus) -> bool {
    let focused = ctx.memory(egui::Memory::focused);
    focus
        .cursor
        .as_deref()
        .is_some_and(|c| focused == Some(place_widget_id(c)))
}

/// The place nearest `from` in the direction `dir` on screen (a unit
/// vector): among the places within 60° of that direction, the one
/// straight ahead rather than to the side; else the nearest place on that
/// side at all; else (at the map's edge) the farthest place the other way,
/// so that the arrows wrap around as text does.
#[must_use]
pub fn neighbour<'a>(spots: &'a [Spot], from: &Spot, dir: Vec2) -> Option<&'a Spot> {
    let others = || spots.iter().filter(|s| s.id != from.id);
    let along = |s: &Spot| {
        let v = s.anchor - from.anchor;
        let ahead = v.dot(dir);
        (ahead, (v - dir * ahead).length())
    };
    let best = |score: &dyn Fn(f32, f32) -> Option<f32>| {
        others()
            .filter_map(|s| {
                let (ahead, aside) = along(s);
                score(ahead, aside).map(|v| (s, v))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(s, _)| s)
    };
    best(&|ahead, aside| (ahead > 0.0 && aside < ahead * 1.8).then_some(ahead + 2.0 * aside))
        .or_else(|| best(&|ahead, aside| (ahead > 0.0).then_some(ahead + aside)))
        .or_else(|| best(&|ahead, aside| (ahead < 0.0).then_some(ahead + 0.25 * aside)))
}

/// What is announced when the step on screen becomes `step`: its number
/// and title and what it changed.
#[must_use]
pub fn step_announcement(app: &Shared<'_>, step: usize) -> String {
    let loc = app.settings.locale();
    let Some(s) = app.ds.steps.get(step) else {
        return String::new();
    };
    let mut changes = change_lines(app, step);
    if changes.is_empty() {
        changes.push(no_change(loc, step));
    }
    tr_args(
        loc,
        "access-step",
        &[
            ("n", (step + 1).into()),
            ("count", app.ds.steps.len().into()),
            ("title", s.title.get(loc.lang.tag()).into()),
            (
                "changes",
                changes.join(&tr(loc, "access-sentence-separator")).into(),
            ),
        ],
    )
}

/// The places as accessible nodes inside the map's node (`map`), the
/// keyboard among them, the focus ring, and the step announcements.
/// `proj` is the projection the map was drawn with. Only the places in
/// view have a node (`ui::map_nodes`), besides the keyboard's and the
/// selected one. Returns the screen point of a place the keyboard has just
/// moved to outside the map's rectangle, for the map to pan to.
pub fn ui(
    ui: &mut Ui,
    app: &Shared<'_>,
    map: &Response,
    proj: &Projection,
    focus: &mut MapFocus,
    out: &mut Vec<Command>,
) -> Option<Pos2> {
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .id_salt("map-access")
            .max_rect(map.rect)
            .accessibility_parent(map.id),
    );
    announce(&child, app, focus);
    // The nodes take no pointer input: the map's own hit-testing does.
    child.set_clip_rect(Rect::NOTHING);
    // Nothing to click while presenting.
    let spots: &[Spot] = if app.presenter.is_some() {
        &[]
    } else {
        focus.spots.get(app, proj, map.rect)
    };
    if spots.is_empty() {
        focus.active = false;
        return None;
    }
    let known = |id: &str| spots.iter().any(|s| s.id == id);
    // The one place Tab lands on (a roving tab stop): the keyboard's, else
    // the selected one, else the first in view.
    let cursor = focus
        .cursor
        .clone()
        .filter(|c| known(c))
        .or_else(|| app.selected.filter(|c| known(c)).map(str::to_owned))
        .or_else(|| {
            spots
                .iter()
                .find(|s| s.bounds.intersects(map.rect))
                .map(|s| s.id.clone())
        })
        .unwrap_or_else(|| spots[0].id.clone());
    // A click or drag on the map with the pointer takes the keyboard out.
    if map.clicked() || map.drag_started() {
        ui.memory_mut(|m| m.surrender_focus(place_widget_id(&cursor)));
    }
    let keep: Vec<&str> = std::iter::once(cursor.as_str())
        .chain(app.selected)
        .collect();
    let nodes = focus.spots.nodes(map.rect, &keep).to_vec();
    let spots = focus.spots.all();
    let mut moved_to = None;
    let mut ring = None;
    let mut arrived = false;
    for spot in nodes.iter().filter_map(|&i| spots.get(i)) {
        let id = place_widget_id(&spot.id);
        let sense = if spot.id == cursor {
            Sense::click()
        } else {
            Sense::CLICK
        };
        let r = child.interact(spot.bounds, id, sense);
        let selected = app.selected == Some(spot.id.as_str());
        // Every place takes a screen reader's Focus action, not only the
        // one Tab lands on. (`Some` only while a screen reader listens.)
        let listening = ui
            .ctx()
            .accesskit_node_builder(id, |node| {
                node.add_action(egui::accesskit::Action::Focus);
            })
            .is_some();
        // Worded only when a screen reader listens or for an event of this
        // frame, from the words kept for the date and language.
        let label = if listening || r.clicked() || r.double_clicked() || r.gained_focus() {
            focus.words.of(app, &spot.id).to_owned()
        } else {
            String::new()
        };
        r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
        let focus_asked =
            ui.input(|i| i.has_accesskit_action_request(id, egui::accesskit::Action::Focus));
        if focus_asked && !r.has_focus() {
            ui.memory_mut(|m| m.request_focus(id));
            moved_to = Some(spot.id.clone());
        }
        if r.clicked() {
            out.push(Command::Select(Some(spot.id.clone())));
            moved_to = Some(spot.id.clone());
        }
        if r.has_focus() {
            ring = Some(spot);
            arrived = r.gained_focus();
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: true,
                        tab: false,
                    },
                );
            });
        }
    }
    focus.active = ring.is_some();
    let mut reveal = None;
    if let Some(spot) = ring {
        let keys = ui.input_mut(|i| {
            [
                (Key::ArrowLeft, Vec2::new(-1.0, 0.0)),
                (Key::ArrowRight, Vec2::new(1.0, 0.0)),
                (Key::ArrowUp, Vec2::new(0.0, -1.0)),
                (Key::ArrowDown, Vec2::new(0.0, 1.0)),
            ]
            .into_iter()
            .filter(|(k, _)| i.consume_key(Modifiers::NONE, *k))
            .map(|(_, d)| d)
            .collect::<Vec<_>>()
        });
        // Among every place, in view or not.
        let mut at = spot;
        for dir in keys {
            if let Some(next) = neighbour(spots, at, dir) {
                at = next;
            }
        }
        if at.id != spot.id {
            ui.memory_mut(|m| m.request_focus(place_widget_id(&at.id)));
            moved_to = Some(at.id.clone());
            // The next frame locks the arrows to the new place at once.
            ui.ctx().request_repaint();
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            ui.memory_mut(|m| m.surrender_focus(place_widget_id(&at.id)));
            focus.active = false;
        } else {
            focus_ring(ui, at);
            // A place reached by the keyboard outside the map is brought
            // into view.
            if (arrived || at.id != spot.id) && !map.rect.contains(at.anchor) {
                reveal = Some(at.anchor);
            }
        }
    }
    // A place focused some other way (a screen reader's Focus action)
    // becomes the keyboard's too.
    let focused = ring.map(|s| s.id.clone());
    focus.cursor = Some(moved_to.or(focused).unwrap_or(cursor));
    reveal
}

/// A ring around the place the keyboard is on, in the focus colour over a
/// halo in the background colour so that it shows on every fill.
fn focus_ring(ui: &Ui, spot: &Spot) {
    let visuals = ui.visuals();
    let stroke = visuals.selection.stroke;
    let rect = spot.bounds.expand(5.0);
    let painter = ui.painter();
    let radius = 6.0;
    painter.rect_stroke(
        rect,
        radius,
        Stroke::new(stroke.width.max(1.0) + 4.0, visuals.extreme_bg_color),
        egui::StrokeKind::Outside,
    );
    painter.rect_stroke(
        rect,
        radius,
        Stroke::new(stroke.width.max(1.0) + 1.5, stroke.color),
        egui::StrokeKind::Outside,
    );
}

/// The live region: a node whose name is the last step change's
/// announcement, which screen readers read out politely when it changes.
fn announce(ui: &Ui, app: &Shared<'_>, focus: &mut MapFocus) {
    let step = app.time.step();
    if focus.announced != Some(step) {
        // The first frame sets the region without announcing a change.
        focus.announcement = match (focus.announced.is_some(), step) {
            (true, Some(i)) => step_announcement(app, i),
            _ => String::new(),
        };
        focus.announced = Some(step);
    }
    let id = Id::unique("karabakh-atlas-map-announcement");
    // Registers the node's place in the tree, inside the map's node.
    let _ = ui.interact(
        Rect::from_min_size(ui.max_rect().min, Vec2::ZERO),
        id,
        Sense::hover(),
    );
    let text = &focus.announcement;
    let at = ui.max_rect().min;
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_bounds(egui::accesskit::Rect {
            x0: at.x.into(),
            y0: at.y.into(),
            x1: at.x.into(),
            y1: at.y.into(),
        });
        node.set_role(egui::accesskit::Role::Status);
        node.set_live(egui::accesskit::Live::Polite);
        if !text.is_empty() {
            node.set_label(text.as_str());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::map_nodes::tests::spot;
    use super::*;

    #[test]
    fn the_arrows_go_straight_ahead_then_to_the_side_then_wrap() {
        // a b
        //     c
        // d
        let spots = [
            spot("a", 0.0, 0.0),
            spot("b", 100.0, 0.0),
            spot("c", 200.0, 80.0),
            spot("d", 0.0, 200.0),
        ];
        let go = |from: usize, x: f32, y: f32| {
            neighbour(&spots, &spots[from], Vec2::new(x, y)).map(|s| s.id.as_str())
        };
        assert_eq!(go(0, 1.0, 0.0), Some("b"));
        assert_eq!(go(1, 1.0, 0.0), Some("c"));
        assert_eq!(go(0, 0.0, 1.0), Some("d"));
        // Below b: c, nearer and less to the side than d.
        assert_eq!(go(1, 0.0, 1.0), Some("c"));
        // Nothing right of c: wrap to the farthest place on the left.
        assert_eq!(go(2, 1.0, 0.0), Some("a"));
        // A single place goes nowhere.
        assert!(neighbour(&spots[..1], &spots[0], Vec2::new(1.0, 0.0)).is_none());
    }
}
