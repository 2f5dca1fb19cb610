//! Catalog, advisor and app-info commands.

use headroom_domain::advisor::{self, Profile, Recommendation};
use headroom_domain::drive::{self, SourcePreset};
use headroom_domain::model::ModelBrief;
use headroom_domain::query::{self, Facets, Query};
use headroom_domain::Model;
use headroom_domain::{journal, load};
use serde::Serialize;
use tauri::State;

use super::check_id;
use crate::error::CmdResult;
use crate::persist::Notice;
use crate::AppState;

/// What the About view and start-up need to know.
#[derive(Serialize, ts_rs::TS)]
pub struct AppInfo {
    version: &'static str,
    data_dir: String,
    data_file: String,
    catalog_models: usize,
    notices: Vec<Notice>,
    /// When the process started, in ms since the Unix epoch (for the start-up benchmark).
    started_ms: u128,
    /// The words the UI shows for the domain's values, from their one home in the domain.
    vocabulary: Vocabulary,
}

/// A value with what the UI shows for it.
#[derive(Serialize, ts_rs::TS)]
struct Word {
    value: &'static str,
    label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'static str>,
}

/// Labels of the domain's enums and the limits of its inputs, served so that the UI keeps no
/// second copy of either.
#[derive(Serialize, ts_rs::TS)]
struct Vocabulary {
    figure_kinds: Vec<Word>,
    smoothing: Vec<Word>,
    normalize: Vec<Word>,
    backs: Vec<Word>,
    transducers: Vec<Word>,
    tiers: Vec<Word>,
    /// The loudness verdicts (`drive::Verdict`).
    loudness: Vec<Word>,
    fits: Vec<Word>,
    statuses: Vec<Word>,
    /// The try-on verdicts (`journal::Verdict`).
    tryon_verdicts: Vec<Word>,
    /// The fields whose provenance a model carries (`model::FIGURES`).
    figure_fields: Vec<&'static str>,
    limits: Limits,
}

/// What the forms enforce before a command would refuse it (the commands check again).
#[derive(Serialize, ts_rs::TS)]
struct Limits {
    reason_chars: usize,
    place_chars: usize,
    notes_chars: usize,
    name_chars: usize,
    minutes: u16,
    import_bytes: usize,
    measurement_bytes: usize,
    curve_label_chars: usize,
    /// Try-ons a journal view carries per group (the ones added last).
    latest_sessions: usize,
    /// The bounds of the figures a user enters for a catalog model: `[low, high]`.
    impedance_ohm: (f64, f64),
    weight_g: (f64, f64),
    price_usd: (f64, f64),
    /// The advisor profile's session length, hours.
    hours: (f64, f64),
    /// The wider bounds of an own model's figures (`load::sane`).
    own_impedance_ohm: (f64, f64),
    own_sensitivity_db: (f64, f64),
    own_weight_g: (f64, f64),
}

/// Each of `all` as its wire name and its label.
fn words<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Word> {
    all.iter()
        .map(|&v| Word {
            value: name(v),
            label: label(v),
            explanation: None,
        })
        .collect()
}

fn vocabulary() -> Vocabulary {
    use headroom_domain::advisor::Fit;
    use headroom_domain::journal::{Status, Verdict as TryOnVerdict};
    use headroom_domain::model::FigureKind;
    use headroom_domain::sound::{Normalize, Smoothing};
    use headroom_domain::{Back, Tier, Transducer, Verdict};
    Vocabulary {
        figure_kinds: FigureKind::ALL
            .iter()
            .map(|k| Word {
                value: k.as_str(),
                label: k.label(),
                explanation: Some(k.explanation()),
            })
            .collect(),
        smoothing: words(&Smoothing::ALL, Smoothing::as_str, Smoothing::label),
        normalize: words(&Normalize::ALL, Normalize::as_str, Normalize::label),
        backs: words(&Back::ALL, Back::as_str, Back::label),
        transducers: words(&Transducer::ALL, Transducer::as_str, Transducer::label),
        tiers: words(&Tier::ALL, Tier::as_str, Tier::label),
        loudness: words(&Verdict::ALL, Verdict::as_str, Verdict::label),
        fits: words(&Fit::ALL, Fit::as_str, Fit::label),
        statuses: words(&Status::ALL, Status::as_str, Status::label),
        tryon_verdicts: words(
            &TryOnVerdict::ALL,
            TryOnVerdict::as_str,
            TryOnVerdict::label,
        ),
        figure_fields: headroom_domain::model::FIGURES.to_vec(),
        limits: Limits {
            reason_chars: journal::MAX_REASON_CHARS,
            place_chars: journal::MAX_PLACE_CHARS,
            notes_chars: journal::MAX_NOTES_CHARS,
            name_chars: journal::MAX_NAME_CHARS,
            minutes: journal::MAX_MINUTES,
            import_bytes: journal::MAX_BYTES,
            measurement_bytes: headroom_domain::sound::parse::MAX_BYTES,
            curve_label_chars: journal::CURVE_LABEL_CHARS,
            latest_sessions: journal::LATEST_SESSIONS,
            impedance_ohm: load::bounds::IMPEDANCE_OHM,
            weight_g: load::bounds::WEIGHT_G,
            price_usd: load::bounds::PRICE_USD,
            hours: (advisor::MIN_HOURS, advisor::MAX_HOURS),
            own_impedance_ohm: load::sane::IMPEDANCE_OHM,
            own_sensitivity_db: load::sane::SENSITIVITY_DB,
            own_weight_g: load::sane::WEIGHT_G,
        },
    }
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir.display().to_string(),
        data_file: state.journal.path().display().to_string(),
        catalog_models: state.catalog().len(),
        notices: state.notices.clone(),
        started_ms: crate::started()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis()),
        vocabulary: vocabulary(),
    }
}

