//! The advisor: ranks models for the user's situation and says why, point by point.
//!
//! Every domain rule of ARCHITECTURE.md is here, as a [`Reason`] with a weight:
//!
//! - **Cup design.** Closed backs win for tracking (no bleed into the mic), noisy rooms, others
//!   nearby, commuting and DJing, and get a small pro for casual listening (fuller low end, an
//!   immersive image). Open backs win for mixing, mastering and critical listening in a quiet
//!   (less so a moderate) room, for long sessions, for users without monitors and for users who
//!   run hot; they take a small con for moisture when the user runs hot. Closed cups take a
//!   small con with glasses. For most rules the favoured design gets `+w` and the other `−w`;
//!   a semi-open model always gets ¾ of the open weight plus ¼ of the closed one (`−w/2` on
//!   isolation rules, `+w/2` on openness rules), so its total always lands between the two.
//! - **Drivability.** The headroom on the chosen source (the formulas in ARCHITECTURE.md, in [`mod@crate::drive`])
//!   gives a pro when it is comfortable or enough and a con when it is marginal or too quiet; a
//!   source whose output impedance is over 1/8 of the model's is a con; an unpublished impedance
//!   or sensitivity is a small con saying the level can't be computed.
//! - **Budget.** A hard limit: models above the budget tier are left out, or, with
//!   `show_over_budget`, listed after every in-budget model, flagged and with a con.
//! - **The guides' picks** (the seed models) get a small pro.
//! - **Comfort and fit.** The catalog's guesses (weight on long sessions, closed cups and glasses,
//!   heat) are replaced by the user's own try-on ratings wherever those exist, and the user's
//!   "keep" or "no" verdict weighs more than any single catalog rule.
//! - **Practicalities.** Folding cups for commuters, a detachable cable for tracking and DJing.
//!
//! Two points of the guides are about the market, not a model, and are not scored: open backs
//! being "slightly pricier" (the budget tier covers price) and "fewer models".
//!
//! A model's score is exactly the sum of its reasons' weights (cons are negative). Ranking
//! 100,000 models takes two passes: scores alone first (no text), then, after sorting, the
//! sentences, each distinct sentence written once and shared (`examples/bench_advisor.rs`
//! prints the timings).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::drive::{self, Drive, SourceSpec, Verdict};
use crate::error::{Error, Result};
use crate::journal::{self, TryOnSummary};
use crate::load::SEED_MODELS;
use crate::model::{Back, Model, Tier};
use crate::sound::{self, BandError, ModelSound, Severity};
use crate::Catalog;

/// Shortest session the profile accepts, hours.
pub const MIN_HOURS: f64 = 0.25;
/// Longest session the profile accepts, hours.
pub const MAX_HOURS: f64 = 16.0;
/// The profile's target peak level takes the one range of the drivability engine.
pub use crate::drive::{MAX_TARGET_DB, MIN_TARGET_DB};
/// Sessions from this long count as long (airflow and weight start to matter), hours.
pub const LONG_SESSION_HOURS: f64 = 3.0;
/// Sessions from this long count as very long, hours.
pub const VERY_LONG_SESSION_HOURS: f64 = 6.0;

/// A semi-open cup's share of the open cup's weight on every cup rule (the rest is the closed
/// cup's).
const SEMI_OPEN_SHARE: f64 = 0.75;

// Weights. Catalog rules use multiples of 1/8 so that sums are exact in binary floating point.
const W_TRACKING: f64 = 3.0;
const W_NOISY_ROOM: f64 = 2.5;
const W_MODERATE_ROOM: f64 = 1.0;
const W_OTHERS_NEARBY: f64 = 2.5;
const W_COMMUTING: f64 = 2.0;
const W_DJING: f64 = 2.0;
const W_CASUAL_CLOSED: f64 = 0.5;
const W_CRITICAL_QUIET: f64 = 2.5;
const W_CRITICAL_MODERATE: f64 = 1.25;
const W_LONG_SESSION: f64 = 1.5;
const W_VERY_LONG_SESSION: f64 = 2.5;
const W_NO_MONITORS: f64 = 1.5;
const W_RUNS_HOT: f64 = 2.0;
const W_OPEN_MOISTURE: f64 = 0.5;
const W_GLASSES_CLOSED: f64 = 0.5;
const W_COMFORTABLE: f64 = 1.0;
const W_ENOUGH: f64 = 0.5;
const W_MARGINAL: f64 = 1.5;
const W_TOO_QUIET: f64 = 4.0;
const W_DAMPING: f64 = 0.75;
const W_UNKNOWN_DRIVE: f64 = 0.5;
const W_GUIDE_PICK: f64 = 0.5;
/// The buying guides' rule for a jack when the sensitivity is unknown: close to a computed
/// shortfall (between `W_MARGINAL` and `W_TOO_QUIET`), since that is what it stands in for.
const W_HIGH_Z_ON_JACK: f64 = 3.0;
/// Measured close to the target, for mixing, mastering or critical listening.
const W_NEUTRAL: f64 = 1.0;
/// Each band far off the target (at most `MAX_FAR_BANDS` of them count).
const W_FAR_BAND: f64 = 1.0;
const MAX_FAR_BANDS: usize = 2;
/// No published measurement: small, so a model is not punished for what nobody measured.
const W_NO_CURVE: f64 = 0.25;
const W_OVER_BUDGET: f64 = 1.0;
const W_HEAVY: f64 = 0.5;
const W_LIGHT: f64 = 0.25;
const W_FOLDS: f64 = 0.25;
const W_DETACHABLE: f64 = 0.25;
// The user's own try-on: per rating point away from the neutral 3, and for a verdict.
const W_TRY_KEEP: f64 = 4.0;
const W_TRY_NO: f64 = 6.0;
const W_TRY_COMFORT: f64 = 1.5;
const W_TRY_CLAMP: f64 = 1.5;
const W_TRY_HEAT: f64 = 1.0;
const W_TRY_HEAT_RUNS_HOT: f64 = 1.5;
const W_TRY_GLASSES: f64 = 1.0;
/// Heavier than this is heavy over a long session, grams.
const HEAVY_G: f64 = 400.0;
/// From this impedance up, the buying guides call a model high impedance, for an interface or
/// an amp rather than a phone, laptop or computer jack: it is where Apple's adaptive jack
/// switches to its high-voltage mode (see the `mac` source preset), and the guides' examples
/// (250 and 300 ohm) sit above it while their jack-friendly picks (32 to 80 ohm) sit below.
pub const HIGH_IMPEDANCE_OHM: f64 = 150.0;
/// The bands that count in the advisor's neutrality rule: sub-bass and air depend too much on
/// fit and on the rig to judge a model by.
const JUDGED_BANDS: [&str; 5] = ["bass", "low-mids", "mids", "presence", "treble"];
/// At most this is light, grams.
const LIGHT_G: f64 = 280.0;

