//! The ranking: [`recommend`] and [`recommend_top`] score every model (a first pass of
//! scores alone, `Score`), sort them, then write the sentences of the ones they return
//! (`Sentences`); a [`Recommendation`] with its [`Fit`] is what they return per model.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::profile::{validate_fit, Profile};
use super::reasons::{FxHasher, Reason, TextKey, Texts};
use super::rules::{Plan, Sink};
use crate::drive::Drive;
use crate::error::{Error, Result};
use crate::journal::TryOnSummary;
use crate::model::Model;
use crate::Catalog;

/// How well a model fits, from its score.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "kebab-case")]
pub enum Fit {
    /// Score 5 and up.
    Great,
    /// Score 2 to 5.
    Good,
    /// Score 0 to 2.
    Fair,
    /// Negative score.
    Poor,
}

impl Fit {
    /// Every value, best first.
    pub const ALL: [Fit; 4] = [Fit::Great, Fit::Good, Fit::Fair, Fit::Poor];

    /// The wire name (`great`).
    pub fn as_str(self) -> &'static str {
        match self {
            Fit::Great => "great",
            Fit::Good => "good",
            Fit::Fair => "fair",
            Fit::Poor => "poor",
        }
    }

    /// What people read (`Great fit`), wherever it is shown.
    pub fn label(self) -> &'static str {
        match self {
            Fit::Great => "Great fit",
            Fit::Good => "Good fit",
            Fit::Fair => "Fair fit",
            Fit::Poor => "Poor fit",
        }
    }

    /// The fit for a score.
    pub fn from_score(score: f64) -> Fit {
        if score >= 5.0 {
            Fit::Great
        } else if score >= 2.0 {
            Fit::Good
        } else if score >= 0.0 {
            Fit::Fair
        } else {
            Fit::Poor
        }
    }
}

/// One ranked model.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Recommendation {
    /// The model's id.
    pub id: String,
    /// The sum of the reasons' weights.
    pub score: f64,
    /// How well it fits, from the score.
    pub fit: Fit,
    /// Why, point by point.
    pub reasons: Vec<Reason>,
    /// Its level on the user's source; `None` when impedance or sensitivity is unknown.
    pub drive: Option<Drive>,
    /// Above the user's budget (listed only with `show_over_budget`).
    pub over_budget: bool,
}

/// The first pass: the score, and how many reasons make it.
#[derive(Default)]
struct Score {
    sum: f64,
    count: usize,
}

impl Sink for Score {
    fn add(&mut self, weight: f64, _key: Option<TextKey>, _write: impl FnOnce(&mut String)) {
        self.sum += weight;
        self.count += 1;
    }

    fn shared(&mut self, reason: &Reason) {
        self.sum += reason.weight;
        self.count += 1;
    }
}

/// The second pass: the sentences, each shared through `texts`.
struct Sentences<'t> {
    texts: &'t mut Texts,
    reasons: Vec<Reason>,
}

impl Sink for Sentences<'_> {
    fn add(&mut self, weight: f64, key: Option<TextKey>, write: impl FnOnce(&mut String)) {
        let text = match key {
            Some(key) => match self.texts.by_key.get(&key) {
                Some(text) => Arc::clone(text),
                None => {
                    write(self.texts.start());
                    let text = self.texts.finish();
                    self.texts.by_key.insert(key, Arc::clone(&text));
                    text
                }
            },
            None => {
                write(self.texts.start());
                self.texts.finish()
            }
        };
        self.reasons.push(Reason::new(text, weight));
    }

    fn shared(&mut self, reason: &Reason) {
        self.reasons.push(reason.clone());
    }
}

/// Ranks the catalog's models for `profile`, using the user's try-on journal `fits`.
///
/// Models above `profile.budget` are left out, unless `profile.show_over_budget`, in which case
/// they follow every in-budget model with `over_budget` set. Within each group the order is:
/// score, highest first (compared to the hundredth); then headroom on the user's source, highest
/// first, models whose headroom can't be computed last; then id, ascending. The same catalog,
/// profile and fits always give the same ranking.
///
/// # Errors
/// `InvalidInput` naming the profile field (see [`Profile::validate`]), or `fits[i].field` for a
/// rating outside 1 to 5, or `fits` when two entries name the same model.
pub fn recommend(
    catalog: &Catalog,
    profile: &Profile,
    fits: &[TryOnSummary],
) -> Result<Vec<Recommendation>> {
    recommend_top(catalog, profile, fits, usize::MAX).map(|(ranked, _)| ranked)
}

