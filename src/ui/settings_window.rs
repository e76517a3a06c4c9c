//! The settings window. Its "Language & numbers" section chooses the
//! interface language (or the system's), the Arabic month names, the
//! digits, and which way the time axis runs; its "Motion" section reduces
//! motion or follows the system. Changes apply at once and are saved with
//! the other settings.

use egui::Ui;

use super::i18n::{self, Txt};
use super::persist::{AxisDirection, Settings};
use crate::i18n::format::{self, AR_MONTHS_LATIN, AR_MONTHS_SYRIAC};
use crate::i18n::{Digits, Lang, MonthStyle, system_lang, tr, tr_args};
use crate::model::Date;

/// The settings window, shown while `open` is true (its close button clears
/// it). Call it from the frame loop with the app's settings, e.g.
/// `settings_window::window(ctx, &self.settings, &mut open)`.
///
/// The window edits a copy of `settings`; the changed settings, if any, are
/// returned for the app to apply.
pub fn window(ctx: &egui::Context, settings: &Settings, open: &mut bool) -> Option<Settings> {
    if !*open {
        return None;
    }
    let loc = settings.locale();
    let mut edited = settings.clone();
    i18n::bounded(
        ctx,
        egui::Window::new(i18n::window_title(ctx, &tr(loc, "settings-title"))),
    )
    .id(egui::Id::unique("settings-window"))
    .open(open)
    .collapsible(false)
    .resizable(false)
    .show(ctx, |ui| {
        language_section(ui, &mut edited);
        ui.separator();
        motion_section(ui, &mut edited);
    });
    (edited != *settings).then_some(edited)
}

/// The "Motion" section: follow the system's preference (saying what it
/// is), reduce motion, or full motion.
pub fn motion_section(ui: &mut Ui, settings: &mut Settings) {
    let loc = settings.locale();
    i18n::column(ui, loc, |ui| {
        Txt::new(tr(loc, "settings-motion")).strong().label(ui);
        let system = if super::motion::system_reduces_motion() {
            tr(loc, "settings-motion-system-reduced")
        } else {
            tr(loc, "settings-motion-system-full")
        };
        let follow = tr_args(loc, "settings-motion-system", &[("state", system.into())]);
        i18n::radio_value(ui, loc, &mut settings.reduce_motion, None, &follow);
        let reduce = tr(loc, "settings-motion-reduce");
        i18n::radio_value(ui, loc, &mut settings.reduce_motion, Some(true), &reduce);
        let full = tr(loc, "settings-motion-full");
        i18n::radio_value(ui, loc, &mut settings.reduce_motion, Some(false), &full);
    });
}

/// The first three month names in a style, as an example: "يناير، فبراير،
/// مارس…".
fn months_example(style: MonthStyle) -> String {
    let names = |t: &[&str; 12]| t[..3].join("، ") + "…";
    match style {
        MonthStyle::Latin => names(&AR_MONTHS_LATIN),
        MonthStyle::Syriac => names(&AR_MONTHS_SYRIAC),
        MonthStyle::Both => format!("{}/{}…", AR_MONTHS_LATIN[0], AR_MONTHS_SYRIAC[0]),
    }
}

/// The "Language & numbers" section: every choice is a radio button
/// labelled in the interface language (language names in themselves).
pub fn language_section(ui: &mut Ui, settings: &mut Settings) {
    let loc = settings.locale();
    i18n::column(ui, loc, |ui| {
        Txt::new(tr(loc, "settings-language-numbers"))
            .heading()
            .label(ui);
        ui.add_space(4.0);
        Txt::new(tr(loc, "settings-interface-language"))
            .strong()
            .label(ui);
        let system = tr_args(
            loc,
            "settings-language-system",
            &[("name", system_lang().native_name().into())],
        );
        i18n::radio_value(ui, loc, &mut settings.lang, None, &system);
        for lang in Lang::ALL {
            i18n::radio_value(ui, loc, &mut settings.lang, Some(lang), lang.native_name());
        }

        ui.add_space(6.0);
        Txt::new(tr(loc, "settings-months")).strong().label(ui);
        for (style, key) in [
            (MonthStyle::Latin, tr(loc, "settings-months-latin")),
            (MonthStyle::Syriac, tr(loc, "settings-months-syriac")),
            (MonthStyle::Both, tr(loc, "settings-months-both")),
        ] {
            let text = format!("{key}: {}", months_example(style));
            i18n::radio_value(ui, loc, &mut settings.month_style, style, &text);
        }

        ui.add_space(6.0);
        Txt::new(tr(loc, "settings-digits")).strong().label(ui);
        for (digits, key) in [
            (Digits::Latin, tr(loc, "settings-digits-latin")),
            (Digits::ArabicIndic, tr(loc, "settings-digits-arabic")),
        ] {
            let text = format!("{key}: {}", format::to_digits("0123456789", digits));
            i18n::radio_value(ui, loc, &mut settings.digits, digits, &text);
        }
        Txt::new(tr(loc, "settings-arabic-only"))
            .weak()
            .small()
            .label(ui);

        ui.add_space(6.0);
        Txt::new(tr(loc, "settings-axis")).strong().label(ui);
        for (dir, text) in [
            (
                AxisDirection::FollowInterface,
                tr(loc, "settings-axis-follow"),
            ),
            (AxisDirection::LeftToRight, tr(loc, "settings-axis-ltr")),
            (AxisDirection::RightToLeft, tr(loc, "settings-axis-rtl")),
        ] {
            i18n::radio_value(ui, loc, &mut settings.axis_direction, dir, &text);
        }

        // What the choices give, with the settings as they are now.
        ui.add_space(6.0);
        let now = settings.locale();
        let example = Date::parse("2020-12-01").map_or_else(
            |_| String::new(),
            |d| {
                tr_args(
                    now,
                    "settings-example",
                    &[
                        ("date", format::date_long(d, now).into()),
                        ("km", format::number(4388.0, 0, now).into()),
                    ],
                )
            },
        );
        Txt::new(example).weak().label(ui);
    });
}