/// How noisy the room is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum Room {
    /// A quiet room: open backs can show their natural image.
    #[default]
    Quiet,
    /// Some background noise.
    Moderate,
    /// A noisy flat, office or street.
    Noisy,
}

/// What the headphones are for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "kebab-case")]
pub enum Task {
    /// Recording with a microphone nearby.
    Tracking,
    /// Mixing.
    Mixing,
    /// Mastering.
    Mastering,
    /// Editing audio (neutral about cup design).
    Editing,
    /// Critical listening.
    CriticalListening,
    /// DJing.
    Djing,
    /// Listening on the move.
    Commuting,
    /// Casual listening.
    Casual,
}

impl Room {
    /// Every value, quietest first.
    pub const ALL: [Room; 3] = [Room::Quiet, Room::Moderate, Room::Noisy];

    /// The wire name (`quiet`, `moderate`, `noisy`).
    pub fn as_str(self) -> &'static str {
        match self {
            Room::Quiet => "quiet",
            Room::Moderate => "moderate",
            Room::Noisy => "noisy",
        }
    }
}

impl Task {
    /// Every value, in display order.
    pub const ALL: [Task; 8] = [
        Task::Tracking,
        Task::Mixing,
        Task::Mastering,
        Task::Editing,
        Task::CriticalListening,
        Task::Djing,
        Task::Commuting,
        Task::Casual,
    ];

    /// The wire name (`tracking`, `critical-listening`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Task::Tracking => "tracking",
            Task::Mixing => "mixing",
            Task::Mastering => "mastering",
            Task::Editing => "editing",
            Task::CriticalListening => "critical-listening",
            Task::Djing => "djing",
            Task::Commuting => "commuting",
            Task::Casual => "casual",
        }
    }

    /// Words for a sentence ("critical listening").
    pub fn label(self) -> &'static str {
        match self {
            Task::Tracking => "tracking",
            Task::Mixing => "mixing",
            Task::Mastering => "mastering",
            Task::Editing => "editing",
            Task::CriticalListening => "critical listening",
            Task::Djing => "DJing",
            Task::Commuting => "commuting",
            Task::Casual => "casual listening",
        }
    }
}

/// Which source the user plays from: a preset id, or `custom` with their own figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct SourceChoice {
    /// `phone`, `laptop`, `mac`, `interface`, `amp` or `custom`.
    pub preset: String,
    /// Open-circuit voltage, Vrms (custom only; ignored for presets).
    pub vrms: Option<f64>,
    /// Output impedance, ohm (custom only; ignored for presets).
    pub output_ohm: Option<f64>,
}

impl Default for SourceChoice {
    fn default() -> Self {
        SourceChoice {
            preset: "interface".to_owned(),
            vrms: None,
            output_ohm: None,
        }
    }
}

impl SourceChoice {
    /// The figures for this choice.
    ///
    /// # Errors
    /// `InvalidInput` naming `source.preset`, `source.vrms` or `source.output_ohm`.
    pub fn spec(&self) -> Result<SourceSpec> {
        if self.preset == "custom" {
            let vrms = self
                .vrms
                .ok_or_else(|| Error::invalid_input("source.vrms", "a custom source needs it"))?;
            let output_ohm = self.output_ohm.ok_or_else(|| {
                Error::invalid_input("source.output_ohm", "a custom source needs it")
            })?;
            let spec = SourceSpec::new(vrms, output_ohm);
            spec.validate("source.")?;
            Ok(spec)
        } else {
            drive::preset(&self.preset).map(|p| p.spec).map_err(|_| {
                Error::invalid_input(
                    "source.preset",
                    format!(
                        "`{}` is not one of phone, laptop, mac, interface, amp, custom",
                        crate::error::shorten(&self.preset, 40)
                    ),
                )
            })
        }
    }

    /// Whether this is a device's own headphone jack (phone, laptop, Mac), where the buying
    /// guides prefer low-impedance models; an interface, an amp or the user's own figures are
    /// not.
    pub fn is_device_jack(&self) -> bool {
        matches!(self.preset.as_str(), "phone" | "laptop" | "mac")
    }

    /// "your laptop jack", or "your source (2 V, 10 ohm)" for custom figures.
    fn phrase(&self, spec: &SourceSpec) -> String {
        if self.preset == "custom" {
            let mut s = String::from("your source (");
            push_num(&mut s, spec.vrms, 2);
            s.push_str(" V, ");
            push_num(&mut s, spec.output_ohm, 1);
            s.push_str(" ohm)");
            s
        } else {
            drive::phrase_for(&self.preset).to_owned()
        }
    }
}

