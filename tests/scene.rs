//! The map scene without a window: hit-testing through the projection, the
//! fill of every tracked place matching the legend for its state, labels
//! that never overlap and stay inside the map, and the legend's lines and
//! patterns in contrast with the fills they cross, and simplified outlines
//! when zoomed out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

use karabakh_atlas::model::geometry::Shape;
use karabakh_atlas::model::state::state_at;
use karabakh_atlas::model::types::Reach;
use karabakh_atlas::model::{Date, load_bundled};
use karabakh_atlas::scene::display::{self, Item, MapCache, NameLang, Pattern, Swatch, View};
use karabakh_atlas::scene::hit::point_in_area;
use karabakh_atlas::scene::labels;
use karabakh_atlas::scene::lod::Lod;
use karabakh_atlas::scene::projection::{Projection, Viewport, fit};
use karabakh_atlas::scene::style::{Style, ThemeKind, contrast_ratio};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn a_screen_point_hits_the_district_drawn_there() {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let vp = Viewport {
        min: [0.0, 0.0],
        size: [1000.0, 700.0],
    };
    let cam = fit(cache.tracked_bbox.unwrap(), vp, cache.ref_lat, 0.05);
    let proj = Projection::new(cam, vp, cache.ref_lat);
    for id in [
        "aghdam", "fuzuli", "jabrayil", "zangilan", "qubadli", "lachin", "kalbajar",
    ] {
        let i = ds.map.features.iter().position(|f| f.id == id).unwrap();
        let label = cache.features[i].label_at.unwrap();
        // Through the screen and back, the label point is inside its own
        // district and in no other.
        let screen = proj.screen_from_geo(label);
        assert!(screen[0] > 0.0 && screen[0] < 1000.0 && screen[1] > 0.0 && screen[1] < 700.0);
        let geo = proj.geo_from_screen(screen);
        let hits: Vec<&str> = ds
            .map
            .features
            .iter()
            .filter(|f| f.kind == "district")
            .filter(|f| matches!(&f.shape, Shape::Area(p) if point_in_area(p, geo)))
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(hits, [id]);
    }
}

fn fill_of(
    scene: &display::Scene,
    ds: &karabakh_atlas::model::Dataset,
    cache: &MapCache,
    proj: &Projection,
    id: &str,
) -> [u8; 4] {
    // The first fill item whose vertices are those of the feature's triangles.
    let i = ds.map.features.iter().position(|f| f.id == id).unwrap();
    let first = proj.screen_from_geo(cache.features[i].triangles[0].vertices[0]);
    scene
        .items
        .iter()
        .find_map(|it| match it {
            Item::Fill {
                vertices, color, ..
            } if vertices.first() == Some(&first) => Some(*color),
            _ => None,
        })
        .unwrap()
}

