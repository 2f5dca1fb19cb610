//! The user's own measurements: a frequency-response file imported for one of their own models,
//! or for a catalog model as an extra curve beside the published one.

use serde::{Deserialize, Serialize};

use super::check::{self, Problem};
use super::{Document, MAX_CURVES};
use crate::error::{Error, Result};
use crate::sound::{self, Curve, Measurement, Provenance, GRID};
use crate::Catalog;

/// A measurement the user imported, stored on the common grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct UserCurve {
    /// What the user calls it (the file's name, by default).
    pub label: String,
    /// When it was imported, `YYYY-MM-DD`.
    pub imported: String,
    /// Levels on [`GRID`] in hundredths of a dB.
    pub centi_db: Vec<i32>,
}

/// The longest label, in characters.
pub const LABEL_CHARS: usize = 120;
/// The largest level a stored point may have, in hundredths of a dB (the import limit, ±200 dB).
const MAX_CENTI_DB: i32 = 20_000;

impl UserCurve {
    /// The curve in dB.
    pub fn curve(&self) -> Curve {
        Curve::new(
            self.centi_db
                .iter()
                .map(|&v| f64::from(v) / 100.0)
                .collect(),
        )
    }

    /// The curve as a measurement of `model_id`, marked as the user's own.
    pub fn measurement(&self, model_id: &str) -> Measurement {
        Measurement {
            model: model_id.to_owned(),
            provenance: Provenance {
                measurer: "you".to_owned(),
                rig: "your own measurement".to_owned(),
                repository: String::new(),
                path: self.label.clone(),
                commit: String::new(),
                read: self.imported.clone(),
                note: None,
            },
            curve: self.curve(),
        }
    }
}

/// The rules for a stored curve.
pub(crate) fn check(c: &UserCurve) -> check::Checked {
    check::one_line("label", &c.label, LABEL_CHARS)?;
    if c.label.trim().is_empty() {
        return Err(Problem::new("label", "must not be empty"));
    }
    check::date("imported", &c.imported)?;
    if c.centi_db.len() != GRID.points {
        return Err(Problem::new(
            "centi_db",
            format!("{} levels; a curve has {}", c.centi_db.len(), GRID.points),
        ));
    }
    if let Some(i) = c.centi_db.iter().position(|v| v.abs() > MAX_CENTI_DB) {
        return Err(Problem::new(
            check::index("centi_db", i),
            format!("{} is beyond ±{MAX_CENTI_DB}", c.centi_db[i]),
        ));
    }
    Ok(())
}

impl Document {
    /// Reads a measurement file (AutoEq CSV, Room EQ Wizard text export, or squig.link /
    /// CrinGraph text; see [`sound::parse`]), stores it for a model, replacing an earlier one,
    /// and returns the earlier one. `label` names it; `date` is today.
    ///
    /// # Errors
    /// `NotFound` for an unknown model; `InvalidInput` naming the line and the problem for a
    /// file that does not read, or naming `label` or `date`; `InvalidInput` when 200 models
    /// already have a curve. A refused import changes nothing.
    pub fn import_curve(
        &mut self,
        catalog: &Catalog,
        model_id: &str,
        label: &str,
        text: &str,
        date: &str,
    ) -> Result<Option<UserCurve>> {
        self.require_model(catalog, model_id)?;
        let points = sound::parse::points(text)?;
        let curve = UserCurve {
            label: label.trim().to_owned(),
            imported: date.to_owned(),
            centi_db: Curve::resample(&points).centi_db(),
        };
        self.set_curve(catalog, model_id, curve)
    }

    /// Stores a curve for a model (undo of a removal or a replacement) and returns the one it
    /// replaced.
    ///
    /// # Errors
    /// As [`Document::import_curve`], for a curve already read.
    pub fn set_curve(
        &mut self,
        catalog: &Catalog,
        model_id: &str,
        curve: UserCurve,
    ) -> Result<Option<UserCurve>> {
        self.require_model(catalog, model_id)?;
        check(&curve).map_err(Problem::input)?;
        self.put_for_model(
            |d| &mut d.curves,
            ("curves", MAX_CURVES, "curves"),
            model_id,
            curve,
        )
    }

    /// Removes a model's imported curve and returns it (undo: [`Document::set_curve`]).
    ///
    /// # Errors
    /// `NotFound` when the model has none.
    pub fn remove_curve(&mut self, model_id: &str) -> Result<UserCurve> {
        self.curves
            .remove(model_id)
            .ok_or_else(|| Error::not_found("measurement for model", model_id))
    }
}
