//! The export dialogs (figure, every step, animation), the path prompt, the
//! progress window, and running what was chosen.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::app::{App, Command};
use super::files::{ExportSettings, Job, Prompt, Purpose};
use crate::export::{
    DEFAULT_HOLD_SECS, FigureFormat, FigureOptions, HOLD_SECS_RANGE, MAX_SIDE, MIN_SIDE, PRESETS,
    animation_gif, export_steps, figure_svg, write_file_atomic,
};
use crate::scene::display::NameLang;
use crate::scene::style::ThemeKind;

/// Which export the dialog prepares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The figure at the current date.
    Figure,
    /// One figure per step.
    AllSteps,
    /// The animated walkthrough.
    Animation,
}

/// The export dialog's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Dialog {
    /// Which export.
    pub kind: Kind,
    /// Index into [`PRESETS`]; `PRESETS.len()` means custom.
    pub preset: usize,
    /// Custom width, as typed.
    pub width: String,
    /// Custom height, as typed.
    pub height: String,
    /// Place names.
    pub names: NameLang,
    /// Theme.
    pub theme: ThemeKind,
    /// PNG or SVG.
    pub format: FigureFormat,
    /// Hold per step, seconds (animation).
    pub hold_secs: f32,
    /// Replace existing files of the same names (every step).
    pub overwrite: bool,
}

impl Dialog {
    /// A dialog with the app's names and theme.
    #[must_use]
    pub fn new(kind: Kind, names: NameLang, theme: ThemeKind) -> Self {
        Self {
            kind,
            preset: 0,
            width: "1920".into(),
            height: "1080".into(),
            names,
            theme,
            format: FigureFormat::Png,
            hold_secs: DEFAULT_HOLD_SECS,
            overwrite: false,
        }
    }

    /// The chosen size, or why it is not acceptable.
    ///
    /// # Errors
    /// A message naming the value and the allowed range.
    pub fn size(&self) -> Result<(u32, u32), String> {
        if let Some((_, w, h)) = PRESETS.get(self.preset) {
            return Ok((*w, *h));
        }
        let parse = |s: &str, what: &str| -> Result<u32, String> {
            let v: u64 = s
                .trim()
                .parse()
                .map_err(|_| format!("{what} '{s}' is not a whole number of pixels"))?;
            if !(u64::from(MIN_SIDE)..=u64::from(MAX_SIDE)).contains(&v) {
                return Err(format!(
                    "{what} {v} is outside {MIN_SIDE}–{MAX_SIDE} pixels"
                ));
            }
            u32::try_from(v).map_err(|_| format!("{what} is too large"))
        };
        Ok((parse(&self.width, "width")?, parse(&self.height, "height")?))
    }

    fn settings(&self) -> Result<ExportSettings, String> {
        Ok(ExportSettings {
            size: self.size()?,
            names: self.names,
            theme: self.theme,
            format: self.format,
            hold_secs: self.hold_secs,
            overwrite: self.overwrite,
        })
    }
}

/// The export dialog window.
pub fn dialog_window(ctx: &egui::Context, app: &mut App) {
    let Some(mut d) = app.export_dialog.take() else {
        return;
    };
    let mut keep = true;
    let title = match d.kind {
        Kind::Figure => "Export figure",
        Kind::AllSteps => "Export all steps",
        Kind::Animation => "Export animation",
    };
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            options(ui, &mut d);
            let settings = d.settings();
            if let Err(e) = &settings {
                ui.colored_label(ui.visuals().warn_fg_color, e);
            }
            ui.horizontal(|ui| {
                let go = ui.add_enabled(settings.is_ok(), egui::Button::new("Export…"));
                if go.clicked()
                    && let Ok(s) = settings
                {
                    let purpose = match d.kind {
                        Kind::Figure => Purpose::Figure(s),
                        Kind::AllSteps => Purpose::AllSteps(s),
                        Kind::Animation => Purpose::Animation(s),
                    };
                    app.push(Command::ChoosePath(purpose));
                    keep = false;
                }
                if ui.button("Cancel").clicked() {
                    keep = false;
                }
            });
        });
    if keep {
        app.export_dialog = Some(d);
    }
}

