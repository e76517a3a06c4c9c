//! Decoding of GeoPackage geometry blobs: the GeoPackage binary header
//! (GeoPackage 1.x, clause 2.1.3) followed by OGC Well-Known Binary.
//!
//! Supported WKB types are the 2D ones the importer needs: Point (1),
//! LineString (2), Polygon (3), MultiLineString (5) and MultiPolygon (6), in
//! either byte order. Anything else is refused with an error, never guessed.

use super::geom::{Geometry, Polygon, Position, Ring};

/// Why a geometry blob could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WkbError {
    /// The buffer ended before the structure did.
    #[error("geometry blob truncated: needed {needed} bytes at offset {offset}, have {len}")]
    Truncated {
        /// Bytes needed.
        needed: usize,
        /// Offset at which they were needed.
        offset: usize,
        /// Length of the buffer.
        len: usize,
    },
    /// The blob does not start with the GeoPackage magic `GP`.
    #[error("not a GeoPackage geometry blob (magic bytes are not \"GP\")")]
    BadMagic,
    /// Unknown GeoPackage blob version.
    #[error("unsupported GeoPackage blob version {0}")]
    UnsupportedVersion(u8),
    /// Envelope indicator outside 0..=4.
    #[error("invalid GeoPackage envelope indicator {0}")]
    BadEnvelope(u8),
    /// The blob is flagged as an empty geometry.
    #[error("the GeoPackage geometry is empty")]
    Empty,
    /// The blob uses the GeoPackage extended geometry type.
    #[error("GeoPackage extended geometry types are not supported")]
    ExtendedType,
    /// A WKB byte-order marker other than 0 or 1.
    #[error("invalid WKB byte order marker {0}")]
    BadByteOrder(u8),
    /// A WKB geometry type the importer does not handle.
    #[error(
        "unsupported WKB geometry type {0} (only 2D Point, LineString, Polygon, MultiLineString, MultiPolygon)"
    )]
    UnsupportedType(u32),
    /// A multi-geometry contained a part of the wrong type.
    #[error("WKB multi-geometry of type {outer} contains a part of type {part}")]
    WrongPartType {
        /// The multi-geometry type.
        outer: u32,
        /// The offending part type.
        part: u32,
    },
    /// A coordinate was NaN or infinite.
    #[error("non-finite coordinate in WKB at offset {0}")]
    NonFinite(usize),
    /// Bytes were left over after the geometry.
    #[error("{0} trailing bytes after the WKB geometry")]
    Trailing(usize),
}

/// The fixed part of a GeoPackage geometry blob header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GpkgHeader {
    /// Blob version (0 = version 1).
    pub version: u8,
    /// Spatial reference system id.
    pub srs_id: i32,
    /// Envelope indicator (0 = none, 1 = xy, 2 = xyz, 3 = xym, 4 = xyzm).
    pub envelope: u8,
    /// Whether the geometry is flagged empty.
    pub empty: bool,
    /// Length of header plus envelope, i.e. where the WKB starts.
    pub wkb_offset: usize,
}

/// Parse the GeoPackage binary header.
///
/// # Errors
/// On a bad magic, version, envelope indicator, an extended-type blob or a
/// truncated buffer.
pub fn parse_gpkg_header(blob: &[u8]) -> Result<GpkgHeader, WkbError> {
    if blob.len() < 8 {
        return Err(WkbError::Truncated {
            needed: 8,
            offset: 0,
            len: blob.len(),
        });
    }
    if &blob[0..2] != b"GP" {
        return Err(WkbError::BadMagic);
    }
    let version = blob[2];
    if version != 0 {
        return Err(WkbError::UnsupportedVersion(version));
    }
    let flags = blob[3];
    if flags & 0b0010_0000 != 0 {
        return Err(WkbError::ExtendedType);
    }
    let empty = flags & 0b0001_0000 != 0;
    let envelope = (flags >> 1) & 0b111;
    let env_len = match envelope {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        other => return Err(WkbError::BadEnvelope(other)),
    };
    let srs_bytes = [blob[4], blob[5], blob[6], blob[7]];
    let srs_id = if flags & 1 == 1 {
        i32::from_le_bytes(srs_bytes)
    } else {
        i32::from_be_bytes(srs_bytes)
    };
    let wkb_offset = 8 + env_len;
    if blob.len() < wkb_offset {
        return Err(WkbError::Truncated {
            needed: env_len,
            offset: 8,
            len: blob.len(),
        });
    }
    Ok(GpkgHeader {
        version,
        srs_id,
        envelope,
        empty,
        wkb_offset,
    })
}

