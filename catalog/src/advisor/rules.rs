//! The advisor's rules and their weights: the cup-design rules, prepared once per profile, and
//! the per-model rules (drivability, measured sound, the guides' picks, comfort, practicalities,
//! the user's try-on, the budget) that [`Plan::assess`] runs into a [`Sink`].

use std::fmt::Write as _;

use super::profile::{Profile, Room, Task};
use super::reasons::{join_words, push_num, Reason, TextKey};
#[cfg(doc)]
use super::recommend;
use crate::drive::{self, Drive, SourceSpec, Verdict};
use crate::error::Result;
use crate::journal::{self, TryOnSummary};
use crate::load::SEED_MODELS;
use crate::model::{Back, Model, Tier};
use crate::sound::{self, BandError, ModelSound, Severity};

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

/// What a reason is about, so that a try-on rating can replace the catalog's guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Topic {
    Other,
    Heat,
    Glasses,
}

/// The per-profile work done once: the source, the cup-design reasons for each design.
pub(super) struct Plan<'p> {
    profile: &'p Profile,
    source: SourceSpec,
    source_phrase: String,
    /// Indexed by `back_index`.
    back_reasons: [Vec<(Topic, Reason)>; 3],
    long_session: bool,
    hours_text: String,
    target_text: String,
    /// Mixing, mastering or critical listening: measured neutrality counts.
    pub(super) judges_sound: bool,
}

fn back_index(back: Back) -> usize {
    match back {
        Back::Open => 0,
        Back::SemiOpen => 1,
        Back::Closed => 2,
    }
}

impl<'p> Plan<'p> {
    pub(super) fn new(profile: &'p Profile) -> Result<Plan<'p>> {
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
    pub(super) fn assess<S: Sink>(
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

/// Where [`Plan::assess`] puts reasons: summed into a score, or kept as sentences.
pub(super) trait Sink {
    /// A reason of `weight` whose sentence `write` appends to the buffer it is given (only
    /// sinks that keep sentences call it, and only once per `key`).
    fn add(&mut self, weight: f64, key: Option<TextKey>, write: impl FnOnce(&mut String));
    /// A reason prepared once per profile.
    fn shared(&mut self, reason: &Reason);
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
