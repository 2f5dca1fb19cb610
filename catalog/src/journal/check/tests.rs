//! Tests of the shared rules: calendar dates, one-line text, paths and odd keys, slugs, profiles.

use super::*;

#[test]
fn dates_are_calendar_dates() {
    for good in [
        "2025-01-31",
        "2024-02-29",
        "2000-02-29",
        "1900-01-01",
        "2999-12-31",
    ] {
        assert!(is_date(good), "{good}");
    }
    for bad in [
        "",
        "2025-1-01",
        "2025-02-29",
        "1900-02-29",
        "2025-13-01",
        "2025-00-10",
        "2025-04-31",
        "2025-04-00",
        "25-04-01",
        "2025/04/01",
        "2025-04-01T",
        "1899-12-31",
        "+025-04-01",
        "２０２５-04-01",
    ] {
        assert!(!is_date(bad), "{bad}");
    }
}

#[test]
fn one_line_refuses_breaks_and_counts_characters() {
    assert!(
        one_line("reason", &"é".repeat(200), 200).is_ok(),
        "200 characters, 400 bytes"
    );
    let p = one_line("reason", &"é".repeat(201), 200).unwrap_err();
    assert_eq!(p.reason, "201 characters, more than the 200 allowed");
    for bad in ["a\nb", "a\rb", "a\tb", "a\u{2028}b", "a\u{0}b"] {
        assert!(one_line("reason", bad, 200).is_err(), "{bad:?}");
    }
    assert!(text("notes", "a\nb\tc", 10).is_ok());
}

#[test]
fn paths_join_and_quote_odd_keys() {
    assert_eq!(join("", "version"), "version");
    assert_eq!(
        join("sessions[3]", "ratings.comfort"),
        "sessions[3].ratings.comfort"
    );
    assert_eq!(join("sessions", "[3]"), "sessions[3]");
    assert_eq!(key_path("profile", "room"), "profile.room");
    assert_eq!(key_path("profile", "a b"), "profile[\"a b\"]");
    assert_eq!(key_path("", "version"), "version");
    assert!(key_path("profile", &"x".repeat(1000)).len() < 100);
}

#[test]
fn slugs_of_names() {
    assert_eq!(
        slug("Beyerdynamic DT 770 Pro", 40),
        "beyerdynamic-dt-770-pro"
    );
    assert_eq!(slug("  --Ünïcode ß  ", 40), "n-code");
    assert_eq!(slug("ヘッドホン", 40), "");
    assert_eq!(slug("abc def", 4), "abc");
    assert!(is_slug(&slug(
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
        40
    )));
}

#[test]
fn a_profile_is_valid_and_small() {
    let mut p = Profile::default();
    assert_eq!(profile(&p), Ok(()));
    p.hours = 99.0;
    assert_eq!(
        profile(&p),
        Err(Problem::new("", "hours: 99 is outside 0.25–16 hours"))
    );
    p.hours = 2.0;
    p.tasks = vec![crate::advisor::Task::Casual; 2_000];
    let e = profile(&p).unwrap_err();
    assert!(
        e.reason.ends_with("bytes, more than the 16384 allowed"),
        "{e:?}"
    );
    let value = serde_json::json!({ "pad": "x".repeat(MAX_PROFILE_BYTES - 10) });
    assert_eq!(profile_size(&value), Ok(()), "exactly 16 KiB");
    let value = serde_json::json!({ "pad": "x".repeat(MAX_PROFILE_BYTES - 9) });
    assert_eq!(
        profile_size(&value),
        Err(Problem::new("", "16385 bytes, more than the 16384 allowed"))
    );
}
