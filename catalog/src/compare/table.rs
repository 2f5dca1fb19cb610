//! Building a comparison: [`build`] checks the ids, asks the advisor, gathers what each column
//! is built from and lays out the sections; a row gets its cells, its `differs` mark and the
//! `best` marks of its best values here.

use std::collections::HashSet;

use super::format::{num, rounded};
use super::sections::{
    advice, build_rows, loudness, measured, notes, price, sources, specs, tryon,
};
use super::{Better, Cell, Column, Comparison, Row, Section, MAX_MODELS, MIN_MODELS, TOP_REASONS};
use crate::advisor::{self, Profile, Reason, Recommendation};
use crate::drive;
use crate::error::{Error, Result};
use crate::journal::TryOnSummary;
use crate::model::Model;
use crate::sound::ModelSound;
use crate::Catalog;

/// What one column is built from.
pub(super) struct Col<'a> {
    pub(super) model: &'a Model,
    pub(super) rec: &'a Recommendation,
    /// The advisor's weightiest reasons, at most [`TOP_REASONS`].
    pub(super) top: Vec<&'a Reason>,
    pub(super) tryon: Option<&'a TryOnSummary>,
    pub(super) sound: Option<&'a ModelSound>,
}

/// Compares the models `ids` (2 to 4, distinct, in the user's order) for `profile`, with the
/// user's try-on summaries `tryons` (those of other models are ignored).
///
/// The advisor's fit, score and reasons come from [`advisor::recommend`] over these models with
/// `show_over_budget` on, so a model above the budget still gets its fit (and a row says it is
/// over budget). The user's try-ons weigh in as they do in the advisor.
///
/// # Errors
/// - `InvalidInput` naming `ids` when there are fewer than 2 or more than 4, or one is listed
///   twice; naming `tryons` when two summaries are for the same compared model; naming the
///   profile field the advisor refuses (see [`Profile::validate`]) or `fits[i].field` for a
///   try-on average outside 1 to 5.
/// - `NotFound` naming the first id no model has.
pub fn build(
    catalog: &Catalog,
    ids: &[String],
    profile: &Profile,
    tryons: &[TryOnSummary],
) -> Result<Comparison> {
    if ids.len() < MIN_MODELS || ids.len() > MAX_MODELS {
        return Err(Error::invalid_input(
            "ids",
            format!(
                "pick {MIN_MODELS} to {MAX_MODELS} models to compare, not {}",
                ids.len()
            ),
        ));
    }
    let mut seen = HashSet::with_capacity(ids.len());
    if let Some(twice) = ids.iter().find(|id| !seen.insert(id.as_str())) {
        return Err(Error::invalid_input(
            "ids",
            format!("`{twice}` is listed twice"),
        ));
    }
    let models = ids
        .iter()
        .map(|id| catalog.require(id))
        .collect::<Result<Vec<&Model>>>()?;

    let mut own: Vec<&TryOnSummary> = Vec::with_capacity(ids.len());
    for t in tryons.iter().filter(|t| seen.contains(t.model_id.as_str())) {
        if own.iter().any(|o| o.model_id == t.model_id) {
            return Err(Error::invalid_input(
                "tryons",
                format!("two summaries for model `{}`", t.model_id),
            ));
        }
        own.push(t);
    }
    let fits: Vec<TryOnSummary> = own
        .iter()
        .filter(|t| t.sessions > 0)
        .map(|t| (*t).clone())
        .collect();
    let advised = Profile {
        show_over_budget: true,
        ..profile.clone()
    };
    let subset = Catalog::from_models(models.iter().map(|m| (*m).clone()).collect());
    let recs = advisor::recommend(&subset, &advised, &fits)?;

    let cols: Vec<Col<'_>> = models
        .iter()
        .map(|m| {
            let rec = recs
                .iter()
                .find(|r| r.id == m.id)
                .expect("the advisor ranks every model when show_over_budget is on");
            Col {
                model: m,
                rec,
                top: top_reasons(rec),
                tryon: own
                    .iter()
                    .copied()
                    .find(|t| t.model_id == m.id && t.sessions > 0),
                sound: catalog.sound(&m.id),
            }
        })
        .collect();

    let source_name = source_name(profile);
    let target = rounded(profile.target_db, 1);
    let sections = vec![
        specs(&cols),
        build_rows(&cols),
        price(&cols),
        notes(&cols),
        sources(&cols),
        advice(&cols),
        measured(&cols),
        loudness(&cols, &source_name, target),
        tryon(&cols, profile.glasses),
    ];
    Ok(Comparison {
        columns: models
            .iter()
            .map(|m| Column {
                id: m.id.clone(),
                name: m.display_name(),
                origin: m.origin,
            })
            .collect(),
        sections,
        source_name,
        target_db: profile.target_db,
    })
}

/// The preset's name, or the custom figures.
fn source_name(profile: &Profile) -> String {
    let choice = &profile.source;
    match drive::preset(&choice.preset) {
        Ok(p) => p.name.clone(),
        Err(_) => format!(
            "Custom source ({} Vrms, {} ohm)",
            num(choice.vrms.unwrap_or(f64::NAN), 2),
            num(choice.output_ohm.unwrap_or(f64::NAN), 1)
        ),
    }
}

/// A row: one cell per column from `cell`, then its marks.
pub(super) fn row(
    key: &str,
    label: impl Into<String>,
    better: Option<Better>,
    cols: &[Col<'_>],
    cell: impl Fn(&Col<'_>) -> Cell,
) -> Row {
    let mut cells: Vec<Cell> = cols.iter().map(cell).collect();
    let differs = cells
        .windows(2)
        .any(|w| w[0].known != w[1].known || w[0].text != w[1].text);
    if let Some(better) = better {
        mark_best(&mut cells, better);
    }
    Row {
        key: key.to_owned(),
        label: label.into(),
        cells,
        differs,
        better,
    }
}

/// Marks the best known values (all of them when tied), unless fewer than two values are known
/// or all known values are equal.
pub(super) fn mark_best(cells: &mut [Cell], better: Better) {
    let known: Vec<f64> = cells
        .iter()
        .filter(|c| c.known)
        .filter_map(|c| c.value)
        .collect();
    if known.len() < 2 || known.iter().all(|v| *v == known[0]) {
        return;
    }
    let best = match better {
        Better::Higher => known.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        Better::Lower => known.iter().copied().fold(f64::INFINITY, f64::min),
    };
    for c in cells.iter_mut() {
        c.best = c.known && c.value == Some(best);
    }
}

pub(super) fn section(key: &str, title: impl Into<String>, rows: Vec<Row>) -> Section {
    Section {
        key: key.to_owned(),
        title: title.into(),
        rows,
    }
}

/// The weightiest reasons, pros and cons alike; equal weights keep the advisor's order.
fn top_reasons(rec: &Recommendation) -> Vec<&Reason> {
    let mut reasons: Vec<&Reason> = rec.reasons.iter().collect();
    reasons.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    reasons.truncate(TOP_REASONS);
    reasons
}