/// Like [`recommend`], but explains only the best `limit` models: every model is scored and
/// ranked, and the sentences (most of the work) are written for the ones returned. Returns them
/// with the number of models ranked in all.
///
/// # Errors
/// As [`recommend`].
pub fn recommend_top(
    catalog: &Catalog,
    profile: &Profile,
    fits: &[TryOnSummary],
    limit: usize,
) -> Result<(Vec<Recommendation>, usize)> {
    let plan = Plan::new(profile)?;
    let mut by_model: HashMap<&str, &TryOnSummary, BuildHasherDefault<FxHasher>> =
        HashMap::with_capacity_and_hasher(fits.len(), Default::default());
    for (i, f) in fits.iter().enumerate() {
        validate_fit(f, i)?;
        if by_model.insert(f.model_id.as_str(), f).is_some() {
            return Err(Error::invalid_input(
                "fits",
                format!("two entries for model `{}`", f.model_id),
            ));
        }
    }
    let fit_of = |model: &Model| {
        if by_model.is_empty() {
            None
        } else {
            by_model.get(model.id.as_str()).copied()
        }
    };
    // First pass, in catalog order: scores and sort keys only, no sentences.
    let models = catalog.models();
    let mut keys = Vec::with_capacity(models.len());
    for (index, model) in models.iter().enumerate() {
        let over_budget = model.tier.is_some_and(|t| t > profile.budget);
        if over_budget && !profile.show_over_budget {
            continue;
        }
        let mut score = Score::default();
        let sound = plan
            .judges_sound
            .then(|| catalog.sound(&model.id))
            .flatten();
        let drive = plan.assess(model, sound, fit_of(model), over_budget, &mut score);
        keys.push(SortKey {
            over_budget,
            reasons: score.count,
            score: score_key(score.sum),
            headroom: drive.map_or(f64::NEG_INFINITY, |d| d.headroom_db),
            id_prefix: id_prefix(&model.id),
            index,
        });
    }
    keys.sort_unstable_by(|a, b| {
        a.over_budget
            .cmp(&b.over_budget)
            .then(b.score.cmp(&a.score))
            .then(b.headroom.total_cmp(&a.headroom))
            .then(a.id_prefix.cmp(&b.id_prefix))
            .then_with(|| models[a.index].id.cmp(&models[b.index].id))
    });
    // Second pass, in catalog order again (reading models in ranked order would jump all over
    // memory): the same rules, now with their sentences, each put in its ranked slot.
    let total = keys.len();
    keys.truncate(limit);
    let mut rank_of = vec![usize::MAX; models.len()];
    for (rank, key) in keys.iter().enumerate() {
        rank_of[key.index] = rank;
    }
    let mut slots: Vec<Option<Recommendation>> = Vec::with_capacity(keys.len());
    slots.resize_with(keys.len(), || None);
    let mut texts = Texts::default();
    for (index, model) in models.iter().enumerate() {
        let Some(key) = keys.get(rank_of[index]) else {
            continue; // over budget and not shown, or below the limit
        };
        let mut sentences = Sentences {
            texts: &mut texts,
            reasons: Vec::with_capacity(key.reasons),
        };
        let sound = plan
            .judges_sound
            .then(|| catalog.sound(&model.id))
            .flatten();
        let drive = plan.assess(model, sound, fit_of(model), key.over_budget, &mut sentences);
        let reasons = sentences.reasons;
        let score: f64 = reasons.iter().map(|r| r.weight).sum();
        slots[rank_of[index]] = Some(Recommendation {
            id: model.id.clone(),
            score,
            fit: Fit::from_score(score),
            reasons,
            drive,
            over_budget: key.over_budget,
        });
    }
    let ranked = slots
        .into_iter()
        .map(|slot| slot.expect("every ranked model was assessed"))
        .collect();
    Ok((ranked, total))
}

/// What the ranking compares, in order (see [`recommend`]).
struct SortKey {
    over_budget: bool,
    /// How many reasons the model has (not compared; sizes its list in the second pass).
    reasons: usize,
    score: i64,
    headroom: f64,
    id_prefix: u128,
    index: usize,
}

/// The id's first 16 bytes, big-endian and zero-padded: ordered like the ids themselves as far
/// as those bytes go (a shorter id that is a prefix of a longer one compares lower both ways).
fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = id.len().min(16);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// The score in hundredths, so that sums equal to the hundredth tie exactly.
fn score_key(score: f64) -> i64 {
    (score * 100.0).round() as i64
}
