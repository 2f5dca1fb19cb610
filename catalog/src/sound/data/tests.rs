//! Tests of the embedded curves, and of refusing bad curve files.

use super::*;

fn file(model: &str, levels: usize, commit: &str) -> String {
    format!(
        r#"{{ "model": "{model}", "measurer": "m", "rig": "r", "repository": "o/r", "path": "p.csv",
             "commit": "{commit}", "read": "2026-11-29", "note": null,
             "start_hz": 20, "per_octave": 24, "centi_db": {:?} }}"#,
        vec![0; levels]
    )
}

fn target() -> String {
    file("x", 240, &"a".repeat(40)).replace(r#""model": "x""#, r#""target": "Flat""#)
}

#[test]
fn embedded_curves_load() {
    let m = Measurements::embedded().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.target().db.len(), GRID.points);
}

#[test]
fn bad_files_are_refused_with_the_file_and_the_problem() {
    let ok = file("acme-x1", 240, &"a".repeat(40));
    let t = target();
    let m = Measurements::from_files(&[("a.json", &ok), ("t.json", &t)]).unwrap();
    assert_eq!(m.len(), 1);
    assert!(m.get("acme-x1").is_some());

    let short = file("acme-x1", 239, &"a".repeat(40));
    let e = Measurements::from_files(&[("a.json", &short), ("t.json", &t)]).unwrap_err();
    assert!(e.message().contains("a.json: 239 levels"), "{e}");
    let e = Measurements::from_files(&[("a.json", &file("acme-x1", 240, "abc")), ("t.json", &t)])
        .unwrap_err();
    assert!(e.message().contains("40 hex"), "{e}");
    let e =
        Measurements::from_files(&[("a.json", &ok), ("b.json", &ok), ("t.json", &t)]).unwrap_err();
    assert!(e.message().contains("second curve"), "{e}");
    let e = Measurements::from_files(&[("a.json", &ok)]).unwrap_err();
    assert!(e.message().contains("no target"), "{e}");
    let loud = ok.replacen("[0, ", "[9000, ", 1);
    let e = Measurements::from_files(&[("a.json", &loud), ("t.json", &t)]).unwrap_err();
    assert!(e.message().contains("90 dB at 20 Hz"), "{e}");
}
