//! Values kept between frames in egui's memory, made again only when what
//! they were made from changes: the panels' caches (the time axis' ticks
//! and their mesh, the chart's series, the step card's changes) share this
//! one way of keeping them.

use std::sync::Arc;

use egui::{Id, Ui};

/// The value kept under `id` for `key`, or, when none is kept or it was
/// made for another key, the value `make` returns, kept from now on.
pub fn kept<K, V>(ui: &Ui, id: Id, key: K, make: impl FnOnce() -> V) -> Arc<V>
where
    K: PartialEq + Clone + Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    let cached: Option<(K, Arc<V>)> = ui.data_mut(|d| d.get_temp(id));
    match cached {
        Some((k, v)) if k == key => v,
        _ => {
            let v = Arc::new(make());
            ui.data_mut(|d| d.insert_temp(id, (key, v.clone())));
            v
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_once_per_key_and_again_when_the_key_changes() {
        // (key of this frame, values seen, times made)
        let state = (1, Vec::new(), 0);
        let mut h = egui_kittest::Harness::new_ui_state(
            |ui, (key, seen, made): &mut (i32, Vec<i32>, i32)| {
                let k = *key;
                let v = kept(ui, Id::unique("memo-test"), k, || {
                    *made += 1;
                    k * 10
                });
                seen.push(*v);
            },
            state,
        );
        // The harness has drawn its first frames with key 1.
        assert_eq!(h.state().2, 1, "made once for its first key");
        h.state_mut().1.clear();
        for key in [1, 2, 2, 1] {
            h.state_mut().0 = key;
            h.step();
        }
        let (_, seen, made) = h.state();
        assert_eq!(seen, &[10, 20, 20, 10]);
        assert_eq!(*made, 3, "made again only when the key changed");
    }
}
