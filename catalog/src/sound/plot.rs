//! The numbers behind a frequency-response plot: scales, ticks and SVG paths. The view draws
//! them as they are; tests check them here.

use serde::Serialize;

use super::{Curve, GRID};

/// The frequency axis: 20 Hz to 20 kHz, logarithmic.
pub const AXIS_HZ: (f64, f64) = (20.0, 20_000.0);
/// Labelled frequencies (the decades and their halves and fifths, as measurers label them).
const HZ_TICKS: [(f64, &str); 10] = [
    (20.0, "20"),
    (50.0, "50"),
    (100.0, "100"),
    (200.0, "200"),
    (500.0, "500"),
    (1000.0, "1k"),
    (2000.0, "2k"),
    (5000.0, "5k"),
    (10_000.0, "10k"),
    (20_000.0, "20k"),
];
/// Dash patterns, one per series in order, so that curves differ without colour: solid, long
/// dashes, dash-dot, short dashes. Only the target is dotted. A series past the last reuses them
/// from the start (a plot shows four models at most).
pub const DASHES: [&str; 4] = ["", "9 4", "12 4 2 4", "4 3"];
/// The target's own pattern: dotted and thin, so it never reads as a model.
pub const TARGET_DASH: &str = "1 3";

/// Room around the plotting area, px: left (dB labels), right, top, bottom (Hz labels).
const MARGIN: (f64, f64, f64, f64) = (44.0, 12.0, 10.0, 28.0);

/// A labelled tick: its position in px and its text.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Tick {
    /// Position along its axis, px.
    pub at: f64,
    /// Label.
    pub label: String,
}

/// One drawn curve.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlotSeries {
    /// What the legend says.
    pub label: String,
    /// Whether this is the target.
    pub target: bool,
    /// SVG path data.
    pub d: String,
    /// SVG stroke-dasharray (empty: solid).
    pub dash: &'static str,
    /// The level at each grid point, dB (for the readout and the CSV).
    pub db: Vec<f64>,
}

/// Everything a view needs to draw a plot of `width × height` px.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Plot {
    /// Width, px.
    pub width: f64,
    /// Height, px.
    pub height: f64,
    /// The plotting area: left, top, right, bottom, px.
    pub area: [f64; 4],
    /// Lowest and highest dB shown.
    pub db_range: [f64; 2],
    /// Frequency ticks, px from the left.
    pub x_ticks: Vec<Tick>,
    /// Level ticks, px from the top.
    pub y_ticks: Vec<Tick>,
    /// The frequency of each grid point, Hz.
    pub frequency_hz: Vec<f64>,
    /// The x of each grid point, px (a readout finds the nearest).
    pub x: Vec<f64>,
    /// The curves, models first, the target last.
    pub series: Vec<PlotSeries>,
}

/// Lays out `curves` (label, curve, whether it is the target) on one plot. The dB range covers
/// every curve in 5 dB steps with at least 30 dB shown; ticks every 5 dB (10 dB past 60 dB).
pub fn plot(curves: &[(&str, &Curve, bool)], width: f64, height: f64) -> Plot {
    let (ml, mr, mt, mb) = MARGIN;
    let (left, top, right, bottom) = (
        ml,
        mt,
        (width - mr).max(ml + 1.0),
        (height - mb).max(mt + 1.0),
    );
    let (mut low, mut high) = curves
        .iter()
        .flat_map(|(_, c, _)| c.db.iter().copied())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        });
    if !low.is_finite() {
        (low, high) = (-15.0, 15.0);
    }
    low = (low / 5.0).floor() * 5.0;
    high = (high / 5.0).ceil() * 5.0;
    if high - low < 30.0 {
        let pad = (30.0 - (high - low)) / 2.0;
        low = ((low - pad) / 5.0).floor() * 5.0;
        high = low + 30.0;
    }
    let x_of =
        |hz: f64| left + (right - left) * (hz / AXIS_HZ.0).ln() / (AXIS_HZ.1 / AXIS_HZ.0).ln();
    let y_of = |db: f64| top + (bottom - top) * (high - db) / (high - low);
    let step = if high - low > 60.0 { 10.0 } else { 5.0 };
    let y_ticks = (0..)
        .map(|k| (low / step).ceil() * step + f64::from(k) * step)
        .take_while(|db| *db <= high + 1e-9)
        .map(|db| Tick {
            at: round1(y_of(db)),
            label: if db.abs() < 1e-9 {
                "0".to_owned()
            } else {
                format!("{db:+.0}")
            },
        })
        .collect();
    let x_ticks = HZ_TICKS
        .iter()
        .map(|&(hz, label)| Tick {
            at: round1(x_of(hz)),
            label: label.to_owned(),
        })
        .collect();
    let frequency_hz = GRID.frequencies();
    let x: Vec<f64> = frequency_hz.iter().map(|&f| round1(x_of(f))).collect();
    let mut model_index = 0;
    let series = curves
        .iter()
        .map(|&(label, curve, target)| {
            let dash = if target {
                TARGET_DASH
            } else {
                model_index += 1;
                DASHES[(model_index - 1) % DASHES.len()]
            };
            let mut d = String::with_capacity(curve.db.len() * 14);
            for (i, (&px, &db)) in x.iter().zip(&curve.db).enumerate() {
                let cmd = if i == 0 { 'M' } else { 'L' };
                d.push_str(&format!("{cmd}{px} {}", round1(y_of(db))));
            }
            PlotSeries {
                label: label.to_owned(),
                target,
                d,
                dash,
                db: curve
                    .db
                    .iter()
                    .map(|v| (v * 100.0).round() / 100.0)
                    .collect(),
            }
        })
        .collect();
    Plot {
        width,
        height,
        area: [left, top, right, bottom],
        db_range: [low, high],
        x_ticks,
        y_ticks,
        frequency_hz: frequency_hz
            .iter()
            .map(|f| (f * 100.0).round() / 100.0)
            .collect(),
        x,
        series,
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests;
