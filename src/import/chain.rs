//! Chaining line pieces into one line or one closed ring.
//!
//! Natural Earth stores the 1991 NKAO boundary as several line pieces whose
//! ends do not quite meet (gaps of up to a few hundred metres). The pieces are
//! joined end to end, each possibly reversed, by always taking the single
//! piece whose nearer end lies within a distance tolerance of the current
//! end. A gap is bridged by a straight segment between the two end points; no
//! point is moved or invented. The result reports every gap so that the
//! import can print the largest one.
//!
//! The chaining refuses, with an error, anything it cannot do unambiguously:
//! a gap over the tolerance, two candidate pieces within the tolerance of the
//! same end, pieces left over, or (for a ring) a closing gap over the tolerance.

use super::geom::{Position, haversine_m};

/// One input piece: a label (for messages) and its positions in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Human-readable label, e.g. `"fid 41 part 2"`.
    pub label: String,
    /// The positions of the piece, at least two.
    pub points: Vec<Position>,
}

/// How one piece was used in the chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The label of the piece.
    pub label: String,
    /// Whether the piece was reversed.
    pub reversed: bool,
    /// Distance in metres bridged to reach this piece from the previous one
    /// (0 for the first piece).
    pub gap_m: f64,
}

/// The result of chaining.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    /// The chained positions; for a ring the last equals the first.
    pub points: Vec<Position>,
    /// The pieces in chain order.
    pub links: Vec<Link>,
    /// The gap between last and first end, bridged to close a ring (0 for an
    /// open line).
    pub closing_gap_m: f64,
    /// The largest gap bridged anywhere, closing gap included.
    pub max_gap_m: f64,
}

/// Why pieces could not be chained.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChainError {
    /// No pieces were given.
    #[error("no line pieces to chain")]
    NoPieces,
    /// A piece has fewer than two positions.
    #[error("line piece {0} has fewer than two positions")]
    DegeneratePiece(String),
    /// The tolerance is not a finite non-negative number.
    #[error("invalid chaining tolerance {0} m")]
    BadTolerance(f64),
    /// The nearest remaining piece is farther than the tolerance.
    #[error(
        "cannot continue the chain after {after}: the nearest remaining piece ({nearest}) is {gap_m:.1} m away, over the tolerance of {tolerance_m} m"
    )]
    GapTooLarge {
        /// Label of the piece at the chain end.
        after: String,
        /// Label of the nearest unused piece.
        nearest: String,
        /// Its distance in metres.
        gap_m: f64,
        /// The tolerance in metres.
        tolerance_m: f64,
    },
    /// Several pieces are within tolerance of the same end.
    #[error(
        "ambiguous chain after {after}: pieces {candidates:?} all lie within {tolerance_m} m of its end"
    )]
    Ambiguous {
        /// Label of the piece at the chain end.
        after: String,
        /// The competing pieces.
        candidates: Vec<String>,
        /// The tolerance in metres.
        tolerance_m: f64,
    },
    /// Pieces were left over after an open line could not be extended.
    #[error("pieces {unused:?} do not connect to the chain (nearest end {gap_m:.1} m away)")]
    Disconnected {
        /// Labels of the unused pieces.
        unused: Vec<String>,
        /// Smallest distance from a chain end to an unused piece end.
        gap_m: f64,
    },
    /// The ring's two ends are farther apart than the tolerance.
    #[error(
        "the chained ring does not close: its ends are {gap_m:.1} m apart, over the tolerance of {tolerance_m} m"
    )]
    NotClosed {
        /// Distance between the ends in metres.
        gap_m: f64,
        /// The tolerance in metres.
        tolerance_m: f64,
    },
}

fn validate(pieces: &[Piece], tolerance_m: f64) -> Result<(), ChainError> {
    if !(tolerance_m.is_finite() && tolerance_m >= 0.0) {
        return Err(ChainError::BadTolerance(tolerance_m));
    }
    if pieces.is_empty() {
        return Err(ChainError::NoPieces);
    }
    if let Some(p) = pieces.iter().find(|p| p.points.len() < 2) {
        return Err(ChainError::DegeneratePiece(p.label.clone()));
    }
    Ok(())
}

/// The unused piece nearest to `end`: (index, distance, touches-at-start).
/// Also returns every unused piece within the tolerance.
fn candidates(
    pieces: &[Piece],
    used: &[bool],
    end: Position,
    tolerance_m: f64,
) -> (Option<(usize, f64, bool)>, Vec<usize>) {
    let mut best: Option<(usize, f64, bool)> = None;
    let mut within = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        if used[i] {
            continue;
        }
        let (Some(&s), Some(&e)) = (p.points.first(), p.points.last()) else {
            continue;
        };
        let ds = haversine_m(end, s);
        let de = haversine_m(end, e);
        let (d, at_start) = if ds <= de { (ds, true) } else { (de, false) };
        if d <= tolerance_m {
            within.push(i);
        }
        if best.is_none_or(|(_, bd, _)| d < bd) {
            best = Some((i, d, at_start));
        }
    }
    (best, within)
}

