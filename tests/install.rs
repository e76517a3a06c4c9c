//! What a desktop install ships, checked from the source tree: `--version`,
//! `completions` and `manpage` as the real binary runs them; the icon PNGs
//! are what resvg renders from the SVG; the desktop entry, metainfo and
//! copyright file agree with the files they name. scripts/check-package.sh
//! validates the same files with desktop-file-validate, appstreamcli and
//! lintian, in the built package.
//!
//! The icon PNGs are rendered, never drawn: after editing
//! `packaging/icons/karabakh-atlas.svg`, run
//! `KARABAKH_ATLAS_WRITE_ICONS=1 cargo test --test install icon` to write
//! them again, then run it without the variable.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use common::{run, texts};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap()
}

/// The subcommands as `--help` lists them.
const SUBCOMMANDS: [&str; 15] = [
    "gui",
    "check",
    "state",
    "steps",
    "tours",
    "schema",
    "export",
    "stats",
    "new",
    "import-timelinejs",
    "import-geojson",
    "import-annotations",
    "completions",
    "manpage",
    "help",
];

#[test]
fn version_prints_the_name_and_the_crate_version() {
    let out = run(&["--version"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stdout.trim_end(),
        format!("karabakh-atlas {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_lists_every_subcommand() {
    let (stdout, _) = texts(&run(&["--help"]));
    for sub in SUBCOMMANDS {
        assert!(stdout.contains(&format!("\n  {sub} ")), "{sub}: {stdout}");
    }
}

#[test]
fn bash_completion_names_the_subcommands() {
    let out = run(&["completions", "bash"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("complete -F"), "{stdout}");
    assert!(stdout.contains("karabakh-atlas"));
    for sub in SUBCOMMANDS {
        assert!(
            stdout.contains(sub),
            "{sub} missing from the bash completion"
        );
    }
}

#[test]
fn every_shell_gets_a_script_and_an_unknown_one_is_a_usage_error() {
    for (shell, marker) in [
        ("zsh", "#compdef karabakh-atlas"),
        ("fish", "complete -c karabakh-atlas"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = run(&["completions", shell]);
        let (stdout, stderr) = texts(&out);
        assert!(out.status.success(), "{shell}: {stderr}");
        assert!(stdout.contains(marker), "{shell}: {stdout}");
        assert!(stdout.contains("import-timelinejs"), "{shell}");
    }
    let out = run(&["completions", "tcsh"]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("possible values: bash, zsh, fish, powershell"),
        "{stderr}"
    );
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn manpage_writes_one_page_per_subcommand_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("man");
    let out = run(&["manpage", "--out", out_dir.to_str().unwrap()]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let mut want: Vec<String> = SUBCOMMANDS
        .iter()
        .filter(|s| **s != "help")
        .map(|s| format!("karabakh-atlas-{s}.1"))
        .collect();
    want.push("karabakh-atlas.1".to_owned());
    want.sort();
    assert_eq!(listing(&out_dir), want);
    assert_eq!(stdout.lines().count(), want.len(), "{stdout}");
    let main = std::fs::read_to_string(out_dir.join("karabakh-atlas.1")).unwrap();
    assert!(main.contains(".TH karabakh-atlas 1"), "{main}");
    assert!(main.contains(env!("CARGO_PKG_VERSION")), "{main}");
    let export = std::fs::read_to_string(out_dir.join("karabakh-atlas-export.1")).unwrap();
    assert!(export.contains("\\-\\-force"), "{export}");

    // A second run without --force changes nothing and says why.
    let page = out_dir.join("karabakh-atlas-check.1");
    std::fs::write(&page, "mine").unwrap();
    let out = run(&["manpage", "--out", out_dir.to_str().unwrap()]);
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("already exists; pass --force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "mine");
    assert_eq!(listing(&out_dir), want);

    let out = run(&["manpage", "--out", out_dir.to_str().unwrap(), "--force"]);
    assert!(out.status.success(), "{}", texts(&out).1);
    assert!(std::fs::read_to_string(&page).unwrap().contains(".TH"));

    // A folder whose parent is missing is refused before anything is written.
    let out = run(&["manpage", "--out", dir.path().join("a/b").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("a").exists());
}

/// The PNG sizes shipped in hicolor, beside the SVG.
const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

/// The icon SVG rendered by resvg at `size`×`size`: RGBA, unpremultiplied.
fn render_icon(size: u32) -> Vec<u8> {
    let svg = read("packaging/icons/karabakh-atlas.svg");
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size, size).unwrap();
    let scale = size as f32 / tree.size().width();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.take_demultiplied()
}

fn icon_path(size: u32) -> PathBuf {
    root().join(format!("packaging/icons/{size}x{size}/karabakh-atlas.png"))
}

/// Decode a PNG as 8-bit RGBA: (width, height, pixels).
fn decode_rgba(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[test]
fn icon_pngs_are_what_resvg_renders_from_the_svg() {
    let write = std::env::var_os("KARABAKH_ATLAS_WRITE_ICONS").is_some();
    for size in ICON_SIZES {
        let rgba = render_icon(size);
        let path = icon_path(size);
        if write {
            let bytes = karabakh_atlas::export::png_bytes(size, size, &rgba, &[], &[]).unwrap();
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, bytes).unwrap();
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; write it with KARABAKH_ATLAS_WRITE_ICONS=1 cargo test --test install icon",
                path.display()
            )
        });
        let (w, h, pixels) = decode_rgba(&bytes);
        assert_eq!((w, h), (size, size), "{}", path.display());
        assert!(
            pixels == rgba,
            "{} is not what resvg renders from the SVG; write it again with KARABAKH_ATLAS_WRITE_ICONS=1 cargo test --test install icon",
            path.display()
        );
    }
}

#[test]
fn the_cargo_deb_assets_are_the_packaging_files() {
    let manifest = read("Cargo.toml");
    for size in ICON_SIZES {
        let asset = format!(
            "[\"packaging/icons/{size}x{size}/karabakh-atlas.png\", \"usr/share/icons/hicolor/{size}x{size}/apps/\", \"644\"]"
        );
        assert!(manifest.contains(&asset), "{asset}");
    }
    let packaging: Vec<String> = listing(&root().join("packaging"));
    for name in packaging
        .iter()
        .filter(|n| n.ends_with(".desktop") || n.ends_with(".xml"))
    {
        assert!(
            manifest.contains(&format!("\"packaging/{name}\"")),
            "{name}"
        );
    }
}

#[test]
fn desktop_entry_and_metainfo_agree() {
    let desktop = read("packaging/karabakh-atlas.desktop");
    assert!(desktop.contains("\nExec=karabakh-atlas\n"));
    assert!(desktop.contains("\nIcon=karabakh-atlas\n"));
    // The window's Wayland app id and X11 class: the desktop uses it to
    // find this entry (and its icon) for the open window.
    assert!(desktop.contains("\nStartupWMClass=karabakh-atlas\n"));
    let metainfo = read("packaging/io.github.karabakh_atlas.karabakh_atlas.metainfo.xml");
    assert!(metainfo.contains("<id>io.github.karabakh_atlas.karabakh_atlas</id>"));
    assert!(
        metainfo.contains("<launchable type=\"desktop-id\">karabakh-atlas.desktop</launchable>")
    );
    assert!(metainfo.contains("<content_rating type=\"oars-1.1\""));
    // The released version is the crate's.
    assert!(
        metainfo.contains(&format!(
            "<release version=\"{}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "add a <release> for this version"
    );
    // Every screenshot is one of the app's own, in docs/screenshots/.
    let shots: Vec<&str> = metainfo
        .split("/docs/screenshots/")
        .skip(1)
        .map(|s| s.split('<').next().unwrap())
        .collect();
    assert!(shots.len() >= 3, "{shots:?}");
    for shot in shots {
        assert!(
            root().join("docs/screenshots").join(shot).is_file(),
            "{shot}"
        );
    }
}

#[test]
fn copyright_carries_the_font_licence_and_the_map_notice() {
    let copyright = read("packaging/copyright");
    assert!(copyright.starts_with(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    ));
    // The OFL paragraph is assets/fonts/OFL.txt, as DEP-5 folds it.
    let ofl: String = read("assets/fonts/OFL.txt")
        .trim_end()
        .lines()
        .map(|l| {
            if l.trim().is_empty() {
                " .\n".to_owned()
            } else {
                format!(" {l}\n")
            }
        })
        .collect();
    assert!(
        copyright.contains(&format!("License: OFL-1.1\n{ofl}")),
        "the OFL text in packaging/copyright differs from assets/fonts/OFL.txt"
    );
    assert!(copyright.contains("Files: assets/fonts/*\n"));
    assert!(copyright.contains("Files: data/map.geojson\n"));
    assert!(copyright.contains("Made with Natural Earth."));
    assert!(copyright.contains("public domain"));
}
