//! The export dialogs (figure, every step, animation), the path prompt, the
//! progress window, and running what was chosen.

use std::path::{Path, PathBuf};

use egui::Ui;

use super::app::{App, Command, ErrorReport};
use super::files::{ExportSettings, Job, Prompt, Purpose};
use super::i18n::{self, Txt};
use crate::export::{DEFAULT_FPS, HandoutOptions, HandoutPaper, handout_pdf, walkthrough_mp4};
use crate::export::{
    DEFAULT_HOLD_SECS, FigureFormat, FigureOptions, HOLD_SECS_RANGE, MAX_SIDE, MIN_SIDE, PRESETS,
    animation_gif, export_steps, figure_svg, write_file_atomic,
};
use crate::i18n::format::{count, date_short};
use crate::i18n::{Locale, tr, tr_args};
use crate::model::diag::Msg;
use crate::model::tour::default_tour;
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
    /// The walkthrough as an MP4 video.
    Video,
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

    /// The chosen size, or why it is not acceptable (in English; see
    /// [`Dialog::size_in`]).
    ///
    /// # Errors
    /// A message naming the value and the allowed range.
    pub fn size(&self) -> Result<(u32, u32), String> {
        self.size_in(Locale::EN)
    }

    /// The chosen size, or why it is not acceptable, in `loc`'s language.
    /// Digits may be typed 0–9 or ٠–٩.
    ///
    /// # Errors
    /// A message naming the value and the allowed range.
    pub fn size_in(&self, loc: Locale) -> Result<(u32, u32), String> {
        if let Some((_, w, h)) = PRESETS.get(self.preset) {
            return Ok((*w, *h));
        }
        let parse = |s: &str, what: String| -> Result<u32, String> {
            let v: u64 = crate::i18n::format::ascii_digits(s.trim())
                .parse()
                .map_err(|_| {
                    tr_args(
                        loc,
                        "export-size-not-number",
                        &[("what", what.as_str().into()), ("value", s.into())],
                    )
                })?;
            if !(u64::from(MIN_SIDE)..=u64::from(MAX_SIDE)).contains(&v) {
                return Err(tr_args(
                    loc,
                    "export-size-range",
                    &[
                        ("what", what.as_str().into()),
                        ("value", v.into()),
                        ("min", MIN_SIDE.into()),
                        ("max", MAX_SIDE.into()),
                    ],
                ));
            }
            u32::try_from(v).map_err(|_| what)
        };
        Ok((
            parse(&self.width, tr(loc, "export-width"))?,
            parse(&self.height, tr(loc, "export-height"))?,
        ))
    }

    fn settings(&self, loc: Locale) -> Result<ExportSettings, String> {
        Ok(ExportSettings {
            size: self.size_in(loc)?,
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
    let Some(mut d) = app.windows.export_dialog.take() else {
        return;
    };
    let loc = app.settings.locale();
    let mut keep = true;
    let title = match d.kind {
        Kind::Figure => tr(loc, "files-export-figure"),
        Kind::AllSteps => tr(loc, "export-title-all"),
        Kind::Animation => tr(loc, "files-export-animation"),
        Kind::Video => tr(loc, "files-export-video"),
    };
    i18n::bounded(ctx, egui::Window::new(i18n::window_title(ctx, &title)))
        .id(egui::Id::unique("export-dialog"))
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            options(ui, &mut d, &app.session.ds, loc);
            let settings = d.settings(loc);
            if let Err(e) = &settings {
                Txt::new(e.as_str())
                    .color(ui.visuals().warn_fg_color)
                    .label(ui);
            }
            i18n::row_nowrap(ui, loc, |ui| {
                let text = tr(loc, "export-go");
                let go = ui.add_enabled(
                    settings.is_ok(),
                    egui::Button::new(Txt::new(text.as_str()).widget_text(ui)),
                );
                i18n::accessible(&go, egui::Role::Button, &text);
                if go.clicked()
                    && let Ok(s) = settings
                {
                    let purpose = match d.kind {
                        Kind::Figure => Purpose::Figure(s),
                        Kind::AllSteps => Purpose::AllSteps(s),
                        Kind::Animation => Purpose::Animation(s),
                        Kind::Video => Purpose::Video(s),
                    };
                    app.push(Command::ChoosePath(purpose));
                    keep = false;
                }
                if i18n::button(ui, &tr(loc, "cancel")).clicked() {
                    keep = false;
                }
            });
        });
    if keep {
        app.windows.export_dialog = Some(d);
    }
}

