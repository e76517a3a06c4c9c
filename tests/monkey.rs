//! Monkey test: the real viewer (egui_kittest, no window) takes 10,000
//! random input events from a seeded generator — clicks anywhere and on
//! widgets, drags, scrolls, pinches, key presses (the viewer's shortcuts and
//! the presenter keys F5, B, PageDown, Escape among them), typed text, and
//! window sizes from 1×1 to 7680×4320 points — and must never panic, on the
//! UI thread or on a background export.
//!
//! A failure prints the seed and the last events; rerun the same sequence
//! with `MONKEY_SEED=<seed> cargo test --all-features --test monkey`.
//! `MONKEY_EVENTS=<n>` changes the number of events.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use egui::{Event, Key, Modifiers, MouseWheelUnit, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use karabakh_atlas::model::load_bundled;
use karabakh_atlas::ui::ViewerOptions;
use karabakh_atlas::ui::app::App;
use karabakh_atlas::ui::screenshot::Outcome;

/// The seed when `MONKEY_SEED` is not set.
const DEFAULT_SEED: u64 = 0x6b61_7261_6261_6b68;
/// Events per run when `MONKEY_EVENTS` is not set.
const DEFAULT_EVENTS: usize = 10_000;
/// How many of the last events a failure prints.
const HISTORY: usize = 25;

/// SplitMix64: small, seedable, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Uniform in `[lo, hi)`.
    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (self.next() >> 40) as f32 / (1u64 << 24) as f32 * (hi - lo)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Keys worth pressing: the viewer's shortcuts, the presenter keys, and
/// keys that move focus or edit text.
const KEYS: &[Key] = &[
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::Home,
    Key::End,
    Key::PageUp,
    Key::PageDown,
    Key::Space,
    Key::Enter,
    Key::Escape,
    Key::Tab,
    Key::Backspace,
    Key::Delete,
    Key::Plus,
    Key::Minus,
    Key::Equals,
    Key::Questionmark,
    Key::F1,
    Key::F5,
    Key::F11,
    Key::B,
    Key::F,
    Key::S,
    Key::A,
    Key::C,
    Key::V,
    Key::Z,
];

const MODIFIERS: &[Modifiers] = &[
    Modifiers::NONE,
    Modifiers::NONE,
    Modifiers::NONE,
    Modifiers::SHIFT,
    Modifiers::COMMAND,
    Modifiers::ALT,
    Modifiers {
        alt: false,
        ctrl: true,
        shift: true,
        mac_cmd: false,
        command: true,
    },
];

/// Typed text: Latin, Arabic, digits, spaces and punctuation (never a path
/// separator, so a typed export path stays in the test's folder). Only
/// characters the bundled fonts have: the harness panics on a missing glyph
/// (which catches the app's own labels), where the real window draws a box.
const TEXT: &[&str] = &[
    "a",
    "z",
    "Q",
    "0",
    "7",
    " ",
    "-",
    ".",
    ":",
    "é",
    "ş",
    "ə",
    "ق",
    "ر",
    "ه",
    " باغ",
    "لاتشين",
    "\u{200f}",
    "\u{a0}",
    "2020-11-21",
    "..",
    "e\u{301}",
    "«»",
];

/// One user action, as recorded for a failure report.
#[derive(Debug, Clone)]
enum Action {
    Click(Pos2, PointerButton),
    Drag(Pos2, Pos2),
    Scroll(Pos2, Vec2),
    Zoom(f32),
    Key(Modifiers, Key),
    Text(String),
    Resize(Vec2),
    PixelsPerPoint(f32),
    Idle,
}

/// A random point in (and sometimes just outside) the window.
fn point(rng: &mut Rng, size: Vec2) -> Pos2 {
    if rng.chance(3) {
        Pos2::new(
            rng.range(-50.0, size.x + 50.0),
            rng.range(-50.0, size.y + 50.0),
        )
    } else {
        Pos2::new(
            rng.range(0.0, size.x.max(1.0)),
            rng.range(0.0, size.y.max(1.0)),
        )
    }
}