/// The user's situation. Every field has a default, so `{}` is a valid profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Profile {
    /// How noisy the room is.
    pub room: Room,
    /// Someone nearby must not hear (office, shared flat, sleeping family).
    pub others_nearby: bool,
    /// What the headphones are for (duplicates are ignored).
    pub tasks: Vec<Task>,
    /// What they plug into.
    pub source: SourceChoice,
    /// The highest price tier the user will pay.
    pub budget: Tier,
    /// Typical session length, hours (0.25 to 16).
    pub hours: f64,
    /// Owns monitor speakers.
    pub has_monitors: bool,
    /// Wears glasses.
    pub glasses: bool,
    /// Runs hot (sweaty ears).
    pub runs_hot: bool,
    /// Target peak level, dB SPL (90 to 125; 105 quiet, 110 default, 115 loud).
    pub target_db: f64,
    /// List models above the budget too, after the others and flagged.
    pub show_over_budget: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            room: Room::Quiet,
            others_nearby: false,
            tasks: vec![Task::Mixing],
            source: SourceChoice::default(),
            budget: Tier::Midrange,
            hours: 2.0,
            has_monitors: true,
            glasses: false,
            runs_hot: false,
            target_db: drive::DEFAULT_TARGET_DB,
            show_over_budget: false,
        }
    }
}

impl Profile {
    /// Checks every field.
    ///
    /// # Errors
    /// `InvalidInput` naming the field: `hours`, `target_db`, `source.preset`, `source.vrms`,
    /// `source.output_ohm`.
    pub fn validate(&self) -> Result<()> {
        if !self.hours.is_finite() || !(MIN_HOURS..=MAX_HOURS).contains(&self.hours) {
            return Err(Error::invalid_input(
                "hours",
                format!("{} is outside {MIN_HOURS}–{MAX_HOURS} hours", self.hours),
            ));
        }
        if !self.target_db.is_finite() || !(MIN_TARGET_DB..=MAX_TARGET_DB).contains(&self.target_db)
        {
            return Err(Error::invalid_input(
                "target_db",
                format!(
                    "{} is outside {MIN_TARGET_DB}–{MAX_TARGET_DB} dB",
                    self.target_db
                ),
            ));
        }
        self.source.spec()?;
        Ok(())
    }

    fn has(&self, task: Task) -> bool {
        self.tasks.contains(&task)
    }
}

/// The averages of a user's try-ons the advisor weighs must be ratings from 1 to 5.
fn validate_fit(f: &TryOnSummary, index: usize) -> Result<()> {
    for (name, value) in [
        ("avg_comfort", f.avg_comfort),
        ("avg_clamp", f.avg_clamp),
        ("avg_heat", f.avg_heat),
        ("avg_glasses_fit", f.avg_glasses_fit),
    ] {
        if let Some(v) = value {
            if !v.is_finite() || !(1.0..=5.0).contains(&v) {
                return Err(Error::invalid_input(
                    &format!("fits[{index}].{name}"),
                    format!("{v} is not a rating from 1 to 5"),
                ));
            }
        }
    }
    Ok(())
}

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
    fn new(text: impl Into<Arc<str>>, weight: f64) -> Reason {
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
struct Texts {
    scratch: String,
    seen: HashSet<Arc<str>, BuildHasherDefault<FxHasher>>,
    by_key: HashMap<TextKey, Arc<str>, BuildHasherDefault<FxHasher>>,
}

/// rustc's Fx hash: a few cycles per word, plenty for interning short sentences (the keys are
/// our own texts, so there is no flooding to defend against).
#[derive(Default)]
struct FxHasher(u64);

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
    fn start(&mut self) -> &mut String {
        self.scratch.clear();
        &mut self.scratch
    }

    /// The scratch buffer's text, shared.
    fn finish(&mut self) -> Arc<str> {
        if let Some(t) = self.seen.get(self.scratch.as_str()) {
            return Arc::clone(t);
        }
        let t: Arc<str> = Arc::from(self.scratch.as_str());
        self.seen.insert(Arc::clone(&t));
        t
    }
}

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

/// What a reason is about, so that a try-on rating can replace the catalog's guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Topic {
    Other,
    Heat,
    Glasses,
}

/// The per-profile work done once: the source, the cup-design reasons for each design.
struct Plan<'p> {
    profile: &'p Profile,
    source: SourceSpec,
    source_phrase: String,
    /// Indexed by `back_index`.
    back_reasons: [Vec<(Topic, Reason)>; 3],
    long_session: bool,
    hours_text: String,
    target_text: String,
    /// Mixing, mastering or critical listening: measured neutrality counts.
    judges_sound: bool,
}

fn back_index(back: Back) -> usize {
    match back {
        Back::Open => 0,
        Back::SemiOpen => 1,
        Back::Closed => 2,
    }
}