fn options(ui: &mut Ui, d: &mut Dialog) {
    egui::Grid::new("export-options")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            ui.label("Size");
            ui.vertical(|ui| {
                for (i, (name, _, _)) in PRESETS.iter().enumerate() {
                    ui.radio_value(&mut d.preset, i, *name);
                }
                ui.horizontal(|ui| {
                    ui.radio_value(&mut d.preset, PRESETS.len(), "Custom");
                    if d.preset == PRESETS.len() {
                        let w = ui.label("width");
                        ui.add(egui::TextEdit::singleline(&mut d.width).desired_width(60.0))
                            .labelled_by(w.id);
                        let h = ui.label("height");
                        ui.add(egui::TextEdit::singleline(&mut d.height).desired_width(60.0))
                            .labelled_by(h.id);
                    }
                });
            });
            ui.end_row();
            if d.kind != Kind::Animation {
                ui.label("Format");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut d.format, FigureFormat::Png, "PNG");
                    ui.radio_value(&mut d.format, FigureFormat::Svg, "SVG (text as outlines)");
                });
                ui.end_row();
            }
            ui.label("Place names");
            egui::ComboBox::from_id_salt("export-names")
                .selected_text(d.names.label())
                .show_ui(ui, |ui| {
                    for lang in NameLang::ALL {
                        ui.selectable_value(&mut d.names, lang, lang.label());
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Place names")
                });
            ui.end_row();
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.radio_value(&mut d.theme, ThemeKind::Light, "Light");
                ui.radio_value(&mut d.theme, ThemeKind::Dark, "Dark");
            });
            ui.end_row();
            if d.kind == Kind::Animation {
                ui.label("Seconds per step");
                ui.add(
                    egui::Slider::new(&mut d.hold_secs, *HOLD_SECS_RANGE.start()..=10.0)
                        .step_by(0.5),
                );
                ui.end_row();
            }
            if d.kind == Kind::AllSteps {
                ui.label("Existing files");
                ui.checkbox(&mut d.overwrite, "Replace files of the same names");
                ui.end_row();
            }
        });
}

/// The in-app path prompt (when no native dialog is available).
pub fn prompt_window(ctx: &egui::Context, app: &mut App) {
    let Some(mut p) = app.prompt.take() else {
        return;
    };
    let mut keep = true;
    let mut chosen = false;
    egui::Window::new(format!("{} by path", p.purpose.title())).collapsible(false).show(ctx, |ui| {
        let what = if p.purpose == Purpose::OpenDataset {
            "Folder holding dataset.toml, places.toml, sources.toml, timeline.toml and map.geojson:".to_owned()
        } else if p.purpose.wants_folder() {
            "Folder to write the files into (created if missing):".to_owned()
        } else {
            format!("File to write ({}):", p.purpose.extension().unwrap_or_default())
        };
        let label = ui.label(what);
        let r = ui.add(egui::TextEdit::singleline(&mut p.text).desired_width(420.0)).labelled_by(label.id);
        if p.text.is_empty() && !r.has_focus() {
            r.request_focus();
        }
        if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            chosen = true;
        }
        let exists = !p.text.trim().is_empty() && Path::new(p.text.trim()).is_file();
        if p.purpose.writes_file() && exists {
            ui.checkbox(&mut p.overwrite, "The file exists: replace it");
        }
        ui.horizontal(|ui| {
            let verb = if p.purpose == Purpose::OpenDataset { "Open" } else { "Save" };
            if ui.button(verb).clicked() {
                chosen = true;
            }
            if ui.button("Cancel").clicked() {
                keep = false;
            }
        });
    });
    if chosen && !p.text.trim().is_empty() {
        let overwrite = p.overwrite;
        app.push(Command::PathChosen(
            p.purpose.clone(),
            PathBuf::from(p.text.trim()),
            overwrite,
        ));
        keep = false;
    }
    if keep {
        app.prompt = Some(p);
    }
}

