//! Tests of the upgrades from versions 0 and 1, and of the paths their problems name.

use super::super::{from_bytes, Status, Verdict};
use crate::journal::testing::{catalog, error_of};

#[test]
fn v0_becomes_v1_keeping_every_value() {
    let v0 = br#"{ "version": 0,
        "favourites": [ { "id": "sennheiser-hd-650", "note": "for mixing", "added": "2024-11-02" },
                        { "id": "sony-mdr-7506", "added": "2024-11-03" } ],
        "tryons": [ { "model": "sony-mdr-7506", "date": "2024-11-04", "store": "Thomann",
                      "minutes": 20, "comfort": 4, "clamp": 2, "notes": "tight", "verdict": "yes" },
                    { "model": "audeze-lcd-2", "date": "2024-11-05" } ] }"#;
    let doc = from_bytes(v0, &catalog()).unwrap();
    assert_eq!(doc.version, super::super::CURRENT_VERSION);
    assert_eq!(doc.shortlist.len(), 2);
    assert_eq!(doc.shortlist[0].status, Status::Favourite);
    assert_eq!(doc.shortlist[0].reason, "for mixing");
    assert_eq!(doc.shortlist[1].reason, "");
    let s = &doc.sessions[0];
    assert_eq!(
        (s.id.as_str(), s.place.as_str(), s.minutes),
        ("s-1", "Thomann", Some(20))
    );
    assert_eq!((s.ratings.comfort, s.ratings.clamp), (Some(4), Some(2)));
    assert_eq!(
        (s.notes.as_str(), s.verdict),
        ("tight", Some(Verdict::Keep))
    );
    assert_eq!(doc.sessions[1].id, "s-2");
    assert_eq!(doc.sessions[1].verdict, None);
    assert_eq!(doc.next_session, 3);
}

#[test]
fn v0_problems_name_the_v0_path() {
    let c = catalog();
    let e = error_of(br#"{"version": 0, "tryons": [{"model": "sony-mdr-7506", "date": "2024-11-04", "comfort": 7}]}"#, &c);
    assert_eq!(
        e,
        "tryons[0].comfort: 7 is outside 1–5 (in a version 0 journal)"
    );
    let e = error_of(br#"{"version": 0, "tryons": [{"model": "sony-mdr-7506", "date": "2024-11-04", "verdict": "keep"}]}"#, &c);
    assert_eq!(
        e,
        "tryons[0].verdict: expected yes, maybe or no, found \"keep\" (in a version 0 journal)"
    );
    let e = error_of(
        br#"{"version": 0, "favourites": [{"note": "x", "added": "2024-11-04"}]}"#,
        &c,
    );
    assert_eq!(e, "favourites[0].id: missing (in a version 0 journal)");
    let e = error_of(br#"{"version": 0, "shortlist": []}"#, &c);
    assert!(e.starts_with("shortlist: unknown field"), "{e}");
}

#[test]
fn v1_gains_empty_figures_and_curves_and_nothing_else() {
    let v1 = br#"{ "version": 1, "compare": ["sony-mdr-7506"] }"#;
    let doc = from_bytes(v1, &catalog()).unwrap();
    assert!(doc.figures.is_empty() && doc.curves.is_empty());
    assert_eq!(doc.compare, vec!["sony-mdr-7506"]);
    let e = error_of(br#"{ "version": 1, "figures": {} }"#, &catalog());
    assert_eq!(
        e,
        "figures: is not part of a version 1 journal (in a version 1 journal)"
    );
}

#[test]
fn problems_found_after_the_upgrade_say_so() {
    let e = error_of(
        br#"{"version": 0, "tryons": [{"model": "nope", "date": "2024-11-04"}]}"#,
        &catalog(),
    );
    assert_eq!(
        e,
        "sessions[0].model_id: `nope` is neither in the catalog nor one of your own models \
         (in the version 0 journal, once upgraded to version 2)"
    );
}
