//! The catalog's measured curves against the files they were read from.
//!
//! `data/curves/source/` holds each measurement exactly as published (AutoEq's `frequency,raw`
//! CSV) and `manifest.tsv`, where each came from. `data/curves/<id>.json` is derived from them:
//! resampled onto the 1/24-octave grid, in hundredths of a dB, with the provenance. This test
//! derives every file again and compares; `HEADROOM_BLESS=1 cargo test -p headroom-domain
//! --test curves` rewrites them (then review the diff). Adding a curve: put the CSV in
//! `source/`, add its manifest row, bless.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use headroom_domain::sound::{self, parse, Curve, Measurements, Normalize, Smoothing, GRID};
use headroom_domain::Catalog;

/// What is known of oratory1990's rig from the repository the curves come from: AutoEq does not
/// name the ear simulator, and its crawler (`oratory1990_crawler.py`) reads each curve off the
/// graph in his published PDF. Say exactly that, nothing more.
const ORATORY1990_RIG: &str = "his ear-simulator rig (the model is not stated in the AutoEq repository); AutoEq digitised this curve from the graph in his published PDF";
const TARGET_NAME: &str = "Harman over-ear 2018";
const TARGET_ID: &str = "harman-over-ear-2018";

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curves")
}

struct Row {
    id: String,
    path: String,
    commit: String,
    total_chars: usize,
    read: String,
    note: Option<String>,
}

fn manifest() -> Vec<Row> {
    let text = std::fs::read_to_string(data().join("source/manifest.tsv")).expect("manifest");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 6, "manifest line {}: {line}", i + 2);
            Row {
                id: cols[0].to_owned(),
                path: cols[1].to_owned(),
                commit: cols[2].to_owned(),
                total_chars: cols[3].parse().expect("total_chars"),
                read: cols[4].to_owned(),
                note: (cols[5] != "-").then(|| cols[5].to_owned()),
            }
        })
        .collect()
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The curve file derived from one source file, as text.
fn derive(row: &Row, source: &str) -> String {
    let points = parse::points(source).unwrap_or_else(|e| panic!("{}: {e}", row.id));
    let curve = Curve::resample(&points);
    let (who, measurer, rig) = if row.id == TARGET_ID {
        (
            format!("\"target\": {}", json_string(TARGET_NAME)),
            "Harman International (Olive, Welti et al.), as published in AutoEq",
            "the target for AutoEq's over-ear measurements on oratory1990's rig",
        )
    } else {
        assert!(
            row.path.starts_with("measurements/oratory1990/"),
            "{}: only oratory1990's measurements are used",
            row.id
        );
        (
            format!("\"model\": {}", json_string(&row.id)),
            "oratory1990",
            ORATORY1990_RIG,
        )
    };
    let mut out = String::from("{\n");
    let _ = writeln!(out, "  {who},");
    for (key, value) in [
        ("measurer", measurer),
        ("rig", rig),
        ("repository", "jaakkopasanen/AutoEq"),
        ("path", &row.path),
        ("commit", &row.commit),
        ("read", &row.read),
    ] {
        let _ = writeln!(out, "  \"{key}\": {},", json_string(value));
    }
    let note = row.note.as_deref().map_or("null".to_owned(), json_string);
    let _ = writeln!(out, "  \"note\": {note},");
    let _ = writeln!(out, "  \"start_hz\": {},", GRID.start_hz);
    let _ = writeln!(out, "  \"per_octave\": {},", GRID.per_octave);
    let levels: Vec<String> = curve.centi_db().iter().map(i32::to_string).collect();
    let _ = writeln!(out, "  \"centi_db\": [{}]", levels.join(", "));
    out.push_str("}\n");
    out
}

#[test]
fn every_curve_file_is_derived_from_its_source_as_published() {
    let bless = std::env::var_os("HEADROOM_BLESS").is_some();
    let rows = manifest();
    let mut stale = Vec::new();
    for row in &rows {
        let source = std::fs::read_to_string(data().join(format!("source/{}.csv", row.id)))
            .unwrap_or_else(|e| panic!("{}: source file: {e}", row.id));
        assert_eq!(
            source.len(),
            row.total_chars,
            "{}: the source file's length differs from the published file's",
            row.id
        );
        assert_eq!(row.commit.len(), 40, "{}: commit", row.id);
        let derived = derive(row, &source);
        let path = data().join(format!("{}.json", row.id));
        if bless {
            std::fs::write(&path, &derived).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(derived.as_str()) {
            stale.push(row.id.clone());
        }
    }
    assert!(
        stale.is_empty(),
        "curve files differ from their sources (HEADROOM_BLESS=1 to rewrite): {stale:?}"
    );
    // Every embedded curve file has its source.
    let embedded = Measurements::embedded().unwrap();
    assert_eq!(
        embedded.len() + 1,
        rows.len(),
        "one manifest row per curve file and the target"
    );
}

#[test]
fn every_curve_belongs_to_a_catalog_model_and_enough_models_have_one() {
    let catalog = Catalog::embedded().unwrap();
    let measurements = Measurements::embedded().unwrap();
    for m in measurements.iter() {
        assert!(
            catalog.get(&m.model).is_some(),
            "curve for unknown model {}",
            m.model
        );
    }
    assert!(
        measurements.len() >= 45,
        "{} models have a measured curve; at least 45 should",
        measurements.len()
    );
}

/// The preference rating computed straight from a source file, on its own 1.01-step grid, with
/// the published formula: nothing shared with the app's code but the file reader.
fn ppr_from_sources(model: &str) -> f64 {
    let read = |id: &str| {
        let text = std::fs::read_to_string(data().join(format!("source/{id}.csv"))).unwrap();
        parse::points(&text).unwrap()
    };
    let (curve, target) = (read(model), read(TARGET_ID));
    assert_eq!(
        curve.len(),
        target.len(),
        "{model}: same grid as the target"
    );
    let errors: Vec<(f64, f64)> = curve
        .iter()
        .zip(&target)
        .filter(|((f, _), _)| (50.0..=10_000.0).contains(f))
        .map(|(&(f, c), &(_, t))| (f.ln(), c - t))
        .collect();
    let n = errors.len() as f64;
    let mean_x = errors.iter().map(|e| e.0).sum::<f64>() / n;
    let mean_y = errors.iter().map(|e| e.1).sum::<f64>() / n;
    let sd = (errors.iter().map(|e| (e.1 - mean_y).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    let slope = errors
        .iter()
        .map(|e| (e.0 - mean_x) * (e.1 - mean_y))
        .sum::<f64>()
        / errors.iter().map(|e| (e.0 - mean_x).powi(2)).sum::<f64>();
    114.49 - 12.62 * sd - 15.52 * slope.abs()
}

#[test]
fn the_preference_rating_matches_a_recomputation_from_the_source_files() {
    let measurements = Measurements::embedded().unwrap();
    for id in [
        "sennheiser-hd-650",
        "sennheiser-hd-600",
        "beyerdynamic-dt-770-pro-250",
    ] {
        let app = sound::analyse(
            &measurements.get(id).unwrap().curve,
            measurements.target(),
            Smoothing::None,
            Normalize::default(),
        )
        .preference;
        let hand = ppr_from_sources(id);
        assert!(
            (app - hand).abs() < 0.5,
            "{id}: the app says {app:.2}, the source files give {hand:.2}"
        );
    }
}