/// Open the prompt for `purpose`.
pub fn open_prompt(app: &mut App, purpose: Purpose) {
    app.prompt = Some(Prompt {
        purpose,
        text: String::new(),
        overwrite: false,
    });
}

/// The progress window of a running job, with Cancel.
pub fn progress_window(ctx: &egui::Context, app: &mut App) {
    let Some(job) = &app.job else { return };
    if let Some(result) = job.finished() {
        app.job = None;
        match result {
            Ok(summary) => app.notice = Some(summary),
            Err(e) => {
                app.errors = Some(("The export failed".to_owned(), vec![e, "Nothing was left half-written. Check the folder exists and is writable, or choose another place.".to_owned()]));
            }
        }
        return;
    }
    let (done, total) = job.progress();
    let mut cancel = false;
    egui::Window::new("Exporting")
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(&job.label);
            #[allow(clippy::cast_precision_loss)]
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(egui::ProgressBar::new(fraction).text(format!("{done} of {total}")));
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
    if cancel {
        job.cancel();
    }
    ctx.request_repaint_after(std::time::Duration::from_millis(100));
}

/// Do what the chosen path was for.
pub fn run(app: &mut App, ctx: &egui::Context, purpose: Purpose, path: PathBuf, overwrite: bool) {
    let ds = app.ds.clone();
    let cache = app.cache.clone();
    let date = app.time.date();
    let step = app.time.step();
    let opts = |s: &ExportSettings| FigureOptions {
        width: s.size.0,
        height: s.size.1,
        names: s.names,
        theme: s.theme,
        locale: app.settings.locale(),
    };
    match purpose {
        Purpose::OpenDataset => app.open_folder(ctx, &path),
        Purpose::SaveScreenshot => app.save_window_shot(ctx, path, overwrite),
        Purpose::Figure(s) => {
            let o = opts(&s);
            let label = format!("Figure at {} to {}", date.english(), path.display());
            app.job = Some(Job::spawn(ctx, label, move |progress| {
                progress(0, 1);
                let fig = figure_svg(&ds, &cache, date, step, &o);
                let bytes = s.format.encode(&fig).map_err(|e| e.to_string())?;
                write_file_atomic(&path, &bytes, overwrite).map_err(|e| e.to_string())?;
                progress(1, 1);
                Ok(format!("Wrote {}", path.display()))
            }));
        }
        Purpose::AllSteps(s) => {
            let o = opts(&s);
            let label = format!("Every step into {}", path.display());
            app.job = Some(Job::spawn(ctx, label, move |progress| {
                let files = export_steps(&ds, &cache, &o, s.format, &path, s.overwrite, progress)
                    .map_err(|e| e.to_string())?;
                Ok(format!(
                    "Wrote {} figures into {}",
                    files.len(),
                    path.display()
                ))
            }));
        }
        Purpose::Animation(s) => {
            let o = opts(&s);
            let label = format!("Animation to {}", path.display());
            app.job = Some(Job::spawn(ctx, label, move |progress| {
                let bytes = animation_gif(&ds, &cache, &o, s.hold_secs, progress)
                    .map_err(|e| e.to_string())?;
                write_file_atomic(&path, &bytes, overwrite).map_err(|e| e.to_string())?;
                Ok(format!(
                    "Wrote {} ({} steps)",
                    path.display(),
                    ds.steps.len()
                ))
            }));
        }
    }
}

/// A suggested file name for `purpose`.
#[must_use]
pub fn default_name(app: &App, purpose: &Purpose) -> String {
    let date = app.time.date().iso();
    match purpose.extension() {
        Some(ext) if *purpose == Purpose::SaveScreenshot => {
            format!("karabakh-atlas-window-{date}.{ext}")
        }
        Some("gif") => "karabakh-atlas-walkthrough.gif".to_owned(),
        Some(ext) => format!("karabakh-atlas-{date}.{ext}"),
        None => String::new(),
    }
}

/// A note under the File menu's export items.
pub fn menu_hint(ui: &mut Ui) {
    ui.label(
        RichText::new("Exports use the bundled fonts and need no window.")
            .weak()
            .small(),
    );
}
