//! The band errors in plain words, and what each does to a mix. The thresholds live here and
//! nowhere else; the advisor and the views use these sentences.

use serde::Serialize;

use super::BandError;

/// Within this many dB of the target (either way), a band reads as close to it.
pub const CLOSE_DB: f64 = 2.0;
/// From this many dB off, a band is far off: the advisor counts it against a model for mixing.
pub const FAR_DB: f64 = 4.0;

/// How far a band is from the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Within [`CLOSE_DB`].
    Close,
    /// Between [`CLOSE_DB`] and [`FAR_DB`].
    Mild,
    /// [`FAR_DB`] or more.
    Far,
}

impl Severity {
    /// The severity of an error in dB.
    pub fn of(error_db: f64) -> Severity {
        match error_db.abs() {
            e if e < CLOSE_DB => Severity::Close,
            e if e < FAR_DB => Severity::Mild,
            _ => Severity::Far,
        }
    }
}

/// One band in words.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Remark {
    /// The band's wire name.
    pub band: &'static str,
    /// How far off it is.
    pub severity: Severity,
    /// Mean error, dB.
    pub error_db: f64,
    /// "Treble 5–10 kHz: 4.1 dB above target: bright; can tire over long sessions".
    pub text: String,
}

/// What a band above (first) or below (second) the target sounds like, and does to a mix.
fn consequence(band: &str) -> (&'static str, &'static str) {
    match band {
        "sub-bass" => (
            "deep bass stands out: mixes may end up light in the lowest octave",
            "little deep bass: you may push the sub-bass too far in a mix",
        ),
        "bass" => (
            "bassy: your mixes may come out bass-light",
            "lean: your mixes may come out bass-heavy",
        ),
        "low-mids" => (
            "thick: mixes may come out thin in the low mids",
            "thin: mixes may come out muddy",
        ),
        "mids" => (
            "forward mids: vocals and guitars may end up too quiet in a mix",
            "recessed mids: vocals and guitars may end up too loud in a mix",
        ),
        "presence" => (
            "forward, can sound harsh: mixes may come out dull",
            "distant: mixes may come out harsh or too forward",
        ),
        "treble" => (
            "bright; can tire over long sessions",
            "dark: mixes may come out bright",
        ),
        "air" => (
            "airy, sparkly top",
            "little air: you may add too much top end",
        ),
        _ => ("", ""),
    }
}

/// "20–60 Hz", "5–10 kHz".
pub fn band_range(low_hz: f64, high_hz: f64) -> String {
    let k = |hz: f64| {
        if hz >= 1000.0 {
            format!("{}", hz / 1000.0)
        } else {
            format!("{hz}")
        }
    };
    if low_hz >= 1000.0 {
        format!("{}–{} kHz", k(low_hz), k(high_hz))
    } else if high_hz >= 1000.0 {
        format!("{}–{} kHz", low_hz / 1000.0, k(high_hz))
    } else {
        format!("{}–{} Hz", k(low_hz), k(high_hz))
    }
}

/// Each band in words, in band order.
pub fn describe(bands: &[BandError]) -> Vec<Remark> {
    bands
        .iter()
        .map(|b| {
            let severity = Severity::of(b.error_db);
            let range = &b.range;
            let text = if severity == Severity::Close {
                format!(
                    "{} {range}: within {CLOSE_DB} dB of the target ({:+.1} dB)",
                    b.label, b.error_db
                )
            } else {
                let (above, below) = consequence(b.name);
                let (side, what) = if b.error_db > 0.0 {
                    ("above", above)
                } else {
                    ("below", below)
                };
                format!(
                    "{} {range}: {:.1} dB {side} target: {what}",
                    b.label,
                    b.error_db.abs()
                )
            };
            Remark {
                band: b.name,
                severity,
                error_db: b.error_db,
                text,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
