//! What a window shows of the measured sound of one model (its detail) or of two to four (the
//! comparison): the plot, and per curve its bands, words, rating and provenance.

use serde::{Deserialize, Serialize};

use super::{
    analyse, describe, plot, Analysis, BandError, Curve, Measurement, Normalize, Plot, Provenance,
    Remark, Smoothing, GRID,
};
use crate::error::Result;
use crate::Catalog;

/// The plot's size in px: its SVG viewBox; the window scales it to the space it has.
pub const PLOT_SIZE: (f64, f64) = (760.0, 320.0);

/// How to show the curves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct ViewOptions {
    /// Smoothing for display.
    pub smoothing: Smoothing,
    /// How curves are aligned in level.
    pub normalize: Normalize,
    /// Show each curve's error against the target instead of the raw curves.
    pub error: bool,
}

/// One curve shown: a model's published measurement, or the user's own.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ShownCurve {
    /// The model's id.
    pub model_id: String,
    /// What the legend says ("Sennheiser HD 650", "Sennheiser HD 650 (your measurement)").
    pub label: String,
    /// Whether this is the user's own measurement.
    pub own: bool,
    /// Who measured it, on what, where it was read.
    pub provenance: Provenance,
    /// Mean error per band, with the chosen normalisation.
    pub bands: Vec<BandError>,
    /// The bands in words.
    pub remarks: Vec<Remark>,
    /// Predicted preference rating.
    pub preference: f64,
}

/// The measured sound of some models.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct SoundView {
    /// The options it was made with.
    pub options: ViewOptions,
    /// The curves shown, in plot order (the target is the plot's last series, not listed here).
    pub curves: Vec<ShownCurve>,
    /// Models asked for that have no curve at all, by display name.
    pub unmeasured: Vec<String>,
    /// The plot (empty of curves when nothing is measured).
    pub plot: Plot,
    /// The target's provenance.
    pub target: Provenance,
}

/// The measured sound of `ids` (in order): each model's published curve, then the user's own
/// measurement of it from `own` where there is one, with the target last.
///
/// # Errors
/// `NotFound` for an unknown id; `InvalidData` when the embedded curves are broken.
pub fn view(
    catalog: &Catalog,
    own: &[Measurement],
    ids: &[String],
    options: ViewOptions,
) -> Result<SoundView> {
    let target_m = super::Measurements::embedded()?.target_measurement();
    let target = &target_m.curve;
    let mut curves = Vec::new();
    let mut analyses: Vec<Analysis> = Vec::new();
    let mut unmeasured = Vec::new();
    for id in ids {
        let model = catalog.require(id)?;
        let name = model.display_name();
        // A user's curve for a model with no published one sits in the catalog too (for the
        // advisor); here it is shown once, as theirs.
        let published = catalog.sound(id).filter(|s| !s.own).map(|s| &s.measurement);
        let mine = own.iter().find(|m| &m.model == id);
        if published.is_none() && mine.is_none() {
            unmeasured.push(name);
            continue;
        }
        for (m, is_own) in [(published, false), (mine, true)] {
            let Some(m) = m else { continue };
            let analysis = analyse(&m.curve, target, options.smoothing, options.normalize);
            curves.push(ShownCurve {
                model_id: id.clone(),
                label: if is_own {
                    format!("{name} (your measurement)")
                } else {
                    name.clone()
                },
                own: is_own,
                provenance: m.provenance.clone(),
                remarks: describe(&analysis.bands),
                bands: analysis.bands.clone(),
                preference: analysis.preference,
            });
            analyses.push(analysis);
        }
    }
    let flat = Curve::new(vec![0.0; GRID.points]);
    let (shown_target, target_label) = match analyses.first() {
        _ if options.error => (&flat, "Harman over-ear 2018 (0 dB: on target)"),
        Some(a) => (&a.target, "Harman over-ear 2018 target"),
        None => (target, "Harman over-ear 2018 target"),
    };
    let mut series: Vec<(&str, &Curve, bool)> = curves
        .iter()
        .zip(&analyses)
        .map(|(c, a)| {
            let shown = if options.error { &a.error } else { &a.curve };
            (c.label.as_str(), shown, false)
        })
        .collect();
    series.push((target_label, shown_target, true));
    let plot = plot(&series, PLOT_SIZE.0, PLOT_SIZE.1);
    Ok(SoundView {
        options,
        curves,
        unmeasured,
        plot,
        target: target_m.provenance.clone(),
    })
}

/// The plotted data as CSV: a `frequency_hz` column, then one column per series (the target
/// last), levels in dB as plotted (smoothed, normalised, or errors).
pub fn to_csv(view: &SoundView) -> String {
    let mut out = String::new();
    let header = std::iter::once("frequency_hz".to_owned())
        .chain(view.plot.series.iter().map(|s| format!("{} (dB)", s.label)));
    crate::csv::line(&mut out, header);
    for (i, f) in view.plot.frequency_hz.iter().enumerate() {
        let row = std::iter::once(format!("{f}"))
            .chain(view.plot.series.iter().map(|s| format!("{}", s.db[i])));
        crate::csv::line(&mut out, row);
    }
    out
}

#[cfg(test)]
mod tests;
