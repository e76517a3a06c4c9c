//! The interface languages: both catalogues complete and consistent, every
//! key the code asks for present, Arabic plurals, and dates and numbers in
//! both month styles and both digit sets (expected values written by hand).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use karabakh_atlas::i18n::format::DateWords;
use karabakh_atlas::i18n::format::{
    date_long, date_short, date_spec, format_number, month_year, number, on, since, when, year,
};
use karabakh_atlas::i18n::{
    Digits, Lang, Locale, MonthStyle, catalogue_errors, keys, placeables, tr, tr_args,
};
use karabakh_atlas::model::{Date, DateSpec, parse_edtf};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn ar(months: MonthStyle, digits: Digits) -> Locale {
    Locale {
        lang: Lang::Ar,
        months,
        digits,
    }
}

#[test]
fn both_catalogues_parse_and_have_the_same_keys_and_placeables() {
    assert_eq!(catalogue_errors(), Vec::<String>::new());
    let en: BTreeSet<String> = keys(Lang::En).into_iter().collect();
    let ar: BTreeSet<String> = keys(Lang::Ar).into_iter().collect();
    assert!(en.len() > 20, "{}", en.len());
    let only_en: Vec<_> = en.difference(&ar).collect();
    let only_ar: Vec<_> = ar.difference(&en).collect();
    assert!(only_en.is_empty(), "missing from ar.ftl: {only_en:?}");
    assert!(only_ar.is_empty(), "missing from en.ftl: {only_ar:?}");
    assert_eq!(
        keys(Lang::En).len(),
        en.len(),
        "a key is defined twice in en.ftl"
    );
    assert_eq!(
        keys(Lang::Ar).len(),
        ar.len(),
        "a key is defined twice in ar.ftl"
    );
    for key in &en {
        assert_eq!(
            placeables(Lang::En, key),
            placeables(Lang::Ar, key),
            "{key}: the two languages use different $variables"
        );
    }
}

#[test]
fn the_arabic_catalogue_has_no_english_words() {
    // Words that may stay in Latin letters in Arabic text: proper names
    // with no Arabic form, and format codes.
    let allowed = ["Natural", "Earth", "naturalearthdata", "com", "SVG", "A"];
    for key in keys(Lang::Ar) {
        // Without arguments Fluent shows each variable as `{$name}`.
        let mut text = tr(Locale::AR, &key);
        while let Some(at) = text.find("{$") {
            let end = text[at..].find('}').map_or(text.len(), |e| at + e + 1);
            text.replace_range(at..end, "");
        }
        // Between backquotes: code to type into a file or a command line
        // (`[[step]]`, `--data`), which stays as it is in every language.
        let text: String = text
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, part)| part)
            .collect::<Vec<_>>()
            .join(" ");
        for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
            assert!(
                word.is_empty() || allowed.contains(&word),
                "{key}: the Arabic text {text:?} has the English word {word:?}"
            );
        }
    }
}

