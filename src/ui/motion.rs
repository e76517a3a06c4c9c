//! Reduced motion: whether the viewer animates (camera flights, the
//! presenter's pulse, colour cross-fades, the reader's flash), from the
//! setting, else from the system's preference where it can be read.
//!
//! The system's preference is read once: `KARABAKH_ATLAS_REDUCE_MOTION`
//! (`1` reduces motion, `0` does not) when set, else GNOME's
//! `org.gnome.desktop.interface enable-animations` through the `gsettings`
//! program when it is installed (other desktops keep their preference
//! where this program cannot read it without more dependencies). When
//! neither answers, the viewer animates.

use std::sync::OnceLock;

/// The variable that overrides the system's preference.
pub const ENV: &str = "KARABAKH_ATLAS_REDUCE_MOTION";

/// Whether the system asks for reduced motion (`false` when it cannot be
/// read), read once per run.
#[must_use]
pub fn system_reduces_motion() -> bool {
    static SYSTEM: OnceLock<bool> = OnceLock::new();
    *SYSTEM.get_or_init(|| {
        from_env(std::env::var(ENV).ok().as_deref())
            .or_else(from_gsettings)
            .unwrap_or(false)
    })
}

/// The override variable's value: `1`/`true` reduces motion, `0`/`false`
/// does not, anything else is ignored.
#[must_use]
pub fn from_env(value: Option<&str>) -> Option<bool> {
    match value?.trim() {
        "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// GNOME's preference: animations disabled means reduced motion.
fn from_gsettings() -> Option<bool> {
    let out = std::process::Command::new("gsettings")
        .args(["get", "org.gnome.desktop.interface", "enable-animations"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    match String::from_utf8_lossy(&out.stdout).trim() {
        "false" => Some(true),
        "true" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_override_reads_yes_and_no_and_ignores_the_rest() {
        assert_eq!(from_env(Some("1")), Some(true));
        assert_eq!(from_env(Some(" true ")), Some(true));
        assert_eq!(from_env(Some("0")), Some(false));
        assert_eq!(from_env(Some("no")), Some(false));
        assert_eq!(from_env(Some("maybe")), None);
        assert_eq!(from_env(None), None);
    }
}
