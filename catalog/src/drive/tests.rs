//! The drivability engine's unit tests: the worked examples, the verdict and damping
//! boundaries, the presets and their file, and properties of the formulas.

use proptest::prelude::*;

use super::sources::SOURCES_JSON;
use super::*;
use crate::error::ErrorKind;
use crate::model::{Sensitivity, SensitivityUnit};

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
    let e = parse_presets(&good.replacen("\"id\": \"amp\"", "\"id\": \"tube\"", 1)).unwrap_err();
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
