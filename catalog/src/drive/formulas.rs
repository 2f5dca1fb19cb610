//! The formulas of drivability: sensitivity in either unit, the level a source gives a
//! headphone, the headroom over a target and its [`Verdict`], what the target needs, and the
//! damping rule; [`drive`] checks its inputs and applies them all.

use serde::{Deserialize, Serialize};

use super::SourceSpec;
use crate::error::{Error, Result};
use crate::model::{Model, Sensitivity, SensitivityUnit};

/// The default target: 110 dB SPL peaks.
pub const DEFAULT_TARGET_DB: f64 = 110.0;
/// The lowest target peak level anything accepts (the drivability engine, the advisor's
/// profile, the command line), dB SPL: quiet listening is about 105.
pub const MIN_TARGET_DB: f64 = 90.0;
/// The highest target peak level anything accepts, dB SPL: loud listening is about 115.
pub const MAX_TARGET_DB: f64 = 125.0;
/// Headroom at or above which the verdict is comfortable, dB.
pub const COMFORTABLE_DB: f64 = 3.0;
/// Headroom below which the verdict is too quiet, dB (from here up to 0 dB it is marginal).
pub const MARGINAL_DB: f64 = -6.0;
/// A source may have at most this fraction of the headphone's impedance before it colours it.
pub const DAMPING_RATIO: f64 = 1.0 / 8.0;

/// The range of impedances [`drive`] accepts, ohm (wider than the catalog's, for custom input).
pub(super) const IMPEDANCE_RANGE: (f64, f64) = (1.0, 100_000.0);
/// The range of sensitivities [`drive`] accepts, dB SPL.
const SENSITIVITY_RANGE: (f64, f64) = (40.0, 160.0);

/// `S_mW` from `S_V`: `S_V + 10·log10(Z / 1000)`.
pub fn db_per_mw_from_db_per_v(db_per_v: f64, impedance_ohm: f64) -> f64 {
    db_per_v + 10.0 * (impedance_ohm / 1000.0).log10()
}

/// `S_V` from `S_mW`: `S_mW − 10·log10(Z / 1000)`.
pub fn db_per_v_from_db_per_mw(db_per_mw: f64, impedance_ohm: f64) -> f64 {
    db_per_mw - 10.0 * (impedance_ohm / 1000.0).log10()
}

/// The voltage across the headphone: `V_oc · Z / (Z + Z_out)`.
pub fn load_vrms(open_circuit_vrms: f64, impedance_ohm: f64, output_ohm: f64) -> f64 {
    open_circuit_vrms * impedance_ohm / (impedance_ohm + output_ohm)
}

/// The peak level a voltage gives: `S_V + 20·log10(V_load)`.
pub fn spl_db(db_per_v: f64, vrms: f64) -> f64 {
    db_per_v + 20.0 * vrms.log10()
}

/// The voltage a target level needs: `10^((T − S_V) / 20)`.
pub fn needed_vrms(db_per_v: f64, target_db: f64) -> f64 {
    10f64.powf((target_db - db_per_v) / 20.0)
}

/// Whether the source's output impedance is at most 1/8 of the headphone's.
pub fn damping_ok(impedance_ohm: f64, output_ohm: f64) -> bool {
    output_ohm <= impedance_ohm * DAMPING_RATIO
}

/// How a headroom figure reads.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "kebab-case")]
#[ts(rename = "LoudnessVerdict")]
pub enum Verdict {
    /// 3 dB of headroom or more.
    Comfortable,
    /// 0 to 3 dB of headroom.
    Enough,
    /// 0 to 6 dB short.
    Marginal,
    /// More than 6 dB short.
    TooQuiet,
}

impl Verdict {
    /// Every value, loudest first.
    pub const ALL: [Verdict; 4] = [
        Verdict::Comfortable,
        Verdict::Enough,
        Verdict::Marginal,
        Verdict::TooQuiet,
    ];

    /// What people read (`Loud enough`), wherever it is shown.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Comfortable => "Comfortable",
            Verdict::Enough => "Loud enough",
            Verdict::Marginal => "Marginal",
            Verdict::TooQuiet => "Too quiet",
        }
    }

    /// The verdict for a headroom: comfortable at 3 dB and up, enough from 0 dB, marginal from
    /// −6 dB, too quiet below.
    pub fn from_headroom(headroom_db: f64) -> Verdict {
        if headroom_db >= COMFORTABLE_DB {
            Verdict::Comfortable
        } else if headroom_db >= 0.0 {
            Verdict::Enough
        } else if headroom_db >= MARGINAL_DB {
            Verdict::Marginal
        } else {
            Verdict::TooQuiet
        }
    }

    /// The wire name (`comfortable`, `enough`, `marginal`, `too-quiet`).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Comfortable => "comfortable",
            Verdict::Enough => "enough",
            Verdict::Marginal => "marginal",
            Verdict::TooQuiet => "too-quiet",
        }
    }
}

