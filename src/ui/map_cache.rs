//! The map panel's frame cache: the display list of the last frame, painted
//! once into tessellated meshes and laid-out label galleys, drawn again as
//! they are while nothing it was built from changes.
//!
//! What the map shows depends on its rectangle and camera, the pixel
//! density, the states and fills at the date on screen, the style (theme),
//! the interface language and the names shown, the selection, the place
//! under the pointer and the compared places. [`SceneKey`] holds all of
//! them (the states and fills by their [`Versions`](super::app::Versions));
//! while it stays the same a frame adds one cached mesh — areas, outlines,
//! patterns, markers and the labels' glyphs with their halos — without
//! building the display list, laying out text or tessellating lines or
//! glyphs again. Whatever the display list draws is cached the same way,
//! new kinds of items included: the cache wraps `scene::display::build` and
//! [`paint::item_shapes`], it does not repeat them.
//!
//! Label galleys are also kept by text and look across rebuilds (a date
//! change lays out no label twice), until egui drops its laid-out text
//! (when its font atlas fills up or the pixel density changes): a probe
//! galley laid out each frame notices that, and everything is built again.
//! The glyphs' texture coordinates are fractions of the font atlas, so the
//! mesh is also built again when the atlas grows; the atlas can grow later
//! in the frame the mesh was built in, and [`MapPaintCache::atlas_changed`]
//! tells the viewer to draw one more frame then.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, FontId, Galley, Painter, Rect, Shape};

use super::paint::{self, LabelStyle};
use super::text::{BidiLine, line_job};
use crate::i18n::Locale;
use crate::scene::display::{NameLang, Scene, View};
use crate::scene::projection::Camera;
use crate::scene::style::Style;

/// Everything besides the dataset that the map's picture depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneKey {
    /// The map's rectangle, points.
    pub rect: Rect,
    /// The camera.
    pub camera: Camera,
    /// Physical pixels per point.
    pub pixels_per_point: f32,
    /// The states' version.
    pub states: u64,
    /// The fills' version (a fresh one when the fills are made for one
    /// frame, as the presenter's dimming is).
    pub fills: u64,
    /// Colours and sizes.
    pub style: Style,
    /// The names shown.
    pub names: NameLang,
    /// The interface language.
    pub locale: Locale,
    /// The selected place.
    pub selected: Option<String>,
    /// The outlined place under the pointer.
    pub hovered: Option<String>,
    /// The compared places and the legend's words for them.
    pub changed: Option<(Vec<String>, String)>,
    /// Claimed and inferred control drawn as unknown (View › Reported
    /// control only): other fills, patterns and legend.
    pub reported_only: bool,
}

/// The legend's lines, laid out for a text width and ink.
type LegendLines = ((f32, Color32), Vec<Vec<BidiLine>>);

/// A label's text and look: what its galley depends on.
type GalleyKey = (String, u32, bool, Color32);

/// The cached picture of the map.
#[derive(Default)]
pub struct MapPaintCache {
    key: Option<SceneKey>,
    /// The display list it was painted from (the legend reads it).
    scene: Arc<Scene>,
    /// The picture, tessellated: the shape added each frame.
    mesh: Option<Shape>,
    /// The font atlas' size when `mesh` was tessellated.
    atlas: [usize; 2],
    /// Label galleys by text and look, kept across rebuilds.
    galleys: HashMap<GalleyKey, Arc<Galley>>,
    /// The legend's lines for (text width, ink), laid out for `scene`.
    legend: Option<LegendLines>,
    /// A galley laid out each frame: when egui lays it out anew, its
    /// laid-out text was dropped, and the cached galleys with it.
    probe: Option<Arc<Galley>>,
    /// How many times the picture was built (tests count them).
    pub builds: u64,
}

impl std::fmt::Debug for MapPaintCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MapPaintCache")
            .field("key", &self.key)
            .field("atlas", &self.atlas)
            .field("galleys", &self.galleys.len())
            .field("builds", &self.builds)
            .finish_non_exhaustive()
    }
}

