//! A curve against a target: smoothing, normalisation, the error in named bands, and the
//! predicted preference rating.

use serde::{Deserialize, Serialize};

use super::{Curve, GRID};

/// Fractional-octave smoothing for display.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub enum Smoothing {
    /// The curve as measured.
    #[default]
    #[serde(rename = "none")]
    None,
    /// 1/12 octave.
    #[serde(rename = "1/12")]
    Twelfth,
    /// 1/6 octave.
    #[serde(rename = "1/6")]
    Sixth,
    /// 1/3 octave.
    #[serde(rename = "1/3")]
    Third,
}

impl Smoothing {
    /// Every value, finest first.
    pub const ALL: [Smoothing; 4] = [
        Smoothing::None,
        Smoothing::Twelfth,
        Smoothing::Sixth,
        Smoothing::Third,
    ];

    /// The wire name (`none`, `1/12`, `1/6`, `1/3`).
    pub fn as_str(self) -> &'static str {
        match self {
            Smoothing::None => "none",
            Smoothing::Twelfth => "1/12",
            Smoothing::Sixth => "1/6",
            Smoothing::Third => "1/3",
        }
    }

    /// What a control shows.
    pub fn label(self) -> &'static str {
        match self {
            Smoothing::None => "None",
            Smoothing::Twelfth => "1/12 octave",
            Smoothing::Sixth => "1/6 octave",
            Smoothing::Third => "1/3 octave",
        }
    }

    /// Grid points on each side of a point that its window spans (the window is the fraction
    /// of an octave wide).
    fn half_width(self) -> usize {
        let fraction = match self {
            Smoothing::None => return 0,
            Smoothing::Twelfth => 12,
            Smoothing::Sixth => 6,
            Smoothing::Third => 3,
        };
        (GRID.per_octave / (2 * fraction)) as usize
    }
}

/// How curves are aligned in level before they are compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub enum Normalize {
    /// 0 dB at 1 kHz.
    #[serde(rename = "1k")]
    OneKhz,
    /// 0 dB at 500 Hz.
    #[serde(rename = "500")]
    FiveHundred,
    /// The mean level over 300 Hz–3 kHz at 0 dB: what a listener matching loudness by ear does,
    /// and the least swayed by a single peak or dip.
    #[default]
    #[serde(rename = "loudness")]
    Loudness,
}

impl Normalize {
    /// Every value.
    pub const ALL: [Normalize; 3] = [
        Normalize::Loudness,
        Normalize::OneKhz,
        Normalize::FiveHundred,
    ];

    /// The wire name (`1k`, `500`, `loudness`).
    pub fn as_str(self) -> &'static str {
        match self {
            Normalize::OneKhz => "1k",
            Normalize::FiveHundred => "500",
            Normalize::Loudness => "loudness",
        }
    }

    /// What a control shows.
    pub fn label(self) -> &'static str {
        match self {
            Normalize::OneKhz => "0 dB at 1 kHz",
            Normalize::FiveHundred => "0 dB at 500 Hz",
            Normalize::Loudness => "Loudness-matched (300 Hz–3 kHz)",
        }
    }

    fn reference_level(self, curve: &Curve) -> f64 {
        match self {
            Normalize::OneKhz => curve.at(1000.0),
            Normalize::FiveHundred => curve.at(500.0),
            Normalize::Loudness => mean_over(&curve.db, 300.0, 3000.0),
        }
    }
}

/// A named band of the spectrum: (wire name, label, low Hz, high Hz). What each band does to a
/// mix when it is off is in `words.rs`.
pub const BANDS: [(&str, &str, f64, f64); 7] = [
    ("sub-bass", "Sub-bass", 20.0, 60.0),
    ("bass", "Bass", 60.0, 250.0),
    ("low-mids", "Low mids", 250.0, 500.0),
    ("mids", "Mids", 500.0, 2000.0),
    ("presence", "Presence", 2000.0, 5000.0),
    ("treble", "Treble", 5000.0, 10_000.0),
    ("air", "Air", 10_000.0, 20_000.0),
];

/// The band over which the preference rating is computed, Hz (Olive, Welti and Khonsaripour).
pub const PREFERENCE_RANGE: (f64, f64) = (50.0, 10_000.0);

/// The mean error of a curve against the target in one band.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct BandError {
    /// Wire name (`bass`).
    pub name: &'static str,
    /// What the UI shows (`Bass`).
    pub label: &'static str,
    /// Lower edge, Hz.
    pub low_hz: f64,
    /// Upper edge, Hz.
    pub high_hz: f64,
    /// The edges as people read them ("60–250 Hz", "2–5 kHz").
    pub range: String,
    /// Mean of curve − target over the band, dB (positive: above the target).
    pub error_db: f64,
}

