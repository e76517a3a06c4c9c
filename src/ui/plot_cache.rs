//! Plot items drawn from a kept mesh. `egui_plot` asks every item for its
//! shapes each frame, transforms each of its points to the screen and
//! tessellates the result again; for the chart's lines and markers, which
//! grow with the dataset, that was most of a still frame's cost at scale.
//! [`Kept`] wraps an item and keeps its shapes tessellated into one mesh
//! for as long as the item's data, its look and the plot's transform stay
//! the same. Everything else (hover, legend, bounds) is the wrapped item's
//! own.

use egui::{Color32, Id, Pos2, Rect, Shape, Ui};
use egui_plot::{
    ClosestElem, Cursor, LabelFormatterFn, PlotBounds, PlotConfig, PlotGeometry, PlotItem,
    PlotItemBase, PlotTransform,
};
use std::ops::RangeInclusive;

/// What a kept mesh was tessellated for.
#[derive(Debug, Clone, PartialEq)]
struct MeshKey<K> {
    /// The caller's key for the item's data and look.
    data: K,
    /// The plot's frame on screen and the data range it shows.
    frame: Rect,
    bounds: PlotBounds,
    /// The clip rectangle (the tessellator culls outside it).
    clip: Rect,
    pixels_per_point: f32,
    color: Color32,
    highlighted: bool,
}

/// A plot item whose shapes are tessellated once and kept under an id,
/// rebuilt when `key` (the caller's word for its data and look), its colour,
/// its highlight or the plot's transform change.
pub struct Kept<I, K> {
    inner: I,
    id: Id,
    key: K,
}

impl<I: PlotItem, K> Kept<I, K> {
    /// Keep `inner`'s mesh under `id`, for as long as `key` stays the same.
    pub const fn new(inner: I, id: Id, key: K) -> Self {
        Self { inner, id, key }
    }
}

impl<I, K> PlotItem for Kept<I, K>
where
    I: PlotItem,
    K: PartialEq + Clone + Send + Sync + 'static,
{
    fn shapes(&self, ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        let key = MeshKey {
            data: self.key.clone(),
            frame: *transform.frame(),
            bounds: *transform.bounds(),
            clip: ui.clip_rect(),
            pixels_per_point: ui.ctx().pixels_per_point(),
            color: self.inner.color(),
            highlighted: self.inner.highlighted(),
        };
        let pixels_per_point = key.pixels_per_point;
        let mesh = super::memo::kept(ui, self.id, key, || {
            let mut own = Vec::new();
            self.inner.shapes(ui, transform, &mut own);
            super::paint::lasting_mesh(ui.painter(), pixels_per_point, own)
        });
        shapes.push(Shape::Mesh(mesh));
    }

    fn initialize(&mut self, x_range: RangeInclusive<f64>) {
        self.inner.initialize(x_range);
    }

    fn name(&self) -> &str {
        self.inner.name()
    }

    fn color(&self) -> Color32 {
        self.inner.color()
    }

    fn highlight(&mut self) {
        self.inner.highlight();
    }

    fn highlighted(&self) -> bool {
        self.inner.highlighted()
    }

    fn allow_hover(&self) -> bool {
        self.inner.allow_hover()
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        self.inner.geometry()
    }

    fn bounds(&self) -> PlotBounds {
        self.inner.bounds()
    }

    fn base(&self) -> &PlotItemBase {
        self.inner.base()
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        self.inner.base_mut()
    }

    fn find_closest(&self, point: Pos2, transform: &PlotTransform) -> Option<ClosestElem> {
        self.inner.find_closest(point, transform)
    }

    fn on_hover(
        &self,
        plot_area_response: &egui::Response,
        elem: ClosestElem,
        shapes: &mut Vec<Shape>,
        cursors: &mut Vec<Cursor>,
        plot: &PlotConfig<'_>,
        label_formatter: Option<&LabelFormatterFn<'_>>,
    ) {
        self.inner.on_hover(
            plot_area_response,
            elem,
            shapes,
            cursors,
            plot,
            label_formatter,
        );
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use egui_plot::{Line, Plot, PlotPoints};

    use super::*;

    /// A line that counts how often the plot asks it for its shapes.
    struct Counted {
        line: Line<'static>,
        asked: Arc<AtomicUsize>,
    }

    impl PlotItem for Counted {
        fn shapes(&self, ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
            self.asked.fetch_add(1, Ordering::Relaxed);
            self.line.shapes(ui, transform, shapes);
        }
        fn initialize(&mut self, x_range: RangeInclusive<f64>) {
            self.line.initialize(x_range);
        }
        fn color(&self) -> Color32 {
            PlotItem::color(&self.line)
        }
        fn highlight(&mut self) {
            PlotItem::highlight(&mut self.line);
        }
        fn highlighted(&self) -> bool {
            PlotItem::highlighted(&self.line)
        }
        fn geometry(&self) -> PlotGeometry<'_> {
            self.line.geometry()
        }
        fn bounds(&self) -> PlotBounds {
            self.line.bounds()
        }
        fn base(&self) -> &PlotItemBase {
            self.line.base()
        }
        fn base_mut(&mut self) -> &mut PlotItemBase {
            self.line.base_mut()
        }
    }

    /// What the test changes between frames: the data's key and the
    /// plot's width.
    struct Frame {
        key: u32,
        width: f32,
        asked: Arc<AtomicUsize>,
    }

    fn harness() -> egui_kittest::Harness<'static, Frame> {
        let frame = Frame {
            key: 1,
            width: 300.0,
            asked: Arc::default(),
        };
        egui_kittest::Harness::new_ui_state(
            |ui, f: &mut Frame| {
                let pts: Vec<[f64; 2]> =
                    (0..50).map(|i| [f64::from(i), f64::from(i % 7)]).collect();
                let line = Counted {
                    line: Line::new("series", PlotPoints::from(pts)),
                    asked: f.asked.clone(),
                };
                Plot::new("kept-test")
                    .width(f.width)
                    .height(200.0)
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .show(ui, |plot| {
                        plot.add(Kept::new(line, Id::unique("kept-test-line"), f.key));
                    });
            },
            frame,
        )
    }

    #[test]
    fn a_still_plot_tessellates_its_kept_item_once() {
        let mut h = harness();
        let first = h.state().asked.load(Ordering::Relaxed);
        assert!(first >= 1, "the first frames drew the line");
        for _ in 0..5 {
            h.step();
        }
        assert_eq!(
            h.state().asked.load(Ordering::Relaxed),
            first,
            "five still frames asked the line for no new shapes"
        );
    }

    #[test]
    fn new_data_or_a_new_frame_tessellates_it_again() {
        let mut h = harness();
        let first = h.state().asked.load(Ordering::Relaxed);
        h.state_mut().key = 2;
        h.step();
        let after_data = h.state().asked.load(Ordering::Relaxed);
        assert!(after_data > first, "a new data key drew the line again");
        h.state_mut().width = 200.0;
        h.step();
        assert!(
            h.state().asked.load(Ordering::Relaxed) > after_data,
            "a narrower plot drew the line again"
        );
    }
}
