//! A private X server (Xvfb) for tests and benchmarks that open real windows.
//! Used by tests/e2e_gui.rs and benches/startup.rs.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A private X server, killed when dropped.
pub struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    /// Start Xvfb on a free display (it panics, saying what to install, if
    /// Xvfb is missing: never a silent skip).
    pub fn start() -> Self {
        let bin = which("Xvfb").unwrap_or_else(|| {
            panic!("Xvfb is not installed: the end-to-end tests need it (Debian/Ubuntu: apt-get install -y xvfb libgl1-mesa-dri); .ci/run installs it")
        });
        // Xvfb picks a free display itself and prints its number (-displayfd 1).
        let mut child = Command::new(&bin)
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1920x1200x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line);
            let _ = tx.send(line);
        });
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if !line.trim().is_empty() => Self {
                child,
                display: format!(":{}", line.trim()),
            },
            _ => {
                let _ = child.kill();
                panic!("Xvfb did not start within 20 s");
            }
        }
    }

    /// The `DISPLAY` value, e.g. `:3`.
    pub fn display(&self) -> &str {
        &self.display
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The first `name` on `PATH`.
pub fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}
