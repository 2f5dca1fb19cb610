//! Drivability: how loud a headphone gets on a source, and what it needs for a target level.
//!
//! The formulas are those of ARCHITECTURE.md (*Domain rules*), with `S_mW` the sensitivity in
//! dB SPL for 1 mW, `S_V` in dB SPL for 1 Vrms, `Z` the nominal impedance, `V_oc` the source's
//! open-circuit voltage, `Z_out` its output impedance and `T` the target peak level:
//!
//! - `S_mW = S_V + 10·log10(Z / 1000)` and back `S_V = S_mW − 10·log10(Z / 1000)`
//!   (300 ohm at 103 dB/V is 97.8 dB/mW);
//! - `V_load = V_oc · Z / (Z + Z_out)`, `SPL_max = S_V + 20·log10(V_load)`, `headroom = SPL_max − T`;
//! - needed for the target: `V = 10^((T − S_V) / 20)`, `P = V² / Z`, `I = V / Z`;
//! - damping: a source whose output impedance is more than 1/8 of the headphone's colours it.
//!
//! Source presets (phone, laptop, Mac, interface, amp) live in `data/sources.json`, embedded at
//! build time, each with its figures and where they come from.
//!
//! ```
//! use headroom_catalog::drive::{self, Verdict};
//! use headroom_catalog::{Sensitivity, SensitivityUnit};
//!
//! // A Sennheiser HD 650-like load (300 ohm, 103 dB/V) on a laptop jack.
//! let laptop = &drive::preset("laptop").unwrap().spec;
//! let s = Sensitivity { value: 103.0, unit: SensitivityUnit::DbPerV, ref_hz: None };
//! let d = drive::drive(300.0, s, laptop, 110.0).unwrap();
//! assert!((d.sensitivity_db_per_mw - 97.77).abs() < 0.01);
//! assert_eq!(d.verdict, Verdict::Marginal);
//! ```

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
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
const IMPEDANCE_RANGE: (f64, f64) = (1.0, 100_000.0);
/// The range of sensitivities [`drive`] accepts, dB SPL.
const SENSITIVITY_RANGE: (f64, f64) = (40.0, 160.0);
/// The range of open-circuit voltages a source may have, Vrms.
const VRMS_RANGE: (f64, f64) = (0.001, 100.0);
/// The range of output impedances a source may have, ohm.
const OUTPUT_OHM_RANGE: (f64, f64) = (0.0, 10_000.0);

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

/// What a source puts out: its open-circuit voltage at full volume and its output impedance.
///
/// A Mac's adaptive jack raises its voltage for high-impedance loads; `high_z_vrms` and
/// `high_z_from_ohm` express that (Apple: 1.25 Vrms below 150 ohm, 3 Vrms from 150 ohm to 1 kohm).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    /// Open-circuit voltage at full volume, Vrms.
    pub vrms: f64,
    /// Output impedance, ohm.
    pub output_ohm: f64,
    /// The voltage for loads of `high_z_from_ohm` and up, if the source adapts to the load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_z_vrms: Option<f64>,
    /// The load from which `high_z_vrms` applies, ohm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_z_from_ohm: Option<f64>,
}

impl SourceSpec {
    /// A source with one voltage for every load.
    pub fn new(vrms: f64, output_ohm: f64) -> SourceSpec {
        SourceSpec {
            vrms,
            output_ohm,
            high_z_vrms: None,
            high_z_from_ohm: None,
        }
    }

    /// The open-circuit voltage the source gives a load of `load_ohm`.
    pub fn vrms_into(&self, load_ohm: f64) -> f64 {
        match (self.high_z_vrms, self.high_z_from_ohm) {
            (Some(v), Some(from)) if load_ohm >= from => v,
            _ => self.vrms,
        }
    }

    /// Checks every figure; `field` prefixes the names in errors (`""`, `"source."`).
    ///
    /// # Errors
    /// `InvalidInput` naming the figure that is not finite or out of range.
    pub fn validate(&self, prefix: &str) -> Result<()> {
        check_range(prefix, "vrms", self.vrms, VRMS_RANGE, "Vrms")?;
        check_range(
            prefix,
            "output_ohm",
            self.output_ohm,
            OUTPUT_OHM_RANGE,
            "ohm",
        )?;
        match (self.high_z_vrms, self.high_z_from_ohm) {
            (None, None) => Ok(()),
            (Some(v), Some(from)) => {
                check_range(prefix, "high_z_vrms", v, VRMS_RANGE, "Vrms")?;
                check_range(prefix, "high_z_from_ohm", from, IMPEDANCE_RANGE, "ohm")
            }
            (Some(_), None) => Err(Error::invalid_input(
                &format!("{prefix}high_z_from_ohm"),
                "needed with high_z_vrms",
            )),
            (None, Some(_)) => Err(Error::invalid_input(
                &format!("{prefix}high_z_vrms"),
                "needed with high_z_from_ohm",
            )),
        }
    }
}