/// How a headphone fares on a source, for a target peak level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
pub struct Drive {
    /// Sensitivity in dB SPL for 1 mW.
    pub sensitivity_db_per_mw: f64,
    /// Sensitivity in dB SPL for 1 Vrms.
    pub sensitivity_db_per_v: f64,
    /// The voltage across the headphone at full volume, Vrms.
    pub load_vrms: f64,
    /// The loudest peak the source can make, dB SPL.
    pub max_spl_db: f64,
    /// `max_spl_db` minus the target, dB (negative: short of it).
    pub headroom_db: f64,
    /// How the headroom reads.
    pub verdict: Verdict,
    /// The voltage the target needs, Vrms.
    pub needed_vrms: f64,
    /// The power the target needs, mW.
    pub needed_mw: f64,
    /// The current the target needs, mA.
    pub needed_ma: f64,
    /// Whether the source's output impedance is at most 1/8 of the headphone's.
    pub damping_ok: bool,
}

/// Checks that `value` is finite and in range; the error names `prefix` + `name` (built only
/// on failure, so the happy path allocates nothing).
pub(super) fn check_range(
    prefix: &str,
    name: &str,
    value: f64,
    (low, high): (f64, f64),
    unit: &str,
) -> Result<()> {
    if !value.is_finite() {
        return Err(Error::invalid_input(
            &format!("{prefix}{name}"),
            "must be a finite number",
        ));
    }
    if !(low..=high).contains(&value) {
        return Err(Error::invalid_input(
            &format!("{prefix}{name}"),
            format!("{value} {unit} is outside {low}–{high} {unit}"),
        ));
    }
    Ok(())
}

/// Whether a headphone's figures are ones [`drive`] accepts (finite and in range).
pub(crate) fn headphone_in_range(impedance_ohm: f64, sensitivity: Sensitivity) -> bool {
    let within = |v: f64, (low, high): (f64, f64)| v.is_finite() && (low..=high).contains(&v);
    within(impedance_ohm, IMPEDANCE_RANGE) && within(sensitivity.value, SENSITIVITY_RANGE)
}

/// How loud a headphone of `impedance_ohm` and `sensitivity` gets on `source`, against a target
/// peak level `target_db`.
///
/// # Errors
/// `InvalidInput` naming the field (`impedance_ohm`, `sensitivity`, `vrms`, `output_ohm`,
/// `target_db`) when a number is not finite or out of range.
pub fn drive(
    impedance_ohm: f64,
    sensitivity: Sensitivity,
    source: &SourceSpec,
    target_db: f64,
) -> Result<Drive> {
    check_range("", "impedance_ohm", impedance_ohm, IMPEDANCE_RANGE, "ohm")?;
    check_range(
        "",
        "sensitivity",
        sensitivity.value,
        SENSITIVITY_RANGE,
        "dB",
    )?;
    source.validate("")?;
    check_target(target_db)?;
    Ok(compute(impedance_ohm, sensitivity, source, target_db))
}

/// Checks a target level, naming it `target_db`.
fn check_target(target_db: f64) -> Result<()> {
    check_range(
        "",
        "target_db",
        target_db,
        (MIN_TARGET_DB, MAX_TARGET_DB),
        "dB",
    )
}

/// [`drive`] without the checks, for callers that validated the source and target once.
pub(crate) fn compute(
    impedance_ohm: f64,
    sensitivity: Sensitivity,
    source: &SourceSpec,
    target_db: f64,
) -> Drive {
    let (s_mw, s_v) = match sensitivity.unit {
        SensitivityUnit::DbPerMw => (
            sensitivity.value,
            db_per_v_from_db_per_mw(sensitivity.value, impedance_ohm),
        ),
        SensitivityUnit::DbPerV => (
            db_per_mw_from_db_per_v(sensitivity.value, impedance_ohm),
            sensitivity.value,
        ),
    };
    let v_load = load_vrms(
        source.vrms_into(impedance_ohm),
        impedance_ohm,
        source.output_ohm,
    );
    let max_spl_db = spl_db(s_v, v_load);
    let headroom_db = max_spl_db - target_db;
    let needed = needed_vrms(s_v, target_db);
    Drive {
        sensitivity_db_per_mw: s_mw,
        sensitivity_db_per_v: s_v,
        load_vrms: v_load,
        max_spl_db,
        headroom_db,
        verdict: Verdict::from_headroom(headroom_db),
        needed_vrms: needed,
        needed_mw: needed * needed / impedance_ohm * 1000.0,
        needed_ma: needed / impedance_ohm * 1000.0,
        damping_ok: damping_ok(impedance_ohm, source.output_ohm),
    }
}

/// [`drive`] for a catalog model: `None` when its impedance or sensitivity is not published (or
/// the source or target is out of range; validate those first to tell the cases apart).
pub fn drive_model(model: &Model, source: &SourceSpec, target_db: f64) -> Option<Drive> {
    let (z, s) = (model.impedance_ohm?, model.sensitivity?);
    drive(z, s, source, target_db).ok()
}
