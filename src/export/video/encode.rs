//! RGBA frames to H.264 (OpenH264, built from its bundled source) in an MP4
//! file (muxide), in memory.
//!
//! The encoder runs on one thread with frame skipping off, so every frame
//! asked for is in the file and the same frames give the same bytes. A key
//! frame starts every second, so players can seek.

use muxide::api::{Muxer, MuxerBuilder, VideoCodec};
use openh264::OpenH264API;
use openh264::encoder::{
    BitRate, Encoder, EncoderConfig, FrameRate, FrameType, IntraFramePeriod, RateControlMode,
    UsageType,
};
use openh264::formats::{RgbaSliceU8, YUVBuffer};

use crate::export::ExportError;

fn err(what: &str, e: impl std::fmt::Display) -> ExportError {
    ExportError::Encode {
        format: "MP4",
        message: format!("{what}: {e}"),
    }
}

/// An H.264 stream being written into an MP4 in memory.
pub(super) struct Mp4Writer {
    encoder: Encoder,
    muxer: Muxer<Vec<u8>>,
    width: usize,
    height: usize,
    fps: u32,
    /// Frames written so far.
    frames: u64,
    /// The last frame converted to YUV, kept while it is repeated.
    yuv: Option<YUVBuffer>,
}

impl Mp4Writer {
    /// A writer for `width × height` frames (both even) at `fps`.
    pub fn new(width: u32, height: u32, fps: u32) -> Result<Self, ExportError> {
        #[allow(clippy::cast_precision_loss)] // fps is at most 120
        let rate = fps as f32;
        let config = EncoderConfig::new()
            .bitrate(BitRate::from_bps(bitrate(width, height)))
            .max_frame_rate(FrameRate::from_hz(rate))
            .usage_type(UsageType::ScreenContentRealTime)
            .rate_control_mode(RateControlMode::Off)
            // Screen content: OpenH264 would turn these off with a warning.
            .adaptive_quantization(false)
            .background_detection(false)
            .skip_frames(false)
            .num_threads(1)
            .intra_frame_period(IntraFramePeriod::from_num_frames(fps));
        let encoder = Encoder::with_api_config(OpenH264API::from_source(), config)
            .map_err(|e| err("could not start the H.264 encoder", e))?;
        let muxer = MuxerBuilder::new(Vec::new())
            .video(VideoCodec::H264, width, height, f64::from(fps))
            .build()
            .map_err(|e| err("could not start the MP4 muxer", e))?;
        Ok(Self {
            encoder,
            muxer,
            width: width as usize,
            height: height as usize,
            fps,
            frames: 0,
            yuv: None,
        })
    }

    /// Append a new frame (RGBA, row by row).
    pub fn frame(&mut self, rgba: &[u8]) -> Result<(), ExportError> {
        let yuv = YUVBuffer::from_rgb_source(RgbaSliceU8::new(rgba, (self.width, self.height)));
        self.yuv = Some(yuv);
        self.repeat(1)
    }

    /// Append the last frame again, `n` times.
    pub fn repeat(&mut self, n: u64) -> Result<(), ExportError> {
        let Some(yuv) = self.yuv.as_ref() else {
            return Ok(());
        };
        for _ in 0..n {
            let stream = self
                .encoder
                .encode(yuv)
                .map_err(|e| err("could not encode a frame", e))?;
            let key = matches!(stream.frame_type(), FrameType::IDR | FrameType::I);
            let bytes = stream.to_vec();
            #[allow(clippy::cast_precision_loss)] // frame counts stay far below 2^52
            let pts = self.frames as f64 / f64::from(self.fps);
            if !bytes.is_empty() {
                self.muxer
                    .write_video(pts, &bytes, key)
                    .map_err(|e| err("could not add a frame to the MP4", e))?;
            }
            self.frames += 1;
        }
        Ok(())
    }

    /// Finish the file and return its bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, ExportError> {
        self.muxer
            .finish_in_place()
            .map_err(|e| err("could not finish the MP4", e))?;
        Ok(self.muxer.into_writer())
    }
}

/// Bits per second for a frame size: about 0.12 bit per pixel per frame
/// at 30 fps (8 Mbit/s at 1920×1080), at least 1 Mbit/s.
fn bitrate(width: u32, height: u32) -> u32 {
    let pixels = u64::from(width) * u64::from(height);
    u32::try_from((pixels * 4).max(1_000_000)).unwrap_or(u32::MAX)
}