/// A page of the catalog for a query, with the total and the facet counts. Each model as a
/// brief: the table's fields only (the first view's data, sent before the first paint).
#[derive(Serialize, ts_rs::TS)]
pub struct ModelPage {
    total: usize,
    models: Vec<ModelBrief>,
    facets: Facets,
}

#[tauri::command]
pub fn list_models(state: State<'_, AppState>, query: Query) -> CmdResult<ModelPage> {
    query.validate()?;
    let catalog = state.catalog();
    let result = query::run(&catalog, &query)?;
    let models = result
        .ids
        .iter()
        .filter_map(|id| catalog.get(id).map(ModelBrief::from))
        .collect();
    Ok(ModelPage {
        total: result.total,
        models,
        facets: result.facets,
    })
}

#[tauri::command]
pub fn get_model(state: State<'_, AppState>, id: String) -> CmdResult<Model> {
    check_id("id", &id)?;
    Ok(state.catalog().require(&id)?.clone())
}

#[tauri::command]
pub fn source_presets() -> &'static [SourcePreset] {
    drive::presets()
}

/// The saved advisor profile, or the defaults when none was saved (the journal drops a saved
/// one that no longer reads as a valid profile when it loads).
#[tauri::command]
pub fn get_profile(state: State<'_, AppState>) -> Profile {
    saved_profile(&state)
}

pub(crate) fn saved_profile(state: &AppState) -> Profile {
    state
        .journal
        .read(|doc| doc.profile.clone().unwrap_or_default())
}

/// Saves the advisor profile; the journal refuses an invalid one (`invalid_input`, naming the
/// field).
#[tauri::command]
pub async fn save_profile(state: State<'_, AppState>, profile: Profile) -> CmdResult<()> {
    state.update(|doc, _| doc.set_profile(Some(profile)).map(drop))
}

/// One ranked model with what the view shows of the model, so it needs no second call.
#[derive(Serialize, ts_rs::TS)]
pub struct Advice {
    #[serde(flatten)]
    recommendation: Recommendation,
    model: ModelBrief,
}

/// The ranking: how many models were ranked, and the best of them explained.
#[derive(Serialize, ts_rs::TS)]
pub struct AdviceList {
    /// The journal's revision, read before the data (`persist::Journal::revision`): the view
    /// draws again only when it changed.
    revision: u64,
    total: usize,
    results: Vec<Advice>,
}

/// How many ranked models the advisor explains for the view; the rest are counted.
const ADVICE_SHOWN: usize = 100;

#[tauri::command]
pub fn recommend(state: State<'_, AppState>, profile: Profile) -> CmdResult<AdviceList> {
    profile.validate()?;
    let revision = state.journal.revision();
    let catalog = state.catalog();
    let fits = state.journal.read(journal::summaries);
    let (ranked, total) = advisor::recommend_top(&catalog, &profile, &fits, ADVICE_SHOWN)?;
    let results = ranked
        .into_iter()
        .filter_map(|recommendation| {
            let model = catalog.get(&recommendation.id)?.into();
            Some(Advice {
                recommendation,
                model,
            })
        })
        .collect();
    Ok(AdviceList {
        revision,
        total,
        results,
    })
}