impl<'p> Plan<'p> {
    fn new(profile: &'p Profile) -> Result<Plan<'p>> {
        profile.validate()?;
        let source = profile.source.spec()?;
        let mut hours_text = String::new();
        push_num(&mut hours_text, profile.hours, 2);
        let mut target_text = String::new();
        push_num(&mut target_text, profile.target_db, 1);
        let mut plan = Plan {
            profile,
            source_phrase: profile.source.phrase(&source),
            source,
            back_reasons: Default::default(),
            long_session: profile.hours >= LONG_SESSION_HOURS,
            hours_text,
            target_text,
            judges_sound: [Task::Mixing, Task::Mastering, Task::CriticalListening]
                .iter()
                .any(|t| profile.has(*t)),
        };
        plan.add_back_rules();
        Ok(plan)
    }

    /// One rule about cup design that favours one design: `w` for it (`favours_closed` says
    /// which), `−w` for the other; see [`Plan::cup_rule`] for semi-open.
    fn rule(&mut self, topic: Topic, favours_closed: bool, w: f64, texts: [String; 3]) {
        if favours_closed {
            self.cup_rule(topic, -w, w, texts);
        } else {
            self.cup_rule(topic, w, -w, texts);
        }
    }

    /// One rule about cup design with its weight for an open and a closed cup. A semi-open cup
    /// gets `SEMI_OPEN_SHARE` of the open weight plus the rest of the closed weight: the same
    /// blend for every rule, so its total always lands between the open and closed totals
    /// (closer to open: a semi-open cup leaks and breathes much like an open one). A zero
    /// weight gives no reason; `texts` are the open, semi-open and closed sentences.
    fn cup_rule(&mut self, topic: Topic, w_open: f64, w_closed: f64, texts: [String; 3]) {
        let w_semi = SEMI_OPEN_SHARE * w_open + (1.0 - SEMI_OPEN_SHARE) * w_closed;
        for (i, (text, weight)) in texts
            .into_iter()
            .zip([w_open, w_semi, w_closed])
            .enumerate()
        {
            if weight != 0.0 {
                debug_assert!(!text.is_empty(), "a weighted cup reason needs a sentence");
                self.back_reasons[i].push((topic, Reason::new(text, weight)));
            }
        }
    }

    fn add_back_rules(&mut self) {
        let p = self.profile;
        let s = |t: &str| t.to_owned();
        if p.has(Task::Tracking) {
            self.rule(
                Topic::Other,
                true,
                W_TRACKING,
                [
                    s("Open back: leaks your click track into the vocal mic while tracking"),
                    s("Semi-open back: leaks some of your click track into the mic while tracking"),
                    s("Closed back: keeps your vocal mic free of bleed while tracking"),
                ],
            );
        }
        match p.room {
            Room::Noisy => self.rule(
                Topic::Other,
                true,
                W_NOISY_ROOM,
                [
                    s("Open back: lets your noisy room in, so you'd turn it up to compensate"),
                    s("Semi-open back: only partly shuts out your noisy room"),
                    s("Closed back: shuts out your noisy room"),
                ],
            ),
            Room::Moderate => self.rule(
                Topic::Other,
                true,
                W_MODERATE_ROOM,
                [
                    s("Open back: no isolation from the background noise in your room"),
                    s("Semi-open back: little isolation from the background noise in your room"),
                    s("Closed back: keeps the background noise in your room out"),
                ],
            ),
            Room::Quiet => {}
        }
        if p.others_nearby {
            self.rule(
                Topic::Other,
                true,
                W_OTHERS_NEARBY,
                [
                    s("Open back: leaks sound, so the people around you hear what you hear"),
                    s("Semi-open back: leaks some sound to the people around you"),
                    s("Closed back: keeps your sound from the people around you"),
                ],
            );
        }
        if p.has(Task::Commuting) {
            self.rule(
                Topic::Other,
                true,
                W_COMMUTING,
                [
                    s("Open back: no isolation on your commute, and it leaks on trains and buses"),
                    s("Semi-open back: little isolation for your commute"),
                    s("Closed back: blocks out the train and keeps your music to yourself on your commute"),
                ],
            );
        }
        if p.has(Task::Djing) {
            self.rule(
                Topic::Other,
                true,
                W_DJING,
                [
                    s("Open back: too little isolation to cue over loud booth monitors when DJing"),
                    s("Semi-open back: little isolation for cueing when DJing"),
                    s("Closed back: isolates you from the booth so you can cue the next track"),
                ],
            );
        }
        if p.has(Task::Casual) {
            self.cup_rule(
                Topic::Other,
                0.0,
                W_CASUAL_CLOSED,
                [
                    String::new(),
                    s("Semi-open back: a little more low end than open backs for casual listening"),
                    s("Closed back: fuller low end and an immersive image for casual listening"),
                ],
            );
        }
        let critical: Vec<&str> = [Task::Mixing, Task::Mastering, Task::CriticalListening]
            .into_iter()
            .filter(|t| p.has(*t))
            .map(Task::label)
            .collect();
        if !critical.is_empty() {
            let work = join_words(&critical);
            let w = match p.room {
                Room::Quiet => W_CRITICAL_QUIET,
                Room::Moderate => W_CRITICAL_MODERATE,
                Room::Noisy => 0.0,
            };
            let room = if p.room == Room::Quiet {
                "in your quiet room"
            } else {
                "in your room"
            };
            self.rule(
                Topic::Other,
                false,
                w,
                [
                    format!("Open back: natural, speaker-like and flat {room}, so your {work} translates"),
                    format!("Semi-open back: a fairly natural, open image for your {work}"),
                    format!("Closed back: an in-your-head image makes your {work} harder to translate"),
                ],
            );
            if !p.has_monitors {
                self.rule(
                    Topic::Other,
                    false,
                    W_NO_MONITORS,
                    [
                        s("Open back: the most speaker-like stand-in for the monitors you don't have"),
                        s("Semi-open back: a fair stand-in for the monitors you don't have"),
                        s("Closed back: a poor stand-in for the monitors you don't have"),
                    ],
                );
            }
        }
        if p.hours >= LONG_SESSION_HOURS {
            let w = if p.hours >= VERY_LONG_SESSION_HOURS {
                W_VERY_LONG_SESSION
            } else {
                W_LONG_SESSION
            };
            let h = &self.hours_text;
            let texts = [
                format!(
                    "Open back: air flows, so it stays comfortable over your {h}-hour sessions"
                ),
                format!("Semi-open back: some airflow over your {h}-hour sessions"),
                format!("Closed back: warm, sweaty ears and fatigue over your {h}-hour sessions"),
            ];
            self.rule(Topic::Heat, false, w, texts);
        }
        if p.runs_hot {
            self.rule(
                Topic::Heat,
                false,
                W_RUNS_HOT,
                [
                    s("Open back: lets heat out, good for ears that run hot"),
                    s("Semi-open back: vents some heat for ears that run hot"),
                    s("Closed back: traps heat around ears that run hot"),
                ],
            );
            self.cup_rule(
                Topic::Other,
                -W_OPEN_MOISTURE,
                0.0,
                [
                    s("Open back: exposed drivers are more delicate with sweat; let them dry between sessions"),
                    s("Semi-open back: partly exposed drivers are delicate with sweat; let them dry between sessions"),
                    String::new(),
                ],
            );
        }
        if p.glasses {
            self.cup_rule(
                Topic::Glasses,
                0.0,
                -W_GLASSES_CLOSED,
                [
                    String::new(),
                    s("Semi-open back: snug pads can press on your glasses' arms; try them on with your glasses"),
                    s("Closed back: the seal presses your glasses' arms against your head; try them on with your glasses"),
                ],
            );
        }
    }

    /// Runs every per-model rule into `sink`: the cup-design reasons prepared in [`Plan::new`],
    /// drivability, the guides' picks, comfort guesses, practicalities, the user's try-on and
    /// the budget. One code path serves both passes of [`recommend`], so the score it sorts by
    /// is exactly the sum of the reasons it then shows.
    fn assess<S: Sink>(
        &self,
        model: &Model,
        sound: Option<&ModelSound>,
        fit: Option<&TryOnSummary>,
        over_budget: bool,
        sink: &mut S,
    ) -> Option<Drive> {
        let p = self.profile;
        let fit = fit.filter(|f| f.sessions > 0);

        // Cup design, minus the guesses the user's own try-on replaces.
        let heat_known = fit.is_some_and(|f| f.avg_heat.is_some());
        let glasses_known = fit.is_some_and(|f| f.avg_glasses_fit.is_some());
        for (topic, reason) in &self.back_reasons[back_index(model.back)] {
            let replaced = match topic {
                Topic::Heat => heat_known,
                Topic::Glasses => glasses_known,
                Topic::Other => false,
            };
            if !replaced {
                sink.shared(reason);
            }
        }

        // Drivability on the user's source.
        let drive = match (model.impedance_ohm, model.sensitivity) {
            (Some(z), Some(s)) if drive::headphone_in_range(z, s) => {
                let d = drive::compute(z, s, &self.source, p.target_db);
                self.drive_reason(z, &d, model, sink);
                if !d.damping_ok {
                    sink.add(-W_DAMPING, Some((1, z.to_bits(), 0)), |t| {
                        t.push_str("The ");
                        push_num(t, self.source.output_ohm, 1);
                        t.push_str(" ohm output of ");
                        t.push_str(drive::phrase_for(&p.source.preset));
                        t.push_str(" is over 1/8 of this ");
                        push_num(t, z, 1);
                        t.push_str(" ohm load: expect looser, shifted bass");
                    });
                }
                Some(d)
            }
            _ => {
                let variant = match (model.impedance_ohm, model.sensitivity) {
                    (None, None) => 0,
                    (None, _) => 1,
                    _ => 2,
                };
                sink.add(-W_UNKNOWN_DRIVE, Some((2, variant, 0)), |t| {
                    t.push_str(match (model.impedance_ohm, model.sensitivity) {
                        (None, None) => "Impedance and sensitivity not published",
                        (None, _) => "Impedance not published",
                        _ => "Sensitivity not published",
                    });
                    t.push_str(": can't compute how loud it gets on ");
                    t.push_str(&self.source_phrase);
                });
                // Without the number, the buying guides' rule of thumb for a jack.
                if let (Some(z), None) = (model.impedance_ohm, model.sensitivity) {
                    if z >= HIGH_IMPEDANCE_OHM && p.source.is_device_jack() {
                        sink.add(-W_HIGH_Z_ON_JACK, Some((9, z.to_bits(), 0)), |t| {
                            push_num(t, z, 1);
                            t.push_str(" ohm on ");
                            t.push_str(&self.source_phrase);
                            t.push_str(
                                ": the buying guides' rule is to prefer low impedance (under ",
                            );
                            push_num(t, HIGH_IMPEDANCE_OHM, 0);
                            t.push_str(
                                " ohm) on a jack like this; a rule of thumb, not a computation",
                            );
                        });
                    }
                }
                None
            }
        };
        if self.judges_sound {
            self.sound_reasons(sound, sink);
        }

        // The buying guides' picks.
        if SEED_MODELS.iter().any(|(id, _)| *id == model.id) {
            let key = (
                3,
                model.tier.map_or(9, |t| t as u64),
                back_index(model.back) as u64,
            );
            sink.add(W_GUIDE_PICK, Some(key), |t| {
                t.push_str("A buying-guide pick among ");
                t.push_str(model.tier.map_or("", Tier::as_str));
                t.push(' ');
                t.push_str(match model.back {
                    Back::Closed => "closed-back",
                    Back::Open => "open-back",
                    Back::SemiOpen => "semi-open",
                });
                t.push_str(" models");
            });
        }

        // Weight over long sessions: a catalog guess the user's comfort rating replaces.
        if self.long_session && fit.is_none_or(|f| f.avg_comfort.is_none()) {
            if let Some(g) = model.weight_g {
                let weight = if g > HEAVY_G {
                    -W_HEAVY
                } else if g <= LIGHT_G {
                    W_LIGHT
                } else {
                    0.0
                };
                if weight != 0.0 {
                    sink.add(weight, Some((4, g.to_bits(), 0)), |t| {
                        t.push_str(if weight < 0.0 {
                            "Heavy at "
                        } else {
                            "Light at "
                        });
                        push_num(t, g, 0);
                        t.push_str(" g for your ");
                        t.push_str(&self.hours_text);
                        t.push_str("-hour sessions");
                    });
                }
            }
        }

        // Practicalities.
        if p.has(Task::Commuting) && model.folds == Some(true) {
            sink.add(W_FOLDS, Some((5, 0, 0)), |t| {
                t.push_str("Folds up for your commute");
            });
        }
        if (p.has(Task::Tracking) || p.has(Task::Djing)) && model.cable.detachable == Some(true) {
            sink.add(W_DETACHABLE, Some((6, 0, 0)), |t| {
                t.push_str("Detachable cable: a snagged or broken cable is a cheap fix");
            });
        }

        if let Some(f) = fit {
            self.fit_reasons(f, sink);
        }

        if over_budget {
            sink.add(
                -W_OVER_BUDGET,
                Some((7, model.tier.map_or(9, |t| t as u64), 0)),
                |t| {
                    t.push_str("Above your budget: ");
                    t.push_str(model.tier.map_or("", Tier::as_str));
                    t.push_str(", and you set ");
                    t.push_str(p.budget.as_str());
                },
            );
        }
        drive
    }

    fn drive_reason<S: Sink>(&self, z: f64, d: &Drive, model: &Model, sink: &mut S) {
        let weight = match d.verdict {
            Verdict::Comfortable => W_COMFORTABLE,
            Verdict::Enough => W_ENOUGH,
            Verdict::Marginal => -W_MARGINAL,
            Verdict::TooQuiet => -W_TOO_QUIET,
        };
        // Said when the sensitivity rests on anything less direct than the maker's figure.
        let mention = model
            .figure_kind("sensitivity")
            .filter(|k| k.needs_mention())
            .zip(model.sensitivity);
        // With the profile fixed, the sentence depends only on the impedance, S_V and that.
        let rule = 8 + mention.map_or(0, |(k, _)| 1 + k as u8) * 10;
        let key = (rule, z.to_bits(), d.sensitivity_db_per_v.to_bits());
        sink.add(weight, Some(key), |t| {
            push_num(t, z, 1);
            t.push_str(" ohm on ");
            t.push_str(&self.source_phrase);
            match d.verdict {
                Verdict::Comfortable => {
                    t.push_str(": peaks reach ");
                    push_num(t, d.max_spl_db, 0);
                    t.push_str(" dB, ");
                    push_num(t, d.headroom_db, 0);
                    t.push_str(" dB above your ");
                    t.push_str(&self.target_text);
                    t.push_str(" dB target");
                }
                Verdict::Enough => {
                    t.push_str(": just enough, ");
                    push_num(t, d.headroom_db, 1);
                    t.push_str(" dB above your ");
                    t.push_str(&self.target_text);
                    t.push_str(" dB peaks");
                }
                Verdict::Marginal | Verdict::TooQuiet => {
                    let short = -d.headroom_db;
                    t.push_str(": about ");
                    push_num(t, short, if short < 1.0 { 1 } else { 0 });
                    t.push_str(" dB short of ");
                    t.push_str(&self.target_text);
                    t.push_str(" dB peaks");
                    if d.verdict == Verdict::TooQuiet {
                        t.push_str("; it needs ");
                        push_num(t, d.needed_vrms, 1);
                        t.push_str(" V");
                        if self.profile.source.preset != "amp" {
                            t.push_str(", a job for a headphone amp");
                        }
                    }
                }
            }
            if let Some((kind, s)) = mention {
                t.push_str(" (from ");
                push_num(t, s.value, 1);
                t.push(' ');
                t.push_str(s.unit.as_str());
                t.push_str(", ");
                t.push_str(kind.phrase());
                t.push(')');
            }
        });
    }

    /// Measured neutrality, for mixing, mastering and critical listening: close to the target
    /// is a pro; each band far off (at most two count) a con that says what it does to a mix;
    /// no measurement a small con.
    fn sound_reasons<S: Sink>(&self, sound: Option<&ModelSound>, sink: &mut S) {
        let Some(sound) = sound else {
            sink.add(-W_NO_CURVE, Some((31, 0, 0)), |t| {
                t.push_str("No published measurement: its tonal balance can't be checked against the target");
            });
            return;
        };
        let whose = |t: &mut String| {
            if sound.own {
                t.push_str(" (your measurement)");
                return;
            }
            t.push_str(" (");
            t.push_str(&sound.measurement.provenance.measurer);
            t.push_str("'s measurement");
            if sound.is_near_model() {
                t.push_str(" of a near model");
            }
            t.push(')');
        };
        let judged: Vec<&BandError> = sound
            .bands
            .iter()
            .filter(|b| JUDGED_BANDS.contains(&b.name))
            .collect();
        let far: Vec<&BandError> = judged
            .iter()
            .copied()
            .filter(|b| Severity::of(b.error_db) == Severity::Far)
            .collect();
        if far.is_empty() {
            sink.add(W_NEUTRAL, None, |t| {
                t.push_str("Measured close to the Harman target: no band from 60 Hz to 10 kHz is ");
                push_num(t, sound::FAR_DB, 0);
                t.push_str(" dB or more off");
                whose(t);
            });
            return;
        }
        let mut worst = far;
        worst.sort_by(|a, b| b.error_db.abs().total_cmp(&a.error_db.abs()));
        for band in worst.into_iter().take(MAX_FAR_BANDS) {
            let remark = sound::describe(std::slice::from_ref(band)).remove(0);
            sink.add(-W_FAR_BAND, None, |t| {
                t.push_str(&remark.text);
                whose(t);
            });
        }
    }

    fn fit_reasons<S: Sink>(&self, f: &TryOnSummary, sink: &mut S) {
        let p = self.profile;
        match f.last_verdict {
            Some(journal::Verdict::Keep) => sink.add(W_TRY_KEEP, None, |t| {
                t.push_str("You marked it \"keep\" after your own try-on");
            }),
            Some(journal::Verdict::No) => sink.add(-W_TRY_NO, None, |t| {
                t.push_str("You marked it \"no\" after your own try-on");
            }),
            Some(journal::Verdict::Maybe) | None => {}
        }
        let heat = if p.runs_hot {
            W_TRY_HEAT_RUNS_HOT
        } else {
            W_TRY_HEAT
        };
        let ratings = [
            (
                f.avg_comfort,
                W_TRY_COMFORT,
                "Comfortable for you",
                "Uncomfortable for you",
                "comfort",
            ),
            (
                f.avg_clamp,
                W_TRY_CLAMP,
                "Clamp felt right",
                "Too tight for you",
                "clamp",
            ),
            (
                f.avg_heat,
                heat,
                "Stayed cool on you",
                "Got hot on you",
                "heat",
            ),
            (
                f.avg_glasses_fit.filter(|_| p.glasses),
                W_TRY_GLASSES,
                "Works with your glasses",
                "Presses on your glasses",
                "glasses fit",
            ),
        ];
        for (value, per_point, good, bad, what) in ratings {
            let Some(v) = value else { continue };
            let weight = round2((v - 3.0) * per_point);
            if weight == 0.0 {
                continue;
            }
            sink.add(weight, None, |t| {
                t.push_str(if weight > 0.0 { good } else { bad });
                t.push_str(": ");
                t.push_str(what);
                t.push(' ');
                push_num(t, v, 1);
                t.push_str("/5 in your own ");
                if f.sessions == 1 {
                    t.push_str("try-on");
                } else {
                    let _ = write!(t, "{} try-ons", f.sessions);
                }
            });
        }
    }
}

/// Identifies a sentence within one ranking: a rule number and the inputs the sentence
/// depends on (the profile being fixed), so a sentence is written once per distinct input.
type TextKey = (u8, u64, u64);

/// Where [`Plan::assess`] puts reasons: summed into a score, or kept as sentences.
trait Sink {
    /// A reason of `weight` whose sentence `write` appends to the buffer it is given (only
    /// sinks that keep sentences call it, and only once per `key`).
    fn add(&mut self, weight: f64, key: Option<TextKey>, write: impl FnOnce(&mut String));
    /// A reason prepared once per profile.
    fn shared(&mut self, reason: &Reason);
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

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// "Mixing", "mixing and mastering", "mixing, mastering and critical listening".
fn join_words(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Appends `x` with at most `decimals` decimals, trailing zeros dropped ("250", "1.5", "0.33"),
/// using integer formatting (cheap enough to run for every model of a large catalog).
fn push_num(out: &mut String, x: f64, decimals: u32) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cable, Origin, Sensitivity, SensitivityUnit, StudioNotes};
    use std::collections::BTreeMap;