impl Clone for MapPaintCache {
    /// A clone starts empty: a cache is not worth copying.
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl MapPaintCache {
    /// Whether egui still holds the text laid out when the galleys were:
    /// lays out the probe (cheap when cached) and compares.
    fn text_still_valid(&mut self, painter: &Painter) -> bool {
        let probe = painter.layout_job(line_job("0", FontId::proportional(9.0), Color32::WHITE));
        let same = self.probe.as_ref().is_some_and(|p| Arc::ptr_eq(p, &probe));
        self.probe = Some(probe);
        same
    }

    /// The display list last painted.
    #[must_use]
    pub fn scene(&self) -> Arc<Scene> {
        self.scene.clone()
    }

    /// The display list for `key`, built by `build` unless the cached one
    /// is for the same key, and paint it with `painter` (whose clip
    /// rectangle is the map's).
    pub fn paint(
        &mut self,
        painter: &Painter,
        key: SceneKey,
        build: impl FnOnce() -> Scene,
    ) -> Arc<Scene> {
        let text_valid = self.text_still_valid(painter);
        if !text_valid {
            self.galleys.clear();
            self.legend = None;
        }
        if !text_valid || self.key.as_ref() != Some(&key) {
            self.scene = Arc::new(build());
            self.legend = None;
            self.builds += 1;
        } else if self.mesh.is_some() && !self.atlas_changed(painter.ctx()) {
            return self.draw(painter);
        }
        self.mesh = Some(self.mesh_of(painter, &self.scene.clone(), key.pixels_per_point));
        // The size the glyphs were tessellated for: the labels were laid
        // out before the tessellator took it.
        self.atlas = painter.ctx().fonts(|f| f.font_image_size());
        self.key = Some(key);
        self.draw(painter)
    }

    /// Add the background and the cached mesh to `painter`.
    fn draw(&self, painter: &Painter) -> Arc<Scene> {
        painter.rect_filled(
            painter.clip_rect(),
            0.0,
            paint::color(self.scene.background),
        );
        if let Some(mesh) = &self.mesh {
            // egui copies a mesh into the paint primitive of its clip
            // rectangle, and shapes added later with the same rectangle
            // grow that primitive, copying the map's vertices a second
            // time. A rectangle a thousandth of a point smaller (the same
            // pixels: the renderer rounds clip rectangles to whole pixels)
            // gives the map a primitive of its own.
            let own = painter.clip_rect().shrink(1e-3);
            painter.with_clip_rect(own).add(mesh.clone());
        }
        self.scene.clone()
    }

    /// Whether the font atlas has grown since the mesh was tessellated
    /// (its glyphs then sample the wrong spots): call at the end of a
    /// frame, and draw another if it has.
    #[must_use]
    pub fn atlas_changed(&self, ctx: &egui::Context) -> bool {
        self.mesh.is_some() && ctx.fonts(|f| f.font_image_size()) != self.atlas
    }

    /// The legend's lines for the cached scene, laid out by `make` unless
    /// they were for the same text width and ink.
    pub fn legend_lines(
        &mut self,
        key: (f32, Color32),
        make: impl FnOnce() -> Vec<Vec<BidiLine>>,
    ) -> Vec<Vec<BidiLine>> {
        match &self.legend {
            Some((k, lines)) if *k == key => lines.clone(),
            _ => {
                let lines = make();
                self.legend = Some((key, lines.clone()));
                lines
            }
        }
    }

    /// `scene` tessellated into one mesh, its labels laid out by egui
    /// (or taken from the galleys kept from the last build).
    fn mesh_of(&mut self, painter: &Painter, scene: &Scene, pixels_per_point: f32) -> Shape {
        // Labels that were laid out before and are still wanted are kept.
        let mut galleys = std::mem::take(&mut self.galleys);
        let mut used: HashMap<GalleyKey, Arc<Galley>> = HashMap::new();
        let mut galley = |text: &str, style: LabelStyle| {
            let k = (text.to_owned(), style.size.to_bits(), style.bold, style.ink);
            let g = galleys
                .remove(&k)
                .or_else(|| used.get(&k).cloned())
                .unwrap_or_else(|| paint::label_galley(painter, text, style));
            used.insert(k, g.clone());
            g
        };
        let mut shapes = Vec::new();
        for item in &scene.items {
            paint::item_shapes(item, &mut galley, &mut shapes);
        }
        self.galleys = used;
        Shape::mesh(paint::lasting_mesh(painter, pixels_per_point, shapes))
    }
}

/// The key of the map drawn with `view` in `rect`.
#[must_use]
pub fn key_of(
    view: &View<'_>,
    rect: Rect,
    pixels_per_point: f32,
    states: u64,
    fills: u64,
) -> SceneKey {
    SceneKey {
        rect,
        camera: view.projection.camera(),
        pixels_per_point,
        states,
        fills,
        style: view.style.clone(),
        names: view.names,
        locale: view.locale,
        selected: view.selected.map(str::to_owned),
        hovered: view.hovered.map(str::to_owned),
        changed: view
            .changed
            .as_ref()
            .map(|(ids, text)| (ids.to_vec(), text.clone())),
        reported_only: view.reported_only,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::display::{Anchor, Item};
    use crate::scene::style::ThemeKind;

    /// One frame's wishes and what the cache said at its end.
    #[derive(Default)]
    struct State {
        cache: MapPaintCache,
        /// Lay out large new glyphs after the map is painted.
        grow: bool,
        /// Whether the map's glyphs were outdated at the end of each frame.
        outdated: Vec<bool>,
    }

    fn key() -> SceneKey {
        SceneKey {
            rect: Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(400.0, 300.0)),
            camera: Camera::default(),
            pixels_per_point: 1.0,
            states: 1,
            fills: 1,
            style: Style::new(ThemeKind::Light),
            names: NameLang::default(),
            locale: Locale::default(),
            selected: None,
            hovered: None,
            changed: None,
            reported_only: false,
        }
    }

    fn scene() -> Scene {
        Scene {
            background: [250, 250, 250, 255],
            items: vec![Item::Text {
                text: "Lachin".to_owned(),
                pos: [100.0, 100.0],
                size: 14.0,
                color: [0, 0, 0, 255],
                halo: [255, 255, 255, 255],
                anchor: Anchor::Center,
                bold: false,
            }],
            legend: Vec::new(),
        }
    }

    #[test]
    fn glyphs_laid_out_after_the_map_make_it_outdated_until_it_is_painted_again() {
        let mut h = egui_kittest::Harness::new_ui_state(
            |ui, s: &mut State| {
                let painter = ui.painter().clone();
                s.cache.paint(&painter, key(), scene);
                if s.grow {
                    // Text drawn later in the frame (another panel) with
                    // glyphs the atlas has no room for yet.
                    for size in 40..46_u8 {
                        let galley = painter.layout_no_wrap(
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZ".to_owned(),
                            FontId::proportional(f32::from(size)),
                            Color32::WHITE,
                        );
                        painter.galley(egui::Pos2::ZERO, galley, Color32::WHITE);
                    }
                }
                s.outdated.push(s.cache.atlas_changed(ui.ctx()));
            },
            State::default(),
        );
        assert!(
            h.state().outdated.iter().all(|o| !o),
            "{:?}",
            h.state().outdated
        );
        let builds = h.state().cache.builds;
        h.state_mut().outdated.clear();
        h.state_mut().grow = true;
        h.step();
        h.state_mut().grow = false;
        h.step();
        assert_eq!(
            h.state().outdated,
            [true, false],
            "outdated when the atlas grew after the map, current once painted again"
        );
        assert_eq!(
            h.state().cache.builds,
            builds,
            "the display list was not built again, only tessellated"
        );
    }
}
