//! The user's situation, as the advisor takes it: the room, the tasks, the source, the
//! [`Profile`] with its checks, and the check of the try-on averages it weighs.

use serde::{Deserialize, Serialize};

use super::reasons::push_num;
use crate::drive::{self, SourceSpec, MAX_TARGET_DB, MIN_TARGET_DB};
use crate::error::{Error, Result};
use crate::journal::TryOnSummary;
use crate::model::Tier;

/// Shortest session the profile accepts, hours.
pub const MIN_HOURS: f64 = 0.25;
/// Longest session the profile accepts, hours.
pub const MAX_HOURS: f64 = 16.0;

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
    pub(super) fn phrase(&self, spec: &SourceSpec) -> String {
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

    pub(super) fn has(&self, task: Task) -> bool {
        self.tasks.contains(&task)
    }
}

/// The averages of a user's try-ons the advisor weighs must be ratings from 1 to 5.
pub(super) fn validate_fit(f: &TryOnSummary, index: usize) -> Result<()> {
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
