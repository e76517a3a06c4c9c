//! The map panel: paints the scene, pans and zooms, hit-tests the pointer,
//! shows the hover tooltip, the legend and the zoom buttons. In Arabic the
//! legend sits at the bottom right and the zoom buttons at the top left.

use egui::{Align2, Pos2, Rect, Sense, Ui, Vec2};

use super::app::{Command, Shared};
use super::i18n::{self, Txt};
use super::map_cache::{self, MapPaintCache};
use super::paint;
use super::step_card::{area_line, state_lines};
use crate::i18n::{format, tr, tr_args};
use crate::model::Date;
use crate::model::geometry::Shape;
use crate::model::types::Extent;
use crate::scene::display::{self, View, scheme_label};
use crate::scene::hit::point_in_area;
use crate::scene::projection::{Camera, GeoBBox, Projection, Viewport, fit, pan, zoom_about};

/// Margin around the places of interest when fitting, as a share of the view.
const FIT_MARGIN: f32 = 0.06;
/// How far out and in the map may zoom, relative to the fitted zoom.
const ZOOM_RANGE: (f64, f64) = (0.4, 40.0);
/// Width reserved for the legend when fitting, in points.
const LEGEND_WIDTH: f32 = 250.0;
/// The legend starts open when the map is at least this wide, in points.
const LEGEND_AUTO_OPEN_WIDTH: f32 = 640.0;

/// A camera flight to a stop's extent (`None`: everything).
#[derive(Debug, Clone, Copy)]
pub struct Flight {
    /// Where the flight starts.
    pub from: Camera,
    /// Where it goes (`None`: the fitted view).
    pub extent: Option<Extent>,
    /// When it started, on egui's clock.
    pub start: f64,
}

/// The map panel's own state: what it shows and how it was last drawn.
#[derive(Debug, Clone, Default)]
pub struct MapView {
    /// The camera the user set; `None` fits the dataset's places.
    pub camera: Option<Camera>,
    /// A camera flight under way.
    pub flight: Option<Flight>,
    /// The place under the pointer.
    pub hovered: Option<String>,
    /// Whether the legend is open; `None` follows the map's width.
    pub legend_open: Option<bool>,
    /// The map's last viewport and camera (zoom keys, screenshot metadata).
    pub last_map: Option<(Rect, Camera)>,
    /// Where the legend was drawn (screenshot metadata: not map pixels).
    pub last_legend: Option<Rect>,
    /// Where the presenter's caption was drawn (screenshot metadata).
    pub last_caption: Option<Rect>,
    /// The selection before the last click, put back if that click turns
    /// out to be the first of a double click.
    pub before_click: Option<Option<String>>,
    /// Whether the map moved under the pointer this frame (pan or zoom):
    /// no tooltip then, as the place under the pointer is changing.
    pub moving: bool,
    /// The map as last painted, reused while nothing it shows changes.
    pub paint_cache: MapPaintCache,
    /// Compare mode's changed places, for (session, earlier, later date).
    compared: Option<((u64, Date, Date), Vec<String>)>,

    /// The keyboard among the places and the step announcements
    /// (`ui::map_access`).
    pub access: super::map_access::MapFocus,
}

fn viewport(rect: Rect) -> Viewport {
    Viewport {
        min: [rect.min.x, rect.min.y],
        size: [rect.width(), rect.height()],
    }
}

/// Whether the legend sits on the right of the map (in Arabic), rather
/// than on the left.
#[must_use]
pub fn legend_on_right(app: &Shared<'_>) -> bool {
    app.settings.locale().is_rtl()
}

/// The camera that shows every tracked place, leaving room for the legend
/// on its side (left, or right in Arabic) when the map is wide enough (and
/// for the caption in presenter mode).
#[must_use]
pub fn fitted_camera(app: &Shared<'_>, map: &MapView, rect: Rect) -> Camera {
    let Some(bbox) = app.cache.tracked_bbox.or(app.cache.all_bbox) else {
        return Camera::default();
    };
    camera_for(app, map, rect, bbox)
}