/// The first string literal after each `tr(` / `tr_args(` in `source`.
fn keys_used(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for call in ["tr(", "tr_args(", "Msg::new("] {
        let mut from = 0;
        while let Some(at) = source[from..].find(call) {
            let start = from + at;
            from = start + call.len();
            let before = source[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            // Up to the first literal at this call's depth.
            let mut depth = 0;
            let rest = &source[from..];
            let mut literal = None;
            for (i, c) in rest.char_indices() {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' if depth == 0 => break,
                    ')' | ']' | '}' => depth -= 1,
                    '"' if depth == 0 => {
                        let end = rest[i + 1..].find('"').map(|e| i + 1 + e);
                        literal = end.map(|e| rest[i + 1..e].to_owned());
                        break;
                    }
                    ',' if depth == 0 && i > 0 => {}
                    _ => {}
                }
            }
            if let Some(k) = literal {
                out.push(k);
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogue_and_every_key_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let defined: BTreeSet<String> = keys(Lang::En).into_iter().collect();
    let mut used = BTreeSet::new();
    let mut missing = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for k in keys_used(&text) {
            if !defined.contains(&k) {
                missing.push(format!("{}: {k}", f.strip_prefix(root).unwrap().display()));
            }
            used.insert(k);
        }
    }
    assert!(
        missing.is_empty(),
        "keys not in the catalogues: {missing:#?}"
    );
    assert!(used.len() > 20, "the scan found only {used:?}");
    // A key can also reach a call through a variable or a table (the
    // loader's `diag-kind-*` keys, the system-error keys); a key written
    // as a whole string literal anywhere in the code counts as used.
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for k in &defined {
            if text.contains(&format!("\"{k}\"")) {
                used.insert(k.clone());
            }
        }
    }
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    // The scanner itself finds keys where rustfmt breaks the call.
    assert_eq!(
        keys_used(
            "tr(\n  loc,\n  \"a-b\"\n) tr_args(f(x), \"c\", &[(\"n\", 1.into())]) str(\"no\") Msg::new(\"d\")"
        ),
        ["a-b", "c", "d"]
    );
}

#[test]
fn missing_keys_fall_back_and_never_panic() {
    assert_eq!(tr(Locale::AR, "no-such-key"), "no-such-key");
    assert_eq!(tr(Locale::EN, ""), "");
    // An argument the message does not use, or one it needs but was not
    // given, still gives text.
    assert!(!tr_args(Locale::AR, "time-next", &[("x", 1.into())]).is_empty());
    assert!(tr(Locale::EN, "time-step-of").contains("step"));
}

#[test]
fn translations_read_as_written() {
    assert_eq!(tr(Locale::EN, "time-next"), "Next step");
    assert_eq!(tr(Locale::AR, "time-next"), "الخطوة التالية");
    assert_eq!(tr(Locale::AR, "time-play"), "تشغيل");
    let args = [("n", 7.into()), ("total", 14.into())];
    assert_eq!(tr_args(Locale::EN, "time-step-of", &args), "step 7 of 14");
    assert_eq!(tr_args(Locale::AR, "time-step-of", &args), "الخطوة 7 من 14");
    assert_eq!(
        tr_args(
            ar(MonthStyle::Latin, Digits::ArabicIndic),
            "time-step-of",
            &args
        ),
        "الخطوة ٧ من ١٤"
    );
    // The catalogue's own digits follow the setting; an argument's text
    // (an id, a file name) keeps its digits.
    let indic = ar(MonthStyle::Latin, Digits::ArabicIndic);
    assert!(
        tr(indic, "area-note").contains("١ كم²"),
        "{}",
        tr(indic, "area-note")
    );
    assert!(tr(Locale::AR, "area-note").contains("1 كم²"));
    assert_eq!(
        tr_args(
            indic,
            "card-source-id",
            &[("id", "004_02206ce5f1357834".into())]
        ),
        "معرّف المصدر: 004_02206ce5f1357834"
    );
}

#[test]
fn arabic_plurals_take_all_six_forms() {
    let days = |n: u32| {
        tr_args(
            ar(MonthStyle::Latin, Digits::Latin),
            "card-days-after",
            &[("days", n.into()), ("date", "x".into())],
        )
    };
    // zero, one, two, few (3–10), many (11–99), other (100, 101, 102…).
    assert!(days(1).contains("بعد يوم واحد"), "{}", days(1));
    assert!(days(2).contains("بعد يومين"), "{}", days(2));
    assert!(days(3).contains("بعد 3 أيام"), "{}", days(3));
    assert!(days(10).contains("بعد 10 أيام"), "{}", days(10));
    assert!(days(11).contains("بعد 11 يومًا"), "{}", days(11));
    assert!(days(99).contains("بعد 99 يومًا"), "{}", days(99));
    assert!(days(100).contains("بعد 100 يوم"), "{}", days(100));
    assert!(days(103).contains("بعد 103 أيام"), "{}", days(103));
    let en = |n: u32| {
        tr_args(
            Locale::EN,
            "card-days-after",
            &[("days", n.into()), ("date", "x".into())],
        )
    };
    assert!(en(1).contains("1 day after"), "{}", en(1));
    assert!(en(2).contains("2 days after"), "{}", en(2));
}

#[test]
fn dates_in_both_month_styles_and_both_digit_sets() {
    use Digits::{ArabicIndic, Latin};
    use MonthStyle::{Both, Syriac};
    let dec1 = d("2020-12-01");
    let sep19 = d("2023-09-19");
    let latin = MonthStyle::Latin;
    assert_eq!(date_long(dec1, Locale::EN), "1 December 2020");
    assert_eq!(date_short(dec1, Locale::EN), "1 Dec 2020");
    assert_eq!(date_long(sep19, Locale::EN), "19 September 2023");
    assert_eq!(date_short(sep19, Locale::EN), "19 Sep 2023");

    assert_eq!(date_long(dec1, ar(latin, Latin)), "1 ديسمبر 2020");
    assert_eq!(date_long(dec1, ar(Syriac, Latin)), "1 كانون الأول 2020");
    assert_eq!(date_long(dec1, ar(latin, ArabicIndic)), "١ ديسمبر ٢٠٢٠");
    assert_eq!(
        date_long(dec1, ar(Syriac, ArabicIndic)),
        "١ كانون الأول ٢٠٢٠"
    );
    assert_eq!(date_long(dec1, ar(Both, Latin)), "1 ديسمبر/كانون الأول 2020");

    assert_eq!(date_long(sep19, ar(latin, Latin)), "19 سبتمبر 2023");
    assert_eq!(date_long(sep19, ar(Syriac, Latin)), "19 أيلول 2023");
    assert_eq!(date_long(sep19, ar(latin, ArabicIndic)), "١٩ سبتمبر ٢٠٢٣");
    assert_eq!(date_long(sep19, ar(Syriac, ArabicIndic)), "١٩ أيلول ٢٠٢٣");
    assert_eq!(
        date_long(sep19, ar(Both, ArabicIndic)),
        "١٩ سبتمبر/أيلول ٢٠٢٣"
    );

    // Arabic has no abbreviated months: the short form is the long one.
    assert_eq!(date_short(sep19, ar(Syriac, Latin)), "19 أيلول 2023");
    assert_eq!(month_year(dec1, Locale::EN), "Dec 2020");
    assert_eq!(month_year(dec1, ar(Syriac, ArabicIndic)), "كانون الأول ٢٠٢٠");
    assert_eq!(
        month_year(d("2021-01-01"), ar(Syriac, Latin)),
        "كانون الثاني 2021"
    );
    assert_eq!(month_year(d("2021-01-01"), ar(latin, Latin)), "يناير 2021");

    // The model's Arabic form is the same code: both names, Latin digits.
    assert_eq!(dec1.arabic(), "1 ديسمبر/كانون الأول 2020");
    assert_eq!(sep19.english(), "19 Sep 2023");
}

#[test]
fn ranges_before_since_and_on() {
    let r = DateSpec::range(d("2020-09-27"), d("2020-11-10"));
    let b = DateSpec::before(d("2020-09-27"));
    let day = DateSpec::day(d("2020-12-01"));
    let a = ar(MonthStyle::Latin, Digits::ArabicIndic);
    assert_eq!(date_spec(r, Locale::EN), "27 Sep 2020 – 10 Nov 2020");
    assert_eq!(date_spec(r, a), "٢٧ سبتمبر ٢٠٢٠ – ١٠ نوفمبر ٢٠٢٠");
    assert_eq!(date_spec(b, Locale::EN), "before 27 Sep 2020");
    assert_eq!(date_spec(b, a), "قبل ٢٧ سبتمبر ٢٠٢٠");
    assert_eq!(
        since(r, Locale::EN),
        "since a day between 27 Sep 2020 and 10 Nov 2020"
    );
    assert_eq!(since(r, a), "منذ يوم ما بين ٢٧ سبتمبر ٢٠٢٠ و١٠ نوفمبر ٢٠٢٠");
    assert_eq!(since(day, a), "منذ ١ ديسمبر ٢٠٢٠");
    assert_eq!(on(day, Locale::EN), "on 1 Dec 2020");
    assert_eq!(
        on(day, ar(MonthStyle::Syriac, Digits::Latin)),
        "في 1 كانون الأول 2020"
    );
}

fn edtf(s: &str) -> DateSpec {
    parse_edtf(s).unwrap()
}

#[test]
fn bce_years_in_both_languages() {
    let a = ar(MonthStyle::Latin, Digits::ArabicIndic);
    let latin = ar(MonthStyle::Latin, Digits::Latin);
    let pier = d("-0330-10-01");
    assert_eq!(year(pier, Locale::EN), "331 BCE");
    assert_eq!(year(pier, latin), "331 ق.م");
    assert_eq!(year(pier, a), "٣٣١ ق.م");
    assert_eq!(date_short(pier, Locale::EN), "1 Oct 331 BCE");
    assert_eq!(date_long(pier, latin), "1 أكتوبر 331 ق.م");
    assert_eq!(month_year(pier, Locale::EN), "Oct 331 BCE");
    // Astronomical year 0 is 1 BCE; the year after it is 1 (CE, unmarked).
    assert_eq!(year(d("0000-06-01"), Locale::EN), "1 BCE");
    assert_eq!(year(d("0001-06-01"), Locale::EN), "1");
    assert_eq!(
        date_spec(edtf("-0330"), Locale::EN),
        "1 Jan 331 BCE – 31 Dec 331 BCE"
    );
}

#[test]
fn years_of_billions_are_grouped_in_both_languages() {
    let a = ar(MonthStyle::Latin, Digits::ArabicIndic);
    let latin = ar(MonthStyle::Latin, Digits::Latin);
    let big_bang = d("-13799999999-01-01");
    assert_eq!(year(big_bang, Locale::EN), "13,800,000,000 BCE");
    assert_eq!(year(big_bang, latin), "13,800,000,000 ق.م");
    assert_eq!(year(big_bang, a), "١٣٬٨٠٠٬٠٠٠٬٠٠٠ ق.م");
    assert_eq!(date_short(big_bang, Locale::EN), "1 Jan 13,800,000,000 BCE");
    assert_eq!(year(d("+12000-03-01"), Locale::EN), "12,000");
    assert_eq!(year(d("+12000-03-01"), a), "١٢٬٠٠٠");
    // Four-digit years stay ungrouped.
    assert_eq!(year(d("-9998-01-01"), Locale::EN), "9999 BCE");
    assert_eq!(
        date_spec(edtf("Y-13799999999"), Locale::EN),
        "1 Jan 13,800,000,000 BCE – 31 Dec 13,800,000,000 BCE"
    );
}

#[test]
fn a_month_is_a_day_between_its_first_and_last_in_both_languages() {
    let oct = edtf("2020-10");
    let a = ar(MonthStyle::Latin, Digits::ArabicIndic);
    assert_eq!(when(oct, Locale::EN), "On a day between 1 and 31 Oct 2020");
    assert_eq!(
        since(oct, Locale::EN),
        "since a day between 1 and 31 Oct 2020"
    );
    assert_eq!(on(oct, Locale::EN), "on a day between 1 and 31 Oct 2020");
    assert_eq!(when(oct, a), "في يوم ما بين ١ و٣١ أكتوبر ٢٠٢٠");
    assert_eq!(date_spec(oct, Locale::EN), "1 – 31 Oct 2020");
    // Across months each end keeps its month.
    assert_eq!(
        when(edtf("2020-09/2020-11"), Locale::EN),
        "On a day between 1 Sep 2020 and 30 Nov 2020"
    );
}

#[test]
fn uncertain_and_approximate_dates_say_so_in_both_languages() {
    let a = ar(MonthStyle::Latin, Digits::Latin);
    let cases = [
        (
            "2020-11-20?",
            "20 Nov 2020 (uncertain)",
            "20 نوفمبر 2020 (غير مؤكد)",
        ),
        (
            "2020-11-20~",
            "20 Nov 2020 (approximate)",
            "20 نوفمبر 2020 (تقريبي)",
        ),
        (
            "2020-11-20%",
            "20 Nov 2020 (approximate, uncertain)",
            "20 نوفمبر 2020 (تقريبي، غير مؤكد)",
        ),
        ("2020-11-20", "20 Nov 2020", "20 نوفمبر 2020"),
    ];
    for (text, en, arabic) in cases {
        assert_eq!(date_spec(edtf(text), Locale::EN), en, "{text}");
        assert_eq!(date_spec(edtf(text), a), arabic, "{text}");
    }
    assert_eq!(
        since(edtf("2020-10~"), Locale::EN),
        "since a day between 1 and 31 Oct 2020 (approximate)"
    );
    assert_eq!(
        since(edtf("2020-11-20?"), a),
        "منذ 20 نوفمبر 2020 (غير مؤكد)"
    );
    assert_eq!(
        when(edtf("../2020-11-10~"), Locale::EN),
        "before 11 Nov 2020 (approximate)"
    );
}

#[test]
fn an_open_end_is_on_or_after_its_day_with_no_day_given_in_both_languages() {
    let a = ar(MonthStyle::Latin, Digits::Latin);
    let indic = ar(MonthStyle::Both, Digits::ArabicIndic);
    let open = edtf("2020-09-27/..");
    assert_eq!(edtf("2020-09-27/"), open);
    assert_eq!(
        date_spec(open, Locale::EN),
        "on or after 27 Sep 2020 (the sources give no day)"
    );
    assert_eq!(
        date_spec(open, a),
        "في 27 سبتمبر 2020 أو بعده (لا تذكر المصادر اليوم)"
    );
    assert_eq!(
        date_spec(open, indic),
        "في ٢٧ سبتمبر/أيلول ٢٠٢٠ أو بعده (لا تذكر المصادر اليوم)"
    );
    // What a transition card says ("changing to … on or after …") and a
    // state's "since …" never name the calendar's last day.
    assert_eq!(on(open, Locale::EN), "on or after 27 Sep 2020");
    assert_eq!(on(open, a), "في 27 سبتمبر 2020 أو بعده");
    assert_eq!(
        since(open, Locale::EN),
        "since a day on or after 27 Sep 2020"
    );
    assert_eq!(since(open, a), "منذ يوم ما في 27 سبتمبر 2020 أو بعده");
    assert_eq!(
        when(open, Locale::EN),
        "on or after 27 Sep 2020 (the sources give no day)"
    );
    // The qualifier follows, as for any date.
    assert_eq!(
        date_spec(edtf("2020-09-27?/.."), Locale::EN),
        "on or after 27 Sep 2020 (the sources give no day) (uncertain)"
    );
    assert_eq!(
        date_spec(edtf("2020-09-27?/.."), a),
        "في 27 سبتمبر 2020 أو بعده (لا تذكر المصادر اليوم) (غير مؤكد)"
    );
}

#[test]
fn edtf_refusals_name_the_value_in_both_languages() {
    let a = ar(MonthStyle::Latin, Digits::Latin);
    for (text, en_words) in [
        ("../..", "not a date this tool reads"),
        ("2020-21", "season"),
        ("Y1000000000000", "-999999999999 to 999999999999"),
        ("2020-11-10T12:00", "time of day"),
        ("2020-XX-10", "unspecified digits"),
        ("{2020,2021}", "level 2"),
        ("2020-11-10/2020-09-27", "ends before it starts"),
        ("10/11/2020", "not a date this tool reads"),
    ] {
        let e = parse_edtf(text).unwrap_err();
        let en = e.msg().render(Locale::EN);
        let arabic = e.msg().render(a);
        assert!(en.contains(text) && en.contains(en_words), "{en}");
        assert!(arabic.contains(text), "{arabic}");
        assert_ne!(en, arabic);
    }
}

#[test]
fn numbers_with_arabic_separators() {
    assert_eq!(format_number(4388.0, 0, Digits::Latin), "4,388");
    assert_eq!(format_number(4388.0, 0, Digits::ArabicIndic), "٤٬٣٨٨");
    assert_eq!(format_number(1234.5, 1, Digits::ArabicIndic), "١٬٢٣٤٫٥");
    assert_eq!(format_number(0.5, 1, Digits::ArabicIndic), "٠٫٥");
    assert_eq!(
        format_number(1_000_000.0, 0, Digits::ArabicIndic),
        "١٬٠٠٠٬٠٠٠"
    );
    // English never uses Arabic-Indic digits, whatever the setting.
    let en_indic = Locale {
        digits: Digits::ArabicIndic,
        ..Locale::EN
    };
    assert_eq!(number(1234.5, 1, en_indic), "1,234.5");
    assert_eq!(
        number(12.0, 0, ar(MonthStyle::Latin, Digits::ArabicIndic)),
        "١٢"
    );
}

#[test]
fn an_arabic_figure_is_in_arabic_and_mirrored() {
    use karabakh_atlas::export::{FigureOptions, figure_at_step};
    use karabakh_atlas::model::load_bundled;
    use karabakh_atlas::scene::display::{MapCache, NameLang};
    let ds = load_bundled().unwrap();
    let cache = MapCache::new(&ds);
    let arabic = FigureOptions {
        locale: ar(MonthStyle::Syriac, Digits::ArabicIndic),
        ..FigureOptions::default()
    };
    let fig = figure_at_step(&ds, &cache, 8, &arabic).unwrap();
    let texts: Vec<&str> = fig.texts.iter().map(|(_, t)| t.as_str()).collect();
    // Step 9 is the Lachin handover on 1 December 2020.
    assert!(texts.contains(&"١ كانون الأول ٢٠٢٠"), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.starts_with("الخطوة ٩ من ١٤: ")),
        "{texts:?}"
    );
    assert!(texts.contains(&"مفتاح الخريطة"), "{texts:?}");
    assert!(texts.contains(&"تحت سيطرة أذربيجان"), "{texts:?}");
    // Names follow the figure's language: Lachin in Arabic.
    assert!(texts.contains(&"لاتشين"), "{texts:?}");
    for english in ["Key", "Controlled by Azerbaijan", "December", "Step 9"] {
        assert!(
            !texts.iter().any(|t| t.contains(english)),
            "{english} in {texts:?}"
        );
    }
    // (The source's label in the footer is the dataset's English text.)
    assert!(!texts.contains(&"Lachin"));
    // Right to left: the legend is left of the map; in English, right of it.
    let vp = fig.map_viewport;
    assert!(
        fig.legend[0] + fig.legend[2] <= vp.min[0],
        "{:?} {vp:?}",
        fig.legend
    );
    let english = figure_at_step(&ds, &cache, 8, &FigureOptions::default()).unwrap();
    let vp = english.map_viewport;
    assert!(english.legend[0] >= vp.min[0] + vp.size[0]);
    assert!(english.texts.iter().any(|(_, t)| t == "Lachin"));
    // The naming setting overrides the language.
    let named = FigureOptions {
        names: NameLang::parse("en").unwrap(),
        ..arabic
    };
    let fig = figure_at_step(&ds, &cache, 8, &named).unwrap();
    assert!(fig.texts.iter().any(|(_, t)| t == "Lachin"));
    assert!(fig.texts.iter().any(|(_, t)| t == "مفتاح الخريطة"));
}