/// Append `next` (already in the right direction) to `points`, dropping its
/// first position if it coincides exactly with the current end.
fn append(points: &mut Vec<Position>, next: &[Position]) {
    let skip = usize::from(points.last() == next.first());
    points.extend_from_slice(&next[skip..]);
}

/// Extend the chain at its tail for as long as exactly one piece is within
/// the tolerance. Returns `Ok(None)` when no piece is near, or the nearest
/// miss as `(index, distance)`.
fn extend_tail(
    pieces: &[Piece],
    used: &mut [bool],
    points: &mut Vec<Position>,
    links: &mut Vec<Link>,
    tolerance_m: f64,
) -> Result<Option<(usize, f64)>, ChainError> {
    loop {
        let Some(&end) = points.last() else {
            return Ok(None);
        };
        let (best, within) = candidates(pieces, used, end, tolerance_m);
        let after = links.last().map(|l| l.label.clone()).unwrap_or_default();
        if within.len() > 1 {
            return Err(ChainError::Ambiguous {
                after,
                candidates: within.iter().map(|&i| pieces[i].label.clone()).collect(),
                tolerance_m,
            });
        }
        match best {
            None => return Ok(None),
            Some((i, d, at_start)) if d <= tolerance_m => {
                used[i] = true;
                let mut next = pieces[i].points.clone();
                if !at_start {
                    next.reverse();
                }
                append(points, &next);
                links.push(Link {
                    label: pieces[i].label.clone(),
                    reversed: !at_start,
                    gap_m: d,
                });
            }
            Some((i, d, _)) => return Ok(Some((i, d))),
        }
    }
}

fn start(pieces: &[Piece], used: &mut [bool]) -> (Vec<Position>, Vec<Link>) {
    used[0] = true;
    (
        pieces[0].points.clone(),
        vec![Link {
            label: pieces[0].label.clone(),
            reversed: false,
            gap_m: 0.0,
        }],
    )
}

fn max_gap(links: &[Link], closing: f64) -> f64 {
    links.iter().map(|l| l.gap_m).fold(closing, f64::max)
}

/// Chain all pieces into one closed ring (last position equals the first).
///
/// Starts from the first piece as given, so the result is deterministic for a
/// deterministic input order.
///
/// # Errors
/// See [`ChainError`]: every gap, including the closing one, must be within
/// `tolerance_m` metres, and each join must be unambiguous.
pub fn chain_ring(pieces: &[Piece], tolerance_m: f64) -> Result<Chain, ChainError> {
    validate(pieces, tolerance_m)?;
    let mut used = vec![false; pieces.len()];
    let (mut points, mut links) = start(pieces, &mut used);
    let miss = extend_tail(pieces, &mut used, &mut points, &mut links, tolerance_m)?;
    if let Some((i, gap_m)) = miss {
        return Err(ChainError::GapTooLarge {
            after: links.last().map(|l| l.label.clone()).unwrap_or_default(),
            nearest: pieces[i].label.clone(),
            gap_m,
            tolerance_m,
        });
    }
    let (Some(&first), Some(&last)) = (points.first(), points.last()) else {
        return Err(ChainError::NoPieces);
    };
    let closing_gap_m = haversine_m(last, first);
    if closing_gap_m > tolerance_m {
        return Err(ChainError::NotClosed {
            gap_m: closing_gap_m,
            tolerance_m,
        });
    }
    if first != last {
        points.push(first);
    }
    Ok(Chain {
        max_gap_m: max_gap(&links, closing_gap_m),
        points,
        links,
        closing_gap_m,
    })
}