/// The camera that shows `bbox` in the part of `rect` the legend and the
/// presenter's caption leave free.
fn camera_for(app: &Shared<'_>, map: &MapView, rect: Rect, bbox: GeoBBox) -> Camera {
    let mut fit_rect = rect;
    let legend_open = app.presenter.is_some()
        || map
            .legend_open
            .unwrap_or(rect.width() >= LEGEND_AUTO_OPEN_WIDTH);
    if app.settings.show_legend && legend_open && rect.width() > LEGEND_WIDTH * 2.5 {
        if legend_on_right(app) {
            fit_rect.max.x -= LEGEND_WIDTH;
        } else {
            fit_rect.min.x += LEGEND_WIDTH;
        }
    }
    if app.presenter.is_some() {
        fit_rect.max.y -= super::presenter::caption_height(app, rect);
        fit_rect.max.y = fit_rect.max.y.max(fit_rect.min.y + 1.0);
    }
    let cam = fit(bbox, viewport(fit_rect), app.cache.ref_lat, FIT_MARGIN);
    // The fitted centre belongs in the middle of fit_rect, not of rect:
    // move the content by the difference.
    let full = Projection::new(cam, viewport(rect), app.cache.ref_lat);
    pan(
        cam,
        &full,
        [
            fit_rect.center().x - rect.center().x,
            fit_rect.center().y - rect.center().y,
        ],
    )
}

/// Where a camera flight is on its way: the camera at `t` in 0..=1 of the
/// way from `from` to `to`, eased, zooming geometrically.
#[must_use]
pub fn flight_camera(from: Camera, to: Camera, t: f32) -> Camera {
    let t = f64::from(t.clamp(0.0, 1.0));
    let e = t * t * (3.0 - 2.0 * t);
    let zoom = if from.zoom > 0.0 && to.zoom > 0.0 {
        (from.zoom.ln() + (to.zoom.ln() - from.zoom.ln()) * e).exp()
    } else {
        to.zoom
    };
    Camera {
        center: [
            from.center[0] + (to.center[0] - from.center[0]) * e,
            from.center[1] + (to.center[1] - from.center[1]) * e,
        ],
        zoom,
    }
    .sanitized()
}

/// Move a running camera flight on; returns the camera to draw with.
fn fly(app: &Shared<'_>, map: &mut MapView, rect: Rect, now: f64) -> Option<Camera> {
    let f = map.flight?;
    let target = match f.extent {
        Some(e) => camera_for(
            app,
            map,
            rect,
            GeoBBox {
                min: [e.west, e.south],
                max: [e.east, e.north],
            },
        ),
        None => fitted_camera(app, map, rect),
    };
    let t = ((now - f.start) / f64::from(crate::present::FLY_SECS)) as f32;
    // With reduced motion the camera is where the flight ends at once.
    if t >= 1.0 || app.settings.reduce_motion() {
        map.camera = f.extent.map(|_| target);
        map.flight = None;
        return Some(target);
    }
    let cam = flight_camera(f.from, target, t);
    map.camera = Some(cam);
    Some(cam)
}

/// The camera that shows the geographic point `g`: `cam` with `g` in the
/// middle of `rect`, zoomed out (by steps, down to `lo`) as far as needed
/// when the map cannot move that far at this zoom (it keeps the tracked
/// places within reach).
fn revealing(app: &Shared<'_>, cam: Camera, rect: Rect, g: [f64; 2], lo: f64) -> Camera {
    let vp = viewport(rect);
    let mut zoom = cam.zoom;
    let mut shown = app.cache.clamp(Camera { center: g, zoom }, vp);
    for _ in 0..24 {
        let p = Projection::new(shown, vp, app.cache.ref_lat).screen_from_geo(g);
        if rect.contains(Pos2::new(p[0], p[1])) || zoom <= lo {
            break;
        }
        zoom = (zoom / 1.5).max(lo);
        shown = app.cache.clamp(Camera { center: g, zoom }, vp);
    }
    shown
}

fn zoom_limits(app: &Shared<'_>, map: &MapView, rect: Rect) -> (f64, f64) {
    let base = fitted_camera(app, map, rect).zoom;
    (base * ZOOM_RANGE.0, base * ZOOM_RANGE.1)
}

/// Zoom about the map's centre (keyboard and buttons).
pub fn zoom_by(app: &Shared<'_>, map: &mut MapView, factor: f64) {
    let Some((rect, cam)) = map.last_map else {
        return;
    };
    let proj = Projection::new(cam, viewport(rect), app.cache.ref_lat);
    let (lo, hi) = zoom_limits(app, map, rect);
    let zoomed = zoom_about(
        cam,
        &proj,
        [rect.center().x, rect.center().y],
        factor,
        lo,
        hi,
    );
    map.camera = Some(app.cache.clamp(zoomed, viewport(rect)));
}

