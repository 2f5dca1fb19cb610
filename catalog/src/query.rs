//! Catalog queries: facet filters, a search that forgives how people type model names, sorting
//! by any column, and facet counts for the filters.
//!
//! [`run`] makes one pass over the catalog (filter, score, count) and sorts only the matches,
//! once. The per-model search keys and the canonical brand/model/variant order are computed when
//! the [`Catalog`] is built, so a query allocates nothing per model.
//!
//! ```
//! use headroom_catalog::{query, Back, Catalog};
//!
//! let catalog = Catalog::embedded().unwrap();
//! let q = query::Query { text: "hd650".into(), back: vec![Back::Open], ..Default::default() };
//! let result = query::run(&catalog, &q).unwrap();
//! assert_eq!(result.ids[0], "sennheiser-hd-650");
//! ```

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::drive::{self, SourceSpec, MAX_TARGET_DB, MIN_TARGET_DB};
use crate::{Back, Catalog, Error, Model, Origin, Result, Tier, Transducer};

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

/// The parsed search text.
struct Search {
    /// The search form of each whitespace-separated token, empty ones dropped.
    tokens: Vec<String>,
    /// The tokens joined.
    joined: String,
}

impl Search {
    fn new(text: &str) -> Search {
        let tokens: Vec<String> = text
            .split_whitespace()
            .map(|t| {
                let mut out = String::new();
                push_search_form(t, &mut out, &mut 0);
                out
            })
            .filter(|t| !t.is_empty())
            .collect();
        let joined = tokens.concat();
        Search { tokens, joined }
    }

    fn is_active(&self) -> bool {
        !self.joined.is_empty()
    }

    /// `None` when the model does not match; else higher is better: the class (see [`run`])
    /// in the high bits, the number of tokens found at a word start in the low ones.
    fn score(&self, e: &Entry) -> Option<u32> {
        if !self.is_active() {
            return Some(0);
        }
        let key = &*e.key;
        let q = self.joined.as_str();
        let class = if key.contains(q) {
            let (brand_end, model_end) = (e.brand_end, e.model_end);
            let model = &key[brand_end..model_end];
            let model_variant = &key[brand_end..];
            let ends_at = |end: usize| {
                end >= q.len() && key[..end].ends_with(q) && e.is_word_start(end - q.len())
            };
            if q == model || q == model_variant || q == &key[..model_end] || q == key {
                6
            } else if ends_at(model_end) || ends_at(key.len()) {
                5
            } else if model_variant.starts_with(q) {
                4
            } else if key.match_indices(q).any(|(at, _)| e.is_word_start(at)) {
                3
            } else {
                2
            }
        } else if self.tokens.iter().all(|t| key.contains(t.as_str())) {
            1
        } else {
            return None;
        };
        let at_word_start = self
            .tokens
            .iter()
            .filter(|t| {
                key.match_indices(t.as_str())
                    .any(|(at, _)| e.is_word_start(at))
            })
            .count();
        Some(class << 16 | at_word_start.min(0xFFFF) as u32)
    }
}

/// Appends the search form of `text` (lower-case letters and digits, nothing else) to `out`
/// and marks word starts in `starts`, a bit per byte offset of `out` (offsets past 127 are
/// never marked). `text` begins a new word.
fn push_search_form(text: &str, out: &mut String, starts: &mut u128) {
    // The previous kept character: (is a digit, is upper-case); `None` after punctuation.
    let mut previous: Option<(bool, bool)> = None;
    for c in text.chars() {
        if !c.is_alphanumeric() {
            previous = None;
            continue;
        }
        let kind = (c.is_numeric(), c.is_uppercase());
        let starts_word = match previous {
            None => true,
            Some((digit, upper)) => digit != kind.0 || (!digit && !upper && kind.1),
        };
        if starts_word && out.len() < 128 {
            *starts |= 1 << out.len();
        }
        out.extend(c.to_lowercase());
        previous = Some(kind);
    }
}

/// Orders names as people read them: case-insensitive, and runs of digits by their value
/// (`HD 25` < `HD 280` < `HD 600`; `32 ohm` < `80 ohm` < `250 ohm`). Names that differ only
/// in case or leading zeros fall back to byte order, so the order is total.
pub(crate) fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a, b);
    loop {
        let (c, d) = match (x.chars().next(), y.chars().next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) => (c, d),
        };
        if c.is_ascii_digit() && d.is_ascii_digit() {
            let x_len = x.bytes().take_while(u8::is_ascii_digit).count();
            let y_len = y.bytes().take_while(u8::is_ascii_digit).count();
            let (nx, ny) = (
                x[..x_len].trim_start_matches('0'),
                y[..y_len].trim_start_matches('0'),
            );
            let ord = nx.len().cmp(&ny.len()).then_with(|| nx.cmp(ny));
            if ord != Ordering::Equal {
                return ord;
            }
            x = &x[x_len..];
            y = &y[y_len..];
        } else {
            let ord = c.to_lowercase().cmp(d.to_lowercase());
            if ord != Ordering::Equal {
                return ord;
            }
            x = &x[c.len_utf8()..];
            y = &y[d.len_utf8()..];
        }
    }
}

