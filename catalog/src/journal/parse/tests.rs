//! Tests of the loader's first steps: the strict JSON parse, whole-file problems, the version.

use super::*;
use crate::journal::testing::{catalog, error_of};

fn strict(text: &str) -> std::result::Result<Value, String> {
    parse_strict(text.as_bytes()).map_err(|e| e.to_string())
}

#[test]
fn strict_parse_refuses_duplicate_keys_with_their_path() {
    let e = strict(r#"{"a": {"b": 1, "b": 2}}"#).unwrap_err();
    assert!(e.starts_with("a.b: the key appears twice"), "{e}");
    let e = strict(r#"{"s": [{}, {"x y": 1, "x y": 1}]}"#).unwrap_err();
    assert!(e.starts_with("s[1][\"x y\"]: the key appears twice"), "{e}");
    assert_eq!(
        strict(r#"{"a": [1, 2.5, "x", null, true]}"#).unwrap(),
        serde_json::json!({"a": [1, 2.5, "x", null, true]})
    );
}

#[test]
fn strict_parse_stops_at_the_depth_limit() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(strict(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let e = strict(&deep).unwrap_err();
    assert!(e.contains("nested deeper than 64 levels"), "{e}");
    assert!(
        e.starts_with(&format!("{}:", "[0]".repeat(MAX_DEPTH))),
        "the path: {e}"
    );
}

#[test]
fn strict_parse_reports_syntax_and_truncation() {
    let e = strict(r#"{"a": 1,}"#).unwrap_err();
    assert!(e.starts_with("not valid JSON: "), "{e}");
    let e = strict(r#"{"a": [1, 2"#).unwrap_err();
    assert!(e.contains("ends too early"), "{e}");
    let e = strict(r#"{"a": 1} x"#).unwrap_err();
    assert!(e.contains("trailing characters"), "{e}");
}

#[test]
fn whole_file_problems() {
    let c = catalog();
    assert_eq!(error_of(b"", &c), "the file is empty");
    assert_eq!(error_of(b" \n\t ", &c), "the file is empty");
    assert!(error_of(b"[1, 2]", &c).contains("expected a JSON object"));
    assert!(error_of(b"\"version\"", &c).contains("expected a JSON object"));
    assert!(error_of(b"\xff\xfe{}", &c).starts_with("not valid JSON"));
    let e = error_of(&vec![b' '; MAX_BYTES + 1], &c);
    assert!(e.contains("more than the 8 MiB"), "{e}");
    // A byte-order mark is tolerated.
    assert!(from_bytes(b"\xEF\xBB\xBF{\"version\": 1}", &c).is_ok());
}

#[test]
fn version_problems_name_the_version() {
    let c = catalog();
    assert_eq!(
        error_of(b"{}", &c),
        "version: missing: every Headroom journal has one"
    );
    assert_eq!(
        error_of(br#"{"version": "1"}"#, &c),
        "version: expected a whole number, found \"1\""
    );
    assert_eq!(
        error_of(br#"{"version": -1}"#, &c),
        "version: expected a whole number, found -1"
    );
    assert_eq!(
        error_of(br#"{"version": 1.5}"#, &c),
        "version: expected a whole number, found 1.5"
    );
    let e = error_of(br#"{"version": 3}"#, &c);
    assert!(
        e.starts_with("version: 3: written by a newer Headroom"),
        "{e}"
    );
    let e = error_of(br#"{"version": 99999999999}"#, &c);
    assert!(e.starts_with("version: expected a whole number"), "{e}");
}

#[test]
fn a_minimal_document_is_an_empty_journal() {
    let loaded = from_bytes(br#"{"version": 1}"#, &catalog()).unwrap();
    assert_eq!(loaded.document, Document::default());
    assert!(!loaded.profile_dropped);
}

#[test]
fn a_dropped_profile_is_reported_and_no_profile_is_not() {
    let c = catalog();
    let read = |text: &str| from_bytes(text.as_bytes(), &c).unwrap();
    for kept in [
        r#"{"version": 2}"#,
        r#"{"version": 2, "profile": null}"#,
        r#"{"version": 2, "profile": {"room": "noisy"}}"#,
    ] {
        assert!(!read(kept).profile_dropped, "{kept}");
    }
    for dropped in [
        r#"{"version": 2, "profile": {"room": "moon"}}"#,
        r#"{"version": 2, "profile": {"hours": 999}}"#,
        r#"{"version": 2, "profile": [1]}"#,
    ] {
        let loaded = read(dropped);
        assert!(loaded.profile_dropped, "{dropped}");
        assert_eq!(loaded.document.profile, None, "{dropped}");
    }
}