/// The tracked place, town or context area under a geographic point, topmost
/// first (regions above districts, as drawn).
fn hit(app: &Shared<'_>, proj: &Projection, pointer: Pos2) -> Option<String> {
    let geo = proj.geo_from_screen([pointer.x, pointer.y]);
    let features = &app.ds.map.features;
    // Towns: within a few points of the marker.
    for f in features.iter().rev() {
        if let Shape::Point(p) = &f.shape {
            let s = proj.screen_from_geo(*p);
            if Pos2::new(s[0], s[1]).distance(pointer) <= app.style.marker_radius + 4.0 {
                return Some(f.id.clone());
            }
        }
    }
    let rank = |kind: &str| match kind {
        "region" => 0,
        "district" => 1,
        "rayon" => 2,
        "country" => 3,
        _ => 4,
    };
    let mut areas: Vec<_> = features
        .iter()
        .filter_map(|f| match &f.shape {
            Shape::Area(polys) => Some((rank(&f.kind), f, polys)),
            _ => None,
        })
        .collect();
    areas.sort_by_key(|(r, _, _)| *r);
    areas
        .into_iter()
        .find(|(_, _, polys)| point_in_area(polys, geo))
        .map(|(_, f, _)| f.id.clone())
}

/// The map panel: draws `app`'s map in `map`'s camera; pans, zooms, flies
/// and opens the legend in `map`; pushes selections and the rest to `out`.
/// `reader_hovered` is the place named in the reader under the pointer,
/// outlined too.
pub fn ui(
    ui: &mut Ui,
    app: &Shared<'_>,
    map: &mut MapView,
    reader_hovered: Option<&str>,
    out: &mut Vec<Command>,
) {
    let rect = ui.available_rect_before_wrap();
    let loc = app.settings.locale();
    // Not a tab stop itself: Tab lands on a place (`map_access`).
    let response = ui.allocate_rect(rect, Sense::CLICK | Sense::DRAG);
    let map_label = tr(loc, "map-label");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &map_label));
    let (lo, hi) = zoom_limits(app, map, rect);
    let now = ui.input(|i| i.time);
    let flying = fly(app, map, rect, now);
    let mut cam = flying
        .or(map.camera)
        .unwrap_or_else(|| fitted_camera(app, map, rect));
    let ref_lat = app.cache.ref_lat;
    let presenting = app.presenter.is_some();

    // Pan and zoom.
    map.moving = false;
    if response.dragged() && !presenting {
        map.moving = true;
        let d = response.drag_delta();
        let proj = Projection::new(cam, viewport(rect), ref_lat);
        cam = app.cache.clamp(pan(cam, &proj, [d.x, d.y]), viewport(rect));
        map.camera = Some(cam);
    }
    if response.hovered() && !presenting {
        let (scroll, pinch, pointer) = ui.input(|i| {
            (
                i.smooth_scroll_delta.y,
                i.zoom_delta(),
                i.pointer.hover_pos(),
            )
        });
        let factor = f64::from(pinch) * (f64::from(scroll) / 300.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            let anchor = pointer.unwrap_or(rect.center());
            let proj = Projection::new(cam, viewport(rect), ref_lat);
            let zoomed = zoom_about(cam, &proj, [anchor.x, anchor.y], factor, lo, hi);
            cam = app.cache.clamp(zoomed, viewport(rect));
            map.camera = Some(cam);
            map.moving = true;
        }
    }
    let double = response.double_clicked() && !presenting;
    if double {
        out.push(Command::FitMap);
        // The first click of the two selected what was under the pointer;
        // a double click only fits the map, so that is undone.
        if let Some(before) = map.before_click.take() {
            out.push(Command::Select(before));
        }
    }
    let proj = Projection::new(cam, viewport(rect), ref_lat);
    map.last_map = Some((rect, cam));

    // Hover and click.
    let hovered = response
        .hover_pos()
        .filter(|_| !presenting)
        .and_then(|p| hit(app, &proj, p));
    map.hovered.clone_from(&hovered);
    // A place named in the source reader under the pointer is outlined too.
    let outlined = hovered
        .clone()
        .or_else(|| reader_hovered.map(str::to_owned));
    if response.clicked() && !presenting && !double {
        map.before_click = Some(app.selected.map(str::to_owned));
        let target = response
            .interact_pointer_pos()
            .and_then(|p| hit(app, &proj, p));
        let tracked = target.filter(|id| app.ds.place(id).is_some());
        out.push(Command::Select(tracked));
    }

    // Compare mode: the places that changed since the earlier date.
    let compared = app.settings.compare.then(|| {
        let from = super::app::compare_from(app);
        let to = app.time.date();
        let key = (app.versions.session, from.min(to), from.max(to));
        let ids = match &map.compared {
            Some((k, ids)) if *k == key => ids.clone(),
            _ => {
                let ids: Vec<String> = crate::model::state::changes_between(app.ds, key.1, key.2)
                    .into_iter()
                    .map(|c| c.id)
                    .collect();
                map.compared = Some((key, ids.clone()));
                ids
            }
        };
        let text = tr_args(
            loc,
            "map-changed-between",
            &[
                ("from", format::date_short(from.min(to), loc).into()),
                ("to", format::date_short(from.max(to), loc).into()),
            ],
        );
        (ids, text)
    });
    // Paint. In presenter mode the places the step does not touch are dimmed
    // while its change is fresh.
    let dimmed = super::presenter::dimmed_fills(app);
    let view = View {
        projection: &proj,
        style: app.style,
        names: app.settings.names,
        locale: app.settings.locale(),
        fill_override: dimmed.as_ref().unwrap_or(app.fills),
        selected: app.selected,
        hovered: outlined.as_deref(),
        changed: compared
            .as_ref()
            .map(|(ids, text)| (ids.as_slice(), text.clone())),
        reported_only: app.settings.reported_only,
    };
    // Dimmed fills are made for this frame only.
    let fills = if dimmed.is_some() {
        super::app::session::fresh_version()
    } else {
        app.versions.fills
    };
    let key = map_cache::key_of(
        &view,
        rect,
        ui.ctx().pixels_per_point(),
        app.versions.states,
        fills,
    );
    let painter = ui.painter_at(rect);
    let scene = map.paint_cache.paint(&painter, key, || {
        display::build(app.ds, app.cache, app.states, &view)
    });
    super::presenter::highlight(&painter, app, &proj, now);
    let reveal = super::map_access::ui(ui, app, &response, &proj, &mut map.access, out);
    // The keyboard went to a place out of view: bring it into view.
    if let Some(at) = reveal.filter(|_| !presenting) {
        let g = proj.geo_from_screen([at.x, at.y]);
        map.camera = Some(revealing(app, cam, rect, g, lo));
        map.flight = None;
        ui.ctx().request_repaint();
    }

    if let Some(id) = hovered.as_ref().filter(|_| !map.moving) {
        let response = response.clone();
        response.on_hover_ui_at_pointer(|ui| tooltip(ui, app, id));
    }
    // Right-click: the passages behind the place's state, to open in the reader.
    let menu_place = hovered
        .clone()
        .filter(|id| app.states.iter().any(|s| &s.id == id));
    let mut open = None;
    if presenting {
        legend_and_caption(ui, app, map, rect, &scene);
        return;
    }
    response.context_menu(|ui| {
        i18n::column(ui, loc, |ui| {
            let Some(id) = menu_place.as_deref().or(app.selected) else {
                Txt::new(tr(loc, "map-context-hint")).line(ui);
                return;
            };
            let Some(state) = app.states.iter().find(|s| s.id == id) else {
                return;
            };
            let place = app.ds.place(id).map_or(id, |p| p.names.get(loc.lang.tag()));
            Txt::new(tr_args(loc, "map-sources-for", &[("place", place.into())]))
                .strong()
                .line(ui);
            let pending = state.pending.iter().flat_map(|p| p.citations.iter());
            let ids: Vec<String> = state.citations.iter().chain(pending).cloned().collect();
            // Each passage by its source's title and paragraph, not its id.
            let names = super::step_card::passage_names(app.ds, &ids, loc);
            for (cid, name) in ids.iter().zip(&names) {
                let label = tr_args(loc, "card-open-in-reader", &[("passage", name.into())]);
                if i18n::button(ui, &label).clicked() {
                    open = Some(cid.clone());
                    ui.close();
                }
            }
        });
    });
    if let Some(cid) = open {
        out.push(Command::OpenCitation(cid));
    }
    overlay(ui, app, map, rect, &scene, out);
}