/// One row of the options grid: the name, then the control, in reading
/// order.
fn option_row(ui: &mut Ui, loc: Locale, name: &str, add: impl FnOnce(&mut Ui)) {
    i18n::row_nowrap(ui, loc, |ui| {
        ui.add_sized(
            [130.0, 20.0],
            egui::Label::new(Txt::new(name).widget_text(ui)),
        );
        ui.vertical(|ui| i18n::column(ui, loc, add));
    });
    ui.add_space(6.0);
}

fn options(ui: &mut Ui, d: &mut Dialog, ds: &crate::model::Dataset, loc: Locale) {
    i18n::column(ui, loc, |ui| {
        option_row(ui, loc, &tr(loc, "export-size"), |ui| {
            for (i, (name, w, h)) in PRESETS.iter().enumerate() {
                let text = if name.starts_with("A4") {
                    tr_args(loc, "export-preset-a4", &[("dpi", 300.into())])
                } else if name.starts_with("A5") {
                    tr_args(loc, "export-preset-a5", &[("dpi", 300.into())])
                } else {
                    tr_args(
                        loc,
                        "export-preset-px",
                        &[
                            ("w", count(*w as usize, loc).into()),
                            ("h", count(*h as usize, loc).into()),
                        ],
                    )
                };
                i18n::radio_value(ui, loc, &mut d.preset, i, &text);
            }
            i18n::row_nowrap(ui, loc, |ui| {
                i18n::radio_value(
                    ui,
                    loc,
                    &mut d.preset,
                    PRESETS.len(),
                    &tr(loc, "export-custom"),
                );
                if d.preset == PRESETS.len() {
                    let w = Txt::new(tr(loc, "export-width")).line(ui);
                    ui.add(egui::TextEdit::singleline(&mut d.width).desired_width(60.0))
                        .labelled_by(w.id);
                    let h = Txt::new(tr(loc, "export-height")).line(ui);
                    ui.add(egui::TextEdit::singleline(&mut d.height).desired_width(60.0))
                        .labelled_by(h.id);
                }
            });
        });
        if !matches!(d.kind, Kind::Animation | Kind::Video) {
            option_row(ui, loc, &tr(loc, "export-format"), |ui| {
                i18n::radio_value(ui, loc, &mut d.format, FigureFormat::Png, "PNG");
                i18n::radio_value(
                    ui,
                    loc,
                    &mut d.format,
                    FigureFormat::Svg,
                    &tr(loc, "export-svg"),
                );
            });
        }
        option_row(ui, loc, &tr(loc, "export-names"), |ui| {
            egui::ComboBox::from_id_salt("export-names")
                .selected_text(Txt::new(d.names.label_in(ds, loc)).widget_text(ui))
                .show_ui(ui, |ui| {
                    for lang in NameLang::choices(ds) {
                        if i18n::selectable(ui, d.names == lang, &lang.label_in(ds, loc)).clicked()
                        {
                            d.names = lang;
                        }
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, tr(loc, "export-names"))
                });
        });
        option_row(ui, loc, &tr(loc, "export-theme"), |ui| {
            i18n::radio_value(
                ui,
                loc,
                &mut d.theme,
                ThemeKind::Light,
                &tr(loc, "theme-light"),
            );
            i18n::radio_value(
                ui,
                loc,
                &mut d.theme,
                ThemeKind::Dark,
                &tr(loc, "theme-dark"),
            );
        });
        if matches!(d.kind, Kind::Animation | Kind::Video) {
            option_row(ui, loc, &tr(loc, "export-hold"), |ui| {
                let r = ui.add(
                    egui::Slider::new(&mut d.hold_secs, *HOLD_SECS_RANGE.start()..=10.0)
                        .step_by(0.5)
                        .custom_formatter(|v, _| crate::i18n::format::number(v, 1, loc)),
                );
                let v = f64::from(d.hold_secs);
                r.widget_info(|| egui::WidgetInfo::slider(true, v, tr(loc, "export-hold")));
            });
        }
        if d.kind == Kind::AllSteps {
            option_row(ui, loc, &tr(loc, "export-existing"), |ui| {
                i18n::checkbox(ui, loc, &mut d.overwrite, &tr(loc, "export-replace"));
            });
        }
    });
}

