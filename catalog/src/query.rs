//! Catalog queries: facet filters, a search that forgives how people type model names, sorting
//! by any column, and facet counts for the filters.
//!
//! [`run`] makes one pass over the catalog (filter, score, count) and sorts only the matches,
//! once. The per-model search keys and the canonical brand/model/variant order are computed when
//! the [`Catalog`] is built, so a query allocates nothing per model.
//!
//! ```
//! use headroom_domain::{query, Back, Catalog};
//!
//! let catalog = Catalog::embedded().unwrap();
//! let q = query::Query { text: "hd650".into(), back: vec![Back::Open], ..Default::default() };
//! let result = query::run(&catalog, &q).unwrap();
//! assert_eq!(result.ids[0], "sennheiser-hd-650");
//! ```

use serde::{Deserialize, Serialize};

use crate::drive::{self, SourceSpec, MAX_TARGET_DB, MIN_TARGET_DB};
use crate::{Back, Catalog, Error, Model, Origin, Result, Tier, Transducer};

mod search;
#[cfg(test)]
mod tests;

pub(crate) use search::{natural_cmp, Index};
use search::{Entry, Search};

/// The longest search text, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// The longest brand name a filter may hold, in characters.
pub const MAX_BRAND_CHARS: usize = 100;
/// The largest page.
pub const MAX_LIMIT: usize = 100_000;
/// The highest impedance bound, ohm (the catalog's own ceiling).
pub const MAX_IMPEDANCE_OHM: f64 = 1000.0;

/// What the browse view asks for. Every field is optional on the wire.
///
/// An empty list means no filter on that facet; the values of one facet are alternatives (OR),
/// and the facets, the impedance range, the origin, the loudness and the text must all hold
/// (AND).
#[derive(Debug, Clone, Deserialize, Default, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct Query {
    /// Free text, matched as described on [`run`].
    pub text: String,
    /// Cup designs to keep.
    pub back: Vec<Back>,
    /// Price tiers to keep (a model without a tier fails an active tier filter).
    pub tier: Vec<Tier>,
    /// Driver types to keep (an unknown driver type fails an active filter).
    pub transducer: Vec<Transducer>,
    /// Brands to keep, spelt as in the catalog (the brand facet's values).
    pub brand: Vec<String>,
    /// Lowest nominal impedance, ohm, inclusive. An unknown impedance fails a set bound.
    pub impedance_min: Option<f64>,
    /// Highest nominal impedance, ohm, inclusive. An unknown impedance fails a set bound.
    pub impedance_max: Option<f64>,
    /// Only the catalog's models or only the user's own.
    pub origin: Option<Origin>,
    /// Only models that reach a level on a source.
    pub loud_enough: Option<LoudEnough>,
    /// The column to sort by.
    pub sort: SortKey,
    /// Reverse the sort. Unknown values stay last and ties keep brand/model/variant order (so
    /// relevance without text, which *is* that order, reverses entirely).
    pub descending: bool,
    /// Matches to skip before the page.
    pub offset: usize,
    /// Page size; `None` returns every match from `offset` on.
    pub limit: Option<usize>,
}

/// The "gets loud enough on my source" filter: keeps the models whose headroom on `source`
/// for `target_db` is at least 0 dB (see [`drive::drive_model`]). A model whose impedance or
/// sensitivity is not published cannot be shown to, so it does not pass.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct LoudEnough {
    /// The source's voltage and output impedance.
    pub source: SourceSpec,
    /// The peak level to reach, dB SPL.
    pub target_db: f64,
}

/// A column to sort by. Models whose value is unknown always come last, in both directions;
/// ties fall back to brand, model and variant (numbers compared as numbers, so `32 ohm` <
/// `80 ohm` < `250 ohm`), then id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum SortKey {
    /// Best search match first when there is text, else brand, model and variant order.
    /// `descending` reverses it.
    #[default]
    Relevance,
    /// Brand name.
    Brand,
    /// Model name (without the brand).
    Model,
    /// Cup design, in [`Back::ALL`] order.
    Back,
    /// Price tier, cheapest first.
    Tier,
    /// Driver type, in [`Transducer::ALL`] order.
    Transducer,
    /// Nominal impedance.
    Impedance,
    /// Sensitivity in dB SPL/mW; a dB/V figure is converted with the nominal impedance
    /// (`S_mW = S_V + 10·log10(Z / 1000 Ω)`) and is unknown when the impedance is.
    Sensitivity,
    /// Weight without cable.
    Weight,
    /// Driver size.
    Driver,
    /// Launch year.
    Year,
    /// The browse table's "price tier" column: the same order as [`SortKey::Tier`] (the catalog
    /// stores tiers, not comparable prices).
    PriceTier,
}

