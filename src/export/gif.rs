//! The walkthrough as an animated GIF.

use gif::{AnyExtension, DisposalMethod, Encoder, Frame, Repeat};

use super::{ExportError, FigureOptions, figure_at_step, render_rgba};
use crate::model::Dataset;
use crate::scene::display::MapCache;

/// How long each step is held by default, in seconds.
pub const DEFAULT_HOLD_SECS: f32 = 2.5;
/// The hold times accepted, in seconds.
pub const HOLD_SECS_RANGE: std::ops::RangeInclusive<f32> = 0.2..=60.0;
/// Frames in each cross-fade between two steps.
pub const FADE_FRAMES: usize = 4;
/// The delay of each fade frame, in hundredths of a second (4 × 0.12 s:
/// about half a second at about 8 frames per second).
pub const FADE_DELAY_CS: u16 = 12;

/// NeuQuant's sampling factor (1 best … 30 fastest); 10 is the usual balance.
const QUANT_SPEED: i32 = 10;

/// The pixel-wise mix of `a` toward `b` by `num / den`, with integer
/// arithmetic (deterministic everywhere).
fn blend(a: &[u8], b: &[u8], num: u32, den: u32) -> Vec<u8> {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| {
            let v = (u32::from(x) * (den - num) + u32::from(y) * num + den / 2) / den;
            u8::try_from(v).unwrap_or(u8::MAX)
        })
        .collect()
}

/// The smallest rectangle `(left, top, width, height)` holding every pixel
/// where `a` and `b` differ, or `None` if they are equal.
fn changed_rect(a: &[u8], b: &[u8], width: usize) -> Option<(usize, usize, usize, usize)> {
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
    for (i, (pa, pb)) in a.chunks_exact(4).zip(b.chunks_exact(4)).enumerate() {
        if pa != pb {
            let (x, y) = (i % width, i / width);
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
    }
    (x0 != usize::MAX).then(|| (x0, y0, x1 - x0 + 1, y1 - y0 + 1))
}

fn crop(rgba: &[u8], width: usize, rect: (usize, usize, usize, usize)) -> Vec<u8> {
    let (l, t, w, h) = rect;
    let mut out = Vec::with_capacity(w * h * 4);
    for y in t..t + h {
        let start = (y * width + l) * 4;
        out.extend_from_slice(rgba.get(start..start + w * 4).unwrap_or_default());
    }
    out
}

struct Writer<'a> {
    enc: Encoder<&'a mut Vec<u8>>,
    width: usize,
    height: usize,
    /// The exact pixels of the last frame written.
    last: Option<Vec<u8>>,
    frames: usize,
}

impl Writer<'_> {
    fn err(e: gif::EncodingError) -> ExportError {
        ExportError::Encode {
            format: "GIF",
            message: e.to_string(),
        }
    }

    /// Write `rgba` shown for `delay` hundredths of a second. Only the
    /// rectangle that changed since the previous frame is stored (the rest
    /// is kept from it).
    fn frame(&mut self, rgba: Vec<u8>, delay: u16) -> Result<(), ExportError> {
        let full = (0, 0, self.width, self.height);
        let rect = match &self.last {
            None => full,
            // Nothing changed: a 1×1 frame keeps the timing.
            Some(prev) => changed_rect(prev, &rgba, self.width).unwrap_or((0, 0, 1, 1)),
        };
        let mut pixels = crop(&rgba, self.width, rect);
        let (l, t, w, h) = rect;
        let side = |v: usize| u16::try_from(v).unwrap_or(u16::MAX);
        let mut frame = Frame::from_rgba_speed(side(w), side(h), &mut pixels, QUANT_SPEED);
        frame.left = side(l);
        frame.top = side(t);
        frame.delay = delay;
        frame.dispose = DisposalMethod::Keep;
        self.enc.write_frame(&frame).map_err(Self::err)?;
        self.last = Some(rgba);
        self.frames += 1;
        Ok(())
    }
}

