//! Choosing where to read and write — the native dialog, or an in-app path
//! prompt when no desktop portal answers — and export jobs running in the
//! background with progress and cancel.
//!
//! A native dialog that returns nothing within [`NOT_SHOWN_SECS`] was never
//! shown (a person cannot cancel that fast), so the prompt opens instead.
//! `KARABAKH_ATLAS_NO_NATIVE_DIALOGS=1` always uses the prompt.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::export::FigureFormat;
use crate::i18n::{Locale, tr};
use crate::model::diag::Msg;
use crate::scene::display::NameLang;
use crate::scene::style::ThemeKind;

/// A native dialog answering faster than this was not shown.
pub const NOT_SHOWN_SECS: f32 = 0.4;

static NO_NATIVE_DIALOGS: AtomicBool = AtomicBool::new(false);

/// Use the in-app prompt from now on (tests, or a desktop whose portal hangs).
pub fn disable_native_dialogs() {
    NO_NATIVE_DIALOGS.store(true, Ordering::Relaxed);
}

/// Whether to try the native dialogs at all.
#[must_use]
pub fn native_dialogs_enabled() -> bool {
    !NO_NATIVE_DIALOGS.load(Ordering::Relaxed)
        && std::env::var_os("KARABAKH_ATLAS_NO_NATIVE_DIALOGS").is_none()
}

/// How a figure export looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExportSettings {
    /// Size in pixels.
    pub size: (u32, u32),
    /// Place names.
    pub names: NameLang,
    /// Light or dark.
    pub theme: ThemeKind,
    /// PNG or SVG (figures and per-step exports).
    pub format: FigureFormat,
    /// Seconds each step is held (animations).
    pub hold_secs: f32,
    /// Replace files of the same names (per-step exports into a folder).
    pub overwrite: bool,
}

/// What a chosen path is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// A dataset folder to open.
    OpenDataset,
    /// A tour file to open.
    OpenTour,
    /// A PNG of the window as it is.
    SaveScreenshot,
    /// The figure at the current date.
    Figure(ExportSettings),
    /// One figure per step, into a folder.
    AllSteps(ExportSettings),
    /// The animated walkthrough.
    Animation(ExportSettings),
    /// The walkthrough as an MP4 video.
    Video(ExportSettings),
    /// The PDF handout of the tour on screen (every step without one).
    Handout,
}

impl Purpose {
    /// Whether a folder (not a file) is chosen.
    #[must_use]
    pub fn wants_folder(&self) -> bool {
        matches!(self, Self::OpenDataset | Self::AllSteps(_))
    }

    /// Whether the path is written to (so overwriting needs consent).
    #[must_use]
    pub fn writes_file(&self) -> bool {
        matches!(
            self,
            Self::SaveScreenshot
                | Self::Figure(_)
                | Self::Animation(_)
                | Self::Video(_)
                | Self::Handout
        )
    }

    /// The dialog's title in the interface language.
    #[must_use]
    pub fn title_in(&self, loc: Locale) -> String {
        match self {
            Self::OpenDataset => tr(loc, "files-open-dataset"),
            Self::OpenTour => tr(loc, "files-open-tour"),
            Self::SaveScreenshot => tr(loc, "files-save-screenshot"),
            Self::Figure(_) => tr(loc, "files-export-figure"),
            Self::AllSteps(_) => tr(loc, "files-export-all-steps"),
            Self::Animation(_) => tr(loc, "files-export-animation"),
            Self::Video(_) => tr(loc, "files-export-video"),
            Self::Handout => tr(loc, "files-export-handout"),
        }
    }

    /// The dialog's title in English (see [`Purpose::title_in`]).
    #[must_use]
    pub fn title(&self) -> &'static str {
        match self {
            Self::OpenDataset => "Open dataset folder",
            Self::OpenTour => "Open tour file",
            Self::SaveScreenshot => "Save screenshot",
            Self::Figure(_) => "Export figure",
            Self::AllSteps(_) => "Export all steps into a folder",
            Self::Animation(_) => "Export animation",
            Self::Video(_) => "Export video",
            Self::Handout => "Export handout",
        }
    }

    /// The file extension written, if any.
    #[must_use]
    pub fn extension(&self) -> Option<&'static str> {
        match self {
            Self::SaveScreenshot => Some("png"),
            Self::OpenTour => Some("toml"),
            Self::Figure(s) => Some(s.format.extension()),
            Self::Animation(_) => Some("gif"),
            Self::Video(_) => Some("mp4"),
            Self::Handout => Some("pdf"),
            Self::OpenDataset | Self::AllSteps(_) => None,
        }
    }
}