/// One page of matches and the facet counts.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct QueryResult {
    /// Matches before `offset` and `limit`.
    pub total: usize,
    /// The page's model ids, in order.
    pub ids: Vec<String>,
    /// Counts for the filter UI.
    pub facets: Facets,
}

/// For each facet, how many models each value would match given the text and every *other*
/// active filter (disjunctive faceting: ticking one more value of a facet adds its count).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Facets {
    /// Every cup design, in [`Back::ALL`] order, zeros included.
    pub back: Vec<FacetCount<Back>>,
    /// Every tier, cheapest first, zeros included.
    pub tier: Vec<FacetCount<Tier>>,
    /// Every driver type, in [`Transducer::ALL`] order, zeros included.
    pub transducer: Vec<FacetCount<Transducer>>,
    /// Brands with at least one model, plus the brands the query selects (so a ticked box
    /// never vanishes), in name order.
    pub brand: Vec<FacetCount<String>>,
}

/// A facet value and the number of models it would match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FacetCount<T> {
    /// The value, as the filter takes it.
    pub value: T,
    /// Models it matches.
    pub count: usize,
}

impl Query {
    /// Checks the query's bounds.
    ///
    /// # Errors
    /// `InvalidInput` naming the field: `text` over 200 characters; `impedance_min` or
    /// `impedance_max` not a number in 0–1000 or min above max; `limit` over 100,000; a `brand`
    /// over 100 characters; `loud_enough.target_db` outside 60–140 dB or a figure of
    /// `loud_enough.source` out of range (`loud_enough.source.vrms`, ...).
    pub fn validate(&self) -> Result<()> {
        if self.text.chars().count() > MAX_TEXT_CHARS {
            return Err(Error::invalid_input(
                "text",
                format!("at most {MAX_TEXT_CHARS} characters"),
            ));
        }
        for (field, bound) in [
            ("impedance_min", self.impedance_min),
            ("impedance_max", self.impedance_max),
        ] {
            if let Some(v) = bound {
                if !v.is_finite() || !(0.0..=MAX_IMPEDANCE_OHM).contains(&v) {
                    return Err(Error::invalid_input(
                        field,
                        format!("{v} is not an impedance between 0 and {MAX_IMPEDANCE_OHM} ohm"),
                    ));
                }
            }
        }
        if let (Some(min), Some(max)) = (self.impedance_min, self.impedance_max) {
            if min > max {
                return Err(Error::invalid_input(
                    "impedance_min",
                    format!("{min} ohm is above impedance_max ({max} ohm)"),
                ));
            }
        }
        if let Some(limit) = self.limit {
            if limit > MAX_LIMIT {
                return Err(Error::invalid_input(
                    "limit",
                    format!("at most {MAX_LIMIT}"),
                ));
            }
        }
        if let Some(b) = self
            .brand
            .iter()
            .find(|b| b.chars().count() > MAX_BRAND_CHARS)
        {
            let head: String = b.chars().take(20).collect();
            return Err(Error::invalid_input(
                "brand",
                format!("`{head}…` is longer than {MAX_BRAND_CHARS} characters"),
            ));
        }
        if let Some(loud) = &self.loud_enough {
            loud.source.validate("loud_enough.source.")?;
            let target = loud.target_db;
            if !target.is_finite() || !(MIN_TARGET_DB..=MAX_TARGET_DB).contains(&target) {
                return Err(Error::invalid_input(
                    "loud_enough.target_db",
                    format!("{target} is not a level between {MIN_TARGET_DB} and {MAX_TARGET_DB} dB SPL"),
                ));
            }
        }
        Ok(())
    }
}