/// A curve against the target, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Analysis {
    /// The curve, normalised and smoothed as asked.
    pub curve: Curve,
    /// The target, normalised and smoothed the same way.
    pub target: Curve,
    /// Curve − target, smoothed as asked.
    pub error: Curve,
    /// Mean error per named band (normalised, unsmoothed).
    pub bands: Vec<BandError>,
    /// Predicted preference rating (unsmoothed; normalisation does not change it).
    pub preference: f64,
}

/// Smooths a curve with a rectangular window the given fraction of an octave wide; the window
/// is cut short at the ends of the grid. A flat curve stays flat.
pub fn smooth(curve: &Curve, smoothing: Smoothing) -> Curve {
    let h = smoothing.half_width();
    if h == 0 {
        return curve.clone();
    }
    let n = curve.db.len();
    let db = (0..n)
        .map(|i| {
            let window = &curve.db[i.saturating_sub(h)..(i + h + 1).min(n)];
            window.iter().sum::<f64>() / window.len() as f64
        })
        .collect();
    Curve { db }
}

/// Shifts a curve so that its reference level (see [`Normalize`]) is 0 dB.
pub fn normalise(curve: &Curve, normalize: Normalize) -> Curve {
    curve.offset(-normalize.reference_level(curve))
}

/// The mean of `curve − target` in each of [`BANDS`], after both are normalised the same way.
pub fn band_errors(curve: &Curve, target: &Curve, normalize: Normalize) -> Vec<BandError> {
    let error = normalise(curve, normalize).minus(&normalise(target, normalize));
    BANDS
        .iter()
        .map(|&(name, label, low_hz, high_hz)| BandError {
            name,
            label,
            low_hz,
            high_hz,
            range: super::band_range(low_hz, high_hz),
            error_db: mean_over(&error.db, low_hz, high_hz),
        })
        .collect()
}

/// The predicted preference rating of Olive, Welti and Khonsaripour (AES 2018, around-ear
/// headphones): `114.49 − 12.62·SD − 15.52·|AS|`, where over 50 Hz–10 kHz of the log-spaced
/// grid SD is the sample standard deviation of `curve − target` and AS the slope of its
/// least-squares line against ln(frequency). A statistical model of average listeners.
pub fn preference(curve: &Curve, target: &Curve) -> f64 {
    let (low, high) = PREFERENCE_RANGE;
    let points: Vec<(f64, f64)> = (0..GRID.points)
        .map(|i| (GRID.frequency(i), curve.db[i] - target.db[i]))
        .filter(|(f, _)| (low..=high).contains(f))
        .collect();
    let (sd, slope) = sd_and_slope(&points);
    114.49 - 12.62 * sd - 15.52 * slope.abs()
}

/// The sample standard deviation (n − 1) of the errors and the slope of their least-squares
/// line against ln(frequency), from `(frequency, error)` pairs.
pub(crate) fn sd_and_slope(points: &[(f64, f64)]) -> (f64, f64) {
    let n = points.len() as f64;
    let mean_e = points.iter().map(|p| p.1).sum::<f64>() / n;
    let mean_x = points.iter().map(|p| p.0.ln()).sum::<f64>() / n;
    let var_e = points.iter().map(|p| (p.1 - mean_e).powi(2)).sum::<f64>() / (n - 1.0);
    let sxx: f64 = points.iter().map(|p| (p.0.ln() - mean_x).powi(2)).sum();
    let sxy: f64 = points
        .iter()
        .map(|p| (p.0.ln() - mean_x) * (p.1 - mean_e))
        .sum();
    (var_e.sqrt(), sxy / sxx)
}

/// Everything a view or the command line shows for one curve against the target.
pub fn analyse(
    curve: &Curve,
    target: &Curve,
    smoothing: Smoothing,
    normalize: Normalize,
) -> Analysis {
    let c = normalise(curve, normalize);
    let t = normalise(target, normalize);
    Analysis {
        error: smooth(&c.minus(&t), smoothing),
        bands: band_errors(curve, target, normalize),
        preference: preference(curve, target),
        curve: smooth(&c, smoothing),
        target: smooth(&t, smoothing),
    }
}

/// The mean level of the grid points from `low` (inclusive) to `high` (exclusive) Hz.
fn mean_over(db: &[f64], low: f64, high: f64) -> f64 {
    let (sum, n) = (0..db.len())
        .filter(|&i| (low..high).contains(&GRID.frequency(i)))
        .fold((0.0, 0), |(s, n), i| (s + db[i], n + 1));
    sum / f64::from(n)
}

#[cfg(test)]
mod tests;