/// Centres of the widgets on screen (from the accessibility tree).
fn widget_centres(h: &Harness<'static, App>) -> Vec<Pos2> {
    h.query_all(By::new().predicate(|n| n.bounding_box().is_some()))
        .map(|n| n.rect())
        .filter(|r| r.is_finite() && r.area() > 0.0)
        .map(|r| r.center())
        .collect()
}

fn random_size(rng: &mut Rng) -> Vec2 {
    match rng.below(10) {
        0 => Vec2::new(1.0, 1.0),
        1 => Vec2::new(7680.0, 4320.0),
        2 => Vec2::new(rng.range(1.0, 200.0).round(), rng.range(1.0, 200.0).round()),
        3 => Vec2::new(
            rng.range(1.0, 7680.0).round(),
            rng.range(1.0, 4320.0).round(),
        ),
        _ => Vec2::new(
            rng.range(320.0, 2560.0).round(),
            rng.range(240.0, 1440.0).round(),
        ),
    }
}

fn action(rng: &mut Rng, h: &Harness<'static, App>, size: Vec2) -> Action {
    // A new scale re-rasterises every font (seconds in a debug build): rare.
    match rng.below(400) {
        0 => return Action::PixelsPerPoint(*rng.pick(&[0.5, 1.0, 1.5, 2.0, 3.0])),
        1 => return Action::Zoom(rng.range(0.2, 5.0)),
        _ => {}
    }
    match rng.below(100) {
        0..=29 => {
            let centres = widget_centres(h);
            let p = if centres.is_empty() {
                point(rng, size)
            } else {
                *rng.pick(&centres)
            };
            let button = if rng.chance(10) {
                PointerButton::Secondary
            } else {
                PointerButton::Primary
            };
            Action::Click(p, button)
        }
        30..=44 => Action::Click(point(rng, size), PointerButton::Primary),
        45..=54 => Action::Drag(point(rng, size), point(rng, size)),
        55..=64 => Action::Scroll(
            point(rng, size),
            Vec2::new(rng.range(-300.0, 300.0), rng.range(-600.0, 600.0)),
        ),
        65..=86 => Action::Key(*rng.pick(MODIFIERS), *rng.pick(KEYS)),
        87..=94 => {
            let n = 1 + rng.below(4);
            Action::Text((0..n).map(|_| *rng.pick(TEXT)).collect())
        }
        95..=97 => Action::Resize(random_size(rng)),
        _ => Action::Idle,
    }
}

/// Feed `a` to the app; returns how many input events that was. Events of
/// one gesture phase share a frame, as they do at a real frame rate: a
/// pointer move with the press, a key's press with its release.
fn perform(h: &mut Harness<'static, App>, a: &Action, size: &mut Vec2) -> usize {
    let mut events = 0;
    let mut frame = |h: &mut Harness<'static, App>, es: Vec<Event>| {
        events += es.len();
        h.input_mut().events.extend(es);
        h.step();
    };
    let button = |pos: Pos2, button: PointerButton, pressed: bool| Event::PointerButton {
        pos,
        button,
        pressed,
        modifiers: Modifiers::NONE,
    };
    match a {
        Action::Click(pos, b) => {
            frame(h, vec![Event::PointerMoved(*pos), button(*pos, *b, true)]);
            frame(h, vec![button(*pos, *b, false)]);
        }
        Action::Drag(from, to) => {
            let p = PointerButton::Primary;
            frame(h, vec![Event::PointerMoved(*from), button(*from, p, true)]);
            for i in 1..=3 {
                frame(h, vec![Event::PointerMoved(from.lerp(*to, i as f32 / 3.0))]);
            }
            frame(h, vec![button(*to, p, false)]);
        }
        Action::Scroll(pos, delta) => frame(
            h,
            vec![
                Event::PointerMoved(*pos),
                Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta: *delta,
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Unknown,
                    modifiers: Modifiers::NONE,
                },
            ],
        ),
        Action::Zoom(f) => frame(h, vec![Event::Zoom(*f)]),
        Action::Key(m, key) => {
            let key_event = |pressed| Event::Key {
                key: *key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers: *m,
            };
            frame(h, vec![key_event(true), key_event(false)]);
        }
        Action::Text(t) => frame(h, vec![Event::Text(t.clone())]),
        Action::Resize(s) => {
            *size = *s;
            h.set_size(*s);
            frame(h, Vec::new());
        }
        Action::PixelsPerPoint(p) => {
            h.set_pixels_per_point(*p);
            frame(h, Vec::new());
        }
        Action::Idle => frame(h, Vec::new()),
    }
    // A resize, a scale change or an idle frame counts as one event.
    events.max(1)
}