/// Runs `query` on `catalog`: filters, searches, counts facets, sorts and pages.
///
/// # Search
/// Text is compared in a *search form*: lower-case letters and digits only, so spaces, hyphens,
/// dots and other punctuation are ignored (`hd650`, `hd 650` and `HD-650` all read `hd650`).
/// A model's key is the search form of brand + model + variant
/// (`Beyerdynamic DT 770 Pro 80 ohm` → `beyerdynamicdt770pro80ohm`). Word starts in the key are
/// remembered: the start of each word and every switch between letters and digits or from a
/// lower-case to an upper-case letter (`ATH-M50x` → `ath|m|50|x`).
///
/// The query is split on whitespace into tokens; `q` is the tokens joined. A model matches when
/// **every token occurs in its key**. Matches are ranked by a class, best first:
///
/// | class | rule | example |
/// |---|---|---|
/// | 6 | `q` is the whole name: model, model + variant, or either with the brand | `hd650` → HD 650, `lcd2` → LCD-2 |
/// | 5 | `q` is the end of the model name (or of the key), from a word start | `m50x` → ATH-M50x |
/// | 4 | the model name (with its variant) starts with `q` | `dt 770` → DT 770 Pro; `lcd2` → LCD-2 Classic |
/// | 3 | `q` occurs at a word start anywhere (a brand prefix, a middle word) | `m50` → ATH-M50xBT2 |
/// | 2 | `q` occurs anywhere | `d65` → HD 650 |
/// | 1 | only the tokens occur, separately | `beyer 990` → DT 990 Pro |
///
/// Within a class, models where more tokens begin at a word start come first (`beyer 990`
/// puts DT 990 Pro before DT 1990 Pro, whose `990` is inside `1990`), then brand/model/variant
/// order. Text with no letters or digits is no search.
///
/// # Errors
/// `InvalidInput` from [`Query::validate`].
pub fn run(catalog: &Catalog, query: &Query) -> Result<QueryResult> {
    query.validate()?;
    let index = &catalog.search;
    let search = Search::new(&query.text);

    let back_mask = mask(query.back.iter().map(|&b| b as u8));
    let tier_mask = mask(query.tier.iter().map(|&t| t as u8));
    let transducer_mask = mask(query.transducer.iter().map(|&t| t as u8));
    // `None`: no brand filter; else which brand ids are selected (names the catalog lacks
    // select nothing).
    let brand_selected: Option<Vec<bool>> = (!query.brand.is_empty()).then(|| {
        let mut selected = vec![false; index.brands.len()];
        for name in &query.brand {
            if let Some(&id) = index.brand_ids.get(name.as_str()) {
                selected[id as usize] = true;
            }
        }
        selected
    });
    let (imp_min, imp_max) = (query.impedance_min, query.impedance_max);
    let imp_bounded = imp_min.is_some() || imp_max.is_some();
    let imp_min = imp_min.unwrap_or(f64::NEG_INFINITY);
    let imp_max = imp_max.unwrap_or(f64::INFINITY);

    let mut back_counts = [0usize; Back::ALL.len()];
    let mut tier_counts = [0usize; Tier::ALL.len()];
    let mut transducer_counts = [0usize; Transducer::ALL.len()];
    let mut brand_counts = vec![0usize; index.brands.len()];
    // (sort bits, canonical rank, model index): sorting the tuples is the whole sort.
    let mut matches: Vec<(u64, u32, u32)> = Vec::new();

    const BACK: u8 = 1;
    const TIER: u8 = 2;
    const TRANSDUCER: u8 = 4;
    const BRAND: u8 = 8;

    for (i, (m, e)) in catalog.models.iter().zip(&index.entries).enumerate() {
        // Filters that are not facets: a model failing one counts nowhere. (The loudness one,
        // the costliest, comes last.)
        if query.origin.is_some_and(|o| o != m.origin) {
            continue;
        }
        if imp_bounded
            && !m
                .impedance_ohm
                .is_some_and(|z| imp_min <= z && z <= imp_max)
        {
            continue;
        }
        // Which facet filters the model fails: with none it matches and counts in every facet;
        // with exactly one it counts only in that facet; with two or more, nowhere.
        let mut failed = 0u8;
        if back_mask & (1 << m.back as u8) == 0 {
            failed |= BACK;
        }
        if !m
            .tier
            .map_or(tier_mask == ALL, |t| tier_mask & (1 << t as u8) != 0)
        {
            failed |= TIER;
        }
        if !m.transducer.map_or(transducer_mask == ALL, |t| {
            transducer_mask & (1 << t as u8) != 0
        }) {
            failed |= TRANSDUCER;
        }
        if brand_selected
            .as_ref()
            .is_some_and(|s| !s[e.brand as usize])
        {
            failed |= BRAND;
        }
        if failed.count_ones() > 1 {
            continue;
        }
        let Some(score) = search.score(e) else {
            continue;
        };
        if let Some(loud) = &query.loud_enough {
            let reaches = drive::drive_model(m, &loud.source, loud.target_db)
                .is_some_and(|d| d.headroom_db >= 0.0);
            if !reaches {
                continue;
            }
        }
        // A model that fails one facet counts only in that facet's own values.
        let counts_in = |facet: u8| failed == 0 || failed == facet;
        if counts_in(BACK) {
            back_counts[m.back as usize] += 1;
        }
        if counts_in(TIER) {
            if let Some(t) = m.tier {
                tier_counts[t as usize] += 1;
            }
        }
        if counts_in(TRANSDUCER) {
            if let Some(t) = m.transducer {
                transducer_counts[t as usize] += 1;
            }
        }
        if counts_in(BRAND) {
            brand_counts[e.brand as usize] += 1;
        }
        if failed == 0 {
            let value = sort_value(query.sort, m, e, score, search.is_active());
            matches.push((sort_bits(value, query.descending), e.rank, i as u32));
        }
    }

    let total = matches.len();
    let start = query.offset.min(total);
    let end = query
        .limit
        .map_or(total, |l| start.saturating_add(l).min(total));
    // Only the matches up to the page's end need to be in order.
    if end < total && end > 0 {
        matches.select_nth_unstable(end - 1);
        matches[..end - 1].sort_unstable();
    } else if end == total {
        matches.sort_unstable();
    }
    let ids = matches[start..end]
        .iter()
        .map(|&(_, _, i)| catalog.models[i as usize].id.clone())
        .collect();

    let brand = index
        .brands
        .iter()
        .enumerate()
        .filter(|&(id, _)| brand_counts[id] > 0 || brand_selected.as_ref().is_some_and(|s| s[id]))
        .map(|(id, name)| FacetCount {
            value: name.clone(),
            count: brand_counts[id],
        })
        .collect();
    let facets = Facets {
        back: Back::ALL
            .iter()
            .map(|&value| FacetCount {
                value,
                count: back_counts[value as usize],
            })
            .collect(),
        tier: Tier::ALL
            .iter()
            .map(|&value| FacetCount {
                value,
                count: tier_counts[value as usize],
            })
            .collect(),
        transducer: Transducer::ALL
            .iter()
            .map(|&value| FacetCount {
                value,
                count: transducer_counts[value as usize],
            })
            .collect(),
        brand,
    };
    Ok(QueryResult { total, ids, facets })
}

