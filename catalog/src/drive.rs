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
//! use headroom_domain::drive::{self, Verdict};
//! use headroom_domain::{Sensitivity, SensitivityUnit};
//!
//! // A Sennheiser HD 650-like load (300 ohm, 103 dB/V) on a laptop jack.
//! let laptop = &drive::preset("laptop").unwrap().spec;
//! let s = Sensitivity { value: 103.0, unit: SensitivityUnit::DbPerV, ref_hz: None };
//! let d = drive::drive(300.0, s, laptop, 110.0).unwrap();
//! assert!((d.sensitivity_db_per_mw - 97.77).abs() < 0.01);
//! assert_eq!(d.verdict, Verdict::Marginal);
//! ```

mod formulas;
mod sources;
#[cfg(test)]
mod tests;

pub(crate) use formulas::{compute, headphone_in_range};
pub use formulas::{
    damping_ok, db_per_mw_from_db_per_v, db_per_v_from_db_per_mw, drive, drive_model, load_vrms,
    needed_vrms, spl_db, Drive, Verdict, COMFORTABLE_DB, DAMPING_RATIO, DEFAULT_TARGET_DB,
    MARGINAL_DB, MAX_TARGET_DB, MIN_TARGET_DB,
};
pub(crate) use sources::phrase_for;
pub use sources::{
    parse_presets, preset, presets, Reference, SourcePreset, SourceSpec, PRESET_IDS,
};