/// A publication a preset's figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// What the page is.
    pub title: String,
    /// Its address.
    pub url: String,
    /// The figure it backs (`vrms`, `output_ohm`).
    pub figure: String,
}

/// A named source with its figures and where they come from.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct SourcePreset {
    /// `phone`, `laptop`, `mac`, `interface`, `amp`.
    pub id: String,
    /// What the UI shows.
    pub name: String,
    /// The figures.
    pub spec: SourceSpec,
    /// The real device the figures are for.
    pub device: String,
    /// The main publication behind the figures.
    pub source_title: String,
    /// Its address.
    pub source_url: String,
    /// Why the device is typical and how the figures were read.
    pub note: String,
    /// Further publications, each backing one figure.
    pub other_sources: Vec<Reference>,
    /// True when a figure was not published and an assumption stands in (the note says which).
    pub provisional: bool,
    /// Whether the output impedance was published. When it was not, `spec.output_ohm` is 0:
    /// levels are the most the voltage can give, and the damping check means nothing.
    pub output_ohm_published: bool,
}

impl SourcePreset {
    /// "your laptop jack", "your Mac's headphone jack", ...
    pub fn phrase(&self) -> &'static str {
        phrase_for(&self.id)
    }
}

/// "your laptop jack" for a preset id, "your source" for anything else.
pub(crate) fn phrase_for(id: &str) -> &'static str {
    match id {
        "phone" => "your phone",
        "laptop" => "your laptop jack",
        "mac" => "your Mac's headphone jack",
        "interface" => "your audio interface",
        "amp" => "your headphone amp",
        _ => "your source",
    }
}

/// The preset ids, in display order.
pub const PRESET_IDS: [&str; 5] = ["phone", "laptop", "mac", "interface", "amp"];

const SOURCES_JSON: &str = include_str!("../data/sources.json");

#[derive(Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
struct PresetFile {
    presets: Vec<PresetEntry>,
}

#[derive(Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
struct PresetEntry {
    id: String,
    name: String,
    device: String,
    vrms: f64,
    /// `null` when nobody published it: computed as negligible, and said so.
    output_ohm: Option<f64>,
    #[serde(default)]
    high_z_vrms: Option<f64>,
    #[serde(default)]
    high_z_from_ohm: Option<f64>,
    source_title: String,
    source_url: String,
    note: String,
    #[serde(default)]
    other_sources: Vec<Reference>,
    provisional: bool,
}

/// Parses and checks a presets file (`{ "presets": [ ... ] }`).
///
/// # Errors
/// `InvalidData` naming the preset and field: bad JSON, a figure out of range, a missing
/// source, a duplicate or unknown id, or one of [`PRESET_IDS`] missing.
pub fn parse_presets(text: &str) -> Result<Vec<SourcePreset>> {
    let file: PresetFile = serde_json::from_str(text)
        .map_err(|e| Error::new(ErrorKind::InvalidData, format!("sources.json: {e}")))?;
    let mut presets = Vec::with_capacity(file.presets.len());
    for entry in file.presets {
        let place = format!("sources.json: preset {}", entry.id);
        if !PRESET_IDS.contains(&entry.id.as_str()) {
            return Err(Error::invalid_data(&place, "id", "not a known preset id"));
        }
        if presets.iter().any(|p: &SourcePreset| p.id == entry.id) {
            return Err(Error::invalid_data(&place, "id", "used twice"));
        }
        let spec = SourceSpec {
            vrms: entry.vrms,
            output_ohm: entry.output_ohm.unwrap_or(0.0),
            high_z_vrms: entry.high_z_vrms,
            high_z_from_ohm: entry.high_z_from_ohm,
        };
        spec.validate("")
            .map_err(|e| Error::new(ErrorKind::InvalidData, format!("{place}: {e}")))?;
        for (field, value) in [
            ("name", &entry.name),
            ("device", &entry.device),
            ("source_title", &entry.source_title),
            ("source_url", &entry.source_url),
            ("note", &entry.note),
        ] {
            if value.trim().is_empty() {
                return Err(Error::invalid_data(&place, field, "must not be empty"));
            }
        }
        if !entry.source_url.starts_with("https://") {
            return Err(Error::invalid_data(
                &place,
                "source_url",
                "must be an https address",
            ));
        }
        for r in &entry.other_sources {
            if r.title.trim().is_empty() || !r.url.starts_with("https://") {
                return Err(Error::invalid_data(
                    &place,
                    "other_sources",
                    "each needs a title and an https url",
                ));
            }
            if !matches!(r.figure.as_str(), "vrms" | "output_ohm" | "high_z_vrms") {
                return Err(Error::invalid_data(
                    &place,
                    "other_sources",
                    format!("`{}` is not a figure of a preset", r.figure),
                ));
            }
        }
        if entry.output_ohm.is_none() && !entry.provisional {
            return Err(Error::invalid_data(
                &place,
                "provisional",
                "must be true when output_ohm is not published",
            ));
        }
        presets.push(SourcePreset {
            output_ohm_published: entry.output_ohm.is_some(),
            id: entry.id,
            name: entry.name,
            spec,
            device: entry.device,
            source_title: entry.source_title,
            source_url: entry.source_url,
            note: entry.note,
            other_sources: entry.other_sources,
            provisional: entry.provisional,
        });
    }
    for id in PRESET_IDS {
        if !presets.iter().any(|p| p.id == id) {
            return Err(Error::invalid_data(
                &format!("sources.json: preset {id}"),
                "id",
                "missing",
            ));
        }
    }
    presets.sort_by_key(|p| PRESET_IDS.iter().position(|id| *id == p.id));
    Ok(presets)
}

