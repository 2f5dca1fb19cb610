//! `headroom-cli`: the JSON shapes scripts rely on (pinned, for one fixed input per subcommand),
//! help for the tool and each subcommand, and errors that exit non-zero with one line naming the
//! bad flag.

use std::process::{Command, Output};

use serde_json::Value;

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_headroom-cli"))
        .args(args)
        .output()
        .expect("headroom-cli runs")
}

fn json(args: &[&str]) -> Value {
    let out = cli(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// Runs a command that must fail and returns its one-line message.
fn fails(args: &[&str]) -> String {
    let out = cli(args);
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "{args:?}: one line: {err:?}"
    );
    err
}

fn unit_is_valid(v: &Value) -> bool {
    matches!(v.as_str(), Some("dB/mW" | "dB/V"))
}

#[test]
fn models_lists_the_catalog_with_units_on_the_wire() {
    let v = json(&["models", "--json"]);
    let models = v["models"].as_array().unwrap();
    assert!(models.len() >= 11, "at least the seed models");
    for m in models {
        for key in ["id", "brand", "model", "back", "tier"] {
            assert!(m[key].is_string(), "{key} in {m}");
        }
        for key in ["variant", "impedance_ohm", "sensitivity"] {
            assert!(m.get(key).is_some(), "{key} present (maybe null) in {m}");
        }
        if let Some(s) = m["sensitivity"].as_object() {
            assert!(s["value"].is_number(), "{m}");
            assert!(unit_is_valid(&s["unit"]), "{m}");
        }
    }
    assert!(models.iter().any(|m| m["id"] == "sennheiser-hd-650"));
}

#[test]
fn models_filters_by_back_tier_and_search() {
    let open = json(&["models", "--back", "open", "--json"]);
    let open = open["models"].as_array().unwrap();
    assert!(!open.is_empty());
    assert!(open.iter().all(|m| m["back"] == "open"));

    let budget = json(&["models", "--tier", "budget", "--back", "closed", "--json"]);
    let budget = budget["models"].as_array().unwrap();
    assert!(budget.iter().any(|m| m["id"] == "sony-mdr-7506"));
    assert!(budget
        .iter()
        .all(|m| m["tier"] == "budget" && m["back"] == "closed"));

    let found = json(&["models", "--search", "HD 650", "--json"]);
    assert_eq!(found["models"][0]["id"], "sennheiser-hd-650");
    let none = json(&["models", "--search", "no such headphone zzz", "--json"]);
    assert_eq!(none["models"].as_array().unwrap().len(), 0);
}

#[test]
fn recommend_returns_ranked_results_with_reasons_and_drive() {
    let v = json(&[
        "recommend",
        "--room",
        "noisy",
        "--task",
        "tracking",
        "--task",
        "mixing",
        "--source",
        "laptop",
        "--budget",
        "midrange",
        "--hours",
        "3",
        "--others-nearby",
        "--json",
    ]);
    let results = v["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let mut previous = f64::INFINITY;
    for r in results {
        for key in ["id", "back", "tier"] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
        assert!(r.get("impedance_ohm").is_some());
        let score = r["score"].as_f64().unwrap();
        assert!(score <= previous + 1e-9, "best first");
        previous = score;
        let reasons = r["reasons"].as_array().unwrap();
        let sum: f64 = reasons.iter().map(|x| x["weight"].as_f64().unwrap()).sum();
        assert!(
            (sum - score).abs() < 1e-9,
            "score is the sum of the weights: {r}"
        );
        for reason in reasons {
            assert!(matches!(reason["kind"].as_str(), Some("pro" | "con")));
            assert!(reason["text"].as_str().is_some_and(|t| !t.is_empty()));
        }
        match &r["drive"] {
            Value::Null => {}
            d => {
                assert!(
                    d["max_spl_db"].is_number() && d["headroom_db"].is_number(),
                    "{r}"
                );
                assert!(matches!(
                    d["verdict"].as_str(),
                    Some("comfortable" | "enough" | "marginal" | "too-quiet")
                ));
            }
        }
        assert_ne!(r["tier"], "high-end", "the budget is a hard limit");
    }
    assert_eq!(
        results[0]["back"], "closed",
        "tracking in a noisy flat: closed first"
    );
}

#[test]
fn recommend_honours_limit_custom_sources_and_over_budget() {
    let v = json(&["recommend", "--limit", "3", "--json"]);
    assert_eq!(v["results"].as_array().unwrap().len(), 3);

    let v = json(&[
        "recommend",
        "--source",
        "custom",
        "--vrms",
        "2",
        "--output-ohms",
        "10",
        "--json",
    ]);
    assert!(!v["results"].as_array().unwrap().is_empty());

    let v = json(&[
        "recommend",
        "--budget",
        "budget",
        "--show-over-budget",
        "--json",
    ]);
    let results = v["results"].as_array().unwrap();
    let first_over = results
        .iter()
        .position(|r| r["over_budget"] == true)
        .unwrap();
    assert!(results[first_over..]
        .iter()
        .all(|r| r["over_budget"] == true));
    assert!(results[..first_over].iter().all(|r| r["tier"] == "budget"));
}

#[test]
fn drive_computes_from_figures_or_a_model() {
    let v = json(&[
        "drive",
        "--impedance",
        "300",
        "--sensitivity",
        "103",
        "--unit",
        "dB/V",
        "--vrms",
        "1.5",
        "--output-ohms",
        "1",
        "--json",
    ]);
    for key in [
        "sensitivity_db_per_mw",
        "sensitivity_db_per_v",
        "max_spl_db",
        "headroom_db",
        "needed_vrms",
        "needed_mw",
        "needed_ma",
    ] {
        assert!(v[key].is_number(), "{key} in {v}");
    }
    assert!(v["damping_ok"].is_boolean());
    // 300 ohm, 103 dB/V: 97.77 dB/mW; 1.5·300/301 V → 106.49 dB, 3.51 dB short.
    let close = |key: &str, want: f64| (v[key].as_f64().unwrap() - want).abs() < 0.01;
    assert!(close("sensitivity_db_per_mw", 97.77), "{v}");
    assert!(close("max_spl_db", 106.49), "{v}");
    assert!(close("headroom_db", -3.51), "{v}");
    assert!(close("needed_vrms", 2.24), "{v}");
    assert_eq!(v["verdict"], "marginal");

    let m = json(&[
        "drive",
        "--model",
        "sennheiser-hd-650",
        "--vrms",
        "1.5",
        "--output-ohms",
        "1",
        "--json",
    ]);
    assert_eq!(m, v, "the model's figures are 300 ohm, 103 dB/V");

    let mw = json(&[
        "drive",
        "--impedance",
        "32",
        "--sensitivity",
        "96",
        "--unit",
        "dB/mW",
        "--vrms",
        "1",
        "--json",
    ]);
    assert!((mw["sensitivity_db_per_v"].as_f64().unwrap() - 110.95).abs() < 0.01);

    let mac = json(&[
        "drive",
        "--model",
        "sennheiser-hd-650",
        "--source",
        "mac",
        "--json",
    ]);
    assert_eq!(mac["verdict"], "enough", "the Mac gives 3 V into 300 ohm");
}

#[test]
fn sources_lists_the_presets_with_their_provenance() {
    let v = json(&["sources", "--json"]);
    let sources = v["sources"].as_array().unwrap();
    let ids: Vec<&str> = sources.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["phone", "laptop", "mac", "interface", "amp"]);
    for s in sources {
        assert!(s["spec"]["vrms"].is_number() && s["spec"]["output_ohm"].is_number());
        assert!(s["source_url"].as_str().unwrap().starts_with("https://"));
        assert!(s["device"].is_string() && s["note"].is_string());
    }
}

#[test]
fn human_output_works_without_json() {
    for args in [
        &["models", "--back", "open"][..],
        &["recommend", "--limit", "2"],
        &["drive", "--model", "sony-mdr-7506", "--source", "phone"],
        &["sources"],
        &["--help"],
    ] {
        let out = cli(args);
        assert!(out.status.success(), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn errors_exit_non_zero_with_one_line_naming_the_flag() {
    let cases: &[(&[&str], &str)] = &[
        (&["recommend", "--room", "loud"], "--room"),
        (&["recommend", "--task", "singing"], "--task"),
        (&["recommend", "--source", "walkman"], "--source"),
        (
            &["recommend", "--source", "custom", "--output-ohms", "1"],
            "--vrms",
        ),
        (
            &["recommend", "--source", "custom", "--vrms", "1"],
            "--output-ohms",
        ),
        (
            &["recommend", "--source", "laptop", "--vrms", "1"],
            "--vrms",
        ),
        (
            &[
                "recommend",
                "--source",
                "custom",
                "--vrms",
                "-1",
                "--output-ohms",
                "1",
            ],
            "--vrms",
        ),
        (&["recommend", "--budget", "cheap"], "--budget"),
        (&["recommend", "--hours", "20"], "--hours"),
        (&["recommend", "--hours", "lots"], "--hours"),
        (&["recommend", "--target-db", "140"], "--target-db"),
        (&["recommend", "--target-db", "NaN"], "--target-db"),
        (&["recommend", "--limit", "0"], "--limit"),
        (&["recommend", "--room"], "--room"),
        (&["recommend", "--colour", "red"], "--colour"),
        (&["recommend", "--glasses=yes"], "--glasses"),
        (&["models", "--back", "sideways"], "--back"),
        (&["models", "--tier", "luxury"], "--tier"),
        (
            &["drive", "--model", "no-such-model", "--vrms", "1"],
            "--model",
        ),
        (
            &["drive", "--model", "ollo-audio-s4x", "--vrms", "1"],
            "--model",
        ),
        (
            &[
                "drive",
                "--impedance",
                "32",
                "--sensitivity",
                "100",
                "--unit",
                "dB",
                "--vrms",
                "1",
            ],
            "--unit",
        ),
        (
            &[
                "drive",
                "--impedance",
                "32",
                "--sensitivity",
                "100",
                "--vrms",
                "1",
            ],
            "--unit",
        ),
        (
            &[
                "drive",
                "--impedance",
                "0",
                "--sensitivity",
                "100",
                "--unit",
                "dB/V",
                "--vrms",
                "1",
            ],
            "--impedance",
        ),
        (
            &[
                "drive",
                "--impedance",
                "32",
                "--sensitivity",
                "100",
                "--unit",
                "dB/V",
            ],
            "--vrms",
        ),
        (
            &[
                "drive",
                "--impedance",
                "32",
                "--sensitivity",
                "100",
                "--unit",
                "dB/V",
                "--vrms",
                "0",
            ],
            "--vrms",
        ),
        (
            &[
                "drive",
                "--impedance",
                "32",
                "--sensitivity",
                "100",
                "--unit",
                "dB/V",
                "--vrms",
                "1",
                "--output-ohms",
                "-3",
            ],
            "--output-ohms",
        ),
        (
            &[
                "drive",
                "--impedance",
                "32",
                "--sensitivity",
                "100",
                "--unit",
                "dB/V",
                "--vrms",
                "1",
                "--target-db",
                "400",
            ],
            "--target-db",
        ),
        (
            &[
                "drive",
                "--model",
                "sony-mdr-7506",
                "--impedance",
                "32",
                "--vrms",
                "1",
            ],
            "--impedance",
        ),
    ];
    for (args, flag) in cases {
        let err = fails(args);
        assert!(err.contains(flag), "{args:?}: `{err}` should name {flag}");
    }
    assert!(fails(&[]).contains("command"));
    assert!(fails(&["frobnicate"]).contains("frobnicate"));
}

/// The output of each subcommand for one fixed input, byte for byte. It moves when the catalog
/// data does: `HEADROOM_BLESS=1 cargo test -p headroom-cli` rewrites the fixtures; review the
/// diff (a field that appears, vanishes or is renamed there is a change scripts will see).
#[test]
fn each_subcommands_json_is_pinned_for_one_input() {
    let cases: &[(&str, &[&str])] = &[
        (
            "models",
            &[
                "models", "--back", "open", "--tier", "budget", "--search", "hd", "--json",
            ],
        ),
        (
            "recommend",
            &[
                "recommend",
                "--room",
                "noisy",
                "--task",
                "tracking",
                "--task",
                "mixing",
                "--source",
                "laptop",
                "--budget",
                "midrange",
                "--hours",
                "3",
                "--glasses",
                "--limit",
                "5",
                "--json",
            ],
        ),
        (
            "drive",
            &[
                "drive",
                "--model",
                "sennheiser-hd-650",
                "--source",
                "mac",
                "--target-db",
                "105",
                "--json",
            ],
        ),
        (
            "drive-figures",
            &[
                "drive",
                "--impedance",
                "32",
                "--sensitivity",
                "100",
                "--unit",
                "dB/V",
                "--vrms",
                "1",
                "--output-ohms",
                "10",
                "--json",
            ],
        ),
        ("sources", &["sources", "--json"]),
        (
            "fr",
            &[
                "fr",
                "sennheiser-hd-600",
                "--smooth",
                "1/6",
                "--normalize",
                "500",
                "--json",
            ],
        ),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (name, args) in cases {
        let out = cli(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = dir.join(format!("{name}.json"));
        if std::env::var_os("HEADROOM_BLESS").is_some() {
            std::fs::write(&path, &out.stdout).unwrap();
            continue;
        }
        let expected = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            out.stdout == expected,
            "{name}: the output differs from tests/fixtures/{name}.json:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn help_works_for_the_tool_and_every_subcommand() {
    let out = cli(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for sub in ["models", "recommend", "drive", "sources", "fr"] {
        assert!(text.contains(sub), "{sub} in the tool's help: {text}");
        let out = cli(&[sub, "--help"]);
        assert!(out.status.success(), "{sub} --help");
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("--json"), "{sub}: {help}");
    }
    // The enum values the help lists are the domain's wire names.
    let help = String::from_utf8(cli(&["recommend", "--help"]).stdout).unwrap();
    assert!(help.contains("critical-listening"), "{help}");
    assert!(
        help.contains("interface") && help.contains("custom"),
        "{help}"
    );
    let help = String::from_utf8(cli(&["fr", "--help"]).stdout).unwrap();
    assert!(help.contains("1/12") && help.contains("loudness"), "{help}");
}

#[test]
fn fr_prints_a_curve_and_refuses_a_model_nobody_measured() {
    let v = json(&["fr", "sennheiser-hd-650", "--json"]);
    for key in ["id", "curve", "target", "bands", "preference", "source"] {
        assert!(v.get(key).is_some(), "{key} in fr's output");
    }
    let f = v["curve"]["frequency_hz"].as_array().unwrap();
    let db = v["curve"]["db"].as_array().unwrap();
    assert_eq!(f.len(), db.len());
    assert_eq!(v["target"]["db"].as_array().unwrap().len(), db.len());
    assert_eq!(v["bands"].as_array().unwrap().len(), 7);
    for b in v["bands"].as_array().unwrap() {
        for key in ["name", "low_hz", "high_hz", "error_db"] {
            assert!(b.get(key).is_some(), "{key} in {b}");
        }
    }
    assert_eq!(v["source"]["measurer"], "oratory1990");
    assert!(v["preference"].as_f64().unwrap() < 114.49);

    let out = cli(&["fr", "sony-mdr-v6"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a model nobody measured exits 1"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no published measurement"), "{err}");
    assert!(fails(&["fr", "sennheiser-hd-650", "--smooth", "1/5"]).contains("--smooth"));
    assert!(fails(&["fr", "sennheiser-hd-650", "--normalize", "2k"]).contains("--normalize"));
    assert!(fails(&["fr"]).contains("MODEL-ID"));
    assert!(fails(&["fr", "no-such-model"]).contains("no-such-model"));
}