/// Search keys and sort ranks, built once with the catalog.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    /// One per model, in the catalog's order.
    entries: Vec<Entry>,
    /// Distinct brand names in name order; an entry's `brand` indexes this.
    brands: Vec<String>,
    /// Brand name → its index in `brands`.
    brand_ids: HashMap<String, u32>,
}

/// What a query needs of one model besides the model itself.
#[derive(Debug, Clone)]
struct Entry {
    /// Search form of brand + model + variant.
    key: Box<str>,
    /// Where the model name begins in `key`.
    brand_end: usize,
    /// Where the model name ends (and the variant begins) in `key`.
    model_end: usize,
    /// Bit n set when byte n of `key` begins a word.
    word_starts: u128,
    /// Index of the brand in [`Index::brands`], which is also its rank in brand order.
    brand: u32,
    /// Rank of the model name among distinct model names.
    model_group: u32,
    /// Position in brand, model, variant, id order: unique, so it settles every tie.
    rank: u32,
}

impl Entry {
    fn is_word_start(&self, at: usize) -> bool {
        at < 128 && self.word_starts & (1 << at) != 0
    }
}

impl Index {
    pub(crate) fn new(models: &[Model]) -> Index {
        let mut brands: Vec<&str> = models.iter().map(|m| m.brand.as_str()).collect();
        brands.sort_unstable_by(|a, b| natural_cmp(a, b));
        brands.dedup();
        let mut model_names: Vec<&str> = models.iter().map(|m| m.model.as_str()).collect();
        model_names.sort_unstable_by(|a, b| natural_cmp(a, b));
        model_names.dedup();

        let mut order: Vec<usize> = (0..models.len()).collect();
        order.sort_unstable_by(|&i, &j| {
            let (a, b) = (&models[i], &models[j]);
            natural_cmp(&a.brand, &b.brand)
                .then_with(|| natural_cmp(&a.model, &b.model))
                .then_with(|| match (&a.variant, &b.variant) {
                    (None, None) => Ordering::Equal,
                    (None, Some(_)) => Ordering::Less,
                    (Some(_), None) => Ordering::Greater,
                    (Some(x), Some(y)) => natural_cmp(x, y),
                })
                .then_with(|| a.id.cmp(&b.id))
                .then_with(|| i.cmp(&j))
        });
        let mut rank = vec![0u32; models.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r as u32;
        }

        let brand_ids: HashMap<String, u32> = brands
            .iter()
            .enumerate()
            .map(|(id, &name)| (name.to_owned(), id as u32))
            .collect();
        let entries = models
            .iter()
            .zip(rank)
            .map(|(m, rank)| {
                let mut key = String::new();
                let mut word_starts = 0;
                push_search_form(&m.brand, &mut key, &mut word_starts);
                let brand_end = key.len();
                push_search_form(&m.model, &mut key, &mut word_starts);
                let model_end = key.len();
                if let Some(v) = &m.variant {
                    push_search_form(v, &mut key, &mut word_starts);
                }
                let model_group = model_names
                    .binary_search_by(|n| natural_cmp(n, &m.model))
                    .unwrap_or_default() as u32;
                Entry {
                    key: key.into_boxed_str(),
                    brand_end,
                    model_end,
                    word_starts,
                    brand: brand_ids[m.brand.as_str()],
                    model_group,
                    rank,
                }
            })
            .collect();
        Index {
            entries,
            brands: brands.into_iter().map(str::to_owned).collect(),
            brand_ids,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use proptest::prelude::*;

    use super::*;
    use crate::SensitivityUnit;
    use crate::{ErrorKind, Sensitivity};

    const EVERY_SORT: [SortKey; 12] = [
        SortKey::Relevance,
        SortKey::Brand,
        SortKey::Model,
        SortKey::Back,
        SortKey::Tier,
        SortKey::Transducer,
        SortKey::Impedance,
        SortKey::Sensitivity,
        SortKey::Weight,
        SortKey::Driver,
        SortKey::Year,
        SortKey::PriceTier,
    ];

    #[allow(clippy::too_many_arguments)]
    fn model(
        id: &str,
        brand: &str,
        name: &str,
        variant: Option<&str>,
        back: Back,
        tier: Option<Tier>,
        transducer: Option<Transducer>,
        impedance_ohm: Option<f64>,
        sensitivity: Option<(f64, SensitivityUnit)>,
    ) -> Model {
        Model {
            id: id.into(),
            family: id.into(),
            brand: brand.into(),
            model: name.into(),
            variant: variant.map(Into::into),
            back,
            transducer,
            driver_mm: None,
            impedance_ohm,
            sensitivity: sensitivity.map(|(value, unit)| Sensitivity {
                value,
                unit,
                ref_hz: None,
            }),
            weight_g: None,
            frequency_response: None,
            cable: Default::default(),
            folds: None,
            swivels: None,
            pads: None,
            tier,
            price: None,
            year: None,
            notes: Default::default(),
            sources: Vec::new(),
            provenance: Default::default(),
            figure_notes: Default::default(),
            origin: Origin::Catalog,
        }
    }

    /// Eight models, deliberately out of order. Canonical (brand, model, variant) order:
    /// acme-a1, acme-a2-32, acme-a2-80, acme-a2-250, bolt-e1, bolt-p9, bolt-s3, zeta-z1.
    #[rustfmt::skip] // a table reads better one model a line
    fn fixture() -> Catalog {
        use Back::*;
        use SensitivityUnit::*;
        use Transducer::*;
        let mut zeta = model("zeta-z1", "Zeta", "Z1", None, Closed, None, Some(Dynamic), Some(300.0), None);
        zeta.origin = Origin::User;
        Catalog::from_models(vec![
            zeta,
            model("acme-a2-250", "Acme", "A2", Some("250 ohm"), Closed, Some(Tier::Midrange), Some(Dynamic), Some(250.0), Some((98.0, DbPerV))),
            model("bolt-p9", "Bolt", "P9", None, Open, Some(Tier::HighEnd), Some(PlanarMagnetic), Some(20.0), Some((93.0, DbPerMw))),
            model("acme-a2-32", "Acme", "A2", Some("32 ohm"), Closed, Some(Tier::Midrange), Some(Dynamic), Some(32.0), Some((95.0, DbPerV))),
            model("acme-a1", "Acme", "A1", None, Open, Some(Tier::Budget), Some(Dynamic), Some(32.0), Some((100.0, DbPerMw))),
            model("bolt-s3", "Bolt", "S3", None, SemiOpen, Some(Tier::Midrange), None, None, None),
            model("acme-a2-80", "Acme", "A2", Some("80 ohm"), Closed, Some(Tier::Midrange), Some(Dynamic), Some(80.0), Some((96.0, DbPerV))),
            model("bolt-e1", "Bolt", "E1", None, Open, Some(Tier::HighEnd), Some(Electrostatic), None, Some((100.0, DbPerV))),
        ])
    }

    fn ids(catalog: &Catalog, query: &Query) -> Vec<String> {
        let result = run(catalog, query).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            result.total,
            result.ids.len(),
            "these queries are not paged"
        );
        result.ids
    }

    fn sorted(sort: SortKey, descending: bool) -> Vec<String> {
        ids(
            &fixture(),
            &Query {
                sort,
                descending,
                ..Query::default()
            },
        )
    }

    fn counts<T: Copy>(facet: &[FacetCount<T>]) -> Vec<(T, usize)> {
        facet.iter().map(|f| (f.value, f.count)).collect()
    }

    fn brand_counts(facets: &Facets) -> Vec<(&str, usize)> {
        facets
            .brand
            .iter()
            .map(|f| (f.value.as_str(), f.count))
            .collect()
    }

    #[test]
    fn enum_values_index_their_all_lists() {
        // Facet counts and masks index by discriminant and report in `ALL` order.
        assert!(Back::ALL.iter().enumerate().all(|(i, &v)| v as usize == i));
        assert!(Tier::ALL.iter().enumerate().all(|(i, &v)| v as usize == i));
        assert!(Transducer::ALL
            .iter()
            .enumerate()
            .all(|(i, &v)| v as usize == i));
        assert!(Transducer::ALL.len() <= 8, "masks are u8");
    }

    #[test]
    fn no_query_lists_everything_in_brand_model_variant_order() {
        let all = ids(&fixture(), &Query::default());
        assert_eq!(
            all,
            [
                "acme-a1",
                "acme-a2-32",
                "acme-a2-80",
                "acme-a2-250",
                "bolt-e1",
                "bolt-p9",
                "bolt-s3",
                "zeta-z1"
            ]
        );
    }

    #[test]
    fn filters_match_hand_computed_lists() {
        let catalog = fixture();
        let cases: Vec<(Query, Vec<&str>)> = vec![
            (
                Query {
                    back: vec![Back::Open],
                    ..Default::default()
                },
                vec!["acme-a1", "bolt-e1", "bolt-p9"],
            ),
            (
                Query {
                    back: vec![Back::Open, Back::SemiOpen],
                    tier: vec![Tier::HighEnd],
                    ..Default::default()
                },
                vec!["bolt-e1", "bolt-p9"],
            ),
            // Zeta has no tier, so it fails any tier filter.
            (
                Query {
                    tier: vec![Tier::Budget],
                    ..Default::default()
                },
                vec!["acme-a1"],
            ),
            // Bolt S3's driver type is unknown: it fails any transducer filter.
            (
                Query {
                    brand: vec!["Bolt".into()],
                    transducer: vec![Transducer::Dynamic, Transducer::PlanarMagnetic],
                    ..Default::default()
                },
                vec!["bolt-p9"],
            ),
            // Bounds are inclusive; unknown impedances fail them.
            (
                Query {
                    impedance_min: Some(32.0),
                    impedance_max: Some(80.0),
                    ..Default::default()
                },
                vec!["acme-a1", "acme-a2-32", "acme-a2-80"],
            ),
            (
                Query {
                    impedance_min: Some(250.0),
                    ..Default::default()
                },
                vec!["acme-a2-250", "zeta-z1"],
            ),
            (
                Query {
                    impedance_max: Some(20.0),
                    ..Default::default()
                },
                vec!["bolt-p9"],
            ),
            (
                Query {
                    origin: Some(Origin::User),
                    ..Default::default()
                },
                vec!["zeta-z1"],
            ),
            (
                Query {
                    brand: vec!["Acme".into(), "Zeta".into()],
                    back: vec![Back::Open],
                    ..Default::default()
                },
                vec!["acme-a1"],
            ),
            // Brands are spelt as the facet gives them; an unknown one matches nothing.
            (
                Query {
                    brand: vec!["acme".into()],
                    ..Default::default()
                },
                vec![],
            ),
            (
                Query {
                    text: "A2 80".into(),
                    ..Default::default()
                },
                vec!["acme-a2-80"],
            ),
            (
                Query {
                    text: "acme".into(),
                    ..Default::default()
                },
                vec!["acme-a1", "acme-a2-32", "acme-a2-80", "acme-a2-250"],
            ),
            (
                Query {
                    text: "bolt".into(),
                    back: vec![Back::Open],
                    ..Default::default()
                },
                vec!["bolt-e1", "bolt-p9"],
            ),
            (
                Query {
                    text: "nothing like it".into(),
                    ..Default::default()
                },
                vec![],
            ),
            // No letters or digits: no search at all.
            (
                Query {
                    text: " -- . ".into(),
                    ..Default::default()
                },
                fixture_order(),
            ),
        ];
        for (query, expected) in cases {
            assert_eq!(ids(&catalog, &query), expected, "{query:?}");
        }
    }

    fn fixture_order() -> Vec<&'static str> {
        vec![
            "acme-a1",
            "acme-a2-32",
            "acme-a2-80",
            "acme-a2-250",
            "bolt-e1",
            "bolt-p9",
            "bolt-s3",
            "zeta-z1",
        ]
    }