/// The embedded source presets, parsed once, in [`PRESET_IDS`] order.
///
/// # Panics
/// If the embedded `data/sources.json` is broken; the crate's tests keep that from shipping.
pub fn presets() -> &'static [SourcePreset] {
    static PRESETS: OnceLock<Vec<SourcePreset>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        parse_presets(SOURCES_JSON).unwrap_or_else(|e| panic!("embedded source presets: {e}"))
    })
}

/// The preset with this id.
///
/// # Errors
/// `NotFound` naming the id.
pub fn preset(id: &str) -> Result<&'static SourcePreset> {
    presets()
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| Error::not_found("source preset", id))
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
fn check_range(
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
pub(crate) fn check_target(target_db: f64) -> Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn per_v(value: f64) -> Sensitivity {
        Sensitivity {
            value,
            unit: SensitivityUnit::DbPerV,
            ref_hz: None,
        }
    }

    fn per_mw(value: f64) -> Sensitivity {
        Sensitivity {
            value,
            unit: SensitivityUnit::DbPerMw,
            ref_hz: None,
        }
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn conversion_has_the_right_sign() {
        // The worked example in ARCHITECTURE.md: 300 ohm, 103 dB/V is 97.8 dB/mW (10·log10(0.3) = −5.23).
        let s_mw = db_per_mw_from_db_per_v(103.0, 300.0);
        assert!(close(s_mw, 97.77, 0.01), "{s_mw}");
        assert!(close(db_per_v_from_db_per_mw(97.77, 300.0), 103.0, 0.01));
        // At 1000 ohm, 1 V is 1 mW: the two units agree.
        assert_eq!(db_per_mw_from_db_per_v(100.0, 1000.0), 100.0);
        // 32 ohm: 1 V is 31.25 mW, so dB/V is 10·log10(31.25) = 14.95 dB above dB/mW.
        assert!(close(db_per_v_from_db_per_mw(96.0, 32.0), 110.95, 0.01));
    }

    #[test]
    fn drive_worked_example() {
        // 250 ohm, 96 dB/mW on 1.5 V behind 1 ohm, target 110 dB.
        // S_V = 96 − 10·log10(0.25) = 102.02; V_load = 1.5·250/251 = 1.49402;
        // SPL = 102.02 + 20·log10(1.49402) = 105.51; headroom −4.49 → marginal.
        // Needed: 10^((110 − 102.02)/20) = 2.5059 V, 25.12 mW, 10.02 mA.
        let d = drive(250.0, per_mw(96.0), &SourceSpec::new(1.5, 1.0), 110.0).unwrap();
        assert!(close(d.sensitivity_db_per_v, 102.0206, 1e-3), "{d:?}");
        assert!(close(d.load_vrms, 1.494_02, 1e-5), "{d:?}");
        assert!(close(d.max_spl_db, 105.508, 1e-3), "{d:?}");
        assert!(close(d.headroom_db, -4.492, 1e-3), "{d:?}");
        assert_eq!(d.verdict, Verdict::Marginal);
        assert!(close(d.needed_vrms, 2.5059, 1e-3), "{d:?}");
        assert!(close(d.needed_mw, 25.119, 1e-2), "{d:?}");
        assert!(close(d.needed_ma, 10.024, 1e-2), "{d:?}");
        assert!(d.damping_ok);
    }

    #[test]
    fn verdict_boundaries() {
        assert_eq!(Verdict::from_headroom(3.0), Verdict::Comfortable);
        assert_eq!(Verdict::from_headroom(2.999), Verdict::Enough);
        assert_eq!(Verdict::from_headroom(0.0), Verdict::Enough);
        assert_eq!(Verdict::from_headroom(-0.001), Verdict::Marginal);
        assert_eq!(Verdict::from_headroom(-6.0), Verdict::Marginal);
        assert_eq!(Verdict::from_headroom(-6.001), Verdict::TooQuiet);
        assert_eq!(
            serde_json::to_string(&Verdict::TooQuiet).unwrap(),
            "\"too-quiet\""
        );
    }

    #[test]
    fn damping_rule_is_one_eighth() {
        assert!(damping_ok(80.0, 10.0), "exactly 1/8 is fine");
        assert!(!damping_ok(80.0, 10.01));
        assert!(
            !damping_ok(32.0, 10.0),
            "a 10 ohm output on 32 ohm colours it"
        );
        assert!(damping_ok(250.0, 10.0));
    }

    #[test]
    fn mac_jack_switches_voltage_at_150_ohm() {
        let mac = &preset("mac").unwrap().spec;
        assert_eq!(mac.vrms_into(80.0), 1.25);
        assert_eq!(mac.vrms_into(149.9), 1.25);
        assert_eq!(mac.vrms_into(150.0), 3.0);
        assert_eq!(mac.vrms_into(600.0), 3.0);
        let plain = SourceSpec::new(2.0, 1.0);
        assert_eq!(plain.vrms_into(600.0), 2.0);
    }

    #[test]
    fn invalid_inputs_name_the_field() {
        let src = SourceSpec::new(1.0, 1.0);
        let cases = [
            (drive(f64::NAN, per_v(100.0), &src, 110.0), "impedance_ohm"),
            (drive(0.0, per_v(100.0), &src, 110.0), "impedance_ohm"),
            (drive(-32.0, per_v(100.0), &src, 110.0), "impedance_ohm"),
            (
                drive(32.0, per_v(f64::INFINITY), &src, 110.0),
                "sensitivity",
            ),
            (drive(32.0, per_v(300.0), &src, 110.0), "sensitivity"),
            (
                drive(32.0, per_v(100.0), &SourceSpec::new(0.0, 1.0), 110.0),
                "vrms",
            ),
            (
                drive(32.0, per_v(100.0), &SourceSpec::new(1.0, -1.0), 110.0),
                "output_ohm",
            ),
            (
                drive(32.0, per_v(100.0), &SourceSpec::new(1.0, f64::NAN), 110.0),
                "output_ohm",
            ),
            (drive(32.0, per_v(100.0), &src, 500.0), "target_db"),
            (drive(32.0, per_v(100.0), &src, f64::NAN), "target_db"),
        ];
        for (result, field) in cases {
            let e = result.unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            assert!(e.message().starts_with(field), "{field}: {e}");
        }
        let half = SourceSpec {
            high_z_vrms: Some(3.0),
            ..SourceSpec::new(1.0, 1.0)
        };
        assert!(half
            .validate("")
            .unwrap_err()
            .message()
            .starts_with("high_z_from_ohm"));
    }

    #[test]
    fn presets_load_with_their_sources() {
        let all = presets();
        let ids: Vec<_> = all.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, PRESET_IDS);
        for p in all {
            assert!(p.source_url.starts_with("https://"), "{}", p.id);
            assert!(!p.device.is_empty() && !p.note.is_empty(), "{}", p.id);
        }
        let mac = preset("mac").unwrap();
        assert_eq!(mac.spec.vrms, 1.25);
        assert_eq!(mac.spec.high_z_vrms, Some(3.0));
        assert_eq!(mac.spec.high_z_from_ohm, Some(150.0));
        assert!(mac.source_url.contains("support.apple.com"));
        let e = preset("walkman").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);
        assert!(e.message().contains("walkman"));
    }

    #[test]
    fn broken_preset_files_are_refused_with_the_field() {
        let good = SOURCES_JSON;
        let e = parse_presets(&good.replacen("\"vrms\": 1.0,", "\"vrms\": -1.0,", 1)).unwrap_err();
        assert!(
            e.message().contains("phone") && e.message().contains("vrms"),
            "{e}"
        );
        let e =
            parse_presets(&good.replacen("\"id\": \"amp\"", "\"id\": \"tube\"", 1)).unwrap_err();
        assert!(e.message().contains("tube"), "{e}");
        let e = parse_presets(&good.replacen("\"id\": \"amp\"", "\"id\": \"mac\"", 1)).unwrap_err();
        assert!(e.message().contains("twice"), "{e}");
        let e = parse_presets("{ \"presets\": [] }").unwrap_err();
        assert!(e.message().contains("missing"), "{e}");
        let e = parse_presets(&good.replacen(
            "\"source_url\": \"https://support.apple.com/en-us/HT212856\"",
            "\"source_url\": \"\"",
            1,
        ))
        .unwrap_err();
        assert!(e.message().contains("source_url"), "{e}");
    }

    fn unit() -> impl Strategy<Value = SensitivityUnit> {
        prop_oneof![
            Just(SensitivityUnit::DbPerMw),
            Just(SensitivityUnit::DbPerV)
        ]
    }

    proptest! {
        #[test]
        fn converting_there_and_back_is_the_identity(
            s in 70.0f64..140.0, z in 8.0f64..1000.0,
        ) {
            let there = db_per_mw_from_db_per_v(s, z);
            prop_assert!((db_per_v_from_db_per_mw(there, z) - s).abs() < 1e-9);
            let back = db_per_v_from_db_per_mw(s, z);
            prop_assert!((db_per_mw_from_db_per_v(back, z) - s).abs() < 1e-9);
        }

        #[test]
        fn both_units_give_the_same_level(
            s in 80.0f64..130.0, z in 8.0f64..1000.0, v in 0.1f64..10.0, zo in 0.0f64..50.0,
        ) {
            let src = SourceSpec::new(v, zo);
            let a = drive(z, per_v(s), &src, 110.0).unwrap();
            let b = drive(z, per_mw(db_per_mw_from_db_per_v(s, z)), &src, 110.0).unwrap();
            prop_assert!((a.max_spl_db - b.max_spl_db).abs() < 1e-9);
        }

        #[test]
        fn more_voltage_never_means_less_level(
            s in 80.0f64..130.0, u in unit(), z in 8.0f64..1000.0, zo in 0.0f64..100.0,
            v in 0.01f64..20.0, extra in 0.0f64..20.0,
        ) {
            let sens = Sensitivity { value: s, unit: u, ref_hz: None };
            let low = drive(z, sens, &SourceSpec::new(v, zo), 110.0).unwrap();
            let high = drive(z, sens, &SourceSpec::new(v + extra, zo), 110.0).unwrap();
            prop_assert!(high.max_spl_db >= low.max_spl_db);
            prop_assert!(high.headroom_db >= low.headroom_db);
            prop_assert!(high.verdict <= low.verdict, "a louder source never reads worse");
        }

        #[test]
        fn halving_the_voltage_costs_exactly_6_02_db(
            s in 80.0f64..130.0, u in unit(), z in 8.0f64..1000.0, zo in 0.0f64..100.0,
            v in 0.01f64..20.0, t in 90.0f64..125.0,
        ) {
            let sens = Sensitivity { value: s, unit: u, ref_hz: None };
            let full = drive(z, sens, &SourceSpec::new(v, zo), t).unwrap();
            let half = drive(z, sens, &SourceSpec::new(v / 2.0, zo), t).unwrap();
            let drop = full.headroom_db - half.headroom_db;
            prop_assert!((drop - 20.0 * 2f64.log10()).abs() < 1e-9, "{}", drop);
            prop_assert!((drop - 6.0206).abs() < 1e-4);
        }

        #[test]
        fn the_needed_voltage_meets_the_target_exactly(
            s in 80.0f64..130.0, z in 8.0f64..1000.0, t in 90.0f64..125.0,
        ) {
            let d = drive(z, per_v(s), &SourceSpec::new(1.0, 0.0), t).unwrap();
            // Driving exactly the needed voltage (ideal source) lands on the target.
            let at = drive(z, per_v(s), &SourceSpec::new(d.needed_vrms, 0.0), t);
            if let Ok(at) = at {
                prop_assert!(at.headroom_db.abs() < 1e-9);
            }
            prop_assert!((d.needed_mw - d.needed_vrms * d.needed_ma).abs() < 1e-6 * d.needed_mw.max(1.0));
        }
    }
}