/// Chain all pieces into one open line, extending from the first piece at
/// both ends.
///
/// # Errors
/// See [`ChainError`]: every gap must be within `tolerance_m` metres, each
/// join must be unambiguous, and no piece may be left over.
pub fn chain_line(pieces: &[Piece], tolerance_m: f64) -> Result<Chain, ChainError> {
    validate(pieces, tolerance_m)?;
    let mut used = vec![false; pieces.len()];
    let (mut points, mut links) = start(pieces, &mut used);
    let tail_miss = extend_tail(pieces, &mut used, &mut points, &mut links, tolerance_m)?;
    // Extend the head by reversing the positions and extending the tail; the
    // first link serves as the anchor for messages and is removed afterwards.
    points.reverse();
    let mut head: Vec<Link> = links.first().cloned().into_iter().collect();
    let head_miss = extend_tail(pieces, &mut used, &mut points, &mut head, tolerance_m)?;
    points.reverse();
    let head = head.get(1..).unwrap_or_default();
    // Head links are h1, h2, ... walking backwards from the first piece; in
    // chain order they come as ..., h2, h1, first, and are reversed.
    let mut all: Vec<Link> = Vec::with_capacity(head.len() + links.len());
    for k in (0..head.len()).rev() {
        all.push(Link {
            label: head[k].label.clone(),
            reversed: !head[k].reversed,
            gap_m: head.get(k + 1).map_or(0.0, |l| l.gap_m),
        });
    }
    if let (Some(first), Some(h1)) = (links.first_mut(), head.first()) {
        first.gap_m = h1.gap_m;
    }
    all.extend(links);
    let unused: Vec<String> = pieces
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(p, _)| p.label.clone())
        .collect();
    if !unused.is_empty() {
        let gap_m = [tail_miss, head_miss]
            .iter()
            .flatten()
            .map(|&(_, d)| d)
            .fold(f64::INFINITY, f64::min);
        return Err(ChainError::Disconnected { unused, gap_m });
    }
    Ok(Chain {
        max_gap_m: max_gap(&all, 0.0),
        points,
        links: all,
        closing_gap_m: 0.0,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::import::geom::is_ccw;

    /// About 100 m in longitude at latitude 39.8.
    const GAP: f64 = 0.0012;

    fn piece(label: &str, pts: &[[f64; 2]]) -> Piece {
        Piece {
            label: label.to_string(),
            points: pts.to_vec(),
        }
    }

    /// A square ring around (46.5..47.0, 39.6..40.0) cut into four pieces,
    /// shuffled, two of them reversed, with ~100 m gaps at three corners
    /// and an exact join at the fourth.
    fn shuffled_pieces() -> Vec<Piece> {
        let south = piece("south", &[[46.5, 39.6], [46.75, 39.6], [47.0 - GAP, 39.6]]);
        let east = piece("east", &[[47.0, 39.6], [47.0, 40.0]]);
        let north = piece("north", &[[47.0 - GAP, 40.0], [46.5, 40.0]]);
        let west = piece("west", &[[46.5, 40.0], [46.5 + GAP / 2.0, 39.6]]);
        let rev = |mut p: Piece| {
            p.points.reverse();
            p
        };
        vec![north, rev(south), west, rev(east)]
    }

    #[test]
    fn chains_shuffled_reversed_pieces_into_a_closed_ring() {
        let c = chain_ring(&shuffled_pieces(), 250.0).unwrap();
        assert_eq!(c.points.first(), c.points.last());
        assert_eq!(c.links.len(), 4);
        // 3 + 2 + 2 + 2 positions, one exact join deduplicated, plus closure.
        assert_eq!(c.points.len(), 3 + 2 + 2 + 2 - 1 + 1);
        assert!(c.max_gap_m > 90.0 && c.max_gap_m < 110.0, "{}", c.max_gap_m);
        let labels: Vec<_> = c.links.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["north", "west", "south", "east"]);
        // Chaining keeps the direction of the first piece (here the ring
        // runs counter-clockwise); orientation is fixed later, not here.
        assert!(is_ccw(&c.points));
    }

    #[test]
    fn refuses_a_gap_over_the_tolerance() {
        let err = chain_ring(&shuffled_pieces(), 50.0).unwrap_err();
        assert!(matches!(err, ChainError::GapTooLarge { .. }), "{err}");
        assert!(err.to_string().contains("over the tolerance of 50 m"));
    }

    #[test]
    fn refuses_a_ring_that_does_not_close() {
        let mut ps = shuffled_pieces();
        // Drop the east side: the rest is one open line, ends ~43 km apart.
        ps.retain(|p| p.label != "east");
        let err = chain_ring(&ps, 250.0).unwrap_err();
        assert!(matches!(err, ChainError::NotClosed { .. }), "{err}");
    }

    #[test]
    fn refuses_ambiguous_joins() {
        let ps = vec![
            piece("a", &[[46.0, 39.0], [46.1, 39.0]]),
            piece("b", &[[46.1, 39.0], [46.2, 39.1]]),
            piece("c", &[[46.1, 39.0], [46.2, 38.9]]),
        ];
        let err = chain_line(&ps, 10.0).unwrap_err();
        assert!(matches!(err, ChainError::Ambiguous { .. }), "{err}");
    }

    #[test]
    fn chains_an_open_line_from_a_middle_piece() {
        let ps = vec![
            piece("mid", &[[46.1, 39.0], [46.2, 39.0]]),
            piece("last", &[[46.3, 39.0], [46.2, 39.0]]),
            piece("first", &[[46.0, 39.0], [46.1, 39.0]]),
        ];
        let c = chain_line(&ps, 1.0).unwrap();
        assert_eq!(
            c.points,
            vec![[46.0, 39.0], [46.1, 39.0], [46.2, 39.0], [46.3, 39.0]]
        );
        let labels: Vec<_> = c
            .links
            .iter()
            .map(|l| (l.label.as_str(), l.reversed))
            .collect();
        assert_eq!(labels, [("first", false), ("mid", false), ("last", true)]);
        assert_eq!(c.max_gap_m, 0.0);
    }

    #[test]
    fn reports_disconnected_pieces_of_a_line() {
        let ps = vec![
            piece("a", &[[46.0, 39.0], [46.1, 39.0]]),
            piece("far", &[[47.0, 39.0], [47.1, 39.0]]),
        ];
        let err = chain_line(&ps, 100.0).unwrap_err();
        assert!(matches!(err, ChainError::Disconnected { .. }), "{err}");
    }
}