    fn num(x: f64, d: u32) -> String {
        let mut s = String::new();
        push_num(&mut s, x, d);
        s
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(num(250.0, 1), "250");
        assert_eq!(num(1.5, 2), "1.5");
        assert_eq!(num(0.33, 2), "0.33");
        assert_eq!(num(0.05, 2), "0.05");
        assert_eq!(num(-4.49, 0), "-4");
        assert_eq!(num(3.96, 1), "4");
        assert_eq!(num(107.5, 0), "108");
        assert_eq!(join_words(&["mixing"]), "mixing");
        assert_eq!(join_words(&["a", "b", "c"]), "a, b and c");
    }

    fn model(id: &str, back: Back, tier: Tier, z: Option<f64>, s_mw: Option<f64>) -> Model {
        Model {
            id: id.to_owned(),
            family: id.to_owned(),
            brand: "Test".to_owned(),
            model: id.to_owned(),
            variant: None,
            back,
            transducer: None,
            driver_mm: None,
            impedance_ohm: z,
            sensitivity: s_mw.map(|value| Sensitivity {
                value,
                unit: SensitivityUnit::DbPerMw,
                ref_hz: None,
            }),
            weight_g: None,
            frequency_response: None,
            cable: Cable::default(),
            folds: None,
            swivels: None,
            pads: None,
            tier: Some(tier),
            price: None,
            year: None,
            notes: StudioNotes::default(),
            sources: Vec::new(),
            provenance: BTreeMap::new(),
            figure_notes: BTreeMap::new(),
            origin: Origin::Catalog,
        }
    }

