//! A private X server (Xvfb) for end-to-end tests of the real viewer, and
//! running the viewer on it. A missing Xvfb is a test failure, never a skip
//! (scripts/check.sh also requires the end-to-end tests to have run under CI).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A private X server for one test; killed when dropped.
pub struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    /// Give `cmd` the viewer's environment on this display: `home` as its
    /// home and settings folder, software OpenGL, native dialogs off, and
    /// the system's language English.
    pub fn viewer_env<'c>(&self, cmd: &'c mut Command, home: &Path) -> &'c mut Command {
        cmd.env("DISPLAY", &self.display)
            .env_remove("WAYLAND_DISPLAY")
            .env("LIBGL_ALWAYS_SOFTWARE", "1")
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("KARABAKH_ATLAS_NO_NATIVE_DIALOGS", "1")
            // The interface in English unless `--lang` says otherwise,
            // whatever the machine's locale.
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
    }

    /// Start Xvfb on a display it picks itself (`-displayfd`).
    pub fn start() -> Self {
        let bin = which("Xvfb").unwrap_or_else(|| {
            panic!("Xvfb is not installed: the end-to-end tests need it (Debian/Ubuntu: apt-get install -y xvfb libgl1-mesa-dri); .ci/run installs it")
        });
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

    /// The display name, e.g. `:5`.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// Run the viewer with `args` on this display, with `home` as its home
    /// and settings folder, and wait for it (at most two minutes).
    pub fn run_viewer(&self, home: &Path, args: &[&str]) -> std::process::Output {
        let mut child = self.spawn_viewer(home, args);
        let start = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                return child.wait_with_output().unwrap();
            }
            if start.elapsed() > Duration::from_secs(120) {
                let _ = child.kill();
                let out = child.wait_with_output().unwrap();
                panic!(
                    "the viewer did not finish within 2 minutes:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Xvfb {
    /// Start the viewer with `args` on this display, with `home` as its home
    /// and settings folder, native dialogs off, the system's language English,
    /// and return at once.
    pub fn spawn_viewer(&self, home: &Path, args: &[&str]) -> Child {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"));
        self.viewer_env(&mut cmd, home)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The path of program `name` on PATH.
pub fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}
