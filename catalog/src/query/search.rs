//! The text search and the order of names: the search form of a name and its word starts,
//! the match classes a query's text scores (see [`run`]), the natural order of names, and the
//! per-catalog [`Index`] of search keys and sort ranks built once with the catalog.

use std::cmp::Ordering;
use std::collections::HashMap;

#[cfg(doc)]
use super::run;
use crate::Model;

/// The parsed search text.
pub(super) struct Search {
    /// The search form of each whitespace-separated token, empty ones dropped.
    tokens: Vec<String>,
    /// The tokens joined.
    pub(super) joined: String,
}

impl Search {
    pub(super) fn new(text: &str) -> Search {
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

    pub(super) fn is_active(&self) -> bool {
        !self.joined.is_empty()
    }

    /// `None` when the model does not match; else higher is better: the class (see [`run`])
    /// in the high bits, the number of tokens found at a word start in the low ones.
    pub(super) fn score(&self, e: &Entry) -> Option<u32> {
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
pub(super) fn push_search_form(text: &str, out: &mut String, starts: &mut u128) {
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
    pub(super) entries: Vec<Entry>,
    /// Distinct brand names in name order; an entry's `brand` indexes this.
    pub(super) brands: Vec<String>,
    /// Brand name → its index in `brands`.
    pub(super) brand_ids: HashMap<String, u32>,
}

/// What a query needs of one model besides the model itself.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// Search form of brand + model + variant.
    key: Box<str>,
    /// Where the model name begins in `key`.
    brand_end: usize,
    /// Where the model name ends (and the variant begins) in `key`.
    model_end: usize,
    /// Bit n set when byte n of `key` begins a word.
    word_starts: u128,
    /// Index of the brand in [`Index::brands`], which is also its rank in brand order.
    pub(super) brand: u32,
    /// Rank of the model name among distinct model names.
    pub(super) model_group: u32,
    /// Position in brand, model, variant, id order: unique, so it settles every tie.
    pub(super) rank: u32,
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
