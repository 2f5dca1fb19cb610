//! Every seed model's headroom on every source preset, checked against a hand calculation.
//!
//! The expected numbers below were worked out by hand from the catalog's figures and the preset
//! figures with the formulas in ARCHITECTURE.md (*Domain rules*), not by calling the code under test:
//!
//! ```text
//! S_V    = S_mW − 10·log10(Z / 1000)            (figures in dB/V are used as they are)
//! V_load = V_oc · Z / (Z + Z_out)
//! SPL    = S_V + 20·log10(V_load)
//! headroom = SPL − 110 dB
//! ```
//!
//! Presets (data/sources.json): phone 1.0 V behind 0.33 ohm; laptop 1.5 V with its output impedance unpublished, so taken as 0 ohm; Mac
//! 1.25 V below 150 ohm, 3.0 V from 150 ohm, behind 1.25 ohm; interface 6.9 V, output impedance unpublished, taken as 0 ohm;
//! amp 8.8 V behind 0.2 ohm.
//!
//! If a seed model's figures change in the data, the first assertion says so: redo its
//! calculation. Seeds whose impedance or sensitivity is not published are listed with `None`,
//! and the engine must say it cannot compute them.

use headroom_domain::advisor::{recommend, Profile, SourceChoice, Task, HIGH_IMPEDANCE_OHM};
use headroom_domain::drive::{self, Verdict};
use headroom_domain::{load, Catalog, SensitivityUnit, Tier};

const PRESETS: [&str; 5] = ["phone", "laptop", "mac", "interface", "amp"];

