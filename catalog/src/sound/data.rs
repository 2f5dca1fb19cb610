//! The catalog's measured curves and the target, embedded at build time from `data/curves/`,
//! each with who measured it, on what, and where it was read.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{Curve, GRID};
use crate::error::{Error, ErrorKind, Result};

/// The embedded curve files: (name relative to `catalog/data`, contents).
const EMBEDDED_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/curve_files.rs"));

/// How many bytes the embedded curve files add to the binary.
pub fn embedded_bytes() -> usize {
    EMBEDDED_FILES.iter().map(|(_, text)| text.len()).sum()
}

/// Where a curve comes from. Shown under every plot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Who measured it (`oratory1990`), or who published the target.
    pub measurer: String,
    /// The rig: ear simulator and pinna.
    pub rig: String,
    /// The public repository it was read from (`jaakkopasanen/AutoEq`).
    pub repository: String,
    /// The file's path in that repository.
    pub path: String,
    /// The commit the file was read at (40 hex digits).
    pub commit: String,
    /// When it was read, `YYYY-MM-DD`.
    pub read: String,
    /// What else a reader must know: above all, that the measurement is of a near model (a
    /// predecessor, a non-Pro twin, other pads). Never attached silently.
    #[serde(default)]
    pub note: Option<String>,
}

/// One measured curve of a catalog model.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Measurement {
    /// The catalog model's id.
    pub model: String,
    /// Where the curve comes from.
    pub provenance: Provenance,
    /// The raw response on [`GRID`], dB.
    pub curve: Curve,
}

/// A curve file as stored: its provenance and its levels in hundredths of a dB on [`GRID`].
#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
struct File {
    /// The model's id, or `None` for the target.
    #[serde(default)]
    model: Option<String>,
    /// The target's name, for the target file.
    #[serde(default)]
    target: Option<String>,
    #[serde(flatten)]
    provenance: Provenance,
    start_hz: f64,
    per_octave: u32,
    centi_db: Vec<i32>,
}

/// The catalog's measured curves and the target they are compared with.
#[derive(Debug, Clone)]
pub struct Measurements {
    by_model: HashMap<String, Measurement>,
    target: Measurement,
}

impl Measurements {
    /// The curves embedded in the binary, validated once and shared.
    ///
    /// # Errors
    /// `InvalidData` naming the file and the problem (the crate's tests keep that from shipping).
    pub fn embedded() -> Result<&'static Measurements> {
        static EMBEDDED: OnceLock<Result<Measurements>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| Measurements::from_files(EMBEDDED_FILES))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Curves from `(name, text)` files: exactly one target and at most one curve per model.
    ///
    /// # Errors
    /// `InvalidData` naming the file and the problem.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Measurements> {
        let mut by_model = HashMap::new();
        let mut target = None;
        for (name, text) in files {
            let (model, target_name, measurement) = parse_file(name, text)?;
            match (model, target_name) {
                (Some(id), None) => {
                    if by_model.insert(id.clone(), measurement).is_some() {
                        return Err(bad(name, format!("a second curve for `{id}`")));
                    }
                }
                (None, Some(_)) if target.is_none() => target = Some(measurement),
                (None, Some(_)) => return Err(bad(name, "a second target")),
                _ => return Err(bad(name, "needs either `model` or `target`")),
            }
        }
        let target = target.ok_or_else(|| bad("data/curves", "no target curve"))?;
        Ok(Measurements { by_model, target })
    }

    /// The curve measured for a model, if one is published.
    pub fn get(&self, model_id: &str) -> Option<&Measurement> {
        self.by_model.get(model_id)
    }

    /// The reference target (Harman over-ear 2018).
    pub fn target(&self) -> &Curve {
        &self.target.curve
    }

    /// The target with its provenance.
    pub fn target_measurement(&self) -> &Measurement {
        &self.target
    }

    /// Every model's curve, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Measurement> {
        self.by_model.values()
    }

    /// How many models have a curve.
    pub fn len(&self) -> usize {
        self.by_model.len()
    }

    /// Whether no model has a curve.
    pub fn is_empty(&self) -> bool {
        self.by_model.is_empty()
    }
}

fn bad(name: &str, reason: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::InvalidData, format!("{name}: {reason}"))
}

fn parse_file(name: &str, text: &str) -> Result<(Option<String>, Option<String>, Measurement)> {
    let file: File =
        serde_json::from_str(text).map_err(|e| bad(name, format_args!("not a curve file: {e}")))?;
    if file.start_hz != GRID.start_hz || file.per_octave != GRID.per_octave {
        return Err(bad(
            name,
            format_args!(
                "grid {} Hz at 1/{} octave; curves are stored on {} Hz at 1/{} octave",
                file.start_hz, file.per_octave, GRID.start_hz, GRID.per_octave
            ),
        ));
    }
    if file.centi_db.len() != GRID.points {
        return Err(bad(
            name,
            format_args!(
                "{} levels; the grid has {}",
                file.centi_db.len(),
                GRID.points
            ),
        ));
    }
    if let Some(i) = file.centi_db.iter().position(|v| v.abs() > 6000) {
        return Err(bad(
            name,
            format_args!(
                "level {} dB at {:.0} Hz is implausible",
                f64::from(file.centi_db[i]) / 100.0,
                GRID.frequency(i)
            ),
        ));
    }
    let p = &file.provenance;
    if p.commit.len() != 40 || !p.commit.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad(name, "commit must be 40 hex digits"));
    }
    for (field, value) in [
        ("measurer", &p.measurer),
        ("rig", &p.rig),
        ("repository", &p.repository),
        ("path", &p.path),
    ] {
        if value.trim().is_empty() {
            return Err(bad(name, format_args!("`{field}` is empty")));
        }
    }
    if p.read.len() != 10 || p.read.as_bytes()[4] != b'-' || p.read.as_bytes()[7] != b'-' {
        return Err(bad(name, "`read` must be YYYY-MM-DD"));
    }
    if let Some(id) = &file.model {
        if !crate::load::is_slug(id) {
            return Err(bad(name, format_args!("`{id}` is not a model id")));
        }
    }
    let curve = Curve::new(
        file.centi_db
            .iter()
            .map(|&v| f64::from(v) / 100.0)
            .collect(),
    );
    let measurement = Measurement {
        model: file.model.clone().unwrap_or_default(),
        provenance: file.provenance,
        curve,
    };
    Ok((file.model, file.target, measurement))
}

#[cfg(test)]
mod tests;