/// A facet mask meaning "no filter".
const ALL: u8 = u8::MAX;

/// A bit per selected enum value (by discriminant), or every bit when nothing is selected.
fn mask(values: impl Iterator<Item = u8>) -> u8 {
    let mut mask = 0;
    let mut any = false;
    for v in values {
        mask |= 1 << v;
        any = true;
    }
    if any {
        mask
    } else {
        ALL
    }
}

/// The model's value for the sort column, smaller first; `None` when unknown.
fn sort_value(key: SortKey, m: &Model, e: &Entry, score: u32, searching: bool) -> Option<f64> {
    match key {
        SortKey::Relevance if searching => Some(-f64::from(score)),
        SortKey::Relevance => Some(f64::from(e.rank)),
        SortKey::Brand => Some(f64::from(e.brand)),
        SortKey::Model => Some(f64::from(e.model_group)),
        SortKey::Back => Some(f64::from(m.back as u8)),
        SortKey::Tier | SortKey::PriceTier => m.tier.map(|t| f64::from(t as u8)),
        SortKey::Transducer => m.transducer.map(|t| f64::from(t as u8)),
        SortKey::Impedance => m.impedance_ohm,
        SortKey::Sensitivity => m.sensitivity_db_per_mw(),
        SortKey::Weight => m.weight_g,
        SortKey::Driver => m.driver_mm,
        SortKey::Year => m.year.map(f64::from),
    }
}

/// Maps a sort value to bits whose integer order is the wanted order: ascending or descending
/// for known values, and unknown (or NaN) always last.
fn sort_bits(value: Option<f64>, descending: bool) -> u64 {
    match value {
        Some(v) if !v.is_nan() => {
            let bits = v.to_bits();
            // Flip negatives entirely and set the sign bit of positives: integer order is then
            // numeric order, and finite values never map to 0 or u64::MAX.
            let ordered = if bits >> 63 == 1 {
                !bits
            } else {
                bits | 1 << 63
            };
            if descending {
                !ordered
            } else {
                ordered
            }
        }
        _ => u64::MAX,
    }
}