/// (id, the figures the hand calculation used, expected headroom per preset in `PRESETS` order).
type Seed = (&'static str, Option<(f64, f64, SensitivityUnit)>, [f64; 5]);

const SEEDS: &[Seed] = &[
    // Sony MDR-7506: 63 ohm, 106 dB/mW. S_V = 106 − 10·log10(0.063) = 106 + 12.0066 = 118.0066.
    //   phone:     V = 1.0·63/63.33  = 0.99479 → 118.0066 − 0.0454 = 117.9612 → +7.96
    //   laptop:    V = 1.5 (Z_out 0)   = 1.50000 → 118.0066 + 3.5218 = 121.5284 → +11.53
    //   mac:       V = 1.25·63/64.25 = 1.22568 → 118.0066 + 1.7675 = 119.7741 → +9.77
    //   interface: V = 6.9 (Z_out 0)   = 6.90000 → 118.0066 + 16.7770 = 134.7836 → +24.78
    //   amp:       V = 8.8·63/63.2   = 8.77215 → 118.0066 + 18.8621 = 136.8687 → +26.87
    (
        "sony-mdr-7506",
        Some((63.0, 106.0, SensitivityUnit::DbPerMw)),
        [7.96, 11.53, 9.77, 24.78, 26.87],
    ),
    // Audio-Technica ATH-M70x: 35 ohm, 97 dB/mW. S_V = 97 − 10·log10(0.035) = 97 + 14.5593
    // = 111.5593.
    //   phone:     V = 1.0·35/35.33  = 0.99066 → 111.5593 − 0.0815 = 111.4778 → +1.48
    //   laptop:    V = 1.5 (Z_out 0)   = 1.50000 → 111.5593 + 3.5218 = 115.0811 → +5.08
    //   mac:       V = 1.25·35/36.25 = 1.20690 → 111.5593 + 1.6334 = 113.1927 → +3.19
    //   interface: V = 6.9 (Z_out 0)   = 6.90000 → 111.5593 + 16.7770 = 128.3363 → +18.34
    //   amp:       V = 8.8·35/35.2   = 8.75000 → 111.5593 + 18.8402 = 130.3995 → +20.40
    (
        "audio-technica-ath-m70x",
        Some((35.0, 97.0, SensitivityUnit::DbPerMw)),
        [1.48, 5.08, 3.19, 18.34, 20.40],
    ),
    // Sennheiser HD 650: 300 ohm, 103 dB/V (the Mac gives 3 V at 150 ohm and up).
    //   phone:     V = 1.0·300/300.33  = 0.99890 → 103 − 0.0095 = 102.9905 → −7.01
    //   laptop:    V = 1.5 (Z_out 0)     = 1.50000 → 103 + 3.5218 = 106.5218 → −3.48
    //   mac:       V = 3.0·300/301.25  = 2.98755 → 103 + 9.5063 = 112.5063 → +2.51
    //   interface: V = 6.9 (Z_out 0)     = 6.90000 → 103 + 16.7770 = 119.7770 → +9.78
    //   amp:       V = 8.8·300/300.2   = 8.79414 → 103 + 18.8839 = 121.8839 → +11.88
    (
        "sennheiser-hd-650",
        Some((300.0, 103.0, SensitivityUnit::DbPerV)),
        [-7.01, -3.48, 2.51, 9.78, 11.88],
    ),
    // Audeze LCD-2: 70 ohm, 101 dB/mW. S_V = 101 − 10·log10(0.07) = 101 + 11.5490 = 112.5490.
    //   phone:     V = 1.0·70/70.33  = 0.99531 → 112.5490 − 0.0408 = 112.5082 → +2.51
    //   laptop:    V = 1.5 (Z_out 0)   = 1.50000 → 112.5490 + 3.5218 = 116.0708 → +6.07
    //   mac:       V = 1.25·70/71.25 = 1.22807 → 112.5490 + 1.7845 = 114.3335 → +4.33
    //   interface: V = 6.9 (Z_out 0)   = 6.90000 → 112.5490 + 16.7770 = 129.3260 → +19.33
    //   amp:       V = 8.8·70/70.2   = 8.77493 → 112.5490 + 18.8649 = 131.4139 → +21.41
    (
        "audeze-lcd-2",
        Some((70.0, 101.0, SensitivityUnit::DbPerMw)),
        [2.51, 6.07, 4.33, 19.33, 21.41],
    ),
    // Audeze LCD-5: 14 ohm, 90 dB/mW. S_V = 90 − 10·log10(0.014) = 90 + 18.5387 = 108.5387.
    //   phone:     V = 1.0·14/14.33  = 0.97697 → 108.5387 − 0.2023 = 108.3364 → −1.66
    //   laptop:    V = 1.5 (Z_out 0)   = 1.50000 → 108.5387 + 3.5218 = 112.0605 → +2.06
    //   mac:       V = 1.25·14/15.25 = 1.14754 → 108.5387 + 1.1954 = 109.7341 → −0.27
    //   interface: V = 6.9 (Z_out 0)   = 6.90000 → 108.5387 + 16.7770 = 125.3157 → +15.32
    //   amp:       V = 8.8·14/14.2   = 8.67606 → 108.5387 + 18.7665 = 127.3052 → +17.31
    (
        "audeze-lcd-5",
        Some((14.0, 90.0, SensitivityUnit::DbPerMw)),
        [-1.66, 2.06, -0.27, 15.32, 17.31],
    ),
    // Beyerdynamic DT 770 Pro 80 ohm: 80 ohm, 96 dB/mW (relayed). S_V = 96 − 10·log10(0.08)
    // = 96 + 10.9691 = 106.9691.
    //   phone:     V = 1.0·80/80.33  = 0.99589 → 106.9691 − 0.0358 = 106.9333 → −3.07
    //   laptop:    V = 1.5 (Z_out 0)   = 1.50000 → 106.9691 + 3.5218 = 110.4909 → +0.49
    //   mac:       V = 1.25·80/81.25 = 1.23077 → 106.9691 + 1.8035 = 108.7726 → −1.23
    //   interface: V = 6.9 (Z_out 0)   = 6.90000 → 106.9691 + 16.7770 = 123.7461 → +13.75
    //   amp:       V = 8.8·80/80.2   = 8.77805 → 106.9691 + 18.8680 = 125.8371 → +15.84
    (
        "beyerdynamic-dt-770-pro-80",
        Some((80.0, 96.0, SensitivityUnit::DbPerMw)),
        [-3.07, 0.49, -1.23, 13.75, 15.84],
    ),
    // Beyerdynamic DT 990 Pro 250 ohm: 250 ohm, 96 dB/mW (relayed). S_V = 96 − 10·log10(0.25)
    // = 96 + 6.0206 = 102.0206 (the Mac gives 3 V at 150 ohm and up).
    //   phone:     V = 1.0·250/250.33 = 0.99868 → 102.0206 − 0.0115 = 102.0091 → −7.99
    //   laptop:    V = 1.5 (Z_out 0)    = 1.50000 → 102.0206 + 3.5218 = 105.5424 → −4.46
    //   mac:       V = 3.0·250/251.25 = 2.98507 → 102.0206 + 9.4991 = 111.5197 → +1.52
    //   interface: V = 6.9 (Z_out 0)    = 6.90000 → 102.0206 + 16.7770 = 118.7976 → +8.80
    //   amp:       V = 8.8·250/250.2  = 8.79297 → 102.0206 + 18.8827 = 120.9033 → +10.90
    (
        "beyerdynamic-dt-990-pro-250",
        Some((250.0, 96.0, SensitivityUnit::DbPerMw)),
        [-7.99, -4.46, 1.52, 8.80, 10.90],
    ),
    // No sensitivity published in any source read (see each model's figure_notes): nothing to
    // calculate; `picks_without_a_sensitivity_get_the_guides_impedance_rule` covers them.
    ("beyerdynamic-dt-770-pro-32", None, [0.0; 5]),
    ("beyerdynamic-dt-770-pro-250", None, [0.0; 5]),
    ("beyerdynamic-dt-990-pro-80", None, [0.0; 5]),
    ("ollo-audio-s4x", None, [0.0; 5]),
];

#[test]
fn every_seed_model_is_covered() {
    for (id, _) in load::SEED_MODELS {
        assert!(
            SEEDS.iter().any(|(s, ..)| s == id),
            "{id}: add its hand calculation here"
        );
    }
}

#[test]
fn every_seed_models_headroom_on_each_preset_matches_the_hand_calculation() {
    let catalog = Catalog::embedded().unwrap_or_else(|e| panic!("embedded catalog: {e}"));
    for (id, figures, expected) in SEEDS {
        let model = catalog.require(id).unwrap();
        let published = model
            .impedance_ohm
            .zip(model.sensitivity)
            .map(|(z, s)| (z, s.value, s.unit));
        assert_eq!(
            published, *figures,
            "{id}: its figures changed in the data; redo the hand calculation"
        );
        for (preset, want) in PRESETS.iter().zip(expected) {
            let spec = drive::preset(preset).unwrap().spec;
            let got = drive::drive_model(model, &spec, 110.0);
            match figures {
                None => assert!(got.is_none(), "{id} on {preset}: nothing to compute from"),
                Some(_) => {
                    let d = got.unwrap_or_else(|| panic!("{id} on {preset}: not computed"));
                    assert!(
                        (d.headroom_db - want).abs() < 0.01,
                        "{id} on {preset}: {:.3} dB, hand calculation {want} dB",
                        d.headroom_db
                    );
                    assert_eq!(d.verdict, Verdict::from_headroom(*want), "{id} on {preset}");
                }
            }
        }
    }
}

#[test]
fn the_guides_advice_holds_for_the_seed_models() {
    // "High-impedance models want an audio interface or a headphone amp": the 300 ohm HD 650
    // falls short on a phone and a laptop jack, and is comfortable on an interface and an amp.
    let catalog = Catalog::embedded().unwrap();
    let hd650 = catalog.require("sennheiser-hd-650").unwrap();
    let verdict = |preset: &str| {
        drive::drive_model(hd650, &drive::preset(preset).unwrap().spec, 110.0)
            .unwrap()
            .verdict
    };
    assert_eq!(verdict("phone"), Verdict::TooQuiet);
    assert_eq!(verdict("laptop"), Verdict::Marginal);
    assert_eq!(verdict("interface"), Verdict::Comfortable);
    assert_eq!(verdict("amp"), Verdict::Comfortable);
    // "A phone or laptop jack drives low-impedance, sensitive models": the 63 ohm MDR-7506.
    let sony = catalog.require("sony-mdr-7506").unwrap();
    for preset in ["phone", "laptop"] {
        let d = drive::drive_model(sony, &drive::preset(preset).unwrap().spec, 110.0).unwrap();
        assert_eq!(d.verdict, Verdict::Comfortable, "{preset}");
    }
}

#[test]
fn picks_without_a_sensitivity_get_the_guides_impedance_rule() {
    // The buying guides' rule stands in for the number: on a phone, laptop or Mac jack a pick of
    // 150 ohm or more is a con that says it is the guides' rule; with an interface or an amp, or
    // below 150 ohm, it is not applied. A pick whose impedance is unknown gets neither.
    let catalog = Catalog::embedded().unwrap();
    let unknown: Vec<&Seed> = SEEDS.iter().filter(|(_, f, _)| f.is_none()).collect();
    assert!(!unknown.is_empty());
    for preset in PRESETS {
        let profile = Profile {
            tasks: vec![Task::Mixing],
            source: SourceChoice {
                preset: preset.to_owned(),
                ..SourceChoice::default()
            },
            budget: Tier::HighEnd,
            ..Profile::default()
        };
        let ranked = recommend(&catalog, &profile, &[]).unwrap();
        for (id, ..) in &unknown {
            let model = catalog.require(id).unwrap();
            assert!(
                model.sensitivity.is_none(),
                "{id}: now has a sensitivity; calculate it"
            );
            let r = ranked.iter().find(|r| r.id == *id).unwrap();
            let rule = r
                .reasons
                .iter()
                .find(|x| x.text.contains("buying guides' rule"));
            let applies = model.impedance_ohm.is_some_and(|z| z >= HIGH_IMPEDANCE_OHM)
                && ["phone", "laptop", "mac"].contains(&preset);
            assert_eq!(rule.is_some(), applies, "{id} on {preset}");
            if let Some(rule) = rule {
                assert!(
                    rule.weight < -2.5,
                    "{id} on {preset}: close to a computed shortfall"
                );
                assert!(rule.text.contains("not a computation"), "{}", rule.text);
            }
            assert!(
                r.reasons.iter().any(|x| x.text.contains("can't compute")),
                "{id} on {preset}: the number itself still can't be computed, and it says so"
            );
        }
    }
    // The 250 ohm DT 770 Pro is the pick the rule is for.
    let dt770 = catalog.require("beyerdynamic-dt-770-pro-250").unwrap();
    assert_eq!(dt770.impedance_ohm, Some(250.0));
}