/// Presenter mode: the legend (not collapsible) and the caption, no buttons.
fn legend_and_caption(
    ui: &mut Ui,
    app: &Shared<'_>,
    map: &mut MapView,
    rect: Rect,
    scene: &display::Scene,
) {
    if app.settings.show_legend && !scene.legend.is_empty() {
        legend(ui, app, map, rect, scene);
    }
    map.last_caption = super::presenter::overlay(ui, app, rect);
}

/// The tooltip over a place: its name in the interface language, its other
/// names, and for a tracked place its state and area.
fn tooltip(ui: &mut Ui, app: &Shared<'_>, id: &str) {
    ui.set_max_width(360.0);
    let loc = app.settings.locale();
    let lang = loc.lang.tag();
    let ds = app.ds;
    let feature = ds.map.feature(id);
    let names = ds.place(id).map(|p| &p.names).or(feature.map(|f| &f.names));
    i18n::column(ui, loc, |ui| {
        if let Some(names) = names {
            let shown = names.get(lang);
            Txt::new(shown).strong().label(ui);
            for scheme in &ds.naming {
                if let Some(n) = names.exact(scheme.tag.as_str()).filter(|n| *n != shown) {
                    let label = scheme_label(ds, scheme.tag, loc);
                    let text = tr_args(
                        loc,
                        "map-name-other",
                        &[("scheme", label.as_str().into()), ("name", n.into())],
                    );
                    Txt::new(text).label(ui);
                }
            }
        }
        match app.states.iter().find(|s| s.id == id) {
            Some(state) => {
                state_lines(ui, app, state);
                area_line(ui, app, id);
                Txt::new(tr(loc, "map-tooltip-hint"))
                    .weak()
                    .small()
                    .label(ui);
            }
            None if ds.place(id).is_none() => {
                Txt::new(tr(loc, "map-context-only")).weak().label(ui);
            }
            None => {}
        }
    });
}