/// A native dialog running on its own thread.
pub struct Picker {
    /// What the path is for.
    pub purpose: Purpose,
    started: Instant,
    rx: Receiver<Option<PathBuf>>,
}

/// The in-app path prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// What the path is for.
    pub purpose: Purpose,
    /// The path typed so far.
    pub text: String,
    /// The user's consent to replace an existing file.
    pub overwrite: bool,
}

/// What became of a native dialog.
pub enum Picked {
    /// Still open.
    Waiting,
    /// A path was chosen (the dialog asked about overwriting).
    Path(Purpose, PathBuf),
    /// The user cancelled.
    Cancelled,
    /// No dialog was shown: prompt instead.
    Unavailable(Purpose),
}

/// Open the native dialog for `purpose`, titled in `loc`'s language (or
/// say it is unavailable).
///
/// # Errors
/// The purpose back, when native dialogs are switched off.
pub fn pick_in(
    ctx: &egui::Context,
    purpose: Purpose,
    default_name: String,
    loc: Locale,
) -> Result<Picker, Purpose> {
    if !native_dialogs_enabled() {
        return Err(purpose);
    }
    let (tx, rx) = mpsc::channel();
    let ctx = ctx.clone();
    let title = purpose.title_in(loc);
    let folder = purpose.wants_folder();
    let ext = purpose.extension();
    let writes = purpose.writes_file();
    std::thread::spawn(move || {
        let dialog = rfd::FileDialog::new().set_title(title);
        let picked = if folder {
            dialog.pick_folder()
        } else {
            let dialog = match ext {
                Some(e) => dialog.add_filter(e.to_uppercase(), &[e]),
                None => dialog,
            };
            if writes {
                dialog.set_file_name(default_name).save_file()
            } else {
                dialog.pick_file()
            }
        };
        let _ = tx.send(picked);
        ctx.request_repaint();
    });
    Ok(Picker {
        purpose,
        started: Instant::now(),
        rx,
    })
}

impl Picker {
    /// Poll the dialog.
    pub fn poll(&self) -> Picked {
        match self.rx.try_recv() {
            Ok(Some(path)) => Picked::Path(self.purpose.clone(), path),
            Ok(None) if self.started.elapsed().as_secs_f32() < NOT_SHOWN_SECS => {
                Picked::Unavailable(self.purpose.clone())
            }
            Ok(None) => Picked::Cancelled,
            Err(TryRecvError::Empty) => Picked::Waiting,
            Err(TryRecvError::Disconnected) => Picked::Unavailable(self.purpose.clone()),
        }
    }
}

/// A background export.
pub struct Job {
    /// What it is doing, for the progress window.
    pub label: String,
    /// Done and total.
    pub progress: Arc<Mutex<(usize, usize)>>,
    /// Set to ask the job to stop.
    pub cancel: Arc<AtomicBool>,
    /// The language of its messages.
    pub locale: Locale,
    rx: Receiver<Result<String, Msg>>,
}

impl Job {
    /// Run `work` on its own thread. It receives a progress callback that
    /// returns `false` once cancel was asked for; it returns a summary or an
    /// error message.
    pub fn spawn(
        ctx: &egui::Context,
        label: String,
        work: impl FnOnce(&mut dyn FnMut(usize, usize) -> bool) -> Result<String, Msg> + Send + 'static,
    ) -> Self {
        let (tx, rx) = mpsc::channel();
        let progress = Arc::new(Mutex::new((0, 0)));
        let cancel = Arc::new(AtomicBool::new(false));
        let (p, c, ctx) = (Arc::clone(&progress), Arc::clone(&cancel), ctx.clone());
        std::thread::spawn(move || {
            let mut report = |done: usize, total: usize| {
                if let Ok(mut g) = p.lock() {
                    *g = (done, total);
                }
                ctx.request_repaint();
                !c.load(Ordering::Relaxed)
            };
            let result = work(&mut report);
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        Self {
            label,
            progress,
            cancel,
            locale: Locale::EN,
            rx,
        }
    }

    /// The result, once the job has finished.
    #[must_use]
    pub fn finished(&self) -> Option<Result<String, Msg>> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(Msg::new("files-job-stopped"))),
        }
    }

    /// Done and total so far.
    #[must_use]
    pub fn progress(&self) -> (usize, usize) {
        self.progress.lock().map(|g| *g).unwrap_or((0, 0))
    }

    /// Ask the job to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