#[test]
fn every_tracked_place_is_filled_with_the_legend_colour_of_its_controller() {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let vp = Viewport {
        min: [0.0, 0.0],
        size: [1200.0, 800.0],
    };
    let proj = Projection::new(
        fit(cache.tracked_bbox.unwrap(), vp, cache.ref_lat, 0.05),
        vp,
        cache.ref_lat,
    );
    for theme in [ThemeKind::Light, ThemeKind::Dark] {
        let style = Style::new(theme);
        let legend = display::legend(
            &ds,
            &style,
            NameLang::parse("en").unwrap(),
            karabakh_atlas::i18n::Locale::EN,
            false,
        );
        // Control of a whole place in the controller's fill, of part of it
        // in the paler fill the legend gives that controller.
        let legend_colour = |s: &karabakh_atlas::model::state::PlaceState| {
            let name = ds.controller(&s.controlled_by).unwrap().names.en();
            let label = match s.evidence.reach {
                Reach::Whole => format!("Controlled by {name}"),
                Reach::Part => format!("Part of a place held by {name} (paler, upright lines)"),
            };
            legend
                .iter()
                .find_map(|e| match &e.swatch {
                    Swatch::Fill { color, .. } if e.label == label => Some(*color),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("no legend entry '{label}'"))
        };
        // Just before and on each handover, and at the three screenshot dates.
        for date in [
            "2020-09-26",
            "2020-11-19",
            "2020-11-20",
            "2020-11-21",
            "2020-11-24",
            "2020-11-25",
            "2020-11-30",
            "2020-12-01",
            "2023-10-01",
        ] {
            let states = state_at(&ds, d(date));
            let none = HashMap::new();
            let view = View {
                projection: &proj,
                style: &style,
                names: NameLang::parse("en").unwrap(),
                locale: karabakh_atlas::i18n::Locale::EN,
                fill_override: &none,
                selected: None,
                hovered: None,
                changed: None,
                reported_only: false,
            };
            let scene = display::build(&ds, &cache, &states, &view);
            for s in &states {
                assert_eq!(
                    fill_of(&scene, &ds, &cache, &proj, &s.id),
                    legend_colour(s),
                    "{} on {date}",
                    s.id
                );
            }
        }
    }
}

#[test]
fn pending_and_undated_changes_are_patterned_not_only_coloured() {
    let ds = load_bundled().unwrap();
    let style = Style::new(ThemeKind::Light);
    // 21 Nov 2020: Kalbajar and Lachin pending (stripes); 15 Oct 2020: four districts changing (cross-hatch).
    for (date, expect) in [("2020-11-21", 2), ("2020-10-15", 4), ("2020-12-02", 0)] {
        let patterned = state_at(&ds, d(date))
            .iter()
            .filter(|s| {
                display::state_fill(&ds, &style, s, false)
                    .1
                    .iter()
                    .any(|(p, _)| matches!(p, Pattern::Hatch | Pattern::CrossHatch))
            })
            .count();
        assert_eq!(patterned, expect, "{date}");
    }
}

/// The scene of step 9 in a 1280×800 map at `zoom_factor` times the
/// default fit, with its projection.
fn scene_at(zoom_factor: f64, theme: ThemeKind) -> (display::Scene, Projection) {
    let ds = load_bundled().unwrap();
    scene_with(&ds, &MapCache::new(&ds), zoom_factor, theme)
}

fn scene_with(
    ds: &karabakh_atlas::model::Dataset,
    cache: &MapCache,
    zoom_factor: f64,
    theme: ThemeKind,
) -> (display::Scene, Projection) {
    let vp = Viewport {
        min: [0.0, 0.0],
        size: [1280.0, 800.0],
    };
    let mut cam = fit(cache.tracked_bbox.unwrap(), vp, cache.ref_lat, 0.05);
    cam.zoom *= zoom_factor;
    let proj = Projection::new(cam, vp, cache.ref_lat);
    let states = state_at(ds, ds.step_date(8).unwrap());
    let style = Style::new(theme);
    let fills = HashMap::new();
    let scene = display::build(
        ds,
        cache,
        &states,
        &View {
            projection: &proj,
            style: &style,
            names: NameLang::Interface,
            locale: karabakh_atlas::i18n::Locale::EN,
            fill_override: &fills,
            selected: None,
            hovered: None,
            changed: None,
            reported_only: false,
        },
    );
    (scene, proj)
}

fn drawn_labels(scene: &display::Scene) -> Vec<(String, [f32; 4])> {
    scene
        .items
        .iter()
        .filter_map(|it| match it {
            Item::Text { text, .. } => Some((text.clone(), labels::label_box(it).unwrap())),
            _ => None,
        })
        .collect()
}

#[test]
fn map_labels_never_overlap_at_the_default_fit_or_zoomed_out() {
    for factor in [1.0, 0.5] {
        let (scene, _) = scene_at(factor, ThemeKind::Light);
        let drawn = drawn_labels(&scene);
        assert!(drawn.len() >= 7, "{factor}: only {drawn:?}");
        for (i, (a, ba)) in drawn.iter().enumerate() {
            for (b, bb) in &drawn[i + 1..] {
                assert!(
                    !labels::intersects(*ba, *bb),
                    "zoom ×{factor}: {a:?} {ba:?} overlaps {b:?} {bb:?}"
                );
            }
        }
    }
}

#[test]
fn tracked_labels_win_over_context_and_every_label_stays_inside_the_map() {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    for factor in [1.0, 0.5] {
        let (scene, proj) = scene_at(factor, ThemeKind::Light);
        let drawn = drawn_labels(&scene);
        let style = Style::new(ThemeKind::Light);
        for (text, b) in &drawn {
            assert!(
                b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= 1280.0 && b[3] <= 800.0,
                "{text} {b:?} leaves the map"
            );
        }
        // Tracked places' labels are placed first: the ones drawn are
        // exactly those placed when there are no towns or context labels.
        let rank = |k: &str| usize::from(k == "region");
        let mut tracked: Vec<_> = ds
            .map
            .features
            .iter()
            .enumerate()
            .filter(|(_, f)| ds.place(&f.id).is_some_and(|p| p.kind.is_tracked()))
            .collect();
        tracked.sort_by_key(|(_, f)| rank(&f.kind));
        let alone: Vec<(labels::Priority, Item)> = tracked
            .iter()
            .map(|(i, f)| {
                let name = ds.place(&f.id).unwrap().names.get("en").to_owned();
                let at = proj.screen_from_geo(cache.features[*i].label_at.unwrap());
                let item = Item::Text {
                    text: name,
                    pos: at,
                    size: style.label_size,
                    color: style.label,
                    halo: style.halo,
                    anchor: display::Anchor::Center,
                    bold: true,
                };
                (labels::Priority::Tracked, item)
            })
            .collect();
        let mut expected: Vec<String> = labels::place(alone, proj.viewport())
            .into_iter()
            .filter_map(|it| match it {
                Item::Text { text, .. } => Some(text),
                _ => None,
            })
            .collect();
        let names: Vec<String> = ds
            .tracked_places()
            .map(|p| p.names.get("en").to_owned())
            .collect();
        let mut got: Vec<String> = drawn
            .iter()
            .map(|(t, _)| t.clone())
            .filter(|t| names.contains(t))
            .collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "zoom ×{factor}");
        assert!(got.len() >= 6, "zoom ×{factor}: {got:?}");
    }
}

