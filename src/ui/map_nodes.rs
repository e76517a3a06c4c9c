//! The map's places as keyboards and screen readers meet them: where each
//! is on screen, which of them are accessible nodes, and what a node says,
//! kept between frames.
//!
//! `ui::map_access` makes an accessible node (with a hit area for screen
//! readers' actions) per place. One for each of thousands of places every
//! frame would cost more than the rest of the frame, so only the places in
//! view get one ([`Spots::nodes`]): all of them while at most [`CROWD`] are
//! in view, else at most one per square of the map (the first in the
//! dataset's order; zooming in brings the others), the squares at least
//! [`CELL`] points and large enough that there are about [`CROWD`] of
//! them. The place the keyboard is on and the selected place always have
//! one, wherever they are, so that the focus never drops. The arrow keys still move among all
//! the places ([`Spots::get`]; the map pans to one out of view), and the
//! table of places lists them all.
//!
//! The screen positions are computed again only when the dataset, the
//! map's rectangle, the camera or the marker size change; a node's words
//! are made only for a place that has a node, and kept while the states at
//! the date on screen, the language and *Reported control only* stay the
//! same ([`Words`]).

use std::collections::{HashMap, HashSet};

use egui::{Pos2, Rect, Vec2};

use super::app::Shared;
use super::step_card::{place_name, state_texts};
use crate::i18n::{Locale, tr, tr_args};
use crate::model::geometry::Shape;
use crate::model::state::PlaceState;
use crate::scene::display::bbox_of;
use crate::scene::projection::{Camera, Projection};

/// The least side of the squares of a crowded map that get at most one
/// node, in points: about a finger's width, and a label's height.
pub const CELL: f32 = 24.0;

/// Up to this many places in view, each has a node; a crowded map has
/// about this many nodes at most.
pub const CROWD: usize = 128;

/// One place as the keyboard and screen readers meet it.
#[derive(Debug, Clone)]
pub struct Spot {
    /// The place's id.
    pub id: String,
    /// Where it is on screen: its label's point.
    pub anchor: Pos2,
    /// The screen rectangle around it.
    pub bounds: Rect,
}

/// What the screen positions depend on: the session, the map's rectangle,
/// the camera and the marker radius (bits).
type SpotsKey = (u64, Rect, Camera, u32);

/// What the chosen nodes depend on besides the positions: the view and the
/// places that always have a node.
type NodesKey = (Rect, Vec<String>);

/// The places' screen positions, and the ones with a node, kept between
/// frames.
#[derive(Debug, Clone, Default)]
pub struct Spots {
    key: Option<SpotsKey>,
    spots: Vec<Spot>,
    nodes_key: Option<NodesKey>,
    nodes: Vec<usize>,
}

impl Spots {
    /// Every place the keyboard can reach, in the dataset's order, where
    /// the map draws it with `proj` in `rect`: computed again only when the
    /// session, `rect`, the camera or the marker size changed.
    pub fn get(&mut self, app: &Shared<'_>, proj: &Projection, rect: Rect) -> &[Spot] {
        let key = (
            app.versions.session,
            rect,
            proj.camera(),
            app.style.marker_radius.to_bits(),
        );
        if self.key.as_ref() != Some(&key) {
            self.spots = spots(app, proj);
            self.key = Some(key);
            self.nodes_key = None;
        }
        &self.spots
    }

    /// The positions last computed by [`Spots::get`].
    #[must_use]
    pub fn all(&self) -> &[Spot] {
        &self.spots
    }

    /// The places with a node when the map shows `view` (positions in
    /// [`Spots::all`]), `keep` (the keyboard's and the selected place)
    /// among them; chosen again only when `view` or `keep` changed.
    pub fn nodes(&mut self, view: Rect, keep: &[&str]) -> &[usize] {
        let same = self.nodes_key.as_ref().is_some_and(|(v, k)| {
            *v == view && k.iter().map(String::as_str).eq(keep.iter().copied())
        });
        if !same {
            self.nodes = nodes(&self.spots, view, keep);
            self.nodes_key = Some((view, keep.iter().map(|s| (*s).to_owned()).collect()));
        }
        &self.nodes
    }
}

