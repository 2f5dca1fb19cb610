//! Tests of the session summaries: averages, the latest session, date ties, excerpts.

use super::*;
use crate::journal::testing::catalog;
use crate::journal::{Ratings, SessionInput, Sound};

fn add(
    doc: &mut Document,
    model: &str,
    date: &str,
    comfort: Option<u8>,
    verdict: Option<Verdict>,
    notes: &str,
) {
    let input = SessionInput {
        model_id: model.into(),
        date: date.into(),
        ratings: Ratings {
            comfort,
            glasses_fit: comfort.map(|c| 6 - c),
            ..Ratings::default()
        },
        sound: Sound {
            bass: Some(3),
            ..Sound::default()
        },
        notes: notes.into(),
        verdict,
        ..SessionInput::default()
    };
    doc.add_session(&catalog(), input).unwrap();
}

#[test]
fn summaries_average_and_pick_the_latest() {
    let mut doc = Document::default();
    doc.add_to_shortlist(&catalog(), "sennheiser-hd-650", "2025-05-01")
        .unwrap();
    add(
        &mut doc,
        "sony-mdr-7506",
        "2025-05-05",
        Some(2),
        Some(Verdict::No),
        "tight",
    );
    add(
        &mut doc,
        "sennheiser-hd-650",
        "2025-05-03",
        Some(5),
        Some(Verdict::Keep),
        "comfy\n\n  all   day",
    );
    add(
        &mut doc,
        "sennheiser-hd-650",
        "2025-05-02",
        Some(4),
        Some(Verdict::Maybe),
        "older",
    );
    add(
        &mut doc,
        "sennheiser-hd-650",
        "2025-05-03",
        None,
        None,
        "  ",
    );
    add(&mut doc, "sennheiser-hd-650", "2025-05-01", None, None, "");

    let all = summaries(&doc);
    assert_eq!(
        all.iter().map(|s| s.model_id.as_str()).collect::<Vec<_>>(),
        ["sennheiser-hd-650", "sony-mdr-7506"]
    );
    let hd = &all[0];
    assert_eq!(hd.sessions, 4);
    assert_eq!(hd.last_date, "2025-05-03");
    assert_eq!(hd.avg_comfort, Some(4.5));
    assert_eq!(hd.avg_glasses_fit, Some(1.5));
    assert_eq!(hd.avg_bass, Some(3.0));
    assert_eq!(hd.avg_clamp, None);
    // s-2 and s-4 share the latest date; s-4 is later by id but has no verdict or note.
    assert_eq!(hd.last_verdict, Some(Verdict::Keep));
    assert_eq!(hd.latest_note.as_deref(), Some("comfy all day"));

    assert!(summaries(&Document::default()).is_empty());
}

#[test]
fn ids_break_date_ties_in_natural_order() {
    let mut doc = Document::default();
    for n in 1..=10 {
        let verdict = if n == 10 { Verdict::Keep } else { Verdict::No };
        add(
            &mut doc,
            "sony-mdr-7506",
            "2025-05-01",
            None,
            Some(verdict),
            "",
        );
    }
    assert_eq!(doc.sessions[9].id, "s-10");
    assert_eq!(
        summaries(&doc)[0].last_verdict,
        Some(Verdict::Keep),
        "s-10 comes after s-9"
    );
}

#[test]
fn excerpts_cut_on_a_character_boundary() {
    assert_eq!(excerpt("short"), "short");
    let long = "é".repeat(200);
    let cut = excerpt(&long);
    assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
    assert!(cut.ends_with("é…"));
    assert_eq!(
        excerpt(&"a".repeat(EXCERPT_CHARS)),
        "a".repeat(EXCERPT_CHARS)
    );
}