#[test]
fn legend_lines_and_patterns_reach_three_to_one_on_the_fills_they_cross() {
    let ds = load_bundled().unwrap();
    for theme in [ThemeKind::Light, ThemeKind::Dark] {
        let style = Style::new(theme);
        let fills = style.fills(ds.controllers.len());
        for e in display::legend(
            &ds,
            &style,
            NameLang::Interface,
            karabakh_atlas::i18n::Locale::EN,
            false,
        ) {
            match e.swatch {
                Swatch::Fill {
                    color,
                    pattern: Some((_, ink)),
                } => {
                    // Stripes toward a controller over another's fill.
                    for (i, fill) in fills
                        .iter()
                        .enumerate()
                        .skip(fills.len() - ds.controllers.len())
                    {
                        if style.controller_ink(i + ds.controllers.len() - fills.len()) == ink {
                            continue;
                        }
                        let r = contrast_ratio(ink, *fill);
                        assert!(r >= 3.0, "{theme:?} {}: {r:.2} on {fill:?}", e.label);
                    }
                    let r = contrast_ratio(ink, color);
                    assert!(r >= 3.0, "{theme:?} {}: {r:.2}", e.label);
                }
                Swatch::Line(stroke) => {
                    for fill in &fills {
                        let r = contrast_ratio(stroke.color, *fill);
                        assert!(r >= 3.0, "{theme:?} {}: {r:.2} on {fill:?}", e.label);
                    }
                }
                Swatch::Fill { pattern: None, .. } => {}
            }
        }
    }
}

#[test]
fn the_graticule_is_drawn_over_the_base_layer() {
    use karabakh_atlas::scene::display::Item;
    let ds = karabakh_atlas::model::load_bundled().unwrap();
    assert!(
        !ds.map.base.is_empty(),
        "the bundled dataset has a base layer"
    );
    let cache = karabakh_atlas::scene::display::MapCache::new(&ds);
    let style =
        karabakh_atlas::scene::style::Style::new(karabakh_atlas::scene::style::ThemeKind::Light);
    let viewport = karabakh_atlas::scene::projection::Viewport {
        min: [0.0, 0.0],
        size: [460.0, 900.0],
    };
    let bbox = cache.tracked_bbox.unwrap();
    let cam = karabakh_atlas::scene::projection::fit(bbox, viewport, cache.ref_lat, 0.06);
    let proj = karabakh_atlas::scene::projection::Projection::new(cam, viewport, cache.ref_lat);
    let fills = std::collections::HashMap::new();
    let view = karabakh_atlas::scene::display::View {
        projection: &proj,
        style: &style,
        names: karabakh_atlas::scene::display::NameLang::Interface,
        locale: karabakh_atlas::i18n::Locale::EN,
        fill_override: &fills,
        selected: None,
        hovered: None,
        changed: None,
        reported_only: false,
    };
    let states = karabakh_atlas::model::state::state_at(&ds, ds.coverage.from);
    let scene = karabakh_atlas::scene::display::build(&ds, &cache, &states, &view);
    let lines: usize = scene
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Segments { segments, stroke } if *stroke == style.graticule => {
                Some(segments.len())
            }
            _ => None,
        })
        .sum();
    assert!(lines >= 4, "{lines} graticule lines");
}