/// The places the keyboard can reach, in the dataset's order, where the map
/// draws them in `proj`: tracked places and towns with a map feature.
#[must_use]
pub fn spots(app: &Shared<'_>, proj: &Projection) -> Vec<Spot> {
    let ds = app.ds;
    let screen = |g: [f64; 2]| {
        let s = proj.screen_from_geo(g);
        Pos2::new(s[0], s[1])
    };
    ds.places
        .iter()
        .filter_map(|p| {
            let i = ds.map.feature_index(&p.id)?;
            let f = ds.map.features.get(i)?;
            let cached = app.cache.features.get(i);
            let anchor = cached.and_then(|c| c.label_at);
            let bounds = match &f.shape {
                Shape::Point(pt) => {
                    Rect::from_center_size(screen(*pt), Vec2::splat(app.style.marker_radius * 2.0))
                }
                _ => {
                    // The map cache's box, made once per dataset.
                    let b = cached.and_then(|c| c.bbox).or_else(|| bbox_of(f))?;
                    Rect::from_two_pos(screen(b.min), screen(b.max))
                }
            };
            let anchor = anchor.map_or(bounds.center(), screen);
            Some(Spot {
                id: p.id.clone(),
                anchor,
                bounds,
            })
        })
        .collect()
}

/// The side of the squares that get at most one node on a crowded map
/// showing `view`, in points: [`CELL`], or larger on a large map, so that
/// there are about [`CROWD`] squares at most.
#[must_use]
pub fn square_side(view: Rect) -> f32 {
    let side = (view.area() / CROWD as f32).sqrt();
    if side.is_finite() {
        side.max(CELL)
    } else {
        CELL
    }
}

/// The places among `spots` with a node when the map shows `view`
/// (positions in `spots`, in order): those whose box meets `view` — when
/// more than [`CROWD`] do, only the first whose label's point is in each
/// square of [`square_side`] — and the places `keep`, wherever they are.
#[must_use]
pub fn nodes(spots: &[Spot], view: Rect, keep: &[&str]) -> Vec<usize> {
    let crowded = spots.iter().filter(|s| s.bounds.intersects(view)).count() > CROWD;
    let side = square_side(view);
    let mut cells = HashSet::new();
    let cell = |p: Pos2| {
        let v = (p.clamp(view.min, view.max) - view.min) / side;
        (v.x.floor() as i32, v.y.floor() as i32)
    };
    spots
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            keep.contains(&s.id.as_str())
                || (s.bounds.intersects(view) && (!crowded || cells.insert(cell(s.anchor))))
        })
        .map(|(i, _)| i)
        .collect()
}

/// What the words of a node depend on: the session, the states' version,
/// the language and *Reported control only*.
type WordsKey = (u64, u64, Locale, bool);

/// The words of the places' nodes, made when a node first needs them and
/// kept while the date's states, the language and *Reported control only*
/// stay the same.
#[derive(Debug, Clone, Default)]
pub struct Words {
    key: Option<WordsKey>,
    /// Each tracked place's position in the states.
    state_of: HashMap<String, usize>,
    by_id: HashMap<String, String>,
}

impl Words {
    /// What the node of place `id` says ([`place_label`]).
    pub fn of(&mut self, app: &Shared<'_>, id: &str) -> &str {
        let key = (
            app.versions.session,
            app.versions.states,
            app.settings.locale(),
            app.settings.reported_only,
        );
        if self.key != Some(key) {
            self.by_id.clear();
            self.state_of = app
                .states
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), i))
                .collect();
            self.key = Some(key);
        }
        if !self.by_id.contains_key(id) {
            let state = self.state_of.get(id).and_then(|&i| app.states.get(i));
            self.by_id
                .insert(id.to_owned(), place_label(app, id, state));
        }
        self.by_id.get(id).map_or("", String::as_str)
    }
}

