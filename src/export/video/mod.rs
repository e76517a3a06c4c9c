//! The walkthrough as an MP4 video ([`walkthrough_mp4`]): H.264 (yuv420p)
//! in MP4, the format slide programs and browsers play.
//!
//! The frames are the GIF's frame sequence ([`super::gif`]): each step's
//! figure, rendered exactly as the figure export renders it (so its caption,
//! date, title and sources, is burned in), held for the hold time, with a
//! cross-fade between steps as long as the GIF's
//! ([`FADE_FRAMES`](super::FADE_FRAMES) × [`FADE_DELAY_CS`](super::FADE_DELAY_CS)
//! hundredths of a second, 0.48 s) at the video's frame rate. The video
//! lasts `steps × hold + (steps − 1) × 0.48` seconds (to the frame).
//!
//! The encoder is OpenH264 built from source ([`encode`]); see
//! docs/teaching-outputs.md on the codec's licensing.

mod encode;

use super::gif::{Shown, walkthrough_frames};
use super::{ExportError, FADE_DELAY_CS, FADE_FRAMES, FigureOptions, HOLD_SECS_RANGE};
use crate::model::Dataset;
use crate::scene::display::MapCache;

/// The default video size, in pixels.
pub const DEFAULT_VIDEO_SIZE: (u32, u32) = (1920, 1080);
/// The default frame rate.
pub const DEFAULT_FPS: u32 = 30;
/// The frame rates accepted.
pub const FPS_RANGE: std::ops::RangeInclusive<u32> = 1..=120;

/// Why a video cannot be made with these settings (before any work).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum VideoSettingsError {
    /// The frame rate is out of range.
    #[error("--fps {0} is out of range: use 1 to 120 frames per second (30 is usual)")]
    Fps(u32),
    /// H.264 in yuv420p needs even sides.
    #[error(
        "a video of {0}×{1} pixels is not possible: H.264 needs an even width and height, e.g. 1920x1080"
    )]
    Odd(u32, u32),
}

/// How many frames each cross-fade takes at `fps`: the GIF's fade time,
/// rounded to whole frames.
#[must_use]
pub fn fade_frames(fps: u32) -> u32 {
    let cs = u32::try_from(FADE_FRAMES).unwrap_or(4) * u32::from(FADE_DELAY_CS);
    (cs * fps + 50) / 100
}

/// How many frames a step is held at `fps` (at least one).
#[must_use]
pub fn hold_frames(hold_secs: f32, fps: u32) -> u64 {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let n = (f64::from(hold_secs) * f64::from(fps)).round().max(1.0) as u64;
    n
}

/// Check the frame rate and size for a video.
///
/// # Errors
/// [`VideoSettingsError`] saying what to change.
pub fn check_video_settings(width: u32, height: u32, fps: u32) -> Result<(), VideoSettingsError> {
    if !FPS_RANGE.contains(&fps) {
        return Err(VideoSettingsError::Fps(fps));
    }
    if !width.is_multiple_of(2) || !height.is_multiple_of(2) {
        return Err(VideoSettingsError::Odd(width, height));
    }
    Ok(())
}

/// The walkthrough of `steps` (0-based step indices, in order) as MP4
/// bytes, at the options' size and `fps`, each step held `hold_secs`.
///
/// `progress(done, total)` is called before the first step (`done` = 0)
/// and after each step; returning `false` cancels.
///
/// # Errors
/// [`ExportError::Hold`], [`ExportError::Size`] (also for odd sides or a
/// frame rate out of range, with the reason in the message of
/// [`check_video_settings`] when called first), [`ExportError::NoSteps`],
/// [`ExportError::Cancelled`], [`ExportError::Encode`].
pub fn walkthrough_mp4(
    ds: &Dataset,
    cache: &MapCache,
    opts: &FigureOptions,
    steps: &[usize],
    hold_secs: f32,
    fps: u32,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>, ExportError> {
    opts.validate()?;
    if check_video_settings(opts.width, opts.height, fps).is_err() {
        return Err(ExportError::Size {
            width: u64::from(opts.width),
            height: u64::from(opts.height),
        });
    }
    if !HOLD_SECS_RANGE.contains(&hold_secs) {
        return Err(ExportError::Hold { secs: hold_secs });
    }
    if steps.is_empty() {
        return Err(ExportError::NoSteps);
    }
    if !progress(0, steps.len()) {
        return Err(ExportError::Cancelled);
    }
    let hold = hold_frames(hold_secs, fps);
    let mut out = encode::Mp4Writer::new(opts.width, opts.height, fps)?;
    walkthrough_frames(
        ds,
        cache,
        opts,
        steps,
        fade_frames(fps),
        progress,
        &mut |rgba, shown| {
            out.frame(&rgba)?;
            if shown == Shown::Hold {
                out.repeat(hold - 1)?;
            }
            Ok(())
        },
    )?;
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fades_last_as_long_as_the_gifs() {
        assert_eq!(fade_frames(30), 14); // 0.48 s
        assert_eq!(fade_frames(25), 12);
        assert_eq!(hold_frames(2.5, 30), 75);
        assert_eq!(hold_frames(0.2, 1), 1);
        assert!(check_video_settings(1921, 1080, 30).is_err());
        assert!(check_video_settings(1920, 1080, 0).is_err());
        assert!(check_video_settings(640, 360, 30).is_ok());
    }
}