/// Panics on any thread (background exports included) since the hook was set.
static PANICKED: AtomicBool = AtomicBool::new(false);
static PANIC_TEXT: Mutex<String> = Mutex::new(String::new());

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|s| s.trim().trim_start_matches("0x").parse().ok())
        .unwrap_or(default)
}

#[test]
fn ten_thousand_random_events_never_panic() {
    let seed = std::env::var("MONKEY_SEED")
        .ok()
        .and_then(|s| {
            let s = s.trim();
            s.strip_prefix("0x")
                .map_or_else(|| s.parse().ok(), |h| u64::from_str_radix(h, 16).ok())
        })
        .unwrap_or(DEFAULT_SEED);
    let target: usize = env_or("MONKEY_EVENTS", DEFAULT_EVENTS);

    // Typed export paths are relative: keep whatever an export writes in a
    // folder of our own. (This file has one test, so changing the working
    // directory affects nothing else.)
    let dir = tempfile::tempdir().unwrap();
    std::env::set_current_dir(dir.path()).unwrap();
    karabakh_atlas::ui::files::disable_native_dialogs();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICKED.store(true, Ordering::SeqCst);
        if let Ok(mut t) = PANIC_TEXT.lock() {
            t.push_str(&format!(
                "{} (thread {:?})\n",
                info,
                std::thread::current().name()
            ));
        }
        default_hook(info);
    }));

    let mut size = Vec2::new(1280.0, 800.0);
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|cc| {
            App::new(
                cc,
                load_bundled().unwrap(),
                &ViewerOptions::default(),
                Outcome::default(),
            )
        });
    h.step();

    let mut rng = Rng(seed);
    let mut history: VecDeque<(usize, Action)> = VecDeque::new();
    let mut sent = 0;
    let started = std::time::Instant::now();
    let run = std::panic::catch_unwind(AssertUnwindSafe(|| {
        while sent < target {
            let a = action(&mut rng, &h, size);
            if history.len() == HISTORY {
                history.pop_front();
            }
            history.push_back((sent, a.clone()));
            sent += perform(&mut h, &a, &mut size);
        }
    }));
    let secs = started.elapsed().as_secs_f64();
    let _ = std::panic::take_hook();
    let last: Vec<String> = history
        .iter()
        .map(|(i, a)| format!("  event {i}: {a:?}"))
        .collect();
    let report = || {
        format!(
            "monkey failed with MONKEY_SEED={seed:#x} after {sent} events (window {size:?}); the last actions:\n{}\n{}",
            last.join("\n"),
            PANIC_TEXT.lock().map(|t| t.clone()).unwrap_or_default()
        )
    };
    assert!(run.is_ok(), "{}", report());
    assert!(!PANICKED.load(Ordering::SeqCst), "{}", report());
    assert!(sent >= target);
    // Not an assertion: how long the run took, for docs/performance.md.
    println!(
        "monkey: {sent} events with seed {seed:#x} in {secs:.1} s ({} s of CPU time)",
        cpu_secs().map_or_else(|| "?".to_owned(), |c| format!("{c:.1}"))
    );
}

/// CPU time of this process so far (user + system), from /proc/self/stat.
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let mut f = stat[stat.rfind(')')? + 1..].split_whitespace();
    let utime: f64 = f.nth(11)?.parse().ok()?;
    let stime: f64 = f.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}
