//! Measured sound: frequency-response curves, their analysis against a target, and the numbers
//! behind a plot.
//!
//! A curve is the response of one unit on one measurer's ear simulator. The catalog's curves are
//! stored on one fixed grid ([`GRID`]: 1/24 octave from 20 Hz, 240 points, to 19.9 kHz) in
//! hundredths of a dB; a user's own measurement is parsed ([`parse`]) and resampled onto the same
//! grid, so every curve can be compared point by point.
//!
//! ```
//! use headroom_domain::sound::{self, Normalize, Smoothing};
//! let measurements = sound::Measurements::embedded().unwrap();
//! let hd650 = measurements.get("sennheiser-hd-650").unwrap();
//! let analysis = sound::analyse(&hd650.curve, measurements.target(), Smoothing::None, Normalize::Loudness);
//! assert!(analysis.preference > 50.0 && analysis.preference < 114.49);
//! ```

mod analysis;
mod data;
pub mod parse;
mod plot;
mod summary;
mod view;
mod words;

pub use analysis::{
    analyse, band_errors, normalise, preference, smooth, Analysis, BandError, Normalize, Smoothing,
    BANDS, PREFERENCE_RANGE,
};
pub use data::{embedded_bytes, Measurement, Measurements, Provenance};
pub use plot::{plot, Plot, PlotSeries, Tick, AXIS_HZ, DASHES, TARGET_DASH};
pub use summary::ModelSound;
pub use view::{to_csv, view, ShownCurve, SoundView, ViewOptions, PLOT_SIZE};
pub use words::{band_range, describe, Remark, Severity, CLOSE_DB, FAR_DB};

use serde::Serialize;

/// The fixed log-frequency grid every curve is stored and compared on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    /// The first frequency, Hz.
    pub start_hz: f64,
    /// Points per octave.
    pub per_octave: u32,
    /// Number of points.
    pub points: usize,
}

/// 1/24 octave from 20 Hz: 240 points, the last at 19,897 Hz.
pub const GRID: Grid = Grid {
    start_hz: 20.0,
    per_octave: 24,
    points: 240,
};

impl Grid {
    /// The frequency of point `i`, Hz.
    pub fn frequency(&self, i: usize) -> f64 {
        self.start_hz * 2f64.powf(i as f64 / f64::from(self.per_octave))
    }

    /// Every frequency of the grid, Hz.
    pub fn frequencies(&self) -> Vec<f64> {
        (0..self.points).map(|i| self.frequency(i)).collect()
    }

    /// The (fractional) index of a frequency on the grid.
    pub fn position(&self, hz: f64) -> f64 {
        (hz / self.start_hz).log2() * f64::from(self.per_octave)
    }
}

/// A response on [`GRID`], dB per point.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Curve {
    /// One level per grid point, dB.
    pub db: Vec<f64>,
}

impl Curve {
    /// A curve from levels on [`GRID`].
    ///
    /// # Panics
    /// When `db` does not have one value per grid point (a programming error).
    pub fn new(db: Vec<f64>) -> Curve {
        assert_eq!(
            db.len(),
            GRID.points,
            "a curve has one level per grid point"
        );
        Curve { db }
    }

    /// Resamples measured points (ascending frequencies) onto [`GRID`], linearly in
    /// log-frequency. Grid points outside the measured range take the nearest measured level.
    ///
    /// # Panics
    /// When `points` is empty (the parsers refuse that first).
    pub fn resample(points: &[(f64, f64)]) -> Curve {
        assert!(!points.is_empty(), "resampling needs at least one point");
        let mut db = Vec::with_capacity(GRID.points);
        let mut j = 0;
        for i in 0..GRID.points {
            let f = GRID.frequency(i);
            while j + 1 < points.len() && points[j + 1].0 < f {
                j += 1;
            }
            let (f0, d0) = points[j];
            let level = match points.get(j + 1) {
                _ if f <= f0 => d0,
                Some(&(f1, d1)) => {
                    let t = (f.ln() - f0.ln()) / (f1.ln() - f0.ln());
                    d0 + t.clamp(0.0, 1.0) * (d1 - d0)
                }
                None => d0,
            };
            db.push(level);
        }
        Curve { db }
    }

    /// The level at a frequency, interpolated linearly in log-frequency.
    pub fn at(&self, hz: f64) -> f64 {
        let x = GRID.position(hz).clamp(0.0, (GRID.points - 1) as f64);
        let i = (x.floor() as usize).min(GRID.points - 2);
        let t = x - i as f64;
        self.db[i] + t * (self.db[i + 1] - self.db[i])
    }

    /// This curve minus another, point by point.
    pub fn minus(&self, other: &Curve) -> Curve {
        Curve {
            db: self.db.iter().zip(&other.db).map(|(a, b)| a - b).collect(),
        }
    }

    /// This curve shifted by `db`.
    pub fn offset(&self, db: f64) -> Curve {
        Curve {
            db: self.db.iter().map(|v| v + db).collect(),
        }
    }

    /// The levels in hundredths of a dB, the stored form.
    pub fn centi_db(&self) -> Vec<i32> {
        self.db.iter().map(|v| (v * 100.0).round() as i32).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_spans_20_hz_to_just_under_20_khz_at_1_24_octave() {
        assert_eq!(GRID.frequency(0), 20.0);
        assert!((GRID.frequency(24) - 40.0).abs() < 1e-9);
        let last = GRID.frequency(GRID.points - 1);
        assert!((19_890.0..19_900.0).contains(&last), "{last}");
        assert!((GRID.position(1000.0) - 135.45).abs() < 0.01);
    }

    #[test]
    fn resampling_interpolates_in_log_frequency_and_holds_the_ends() {
        // A straight line in log-frequency: 0 dB at 100 Hz, 10 dB at 1 kHz.
        let points = [(100.0, 0.0), (1000.0, 10.0)];
        let c = Curve::resample(&points);
        assert!((c.at(316.227_766) - 5.0).abs() < 0.01, "{}", c.at(316.2));
        assert_eq!(c.db[0], 0.0, "below the first point: its level");
        assert_eq!(
            c.db[GRID.points - 1],
            10.0,
            "above the last point: its level"
        );
    }

    #[test]
    fn centi_db_rounds_to_hundredths() {
        let c = Curve::new(vec![1.234_9; GRID.points]);
        assert!(c.centi_db().iter().all(|&v| v == 123));
    }
}
