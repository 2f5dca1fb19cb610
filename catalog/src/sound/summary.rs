//! A model's measured sound, analysed once against the target: what the advisor, the catalog
//! and the views read.

use serde::Serialize;

use super::{analysis, BandError, Curve, Measurement, Normalize};

/// A model's curve with its band errors and preference rating (loudness-matched, unsmoothed).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ModelSound {
    /// The curve and where it comes from.
    pub measurement: Measurement,
    /// Mean error against the target per named band, loudness-matched.
    pub bands: Vec<BandError>,
    /// Predicted preference rating.
    pub preference: f64,
    /// The user's own measurement rather than a published one.
    pub own: bool,
}

impl ModelSound {
    /// Analyses `measurement` against `target`; `own` says it is the user's measurement.
    pub fn new(measurement: Measurement, target: &Curve, own: bool) -> ModelSound {
        ModelSound {
            bands: analysis::band_errors(&measurement.curve, target, Normalize::Loudness),
            preference: analysis::preference(&measurement.curve, target),
            measurement,
            own,
        }
    }

    /// Whether the measurement is of a near model rather than this one (its note says which).
    pub fn is_near_model(&self) -> bool {
        self.measurement.provenance.note.is_some()
    }
}