    #[test]
    fn defaults_are_valid_and_serde_uses_the_wire_names() {
        let p: Profile = serde_json::from_str("{}").unwrap();
        assert_eq!(p, Profile::default());
        p.validate().unwrap();
        let p: Profile = serde_json::from_str(
            r#"{"room":"noisy","tasks":["critical-listening","djing"],"budget":"high-end",
                "source":{"preset":"custom","vrms":2.0,"output_ohm":10.0}}"#,
        )
        .unwrap();
        assert_eq!(p.tasks, vec![Task::CriticalListening, Task::Djing]);
        assert_eq!(p.budget, Tier::HighEnd);
        assert_eq!(p.source.spec().unwrap(), SourceSpec::new(2.0, 10.0));
        let json = serde_json::to_value(Profile::default()).unwrap();
        assert_eq!(json["room"], "quiet");
        assert_eq!(json["target_db"], 110.0);
        assert_eq!(json["show_over_budget"], false);
    }

    #[test]
    fn validate_names_the_bad_field() {
        let cases: Vec<(Profile, &str)> = vec![
            (
                Profile {
                    hours: 0.1,
                    ..Profile::default()
                },
                "hours",
            ),
            (
                Profile {
                    hours: f64::NAN,
                    ..Profile::default()
                },
                "hours",
            ),
            (
                Profile {
                    hours: 17.0,
                    ..Profile::default()
                },
                "hours",
            ),
            (
                Profile {
                    target_db: 89.0,
                    ..Profile::default()
                },
                "target_db",
            ),
            (
                Profile {
                    target_db: 126.0,
                    ..Profile::default()
                },
                "target_db",
            ),
            (
                Profile {
                    source: SourceChoice {
                        preset: "walkman".into(),
                        ..SourceChoice::default()
                    },
                    ..Profile::default()
                },
                "source.preset",
            ),
            (
                Profile {
                    source: SourceChoice {
                        preset: "custom".into(),
                        vrms: None,
                        output_ohm: Some(1.0),
                    },
                    ..Profile::default()
                },
                "source.vrms",
            ),
            (
                Profile {
                    source: SourceChoice {
                        preset: "custom".into(),
                        vrms: Some(1.0),
                        output_ohm: None,
                    },
                    ..Profile::default()
                },
                "source.output_ohm",
            ),
            (
                Profile {
                    source: SourceChoice {
                        preset: "custom".into(),
                        vrms: Some(-1.0),
                        output_ohm: Some(1.0),
                    },
                    ..Profile::default()
                },
                "source.vrms",
            ),
        ];
        for (profile, field) in cases {
            let e = profile.validate().unwrap_err();
            assert!(e.message().starts_with(field), "{field}: {e}");
            let e = recommend(&Catalog::from_models(vec![]), &profile, &[]).unwrap_err();
            assert!(e.message().starts_with(field), "{field}: {e}");
        }
        // The limits themselves are accepted.
        for (hours, target) in [(0.25, 90.0), (16.0, 125.0)] {
            Profile {
                hours,
                target_db: target,
                ..Profile::default()
            }
            .validate()
            .unwrap();
        }
    }