/// What a place's node says: its name and its state at the date (`state`,
/// `None` for a place whose control is not tracked), in the tooltip's
/// words.
#[must_use]
pub fn place_label(app: &Shared<'_>, id: &str, state: Option<&PlaceState>) -> String {
    let loc = app.settings.locale();
    let place = place_name(app.ds, loc, id);
    let state = match state {
        Some(s) => state_texts(app, s, egui::Color32::PLACEHOLDER)
            .iter()
            .map(|t| t.text().trim_end_matches('.').to_owned())
            .collect::<Vec<_>>()
            .join(&tr(loc, "access-sentence-separator")),
        None => tr(loc, "map-context-only").trim_end_matches('.').to_owned(),
    };
    tr_args(
        loc,
        "access-place",
        &[("place", place.into()), ("state", state.into())],
    )
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A place's spot on the screen at (`x`, `y`), 10 points square; also
    /// used by `map_access`'s tests.
    pub(in crate::ui) fn spot(id: &str, x: f32, y: f32) -> Spot {
        Spot {
            id: id.to_owned(),
            anchor: Pos2::new(x, y),
            bounds: Rect::from_center_size(Pos2::new(x, y), Vec2::splat(10.0)),
        }
    }

    fn ids<'a>(spots: &'a [Spot], nodes: &[usize]) -> Vec<&'a str> {
        nodes.iter().map(|&i| spots[i].id.as_str()).collect()
    }

    #[test]
    fn a_few_places_in_view_each_have_a_node_and_those_out_of_view_none() {
        let view = Rect::from_min_size(Pos2::ZERO, Vec2::splat(100.0));
        // Two in one square, one half in view, one out of view.
        let spots = [
            spot("a", 10.0, 10.0),
            spot("b", 12.0, 12.0),
            spot("edge", 103.0, 50.0),
            spot("out", 300.0, 50.0),
        ];
        assert_eq!(ids(&spots, &nodes(&spots, view, &[])), ["a", "b", "edge"]);
        // The keyboard's place keeps its node out of view.
        assert_eq!(
            ids(&spots, &nodes(&spots, view, &["out"])),
            ["a", "b", "edge", "out"]
        );
    }

    #[test]
    fn a_crowded_view_has_one_node_per_square_and_keeps_the_focused_and_selected() {
        let view = Rect::from_min_size(Pos2::ZERO, Vec2::new(960.0, 480.0));
        // Places 6 points apart all over the view: crowded.
        let mut spots = Vec::new();
        for x in 0..160 {
            for y in 0..80 {
                let (x, y) = (x as f32 * 6.0 + 1.0, y as f32 * 6.0 + 1.0);
                spots.push(spot(&format!("p{x}-{y}"), x, y));
            }
        }
        spots.push(spot("far", 5000.0, 5000.0));
        let focused = spots[1].id.clone();
        let chosen = nodes(&spots, view, &[&focused, "far"]);
        // 128 squares of 60 points cover the 960 × 480 view.
        let side = square_side(view);
        assert!((side - 60.0).abs() < 1e-3, "{side}");
        let squares: HashSet<(i32, i32)> = chosen
            .iter()
            .map(|&i| spots[i].anchor)
            .filter(|p| view.contains(*p))
            .map(|p| ((p.x / side) as i32, (p.y / side) as i32))
            .collect();
        // Every square of the view that has places has a node…
        let all_squares = 16 * 8;
        assert_eq!(all_squares, CROWD);
        assert_eq!(squares.len(), all_squares);
        // …and only one, besides the two kept places.
        assert_eq!(chosen.len(), all_squares + 2, "{}", chosen.len());
        let named = ids(&spots, &chosen);
        assert!(named.contains(&focused.as_str()));
        assert!(named.contains(&"far"));
    }

    #[test]
    fn a_small_map_keeps_squares_a_finger_wide() {
        // 300 × 200 points in 128 squares would make them under 22 points.
        let view = Rect::from_min_size(Pos2::ZERO, Vec2::new(300.0, 200.0));
        assert_eq!(square_side(view), CELL);
        assert_eq!(square_side(Rect::NOTHING), CELL);
    }
}
