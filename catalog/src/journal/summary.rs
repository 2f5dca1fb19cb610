//! What the try-on sessions say about each model, for the advisor and the comparison.

use std::collections::HashMap;

use serde::Serialize;

use super::{chronological, Document, Session, Verdict};

/// The longest note excerpt in a summary, in characters (an ellipsis follows when it is cut).
pub const EXCERPT_CHARS: usize = 140;

/// One model's try-on sessions in brief. Averages are over the sessions that rated the item
/// (`None` when none did); each is from 1 to 5 with the meaning given on [`super::Ratings`] and
/// [`super::Sound`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct TryOnSummary {
    /// The model.
    pub model_id: String,
    /// How many sessions it has (at least 1).
    pub sessions: usize,
    /// The date of the latest session.
    pub last_date: String,
    /// Average comfort.
    pub avg_comfort: Option<f64>,
    /// Average clamp.
    pub avg_clamp: Option<f64>,
    /// Average weight.
    pub avg_weight: Option<f64>,
    /// Average heat.
    pub avg_heat: Option<f64>,
    /// Average pads.
    pub avg_pads: Option<f64>,
    /// Average fit with glasses.
    pub avg_glasses_fit: Option<f64>,
    /// Average amount of bass.
    pub avg_bass: Option<f64>,
    /// Average amount of mids.
    pub avg_mids: Option<f64>,
    /// Average amount of treble.
    pub avg_treble: Option<f64>,
    /// Average soundstage width.
    pub avg_soundstage: Option<f64>,
    /// Average isolation.
    pub avg_isolation: Option<f64>,
    /// Average leakage.
    pub avg_leakage: Option<f64>,
    /// The verdict of the latest session (by date, then id) that has one.
    pub last_verdict: Option<Verdict>,
    /// The start of the latest non-empty note: whitespace runs made single spaces, at most
    /// [`EXCERPT_CHARS`] characters, then `…` if it was longer.
    pub latest_note: Option<String>,
}

/// A summary for every model with at least one session: the shortlist's models first, in its
/// order, then the others in the order they were first tried.
pub fn summaries(doc: &Document) -> Vec<TryOnSummary> {
    let mut by_model: HashMap<&str, Vec<&Session>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for s in &doc.sessions {
        by_model
            .entry(&s.model_id)
            .or_insert_with(|| {
                order.push(&s.model_id);
                Vec::new()
            })
            .push(s);
    }
    let listed = doc
        .shortlist
        .iter()
        .map(|e| e.model_id.as_str())
        .filter(|id| by_model.contains_key(id));
    let others = order.iter().copied().filter(|id| doc.entry(id).is_none());
    listed
        .chain(others)
        .collect::<Vec<_>>()
        .into_iter()
        .map(|id| {
            let mut sessions = by_model.remove(id).unwrap_or_default();
            sessions.sort_by(|a, b| chronological(a, b));
            summary(id, &sessions)
        })
        .collect()
}

/// `sessions` are in chronological order and not empty.
fn summary(model_id: &str, sessions: &[&Session]) -> TryOnSummary {
    let avg = |pick: fn(&Session) -> Option<u8>| {
        let (sum, n) = sessions
            .iter()
            .filter_map(|s| pick(s))
            .fold((0u32, 0u32), |(sum, n), v| (sum + u32::from(v), n + 1));
        (n > 0).then(|| f64::from(sum) / f64::from(n))
    };
    let latest_first = || sessions.iter().rev();
    TryOnSummary {
        model_id: model_id.to_owned(),
        sessions: sessions.len(),
        last_date: sessions.last().map(|s| s.date.clone()).unwrap_or_default(),
        avg_comfort: avg(|s| s.ratings.comfort),
        avg_clamp: avg(|s| s.ratings.clamp),
        avg_weight: avg(|s| s.ratings.weight),
        avg_heat: avg(|s| s.ratings.heat),
        avg_pads: avg(|s| s.ratings.pads),
        avg_glasses_fit: avg(|s| s.ratings.glasses_fit),
        avg_bass: avg(|s| s.sound.bass),
        avg_mids: avg(|s| s.sound.mids),
        avg_treble: avg(|s| s.sound.treble),
        avg_soundstage: avg(|s| s.sound.soundstage),
        avg_isolation: avg(|s| s.sound.isolation),
        avg_leakage: avg(|s| s.sound.leakage),
        last_verdict: latest_first().find_map(|s| s.verdict),
        latest_note: latest_first()
            .find(|s| !s.notes.trim().is_empty())
            .map(|s| excerpt(&s.notes)),
    }
}

fn excerpt(notes: &str) -> String {
    let flat = notes.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(EXCERPT_CHARS) {
        None => flat,
        Some((end, _)) => format!("{}…", flat[..end].trim_end()),
    }
}

#[cfg(test)]
mod tests;