fn overlay(
    ui: &mut Ui,
    app: &Shared<'_>,
    map: &mut MapView,
    rect: Rect,
    scene: &display::Scene,
    out: &mut Vec<Command>,
) {
    let loc = app.settings.locale();
    // Zoom buttons, top right (top left in Arabic, away from the legend).
    let corner = if loc.is_rtl() {
        rect.left_top() + Vec2::new(8.0, 8.0)
    } else {
        rect.right_top() + Vec2::new(-44.0, 8.0)
    };
    let buttons = Rect::from_min_size(corner, Vec2::new(36.0, 110.0));
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(buttons)
            .layout(egui::Layout::top_down(egui::Align::Center)),
    );
    let size = Vec2::splat(30.0);
    for (text, label, cmd) in [
        ("+", tr(loc, "map-zoom-in"), Command::ZoomBy(1.25)),
        ("−", tr(loc, "map-zoom-out"), Command::ZoomBy(0.8)),
        ("⛶", tr(loc, "map-fit"), Command::FitMap),
    ] {
        let b = i18n::hover(child.add_sized(size, egui::Button::new(text)), &label);
        i18n::accessible(&b, egui::Role::Button, &label);
        if b.clicked() {
            out.push(cmd);
        }
    }
    if app.settings.show_legend && !scene.legend.is_empty() {
        legend(ui, app, map, rect, scene);
    }
}