/// Points of every outline (closed path) the scene draws, and how many
/// fills it draws.
fn outline_points_and_fills(scene: &display::Scene) -> (usize, usize) {
    let points = scene
        .items
        .iter()
        .map(|it| match it {
            Item::Path {
                points,
                closed: true,
                ..
            } => points.len(),
            _ => 0,
        })
        .sum();
    let fills = scene
        .items
        .iter()
        .filter(|it| matches!(it, Item::Fill { .. }))
        .count();
    (points, fills)
}

#[test]
fn zoomed_out_the_map_draws_simplified_outlines_close_to_the_full_ones() {
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let mut full_detail = cache.clone();
    full_detail.lod = Lod::default();
    let zoom = 0.4;
    let (far, proj) = scene_with(&ds, &cache, zoom, ThemeKind::Light);
    let (far_full, _) = scene_with(&ds, &full_detail, zoom, ThemeKind::Light);
    let (far_points, far_fills) = outline_points_and_fills(&far);
    let (full_points, full_fills) = outline_points_and_fills(&far_full);
    // Zoomed out: the same areas, with fewer points (the bundled outlines
    // are already simplified, so only a few go).
    assert_eq!(far_fills, full_fills);
    assert!(
        far_points < full_points,
        "{far_points} points drawn, {full_points} in full"
    );
    // A generated dataset's squares lose every point along their straight
    // sides at the fitted view.
    let base = karabakh_atlas::synth::Counts::of(&ds);
    let synth =
        karabakh_atlas::model::load_memory("synth", &karabakh_atlas::synth::files(base.times(10)))
            .unwrap();
    let synth_cache = MapCache::new(&synth);
    let mut synth_full = synth_cache.clone();
    synth_full.lod = Lod::default();
    let (lod_points, _) =
        outline_points_and_fills(&scene_with(&synth, &synth_cache, 1.0, ThemeKind::Light).0);
    let (all_points, _) =
        outline_points_and_fills(&scene_with(&synth, &synth_full, 1.0, ThemeKind::Light).0);
    assert!(
        lod_points * 4 < all_points,
        "{lod_points} points drawn, {all_points} in full"
    );
    let level = cache.lod.level_for(proj.camera().zoom).unwrap();
    // Every left-out point lies within half a point of the simplified
    // outline drawn.
    let mut checked = 0;
    for (f, simple) in ds.map.features.iter().zip(&level.features) {
        let (Shape::Area(polys), Some(simple)) = (&f.shape, simple) else {
            continue;
        };
        for (poly, simple) in polys.iter().zip(&simple.polygons) {
            for (ring, simple) in poly.iter().zip(simple) {
                let drawn: Vec<[f32; 2]> =
                    simple.iter().map(|p| proj.screen_from_geo(*p)).collect();
                for p in ring {
                    let s = proj.screen_from_geo(*p);
                    let nearest = drawn
                        .windows(2)
                        .map(|w| segment_distance(s, w[0], w[1]))
                        .fold(f32::INFINITY, f32::min);
                    assert!(
                        nearest <= 0.6,
                        "{}: {p:?} is {nearest} pt from the outline",
                        f.id
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 0);
    // Zoomed in: every point (no level fine enough), and areas wholly out
    // of view are not drawn at all.
    let (near, near_proj) = scene_with(&ds, &cache, 8.0, ThemeKind::Light);
    assert!(cache.lod.level_for(near_proj.camera().zoom).is_none());
    let (near_points, near_fills) = outline_points_and_fills(&near);
    assert!(near_fills < far_fills, "{near_fills} fills in view");
    assert!(near_points > 0);
}

fn segment_distance(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((p[0] - a[0] - t * dx).powi(2) + (p[1] - a[1] - t * dy).powi(2)).sqrt()
}