    #[test]
    fn bad_fits_are_refused() {
        let catalog = Catalog::from_models(vec![model("a", Back::Open, Tier::Budget, None, None)]);
        let fit = TryOnSummary {
            model_id: "a".into(),
            sessions: 1,
            avg_comfort: Some(6.0),
            ..TryOnSummary::default()
        };
        let e = recommend(&catalog, &Profile::default(), std::slice::from_ref(&fit)).unwrap_err();
        assert!(e.message().starts_with("fits[0].avg_comfort"), "{e}");
        let ok = TryOnSummary {
            avg_comfort: Some(4.0),
            ..fit
        };
        let e = recommend(&catalog, &Profile::default(), &[ok.clone(), ok]).unwrap_err();
        assert!(e.message().starts_with("fits"), "{e}");
    }

    #[test]
    fn the_top_of_a_ranking_is_the_ranking_cut_short() {
        let catalog = crate::synthetic::catalog(300);
        let profile = Profile {
            budget: Tier::HighEnd,
            runs_hot: true,
            ..Profile::default()
        };
        let all = recommend(&catalog, &profile, &[]).unwrap();
        let (top, total) = recommend_top(&catalog, &profile, &[], 25).unwrap();
        assert_eq!(total, all.len());
        assert_eq!(top.len(), 25);
        assert_eq!(top, all[..25].to_vec(), "same models, order and reasons");
        let (none, total) = recommend_top(&catalog, &profile, &[], 0).unwrap();
        assert!(none.is_empty());
        assert_eq!(total, all.len());
    }