/// Decode a whole GeoPackage geometry blob; returns the header and geometry.
///
/// # Errors
/// See [`parse_gpkg_header`] and [`decode_wkb`]; an empty geometry is an error.
pub fn decode_gpkg_geometry(blob: &[u8]) -> Result<(GpkgHeader, Geometry), WkbError> {
    let header = parse_gpkg_header(blob)?;
    if header.empty {
        return Err(WkbError::Empty);
    }
    let geometry = decode_wkb(&blob[header.wkb_offset..])?;
    Ok((header, geometry))
}

/// Decode one OGC WKB geometry occupying the whole buffer.
///
/// # Errors
/// On truncation, unsupported types, non-finite coordinates or trailing bytes.
pub fn decode_wkb(wkb: &[u8]) -> Result<Geometry, WkbError> {
    let mut r = Reader { buf: wkb, pos: 0 };
    let g = r.geometry()?;
    if r.pos != wkb.len() {
        return Err(WkbError::Trailing(wkb.len() - r.pos));
    }
    Ok(g)
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], WkbError> {
        let end = self.pos.checked_add(N);
        match end.and_then(|e| self.buf.get(self.pos..e)) {
            Some(s) => {
                let mut a = [0u8; N];
                a.copy_from_slice(s);
                self.pos += N;
                Ok(a)
            }
            None => Err(self.truncated(N)),
        }
    }

    fn truncated(&self, needed: usize) -> WkbError {
        WkbError::Truncated {
            needed,
            offset: self.pos,
            len: self.buf.len(),
        }
    }

    fn u32(&mut self, le: bool) -> Result<u32, WkbError> {
        let b = self.take::<4>()?;
        Ok(if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    fn f64(&mut self, le: bool) -> Result<f64, WkbError> {
        let at = self.pos;
        let b = self.take::<8>()?;
        let v = if le {
            f64::from_le_bytes(b)
        } else {
            f64::from_be_bytes(b)
        };
        if v.is_finite() {
            Ok(v)
        } else {
            Err(WkbError::NonFinite(at))
        }
    }

    /// A count of items of `item_size` bytes each, checked against the
    /// remaining buffer so that a corrupt count cannot trigger a huge
    /// allocation.
    fn count(&mut self, le: bool, item_size: usize) -> Result<usize, WkbError> {
        let n = usize::try_from(self.u32(le)?).map_err(|_| self.truncated(usize::MAX))?;
        let need = n.saturating_mul(item_size);
        if self.buf.len().saturating_sub(self.pos) < need {
            return Err(self.truncated(need));
        }
        Ok(n)
    }

    fn header(&mut self) -> Result<(bool, u32), WkbError> {
        let [order] = self.take::<1>()?;
        let le = match order {
            0 => false,
            1 => true,
            other => return Err(WkbError::BadByteOrder(other)),
        };
        let t = self.u32(le)?;
        Ok((le, t))
    }

    fn position(&mut self, le: bool) -> Result<Position, WkbError> {
        Ok([self.f64(le)?, self.f64(le)?])
    }

    fn path(&mut self, le: bool) -> Result<Vec<Position>, WkbError> {
        let n = self.count(le, 16)?;
        (0..n).map(|_| self.position(le)).collect()
    }

    fn polygon_body(&mut self, le: bool) -> Result<Polygon, WkbError> {
        let n = self.count(le, 4)?;
        (0..n)
            .map(|_| self.path(le))
            .collect::<Result<Vec<Ring>, _>>()
    }

    fn geometry(&mut self) -> Result<Geometry, WkbError> {
        let (le, t) = self.header()?;
        match t {
            1 => Ok(Geometry::Point(self.position(le)?)),
            2 => Ok(Geometry::LineString(self.path(le)?)),
            3 => Ok(Geometry::Polygon(self.polygon_body(le)?)),
            5 | 6 => {
                let n = self.count(le, 9)?;
                let want = t - 3;
                let mut lines = Vec::new();
                let mut polys = Vec::new();
                for _ in 0..n {
                    let (ple, pt) = self.header()?;
                    if pt != want {
                        return Err(WkbError::WrongPartType { outer: t, part: pt });
                    }
                    if t == 5 {
                        lines.push(self.path(ple)?);
                    } else {
                        polys.push(self.polygon_body(ple)?);
                    }
                }
                Ok(if t == 5 {
                    Geometry::MultiLineString(lines)
                } else {
                    Geometry::MultiPolygon(polys)
                })
            }
            other => Err(WkbError::UnsupportedType(other)),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Little helper that writes WKB by hand, in either byte order.
    struct W {
        le: bool,
        out: Vec<u8>,
    }

    impl W {
        fn little_endian() -> Self {
            Self {
                le: true,
                out: Vec::new(),
            }
        }

        fn u32(&mut self, v: u32) {
            if self.le {
                self.out.extend(v.to_le_bytes());
            } else {
                self.out.extend(v.to_be_bytes());
            }
        }
        fn f64(&mut self, v: f64) {
            if self.le {
                self.out.extend(v.to_le_bytes());
            } else {
                self.out.extend(v.to_be_bytes());
            }
        }
        fn head(&mut self, t: u32) {
            self.out.push(u8::from(self.le));
            self.u32(t);
        }
        fn path(&mut self, pts: &[[f64; 2]]) {
            self.u32(u32::try_from(pts.len()).unwrap());
            for p in pts {
                self.f64(p[0]);
                self.f64(p[1]);
            }
        }
    }

    fn gpkg_header(srs: i32, envelope: Option<[f64; 4]>) -> Vec<u8> {
        let mut h = b"GP".to_vec();
        h.push(0);
        let flags = 1u8 | if envelope.is_some() { 0b10 } else { 0 };
        h.push(flags);
        h.extend(srs.to_le_bytes());
        if let Some(e) = envelope {
            for v in e {
                h.extend(v.to_le_bytes());
            }
        }
        h
    }

    #[test]
    fn decodes_multipolygon_with_envelope_and_mixed_byte_order() {
        let ring = [[46.0, 39.0], [47.0, 39.0], [47.0, 40.0], [46.0, 39.0]];
        let hole = [[46.6, 39.2], [46.8, 39.2], [46.8, 39.4], [46.6, 39.2]];
        let mut w = W {
            le: true,
            out: gpkg_header(4326, Some([46.0, 47.0, 39.0, 40.0])),
        };
        w.head(6);
        w.u32(2);
        // First polygon little-endian with a hole.
        w.head(3);
        w.u32(2);
        w.path(&ring);
        w.path(&hole);
        // Second polygon big-endian.
        let mut be = W {
            le: false,
            out: Vec::new(),
        };
        be.head(3);
        be.u32(1);
        be.path(&ring);
        w.out.extend(be.out);

        let (h, g) = decode_gpkg_geometry(&w.out).unwrap();
        assert_eq!(h.srs_id, 4326);
        assert_eq!(h.envelope, 1);
        assert_eq!(h.wkb_offset, 40);
        assert_eq!(
            g,
            Geometry::MultiPolygon(vec![
                vec![ring.to_vec(), hole.to_vec()],
                vec![ring.to_vec()]
            ])
        );
        assert_eq!(g.vertex_count(), 12);
    }

    #[test]
    fn decodes_multilinestring_big_endian() {
        let mut w = W {
            le: false,
            out: Vec::new(),
        };
        w.head(5);
        w.u32(2);
        w.head(2);
        w.path(&[[1.0, 2.0], [3.0, 4.0]]);
        w.head(2);
        w.path(&[[3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]);
        let g = decode_wkb(&w.out).unwrap();
        assert_eq!(
            g,
            Geometry::MultiLineString(vec![
                vec![[1.0, 2.0], [3.0, 4.0]],
                vec![[3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]
            ])
        );
    }

    #[test]
    fn refuses_bad_input() {
        assert_eq!(
            decode_gpkg_geometry(b"XX\0\x01\0\0\0\0"),
            Err(WkbError::BadMagic)
        );
        // Truncated point.
        let mut w = W::little_endian();
        w.head(1);
        w.f64(1.0);
        assert!(matches!(
            decode_wkb(&w.out),
            Err(WkbError::Truncated { .. })
        ));
        // A 3D point type is not supported.
        let mut w = W::little_endian();
        w.head(1001);
        assert_eq!(decode_wkb(&w.out), Err(WkbError::UnsupportedType(1001)));
        // A corrupt huge count does not allocate, it errors.
        let mut w = W::little_endian();
        w.head(2);
        w.u32(u32::MAX);
        assert!(matches!(
            decode_wkb(&w.out),
            Err(WkbError::Truncated { .. })
        ));
        // Trailing garbage.
        let mut w = W::little_endian();
        w.head(1);
        w.f64(1.0);
        w.f64(2.0);
        w.out.push(0);
        assert_eq!(decode_wkb(&w.out), Err(WkbError::Trailing(1)));
        // Empty flag.
        let mut blob = gpkg_header(4326, None);
        blob[3] |= 0b1_0000;
        assert_eq!(decode_gpkg_geometry(&blob), Err(WkbError::Empty));
    }
}
