//! What the viewer is asked to open with: a plain struct the viewer owns,
//! free of any command-line parser. The command line (`cli`) fills it from
//! its flags; tests and benchmarks build it directly. Every option given
//! here wins over what the settings remember.

use std::path::PathBuf;

use super::persist::Settings;
use crate::i18n::{Digits, Lang, MonthStyle};
use crate::model::Date;
use crate::scene::display::NameLang;
use crate::scene::style::ThemeKind;

/// The viewer's options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewerOptions {
    /// Open at this date.
    pub date: Option<Date>,
    /// Open at this step (1-based, as `karabakh-atlas steps` numbers them).
    pub step: Option<usize>,
    /// The window's size in points.
    pub size: Option<(u32, u32)>,
    /// Open the reader on this citation.
    pub cite: Option<String>,
    /// Write the window to this PNG after the first frames, then close.
    pub screenshot: Option<PathBuf>,
    /// Replace an existing screenshot file.
    pub force: bool,
    /// Which names the map shows.
    pub names: Option<NameLang>,
    /// The map theme.
    pub theme: Option<ThemeKind>,
    /// Start in presenter mode.
    pub present: bool,
    /// The tour file to present.
    pub tour: Option<PathBuf>,
    /// Start presenting with autoplay on.
    pub autoplay: bool,
    /// The interface language.
    pub lang: Option<Lang>,
    /// Arabic month names.
    pub months: Option<MonthStyle>,
    /// Latin or Arabic-Indic digits.
    pub digits: Option<Digits>,
}

impl ViewerOptions {
    /// Put the options that are settings (language, months, digits, names,
    /// theme) into `settings`, over what they remember.
    pub fn apply_to(&self, settings: &mut Settings) {
        if let Some(lang) = self.lang {
            settings.lang = Some(lang);
        }
        if let Some(months) = self.months {
            settings.month_style = months;
        }
        if let Some(digits) = self.digits {
            settings.digits = digits;
        }
        if let Some(n) = self.names {
            settings.names = n;
        }
        if let Some(t) = self.theme {
            settings.theme = t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_win_over_remembered_settings() {
        let mut s = Settings {
            theme: ThemeKind::Dark,
            lang: Some(Lang::Ar),
            ..Settings::default()
        };
        let opts = ViewerOptions {
            theme: Some(ThemeKind::Light),
            lang: Some(Lang::En),
            ..ViewerOptions::default()
        };
        opts.apply_to(&mut s);
        assert_eq!(s.theme, ThemeKind::Light);
        assert_eq!(s.lang, Some(Lang::En));
        // What is not given stays as remembered.
        let mut kept = Settings {
            theme: ThemeKind::Dark,
            ..Settings::default()
        };
        ViewerOptions::default().apply_to(&mut kept);
        assert_eq!(kept.theme, ThemeKind::Dark);
    }
}