/// The in-app path prompt (when no native dialog is available).
pub fn prompt_window(ctx: &egui::Context, app: &mut App) {
    let Some(mut p) = app.windows.prompt.take() else {
        return;
    };
    let loc = app.settings.locale();
    let mut keep = true;
    let mut chosen = false;
    let title = tr_args(
        loc,
        "files-by-path",
        &[("title", p.purpose.title_in(loc).into())],
    );
    i18n::bounded(ctx, egui::Window::new(i18n::window_title(ctx, &title)))
        .id(egui::Id::unique("path-prompt"))
        .collapsible(false)
        .show(ctx, |ui| {
            i18n::column(ui, loc, |ui| {
                let what = if p.purpose == Purpose::OpenDataset {
                    tr_args(
                        loc,
                        "files-prompt-dataset",
                        &[(
                            "files",
                            "dataset.toml, places.toml, sources.toml, timeline.toml, map.geojson"
                                .into(),
                        )],
                    )
                } else if p.purpose == Purpose::OpenTour {
                    tr(loc, "files-prompt-tour")
                } else if p.purpose.wants_folder() {
                    tr(loc, "files-prompt-folder")
                } else {
                    tr_args(
                        loc,
                        "files-prompt-file",
                        &[("ext", p.purpose.extension().unwrap_or_default().into())],
                    )
                };
                let label = Txt::new(what).label(ui);
                let r = ui
                    .add(egui::TextEdit::singleline(&mut p.text).desired_width(420.0))
                    .labelled_by(label.id);
                if p.text.is_empty() && !r.has_focus() {
                    r.request_focus();
                }
                if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    chosen = true;
                }
                let exists = !p.text.trim().is_empty() && Path::new(p.text.trim()).is_file();
                if p.purpose.writes_file() && exists {
                    i18n::checkbox(
                        ui,
                        loc,
                        &mut p.overwrite,
                        &tr(loc, "files-replace-existing"),
                    );
                }
                i18n::row_nowrap(ui, loc, |ui| {
                    let verb = if matches!(p.purpose, Purpose::OpenDataset | Purpose::OpenTour) {
                        tr(loc, "open")
                    } else {
                        tr(loc, "save")
                    };
                    if i18n::button(ui, &verb).clicked() {
                        chosen = true;
                    }
                    if i18n::button(ui, &tr(loc, "cancel")).clicked() {
                        keep = false;
                    }
                });
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
        app.windows.prompt = Some(p);
    }
}

/// Open the prompt for `purpose`.
pub fn open_prompt(app: &mut App, purpose: Purpose) {
    app.windows.prompt = Some(Prompt {
        purpose,
        text: String::new(),
        overwrite: false,
    });
}

/// The progress window of a running job, with Cancel.
pub fn progress_window(ctx: &egui::Context, app: &mut App) {
    let loc = app.settings.locale();
    let Some(job) = &app.windows.job else { return };
    if let Some(result) = job.finished() {
        app.windows.job = None;
        match result {
            Ok(summary) => app.windows.notice = Some(summary),
            Err(e) => {
                app.windows.errors = Some(ErrorReport::other(
                    Msg::new("export-failed"),
                    vec![e, Msg::new("export-failed-help")],
                ));
            }
        }
        return;
    }
    let (done, total) = job.progress();
    let mut cancel = false;
    i18n::bounded(
        ctx,
        egui::Window::new(i18n::window_title(ctx, &tr(loc, "export-exporting"))),
    )
    .id(egui::Id::unique("export-progress"))
    .collapsible(false)
    .resizable(false)
    .show(ctx, |ui| {
        i18n::column(ui, loc, |ui| {
            Txt::new(job.label.as_str()).label(ui);
            #[allow(clippy::cast_precision_loss)]
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            let text = tr_args(
                loc,
                "export-progress",
                &[("done", done.into()), ("total", total.into())],
            );
            ui.add(egui::ProgressBar::new(fraction).text(Txt::new(text).widget_text(ui)));
            if i18n::button(ui, &tr(loc, "cancel")).clicked() {
                cancel = true;
            }
        });
    });
    if cancel {
        job.cancel();
    }
    ctx.request_repaint_after(std::time::Duration::from_millis(100));
}

/// Do what the chosen path was for. Exports are written in the interface
/// language (their words, dates and digits; names as the dialog chose).
pub fn run(app: &mut App, ctx: &egui::Context, purpose: Purpose, path: PathBuf, overwrite: bool) {
    let loc = app.settings.locale();
    let ds = app.session.ds.clone();
    let cache = app.session.cache.clone();
    let date = app.time.date();
    let step = app.time.step();
    let opts = |s: &ExportSettings| FigureOptions {
        width: s.size.0,
        height: s.size.1,
        names: s.names,
        theme: s.theme,
        locale: loc,
    };
    let shown = path.display().to_string();
    let job = match purpose {
        Purpose::OpenDataset => {
            app.open_folder(ctx, &path);
            None
        }
        Purpose::OpenTour => {
            app.push(Command::OpenTourFile(path));
            None
        }
        Purpose::SaveScreenshot => {
            app.save_window_shot(ctx, path, overwrite);
            None
        }
        Purpose::Figure(s) => {
            let o = opts(&s);
            let label = tr_args(
                loc,
                "export-job-figure",
                &[
                    ("date", date_short(date, loc).into()),
                    ("path", shown.as_str().into()),
                ],
            );
            Some(Job::spawn(ctx, label, move |progress| {
                progress(0, 1);
                let fig = figure_svg(&ds, &cache, date, step, &o);
                let bytes = s.format.encode(&fig).map_err(|e| e.msg())?;
                write_file_atomic(&path, &bytes, overwrite).map_err(|e| e.msg())?;
                progress(1, 1);
                Ok(tr_args(loc, "export-wrote", &[("path", shown.into())]))
            }))
        }
        Purpose::AllSteps(s) => {
            let o = opts(&s);
            let label = tr_args(loc, "export-job-all", &[("path", shown.as_str().into())]);
            Some(Job::spawn(ctx, label, move |progress| {
                let files = export_steps(&ds, &cache, &o, s.format, &path, s.overwrite, progress)
                    .map_err(|e| e.msg())?;
                Ok(tr_args(
                    loc,
                    "export-wrote-figures",
                    &[("count", files.len().into()), ("path", shown.into())],
                ))
            }))
        }
        Purpose::Animation(s) => {
            let o = opts(&s);
            let label = tr_args(
                loc,
                "export-job-animation",
                &[("path", shown.as_str().into())],
            );
            Some(Job::spawn(ctx, label, move |progress| {
                let bytes =
                    animation_gif(&ds, &cache, &o, s.hold_secs, progress).map_err(|e| e.msg())?;
                write_file_atomic(&path, &bytes, overwrite).map_err(|e| e.msg())?;
                Ok(tr_args(
                    loc,
                    "export-wrote-animation",
                    &[("path", shown.into()), ("count", ds.steps.len().into())],
                ))
            }))
        }
        Purpose::Video(s) => {
            // H.264 in yuv420p needs even sides: a custom odd size loses
            // its last column or row.
            let o = FigureOptions {
                width: s.size.0 & !1,
                height: s.size.1 & !1,
                ..opts(&s)
            };
            let label = tr_args(loc, "export-job-video", &[("path", shown.as_str().into())]);
            Some(Job::spawn(ctx, label, move |progress| {
                let steps: Vec<usize> = (0..ds.steps.len()).collect();
                let bytes =
                    walkthrough_mp4(&ds, &cache, &o, &steps, s.hold_secs, DEFAULT_FPS, progress)
                        .map_err(|e| e.msg())?;
                write_file_atomic(&path, &bytes, overwrite).map_err(|e| e.msg())?;
                Ok(tr_args(loc, "export-wrote", &[("path", shown.into())]))
            }))
        }
        Purpose::Handout => {
            let tour = app
                .session
                .tour
                .clone()
                .unwrap_or_else(|| default_tour(&ds));
            let label = tr_args(
                loc,
                "export-job-handout",
                &[("path", shown.as_str().into())],
            );
            Some(Job::spawn(ctx, label, move |progress| {
                let o = HandoutOptions {
                    paper: HandoutPaper::A4,
                    locale: loc,
                    teacher: false,
                    created: None,
                };
                let bytes = handout_pdf(&ds, &cache, &tour, &o, progress).map_err(|e| e.msg())?;
                write_file_atomic(&path, &bytes, overwrite).map_err(|e| e.msg())?;
                Ok(tr_args(loc, "export-wrote", &[("path", shown.into())]))
            }))
        }
    };
    if let Some(mut job) = job {
        job.locale = loc;
        app.windows.job = Some(job);
    }
}

/// A suggested file name for `purpose`.
#[must_use]
pub fn default_name(app: &App, purpose: &Purpose) -> String {
    let date = app.time.date().iso();
    match purpose.extension() {
        _ if *purpose == Purpose::OpenTour => String::new(),
        Some(ext) if *purpose == Purpose::SaveScreenshot => {
            format!("karabakh-atlas-window-{date}.{ext}")
        }
        Some("gif") => "karabakh-atlas-walkthrough.gif".to_owned(),
        Some("mp4") => "karabakh-atlas-walkthrough.mp4".to_owned(),
        Some("pdf") => "karabakh-atlas-handout.pdf".to_owned(),
        Some(ext) => format!("karabakh-atlas-{date}.{ext}"),
        None => String::new(),
    }
}

/// A note under the File menu's export items, in `loc`'s language, on one
/// line (a wrapping Arabic label would take the whole width a menu may
/// grow to).
pub fn menu_hint_in(ui: &mut Ui, loc: Locale) {
    Txt::new(tr(loc, "export-menu-hint"))
        .weak()
        .small()
        .line(ui);
}
