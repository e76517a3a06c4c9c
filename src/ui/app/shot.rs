//! Window screenshots: *Save screenshot* (the window as it is, written in
//! the background) and `--screenshot` (after the first frames settle, with
//! the date, step, camera and the boxes of the map, legend, caption and
//! reader recorded as PNG text, then the window closes).

use std::path::PathBuf;
use std::sync::mpsc;

use super::super::screenshot;
use super::{App, ErrorReport};
use crate::i18n::tr_args;
use crate::model::diag::Msg;

impl App {
    /// Write the window as it is to `path` as a PNG (after the next frame).
    pub fn save_window_shot(&mut self, ctx: &egui::Context, path: PathBuf, overwrite: bool) {
        if let Err(e) = screenshot::check_target(&path, overwrite) {
            self.windows.errors = Some(ErrorReport::other(
                Msg::new("app-screenshot-failed"),
                vec![e.msg()],
            ));
            return;
        }
        let (tx, rx) = mpsc::channel();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let [w, h] = image.size;
            let bytes = screenshot::rgba_bytes(&image);
            let (w, h) = (u32::try_from(w).unwrap_or(0), u32::try_from(h).unwrap_or(0));
            let text = [(
                "Software",
                format!("karabakh-atlas {}", env!("CARGO_PKG_VERSION")),
            )];
            let r = screenshot::write_png(&path, w, h, &bytes, &text, overwrite)
                .map(|()| path.clone())
                .map_err(|e| e.msg());
            let _ = tx.send(r);
            repaint.request_repaint();
        });
        self.windows.shot = Some(rx);
    }

    /// Report a window screenshot's outcome once it is written.
    pub(super) fn poll_window_shot(&mut self) {
        let Some(rx) = &self.windows.shot else { return };
        let loc = self.settings.locale();
        match rx.try_recv() {
            Ok(Ok(path)) => {
                self.windows.shot = None;
                self.windows.notice = Some(tr_args(
                    loc,
                    "app-screenshot-saved",
                    &[("path", path.display().to_string().into())],
                ));
            }
            Ok(Err(e)) => {
                self.windows.shot = None;
                self.windows.errors = Some(ErrorReport::other(
                    Msg::new("app-screenshot-failed"),
                    vec![e],
                ));
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => self.windows.shot = None,
        }
    }

    /// A pending `--screenshot`: once the frames settle, write the window
    /// with what is where (map, legend, caption, reader) as PNG text, then
    /// close.
    pub(super) fn screenshot_step(&mut self, ctx: &egui::Context, animating: bool) {
        let Some(plan) = &mut self.frame.screenshot else {
            return;
        };
        if self.frame.outcome.is_set() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        ctx.request_repaint();
        if plan.requested || self.frame.frames < screenshot::SETTLE_FRAMES || animating {
            return;
        }
        plan.requested = true;
        let path = plan.path.clone();
        let force = plan.force;
        let outcome = self.frame.outcome.clone();
        let mut text = vec![
            (
                "Software",
                format!("karabakh-atlas {}", env!("CARGO_PKG_VERSION")),
            ),
            ("karabakh-atlas:date", self.time.date().iso()),
            (
                "karabakh-atlas:step",
                self.time
                    .step()
                    .map_or(String::new(), |s| (s + 1).to_string()),
            ),
            (
                "karabakh-atlas:pixels-per-point",
                ctx.pixels_per_point().to_string(),
            ),
            (
                "karabakh-atlas:ref-lat",
                self.session.cache.ref_lat.to_string(),
            ),
            (
                "karabakh-atlas:theme",
                format!("{:?}", self.settings.theme).to_lowercase(),
            ),
        ];
        if let Some((rect, cam)) = self.map.last_map {
            text.push((
                "karabakh-atlas:map-viewport",
                format!(
                    "{} {} {} {}",
                    rect.min.x,
                    rect.min.y,
                    rect.width(),
                    rect.height()
                ),
            ));
            text.push((
                "karabakh-atlas:camera",
                format!("{} {} {}", cam.center[0], cam.center[1], cam.zoom),
            ));
        }
        if let Some(r) = self.reader.last_rect {
            text.push((
                "karabakh-atlas:reader",
                format!("{} {} {} {}", r.min.x, r.min.y, r.width(), r.height()),
            ));
        }
        if let Some(r) = self
            .map
            .last_caption
            .filter(|_| self.present.presenter.is_some())
        {
            text.push((
                "karabakh-atlas:caption",
                format!("{} {} {} {}", r.min.x, r.min.y, r.width(), r.height()),
            ));
        }
        if let Some(r) = self.map.last_legend.filter(|_| self.settings.show_legend) {
            text.push((
                "karabakh-atlas:legend",
                format!("{} {} {} {}", r.min.x, r.min.y, r.width(), r.height()),
            ));
        }
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            let [w, h] = image.size;
            let bytes = screenshot::rgba_bytes(&image);
            let (w, h) = (u32::try_from(w).unwrap_or(0), u32::try_from(h).unwrap_or(0));
            let r = screenshot::write_png(&path, w, h, &bytes, &text, force)
                .map(|()| path.clone())
                .map_err(|e| e.to_string());
            outcome.set(r);
            repaint.request_repaint();
        });
    }
}
