//! External test tools (poppler-utils, ffmpeg): found on PATH, or the test
//! fails when `CI=true` (`.ci/run` installs them) and is skipped with a
//! note on a developer's machine without them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use super::xvfb::which;

/// The tool `name` (Debian package `package`), or `None` when it is
/// missing outside CI.
pub fn tool(name: &str, package: &str) -> Option<PathBuf> {
    let found = which(name);
    if found.is_none() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{name} is not installed (Debian: {package}); .ci/run must install it");
        }
        eprintln!("note: {name} is not installed (Debian: {package}); test skipped");
    }
    found
}