/// The walkthrough of every step as an animated GIF (looping), at the
/// options' size.
///
/// # Frame structure
///
/// One *frame group* per step, in step order. A group is the step's hold
/// frame, shown for `hold_secs` (rounded to hundredths of a second), then,
/// except after the last step, [`FADE_FRAMES`] cross-fade frames toward the
/// next step, each shown for [`FADE_DELAY_CS`] hundredths of a second (the
/// pixels of the two figures blended at 1/5, 2/5, 3/5 and 4/5). So there
/// are `steps + (steps − 1) × FADE_FRAMES` frames, and the frames whose delay
/// is not `FADE_DELAY_CS` are exactly the hold frames, one per step (hold
/// times equal to the fade delay are refused). A comment extension at the
/// start of the file says the same. Frames after the first store only the
/// rectangle that changed, over the previous frame (disposal "keep").
///
/// `progress(done, total)` is called before the first step (`done` = 0) and
/// after each step is rendered; returning `false` cancels.
///
/// # Errors
/// [`ExportError::Hold`] for a hold time outside [`HOLD_SECS_RANGE`] (or
/// equal to the fade delay), [`ExportError::Size`], [`ExportError::NoSteps`],
/// [`ExportError::Cancelled`], [`ExportError::Encode`].
pub fn animation_gif(
    ds: &Dataset,
    cache: &MapCache,
    opts: &FigureOptions,
    hold_secs: f32,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>, ExportError> {
    opts.validate()?;
    if !HOLD_SECS_RANGE.contains(&hold_secs) {
        return Err(ExportError::Hold { secs: hold_secs });
    }
    // In 20..=6000 by the check above.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let hold_cs = (hold_secs * 100.0).round() as u16;
    if hold_cs == FADE_DELAY_CS {
        return Err(ExportError::Hold { secs: hold_secs });
    }
    let total = ds.steps.len();
    if total == 0 {
        return Err(ExportError::NoSteps);
    }
    if !progress(0, total) {
        return Err(ExportError::Cancelled);
    }
    let (w, h) = (opts.width as usize, opts.height as usize);
    let side = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
    let mut out = Vec::new();
    {
        let enc = Encoder::new(&mut out, side(opts.width), side(opts.height), &[])
            .map_err(Writer::err)?;
        let mut wr = Writer {
            enc,
            width: w,
            height: h,
            last: None,
            frames: 0,
        };
        wr.enc.set_repeat(Repeat::Infinite).map_err(Writer::err)?;
        let comment = format!(
            "karabakh-atlas walkthrough: {total} steps; each step is one hold frame ({hold_cs} cs) followed, except the last, by {FADE_FRAMES} cross-fade frames ({FADE_DELAY_CS} cs each)."
        );
        wr.enc
            .write_raw_extension(AnyExtension(0xFE), &[comment.as_bytes()])
            .map_err(Writer::err)?;
        let steps: Vec<usize> = (0..total).collect();
        let fades = u32::try_from(FADE_FRAMES).unwrap_or(4);
        walkthrough_frames(
            ds,
            cache,
            opts,
            &steps,
            fades,
            progress,
            &mut |rgba, shown| {
                let delay = match shown {
                    Shown::Hold => hold_cs,
                    Shown::Fade => FADE_DELAY_CS,
                };
                wr.frame(rgba, delay)
            },
        )?;
        drop(wr);
    }
    Ok(out)
}

/// How a frame of the walkthrough is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shown {
    /// A step's own figure, held.
    Hold,
    /// One frame of a cross-fade between two steps.
    Fade,
}

/// The walkthrough's frame sequence, shared by the GIF and the video: for
/// each step of `steps` (0-based indices, in order), `fades` cross-fade
/// frames from the previous step (none before the first), the pixels of the
/// two figures blended at 1/(fades+1) … fades/(fades+1), then the step's
/// figure, exactly as the figure export renders it. `emit` gets each frame's
/// RGBA pixels; `progress(done, steps.len())` is called before the first
/// step and after each step, and cancels when it returns `false`.
///
/// # Errors
/// [`ExportError::NoSuchStep`], [`ExportError::Cancelled`], rendering
/// errors, and whatever `emit` returns.
pub(super) fn walkthrough_frames(
    ds: &Dataset,
    cache: &MapCache,
    opts: &FigureOptions,
    steps: &[usize],
    fades: u32,
    progress: &mut dyn FnMut(usize, usize) -> bool,
    emit: &mut dyn FnMut(Vec<u8>, Shown) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let total = steps.len();
    let mut previous: Option<Vec<u8>> = None;
    for (done, &i) in steps.iter().enumerate() {
        let fig = figure_at_step(ds, cache, i, opts).ok_or(ExportError::NoSuchStep {
            index: i + 1,
            count: ds.steps.len(),
        })?;
        let current = render_rgba(&fig)?;
        if let Some(prev) = &previous {
            let den = fades + 1;
            for k in 1..den {
                emit(blend(prev, &current, k, den), Shown::Fade)?;
            }
        }
        emit(current.clone(), Shown::Hold)?;
        previous = Some(current);
        if !progress(done + 1, total) {
            return Err(ExportError::Cancelled);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blending_and_changed_rectangles() {
        assert_eq!(blend(&[0, 100, 255], &[255, 100, 0], 1, 5), [51, 100, 204]);
        let a = vec![0u8; 4 * 4 * 3];
        let mut b = a.clone();
        b[(4 + 2) * 4] = 9; // x = 2, y = 1
        b[(2 * 4 + 1) * 4 + 3] = 9; // x = 1, y = 2
        assert_eq!(changed_rect(&a, &b, 4), Some((1, 1, 2, 2)));
        assert_eq!(changed_rect(&a, &a, 4), None);
        assert_eq!(crop(&b, 4, (2, 1, 1, 1)), [9, 0, 0, 0]);
    }
}