    #[test]
    fn every_reason_reads_as_its_sign() {
        let catalog = Catalog::from_models(vec![
            model("o", Back::Open, Tier::Budget, Some(300.0), Some(90.0)),
            model("s", Back::SemiOpen, Tier::Budget, Some(32.0), Some(100.0)),
            model("c", Back::Closed, Tier::Budget, None, None),
        ]);
        let profile = Profile {
            room: Room::Noisy,
            others_nearby: true,
            tasks: vec![
                Task::Tracking,
                Task::Mixing,
                Task::Casual,
                Task::Commuting,
                Task::Djing,
            ],
            hours: 8.0,
            has_monitors: false,
            glasses: true,
            runs_hot: true,
            source: SourceChoice {
                preset: "phone".into(),
                ..SourceChoice::default()
            },
            ..Profile::default()
        };
        for r in recommend(&catalog, &profile, &[]).unwrap() {
            let sum: f64 = r.reasons.iter().map(|x| x.weight).sum();
            assert_eq!(r.score, sum, "{}", r.id);
            for reason in &r.reasons {
                assert_ne!(reason.weight, 0.0, "{reason:?}");
                assert_eq!(
                    reason.kind == ReasonKind::Pro,
                    reason.weight > 0.0,
                    "{reason:?}"
                );
                assert!(!reason.text.is_empty());
            }
        }
    }
}