/// The legend, bottom left (bottom right in Arabic, with its swatches on
/// the right): open by default when the map is wide enough, and
/// collapsible to its title.
fn legend(ui: &mut Ui, app: &Shared<'_>, map: &mut MapView, rect: Rect, scene: &display::Scene) {
    let loc = app.settings.locale();
    let right = legend_on_right(app);
    let presenting = app.presenter.is_some();
    let mut open = presenting
        || map
            .legend_open
            .unwrap_or(rect.width() >= LEGEND_AUTO_OPEN_WIDTH);
    let style = &app.style;
    let ink = paint::color(style.panel_text);
    let width = LEGEND_WIDTH - 16.0;
    let text_width = width - 54.0;
    let font = egui::FontId::proportional(11.5);
    let mut lines: Vec<Vec<super::text::BidiLine>> = if open {
        map.paint_cache.legend_lines((text_width, ink), || {
            scene
                .legend
                .iter()
                .map(|e| super::text::paragraph_lines(ui, &e.label, font.clone(), ink, text_width))
                .collect()
        })
    } else {
        Vec::new()
    };
    let mut rows: Vec<f32> = lines
        .iter()
        .map(|ls| ls.iter().map(|l| l.galley.size().y).sum::<f32>().max(16.0) + 5.0)
        .collect();
    let bottom = if presenting {
        rect.bottom() - super::presenter::caption_height(app, rect) - 24.0
    } else {
        rect.bottom() - 8.0
    };
    // A legend taller than the map folds to its title rather than being
    // cut by the map's top.
    if open && !presenting && bottom - (rows.iter().sum::<f32>() + 36.0) < rect.top() + 8.0 {
        open = false;
        lines.clear();
        rows.clear();
    }
    let height = if open {
        rows.iter().sum::<f32>() + 36.0
    } else {
        30.0
    };
    let (heading, toggle) = (tr(loc, "map-legend"), tr(loc, "map-legend-show"));
    let heading_font = egui::FontId::proportional(13.0);
    let closed_width = {
        let g = ui.fonts_mut(|f| {
            f.layout_job(super::text::line_job(&heading, heading_font.clone(), ink))
        });
        (g.size().x + 44.0).max(96.0)
    };
    let size = Vec2::new(if open { width } else { closed_width }, height);
    let left = if right {
        rect.right() - 8.0 - size.x
    } else {
        rect.left() + 8.0
    };
    let legend_rect = Rect::from_min_size(Pos2::new(left, bottom - height), size);
    let painter = ui.painter_at(rect);
    painter.rect_filled(legend_rect, 6.0, paint::color(style.panel_fill));
    let header = Rect::from_min_size(legend_rect.min, Vec2::new(legend_rect.width(), 28.0));
    let (label, arrow) = match (open, right) {
        (true, _) => (tr(loc, "map-legend-hide"), "⏷"),
        (false, false) => (toggle, "⏵"),
        (false, true) => (toggle, "⏴"),
    };
    if !presenting {
        let r = i18n::hover(
            ui.interact(header, ui.scope_id().with("legend-toggle"), Sense::click()),
            &label,
        );
        i18n::accessible(&r, egui::Role::Button, &label);
        if r.clicked() {
            map.legend_open = Some(!open);
        }
    }
    // The arrow before the title in reading order.
    let heading = match (presenting, right) {
        (true, _) => heading,
        (false, false) => format!("{arrow} {heading}"),
        (false, true) => format!("{heading} {arrow}"),
    };
    let (at, anchor) = if right {
        (
            header.right_center() - Vec2::new(10.0, 0.0),
            Align2::RIGHT_CENTER,
        )
    } else {
        (
            header.left_center() + Vec2::new(10.0, 0.0),
            Align2::LEFT_CENTER,
        )
    };
    i18n::paint_text(ui, &painter, at, anchor, &heading, heading_font, ink);
    let mut y = legend_rect.top() + 30.0;
    for (i, ((entry, lines), h)) in scene.legend.iter().zip(lines).zip(rows).enumerate() {
        // Screen readers (and tests) read each entry's words.
        let row = Rect::from_min_size(
            Pos2::new(legend_rect.left(), y),
            Vec2::new(legend_rect.width(), h),
        );
        let r = ui.interact(row, ui.scope_id().with(("legend-entry", i)), Sense::hover());
        i18n::accessible(&r, egui::Role::Label, &entry.label);
        let sw_x = if right {
            legend_rect.right() - 10.0 - 28.0
        } else {
            legend_rect.left() + 10.0
        };
        let sw = Rect::from_min_size(Pos2::new(sw_x, y + 1.0), Vec2::new(28.0, 14.0));
        paint::swatch(
            &painter,
            sw,
            &entry.swatch,
            style.hatch_spacing,
            style.hatch_width,
        );
        // The text's column: beside the swatch, on the side away from it.
        let (text_left, text_right) = if right {
            (sw.left() - 8.0 - text_width, sw.left() - 8.0)
        } else {
            (sw.right() + 8.0, sw.right() + 8.0 + text_width)
        };
        let mut ly = y;
        for line in lines {
            let x = if line.direction.is_rtl() {
                text_right - line.galley.size().x
            } else {
                text_left
            };
            let gh = line.galley.size().y;
            painter.galley(Pos2::new(x, ly), line.galley, ink);
            ly += gh;
        }
        y += h;
    }
    map.last_legend = Some(legend_rect);
}
