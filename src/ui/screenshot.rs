//! `--screenshot PATH`: write a PNG of the first fully drawn frame, then
//! close the window. The PNG carries the map's viewport and camera as text
//! chunks so tests (and curious users) can tell where each place was drawn.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::export::ExportError;

/// Frames to draw before the screenshot: the first frames settle fonts and
/// panel sizes.
pub const SETTLE_FRAMES: u32 = 3;

/// Refuse a target that exists (without `force`) or whose folder does not
/// (the exporter's check, so the rules and messages are the same).
///
/// # Errors
/// The exporter's error, naming the path and what to do.
pub fn check_target(path: &Path, force: bool) -> Result<(), ExportError> {
    crate::export::check_target(path, force)
}

/// Write RGBA pixels as a PNG with `text` as tEXt chunks, atomically, with
/// the exporter's writer: refused if the file exists unless `force`.
///
/// # Errors
/// A message naming the path and the cause.
pub fn write_png(
    path: &Path,
    width: u32,
    height: u32,
    rgba: &[u8],
    text: &[(&str, String)],
    force: bool,
) -> Result<(), ExportError> {
    let bytes = crate::export::png_bytes(width, height, rgba, text, &[])?;
    crate::export::write_file_atomic(path, &bytes, force)
}

/// What happened to the screenshot, shared between the window and `main`.
#[derive(Debug, Clone, Default)]
pub struct Outcome(Arc<Mutex<Option<Result<PathBuf, String>>>>);

impl Outcome {
    /// Record the result.
    pub fn set(&self, r: Result<PathBuf, String>) {
        if let Ok(mut g) = self.0.lock() {
            *g = Some(r);
        }
    }

    /// Whether a result has been recorded.
    #[must_use]
    pub fn is_set(&self) -> bool {
        self.0.lock().map(|g| g.is_some()).unwrap_or(true)
    }

    /// The process exit code: success unless a screenshot was asked for and
    /// not written (the message goes to stderr).
    #[must_use]
    pub fn exit_code(&self, screenshot_mode: bool) -> std::process::ExitCode {
        if !screenshot_mode {
            return std::process::ExitCode::SUCCESS;
        }
        let taken = self.0.lock().ok().and_then(|mut g| g.take());
        match taken {
            Some(Ok(path)) => {
                println!("wrote {}", path.display());
                std::process::ExitCode::SUCCESS
            }
            Some(Err(e)) => {
                eprintln!("error: {e}");
                std::process::ExitCode::from(1)
            }
            None => {
                eprintln!("error: the window closed before the screenshot was taken");
                std::process::ExitCode::from(1)
            }
        }
    }
}

/// Flatten egui's pixels (premultiplied, opaque window) into RGBA bytes.
#[must_use]
pub fn rgba_bytes(image: &egui::ColorImage) -> Vec<u8> {
    let mut out = Vec::with_capacity(image.pixels.len() * 4);
    for p in &image.pixels {
        let [r, g, b, a] = p.to_srgba_unmultiplied();
        out.extend_from_slice(&[r, g, b, a]);
    }
    out
}

/// Flush stdout so "wrote PATH" reaches a pipe before the process exits.
pub fn flush() {
    let _ = std::io::stdout().flush();
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_png_with_text_chunks_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.png");
        let px = vec![255u8; 4 * 3 * 2];
        write_png(
            &path,
            3,
            2,
            &px,
            &[("karabakh-atlas:date", "2020-11-21".into())],
            false,
        )
        .unwrap();
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (3, 2));
        assert!(
            info.uncompressed_latin1_text
                .iter()
                .any(|t| t.text == "2020-11-21")
        );
        let again = write_png(&path, 3, 2, &px, &[], false);
        assert!(again.unwrap_err().to_string().contains("already exists"));
        write_png(&path, 3, 2, &px, &[], true).unwrap();
        // No temporary files are left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
