//! The reasons and their sentences: [`Reason`] and [`ReasonKind`], the sharing of identical
//! sentences between models (`Texts`, keyed by `TextKey`, hashed with `FxHasher`), and the
//! helpers the sentences are written with (`push_num`, `join_words`).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Pro or con.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ReasonKind {
    /// Counts for the model (positive weight).
    Pro,
    /// Counts against it (negative weight).
    Con,
}

/// One point of the advice: a sentence the UI shows as a pro or a con, with its weight.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Reason {
    /// Pro (weight > 0) or con (weight < 0).
    pub kind: ReasonKind,
    /// A plain sentence naming the user's situation. Shared (`Arc<str>`): the same sentence
    /// applies to many models, and a ranking of 100,000 models allocates each sentence once.
    /// Serializes as a plain string; read it as `&str` with `&*reason.text`.
    #[serde(serialize_with = "serialize_text")]
    pub text: Arc<str>,
    /// Added to the score.
    pub weight: f64,
}

fn serialize_text<S: serde::Serializer>(text: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(text)
}

impl Reason {
    pub(super) fn new(text: impl Into<Arc<str>>, weight: f64) -> Reason {
        Reason {
            kind: if weight >= 0.0 {
                ReasonKind::Pro
            } else {
                ReasonKind::Con
            },
            text: text.into(),
            weight,
        }
    }
}

/// Shares identical reason texts between models: a catalog holds few distinct sentences, so
/// each is written and allocated once however many models carry it. Texts are built in
/// `scratch`, found again by content (`seen`) or by the inputs they were written from
/// (`by_key`).
#[derive(Default)]
pub(super) struct Texts {
    scratch: String,
    seen: HashSet<Arc<str>, BuildHasherDefault<FxHasher>>,
    pub(super) by_key: HashMap<TextKey, Arc<str>, BuildHasherDefault<FxHasher>>,
}

/// rustc's Fx hash: a few cycles per word, plenty for interning short sentences (the keys are
/// our own texts, so there is no flooding to defend against).
#[derive(Default)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8-byte chunk")));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Texts {
    /// The emptied scratch buffer to write the next text into.
    pub(super) fn start(&mut self) -> &mut String {
        self.scratch.clear();
        &mut self.scratch
    }

    /// The scratch buffer's text, shared.
    pub(super) fn finish(&mut self) -> Arc<str> {
        if let Some(t) = self.seen.get(self.scratch.as_str()) {
            return Arc::clone(t);
        }
        let t: Arc<str> = Arc::from(self.scratch.as_str());
        self.seen.insert(Arc::clone(&t));
        t
    }
}

/// Identifies a sentence within one ranking: a rule number and the inputs the sentence
/// depends on (the profile being fixed), so a sentence is written once per distinct input.
pub(super) type TextKey = (u8, u64, u64);

/// "Mixing", "mixing and mastering", "mixing, mastering and critical listening".
pub(super) fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Appends `x` with at most `decimals` decimals, trailing zeros dropped ("250", "1.5", "0.33"),
/// using integer formatting (cheap enough to run for every model of a large catalog).
pub(super) fn push_num(out: &mut String, x: f64, decimals: u32) {
    if !x.is_finite() {
        let _ = write!(out, "{x}");
        return;
    }
    let scale = 10i64.pow(decimals);
    let scaled = (x * scale as f64).round() as i64;
    if scaled < 0 {
        out.push('-');
    }
    let abs = scaled.unsigned_abs();
    let scale = scale as u64;
    let _ = write!(out, "{}", abs / scale);
    let mut frac = abs % scale;
    if frac != 0 {
        let mut width = decimals as usize;
        while frac.is_multiple_of(10) {
            frac /= 10;
            width -= 1;
        }
        let _ = write!(out, ".{frac:0width$}");
    }
}