    #[test]
    fn facet_counts_ignore_their_own_filter_only() {
        let catalog = fixture();
        let result = run(
            &catalog,
            &Query {
                back: vec![Back::Closed],
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            result.ids,
            ["acme-a2-32", "acme-a2-80", "acme-a2-250", "zeta-z1"]
        );
        let f = &result.facets;
        assert_eq!(
            counts(&f.back),
            [(Back::Open, 3), (Back::SemiOpen, 1), (Back::Closed, 4)]
        );
        assert_eq!(
            counts(&f.tier),
            [(Tier::Budget, 0), (Tier::Midrange, 3), (Tier::HighEnd, 0)]
        );
        assert_eq!(
            counts(&f.transducer),
            [
                (Transducer::Dynamic, 4),
                (Transducer::PlanarMagnetic, 0),
                (Transducer::Electrostatic, 0),
                (Transducer::Other, 0)
            ]
        );
        assert_eq!(
            brand_counts(f),
            [("Acme", 3), ("Zeta", 1)],
            "brands without a match are left out"
        );

        // Two facets that exclude each other: nothing matches, yet each facet still counts the
        // models the other one lets through, and the selected brand stays listed.
        let query = Query {
            back: vec![Back::Closed],
            brand: vec!["Bolt".into()],
            ..Default::default()
        };
        let result = run(&catalog, &query).unwrap();
        assert_eq!((result.total, result.ids.len()), (0, 0));
        let f = &result.facets;
        assert_eq!(
            counts(&f.back),
            [(Back::Open, 2), (Back::SemiOpen, 1), (Back::Closed, 0)]
        );
        assert_eq!(brand_counts(f), [("Acme", 3), ("Bolt", 0), ("Zeta", 1)]);
        assert!(f.tier.iter().all(|c| c.count == 0), "{:?}", f.tier);
        assert!(
            f.transducer.iter().all(|c| c.count == 0),
            "{:?}",
            f.transducer
        );
    }

    #[test]
    fn facet_counts_follow_the_text_and_the_other_filters() {
        let catalog = fixture();
        let f = run(
            &catalog,
            &Query {
                text: "bolt".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .facets;
        assert_eq!(
            counts(&f.back),
            [(Back::Open, 2), (Back::SemiOpen, 1), (Back::Closed, 0)]
        );
        assert_eq!(
            counts(&f.tier),
            [(Tier::Budget, 0), (Tier::Midrange, 1), (Tier::HighEnd, 2)]
        );
        assert_eq!(
            counts(&f.transducer),
            [
                (Transducer::Dynamic, 0),
                (Transducer::PlanarMagnetic, 1),
                (Transducer::Electrostatic, 1),
                (Transducer::Other, 0)
            ],
            "S3's unknown driver type counts under no value"
        );
        assert_eq!(brand_counts(&f), [("Bolt", 3)]);

        let query = Query {
            impedance_max: Some(100.0),
            tier: vec![Tier::Midrange],
            ..Default::default()
        };
        let result = run(&catalog, &query).unwrap();
        assert_eq!(result.ids, ["acme-a2-32", "acme-a2-80"]);
        let f = &result.facets;
        // Impedance (not a facet) applies everywhere: a1, a2-32, a2-80 and p9 are left.
        assert_eq!(
            counts(&f.tier),
            [(Tier::Budget, 1), (Tier::Midrange, 2), (Tier::HighEnd, 1)]
        );
        assert_eq!(
            counts(&f.back),
            [(Back::Open, 0), (Back::SemiOpen, 0), (Back::Closed, 2)]
        );
        assert_eq!(brand_counts(f), [("Acme", 2)]);
    }

    #[test]
    fn unknowns_sort_last_in_both_directions() {
        assert_eq!(
            sorted(SortKey::Impedance, false),
            [
                "bolt-p9",
                "acme-a1",
                "acme-a2-32",
                "acme-a2-80",
                "acme-a2-250",
                "zeta-z1",
                "bolt-e1",
                "bolt-s3"
            ]
        );
        // Ties (a1 and a2-32 are both 32 ohm) keep brand/model/variant order when descending.
        assert_eq!(
            sorted(SortKey::Impedance, true),
            [
                "zeta-z1",
                "acme-a2-250",
                "acme-a2-80",
                "acme-a1",
                "acme-a2-32",
                "bolt-p9",
                "bolt-e1",
                "bolt-s3"
            ]
        );
        assert_eq!(
            sorted(SortKey::Tier, false),
            [
                "acme-a1",
                "acme-a2-32",
                "acme-a2-80",
                "acme-a2-250",
                "bolt-s3",
                "bolt-e1",
                "bolt-p9",
                "zeta-z1"
            ]
        );
        assert_eq!(
            sorted(SortKey::Tier, true),
            [
                "bolt-e1",
                "bolt-p9",
                "acme-a2-32",
                "acme-a2-80",
                "acme-a2-250",
                "bolt-s3",
                "acme-a1",
                "zeta-z1"
            ]
        );
        assert_eq!(
            sorted(SortKey::PriceTier, true),
            sorted(SortKey::Tier, true)
        );
        // Every model's weight is unknown: brand/model/variant order either way.
        assert_eq!(sorted(SortKey::Weight, true), fixture_order());
    }

    #[test]
    fn sensitivity_sorts_in_db_per_mw() {
        // dB/V → dB/mW: a2-32 95 − 14.9 = 80.1; a2-80 96 − 11.0 = 85.0; a2-250 98 − 6.0 = 92.0
        // (below P9's 93 dB/mW, though 98 > 93 raw). E1's dB/V figure without an impedance is
        // unknown.
        assert_eq!(
            sorted(SortKey::Sensitivity, false),
            [
                "acme-a2-32",
                "acme-a2-80",
                "acme-a2-250",
                "bolt-p9",
                "acme-a1",
                "bolt-e1",
                "bolt-s3",
                "zeta-z1"
            ]
        );
        assert_eq!(
            sorted(SortKey::Sensitivity, true),
            [
                "acme-a1",
                "bolt-p9",
                "acme-a2-250",
                "acme-a2-80",
                "acme-a2-32",
                "bolt-e1",
                "bolt-s3",
                "zeta-z1"
            ]
        );
    }

    #[test]
    fn text_columns_and_relevance_sort_both_ways() {
        assert_eq!(sorted(SortKey::Model, false), fixture_order());
        assert_eq!(
            sorted(SortKey::Model, true),
            [
                "zeta-z1",
                "bolt-s3",
                "bolt-p9",
                "bolt-e1",
                "acme-a2-32",
                "acme-a2-80",
                "acme-a2-250",
                "acme-a1"
            ]
        );
        assert_eq!(
            sorted(SortKey::Brand, true),
            [
                "zeta-z1",
                "bolt-e1",
                "bolt-p9",
                "bolt-s3",
                "acme-a1",
                "acme-a2-32",
                "acme-a2-80",
                "acme-a2-250"
            ]
        );
        let mut reversed = fixture_order();
        reversed.reverse();
        assert_eq!(sorted(SortKey::Relevance, true), reversed);
        assert_eq!(
            sorted(SortKey::Back, false),
            [
                "acme-a1",
                "bolt-e1",
                "bolt-p9",
                "bolt-s3",
                "acme-a2-32",
                "acme-a2-80",
                "acme-a2-250",
                "zeta-z1"
            ]
        );
        assert_eq!(
            sorted(SortKey::Transducer, true),
            [
                "bolt-e1",
                "bolt-p9",
                "acme-a1",
                "acme-a2-32",
                "acme-a2-80",
                "acme-a2-250",
                "zeta-z1",
                "bolt-s3"
            ]
        );
    }

    #[test]
    fn variants_order_by_number() {
        // The fixture lists them 250, 32, 80; byte order would give 250, 32, 80 too.
        let a2 = ids(
            &fixture(),
            &Query {
                text: "a2".into(),
                ..Default::default()
            },
        );
        assert_eq!(a2, ["acme-a2-32", "acme-a2-80", "acme-a2-250"]);
        let mut names = [
            "250 ohm",
            "HD 600",
            "32 ohm",
            "HD 25",
            "80 ohm",
            "HD 280 Pro",
            "hd 25",
            "DT 1770",
            "DT 770",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            [
                "32 ohm",
                "80 ohm",
                "250 ohm",
                "DT 770",
                "DT 1770",
                "HD 25",
                "hd 25",
                "HD 280 Pro",
                "HD 600"
            ]
        );
    }

    #[test]
    fn pages_are_slices_of_the_sorted_matches() {
        let catalog = fixture();
        let page = |sort, descending, offset, limit| {
            let query = Query {
                sort,
                descending,
                offset,
                limit,
                ..Default::default()
            };
            let result = run(&catalog, &query).unwrap();
            assert_eq!(result.total, 8);
            result.ids
        };
        assert_eq!(
            page(SortKey::Relevance, false, 2, Some(3)),
            ["acme-a2-80", "acme-a2-250", "bolt-e1"]
        );
        assert_eq!(
            page(SortKey::Impedance, true, 1, Some(2)),
            ["acme-a2-250", "acme-a2-80"]
        );
        assert_eq!(page(SortKey::Impedance, false, 0, Some(1)), ["bolt-p9"]);
        assert_eq!(page(SortKey::Relevance, false, 7, Some(5)), ["zeta-z1"]);
        assert!(page(SortKey::Relevance, false, 100, None).is_empty());
        assert!(page(SortKey::Weight, false, 0, Some(0)).is_empty());
    }

    #[test]
    fn loud_enough_keeps_models_with_headroom_on_the_source() {
        // 1 Vrms from 0 ohm: headroom = S_V − target. S_V: a1 100 dB/mW at 32 ohm = 114.9;
        // p9 93 dB/mW at 20 ohm = 110.0; a2-32 95, a2-80 96, a2-250 98 (dB/V as published).
        // E1 (no impedance), S3 and Z1 (no sensitivity) cannot be computed and never pass.
        let catalog = fixture();
        let loud = |target_db| Query {
            loud_enough: Some(LoudEnough {
                source: SourceSpec::new(1.0, 0.0),
                target_db,
            }),
            ..Default::default()
        };
        assert_eq!(ids(&catalog, &loud(100.0)), ["acme-a1", "bolt-p9"]);
        // Exactly 0 dB of headroom passes.
        assert_eq!(
            ids(&catalog, &loud(96.0)),
            ["acme-a1", "acme-a2-80", "acme-a2-250", "bolt-p9"]
        );
        assert!(ids(&catalog, &loud(120.0)).is_empty());

        let result = run(
            &catalog,
            &Query {
                back: vec![Back::Closed],
                ..loud(97.0)
            },
        )
        .unwrap();
        assert_eq!(result.ids, ["acme-a2-250"]);
        assert_eq!(
            counts(&result.facets.back),
            [(Back::Open, 2), (Back::SemiOpen, 0), (Back::Closed, 1)]
        );

        let q: Query = serde_json::from_str(
            r#"{ "loud_enough": { "source": { "vrms": 1.0, "output_ohm": 0 }, "target_db": 100 } }"#,
        )
        .unwrap();
        assert_eq!(ids(&catalog, &q), ["acme-a1", "bolt-p9"]);
    }

    #[test]
    fn invalid_queries_name_their_field() {
        let catalog = fixture();
        let cases = [
            (
                "text",
                Query {
                    text: "x".repeat(201),
                    ..Default::default()
                },
            ),
            (
                "impedance_min",
                Query {
                    impedance_min: Some(f64::NAN),
                    ..Default::default()
                },
            ),
            (
                "impedance_min",
                Query {
                    impedance_min: Some(-1.0),
                    ..Default::default()
                },
            ),
            (
                "impedance_max",
                Query {
                    impedance_max: Some(f64::INFINITY),
                    ..Default::default()
                },
            ),
            (
                "impedance_max",
                Query {
                    impedance_max: Some(1000.5),
                    ..Default::default()
                },
            ),
            (
                "impedance_min",
                Query {
                    impedance_min: Some(300.0),
                    impedance_max: Some(100.0),
                    ..Default::default()
                },
            ),
            (
                "limit",
                Query {
                    limit: Some(100_001),
                    ..Default::default()
                },
            ),
            (
                "brand",
                Query {
                    brand: vec!["Acme".into(), "b".repeat(101)],
                    ..Default::default()
                },
            ),
            (
                "loud_enough.target_db",
                Query {
                    loud_enough: Some(LoudEnough {
                        source: SourceSpec::new(1.0, 1.0),
                        target_db: f64::NAN,
                    }),
                    ..Default::default()
                },
            ),
            (
                "loud_enough.target_db",
                Query {
                    loud_enough: Some(LoudEnough {
                        source: SourceSpec::new(1.0, 1.0),
                        target_db: 200.0,
                    }),
                    ..Default::default()
                },
            ),
            (
                "loud_enough.source.vrms",
                Query {
                    loud_enough: Some(LoudEnough {
                        source: SourceSpec::new(-1.0, 1.0),
                        target_db: 110.0,
                    }),
                    ..Default::default()
                },
            ),
        ];
        for (field, query) in cases {
            let e = run(&catalog, &query).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
            assert!(
                e.message().starts_with(&format!("{field}:")),
                "{field}: {e}"
            );
        }
        let fine = Query {
            text: "é".repeat(200),
            impedance_min: Some(0.0),
            impedance_max: Some(1000.0),
            limit: Some(100_000),
            brand: vec!["b".repeat(100)],
            ..Default::default()
        };
        assert_eq!(fine.validate(), Ok(()));
    }

    #[test]
    fn queries_come_from_json_with_defaults() {
        let q: Query = serde_json::from_str(
            r#"{ "text": "hd650", "back": ["semi-open"], "tier": ["high-end"], "transducer": ["planar-magnetic"],
                 "sort": "price-tier", "descending": true, "limit": 50, "origin": "user" }"#,
        )
        .unwrap();
        assert_eq!(
            (q.sort, q.descending, q.limit, q.offset),
            (SortKey::PriceTier, true, Some(50), 0)
        );
        assert_eq!(
            (q.back, q.tier, q.origin),
            (
                vec![Back::SemiOpen],
                vec![Tier::HighEnd],
                Some(Origin::User)
            )
        );
        let q: Query = serde_json::from_str("{}").unwrap();
        assert_eq!(
            (q.sort, q.text.as_str(), q.limit),
            (SortKey::Relevance, "", None)
        );
        assert!(serde_json::from_str::<Query>(r#"{ "sort": "loudness" }"#).is_err());
        assert!(serde_json::from_str::<Query>(r#"{ "txet": "hd650" }"#).is_err());

        let result = run(
            &fixture(),
            &Query {
                text: "p9".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let json = serde_json::to_value(&result).unwrap();
        assert_eq!(json["ids"], serde_json::json!(["bolt-p9"]));
        assert_eq!(
            json["facets"]["back"][0],
            serde_json::json!({ "value": "open", "count": 1 })
        );
        assert_eq!(
            json["facets"]["brand"],
            serde_json::json!([{ "value": "Bolt", "count": 1 }])
        );
    }

    #[test]
    fn search_forms_and_word_starts() {
        let mut key = String::new();
        let mut starts = 0;
        push_search_form("Audio-Technica", &mut key, &mut starts);
        push_search_form("ATH-M50xBT2", &mut key, &mut starts);
        assert_eq!(key, "audiotechnicaathm50xbt2");
        let words: Vec<usize> = (0..key.len()).filter(|&i| starts & (1 << i) != 0).collect();
        // audio|technica|ath|m|50|x|bt|2 (lower→upper starts a word: x|BT)
        assert_eq!(words, [0, 5, 13, 16, 17, 19, 20, 22]);
        for text in ["hd650", "HD 650", "HD-650", " h.d 6-5-0 "] {
            assert_eq!(Search::new(text).joined, "hd650", "{text:?}");
        }
    }

    fn real() -> Catalog {
        Catalog::embedded().unwrap_or_else(|e| panic!("embedded catalog: {e}"))
    }

    fn search(catalog: &Catalog, text: &str) -> Vec<String> {
        run(
            catalog,
            &Query {
                text: text.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .ids
    }

    #[test]
    fn real_catalog_search_forgives_how_people_type() {
        let catalog = real();
        for text in [
            "hd650",
            "hd 650",
            "HD-650",
            "HD 650",
            "sennheiser hd650",
            "Hd.650",
        ] {
            assert_eq!(
                search(&catalog, text).first().map(String::as_str),
                Some("sennheiser-hd-650"),
                "{text:?}"
            );
        }
        let dt770 = search(&catalog, "dt 770");
        assert_eq!(
            dt770[..3],
            [
                "beyerdynamic-dt-770-pro-32",
                "beyerdynamic-dt-770-pro-80",
                "beyerdynamic-dt-770-pro-250"
            ],
            "{dt770:?}"
        );
        for (text, first) in [
            ("m50x", "audio-technica-ath-m50x"),
            ("ATH-M50X", "audio-technica-ath-m50x"),
            ("lcd2", "audeze-lcd-2"),
            ("LCD-2", "audeze-lcd-2"),
            ("mdr7506", "sony-mdr-7506"),
        ] {
            let found = search(&catalog, text);
            assert_eq!(
                found.first().map(String::as_str),
                Some(first),
                "{text:?}: {found:?}"
            );
        }
        let beyer990 = search(&catalog, "beyer 990");
        assert_eq!(
            beyer990[..2],
            ["beyerdynamic-dt-990-pro-80", "beyerdynamic-dt-990-pro-250"],
            "{beyer990:?}"
        );
    }

    #[test]
    fn real_catalog_facets_add_up() {
        let catalog = real();
        let result = run(&catalog, &Query::default()).unwrap();
        assert_eq!(result.total, catalog.len());
        let sum = |counts: Vec<usize>| counts.into_iter().sum::<usize>();
        assert_eq!(
            sum(result.facets.back.iter().map(|c| c.count).collect()),
            catalog.len()
        );
        assert_eq!(
            sum(result.facets.brand.iter().map(|c| c.count).collect()),
            catalog.len()
        );
        assert_eq!(
            sum(result.facets.tier.iter().map(|c| c.count).collect()),
            catalog.len(),
            "catalog models all have a tier"
        );
    }

    /// 100,000 synthetic models searched, filtered, faceted and sorted. Run with
    /// `cargo test --release -p headroom-catalog query::tests::large -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing: run in release"]
    fn large_catalog_is_fast() {
        let base = fixture();
        let models: Vec<Model> = (0..100_000)
            .map(|i| {
                let mut m = base.models()[i % base.len()].clone();
                m.id = format!("{}-{i}", m.id);
                m.brand = format!("Brand {}", i % 97);
                m.model = format!(
                    "{} {} {}",
                    ["DT", "HD", "ATH-M", "K"][i / 8 % 4],
                    i % 1000,
                    ["Pro", "X", "S"][i / 32 % 3]
                );
                m.weight_g = (i % 5 != 0).then_some(200.0 + (i % 300) as f64);
                m
            })
            .collect();
        let catalog = Catalog::from_models(models);
        // A page of 100, as the browse view asks; the last query returns every id, which adds
        // 100,000 String clones (the allocator's time, not the query's), so it is only printed.
        let page = Some(100);
        let queries = [
            Query {
                limit: page,
                ..Default::default()
            },
            Query {
                text: "dt 770".into(),
                limit: page,
                ..Default::default()
            },
            Query {
                text: "hd".into(),
                back: vec![Back::Open],
                sort: SortKey::Sensitivity,
                descending: true,
                limit: page,
                ..Default::default()
            },
            Query {
                brand: vec!["Brand 3".into()],
                tier: vec![Tier::Midrange],
                sort: SortKey::Weight,
                limit: page,
                ..Default::default()
            },
            Query {
                text: "brand 1 pro".into(),
                impedance_min: Some(30.0),
                sort: SortKey::Model,
                limit: page,
                ..Default::default()
            },
            Query {
                sort: SortKey::Impedance,
                descending: true,
                offset: 50_000,
                limit: page,
                ..Default::default()
            },
            Query {
                loud_enough: Some(LoudEnough {
                    source: SourceSpec::new(1.0, 10.0),
                    target_db: 105.0,
                }),
                sort: SortKey::Sensitivity,
                limit: page,
                ..Default::default()
            },
            Query::default(),
        ];
        for query in &queries {
            let mut results = Vec::new();
            let best = (0..5)
                .map(|_| {
                    let start = Instant::now();
                    results.push(run(&catalog, query).unwrap());
                    start.elapsed()
                })
                .min()
                .unwrap();
            let total = results[0].total;
            println!(
                "{:>8.2} ms  {total:>6} matches  {query:?}",
                best.as_secs_f64() * 1000.0
            );
            if !cfg!(debug_assertions) && query.limit.is_some() {
                assert!(best.as_millis() < 20, "{best:?} for {query:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn any_text_runs_or_is_refused(
            text in prop_oneof![any::<String>(), "\\PC{150,260}", "[a-zA-Z0-9 .-]{0,30}"],
            sort in 0..EVERY_SORT.len(),
            descending: bool,
            offset in 0usize..10,
            limit in proptest::option::of(0usize..10),
        ) {
            let too_long = text.chars().count() > MAX_TEXT_CHARS;
            let query = Query { text, sort: EVERY_SORT[sort], descending, offset, limit, ..Default::default() };
            match run(&fixture(), &query) {
                Ok(result) => {
                    prop_assert!(!too_long);
                    prop_assert!(result.ids.len() <= result.total && result.total <= 8);
                }
                Err(e) => {
                    prop_assert!(too_long, "{e}");
                    prop_assert_eq!(e.kind(), ErrorKind::InvalidInput);
                }
            }
        }
    }
}
