//! The comparison's tests on the embedded catalog: figure kinds in the cells and the exports,
//! and the measured-sound section.

use super::format::rounded;
use super::*;
use crate::advisor::Profile;
use crate::sound;
use crate::Catalog;

#[test]
fn figures_carry_their_kind_into_the_cells_and_the_exports() {
    let catalog = Catalog::embedded().unwrap();
    let ids = ["sennheiser-hd-650".to_owned(), "sony-mdr-7506".to_owned()];
    let c = build(&catalog, &ids, &Profile::default(), &[]).unwrap();
    let hd650 = catalog.require("sennheiser-hd-650").unwrap();
    let impedance = c.row("impedance_ohm").unwrap();
    assert_eq!(impedance.cells[0].kind, hd650.figure_kind("impedance_ohm"));
    assert!(
        impedance.cells[0].kind.is_some(),
        "every catalog figure has a kind"
    );
    let kind = impedance.cells[0].kind.unwrap().as_str();
    let md = to_markdown(&c);
    assert!(md.contains(&format!("| 300 ohm \\[{kind}\\] |")), "{md}");
    assert!(to_csv(&c).contains(&format!("300 ohm [{kind}]")));
}

#[test]
fn the_measured_section_has_the_rating_the_bands_and_who_measured() {
    let catalog = Catalog::embedded().unwrap();
    let ids = ["sennheiser-hd-650".to_owned(), "sony-mdr-v6".to_owned()];
    let c = build(&catalog, &ids, &Profile::default(), &[]).unwrap();
    let pref = c.row("preference").unwrap();
    let hd650 = catalog.sound("sennheiser-hd-650").unwrap();
    assert_eq!(pref.cells[0].value, Some(rounded(hd650.preference, 1)));
    assert!(
        !pref.cells[1].known,
        "the MDR-V6 has no published measurement"
    );
    assert_eq!(pref.cells[1].text, "no published measurement");
    let bass = c.row("band_bass").unwrap();
    assert_eq!(bass.label, "Bass 60–250 Hz vs target");
    assert_eq!(
        bass.cells[0].value,
        Some(rounded(hd650.bands[1].error_db, 1))
    );
    assert_eq!(c.row("measured_by").unwrap().cells[0].text, "oratory1990");
    assert_eq!(
        sound::BANDS.len() + 2,
        c.sections
            .iter()
            .find(|s| s.key == "measured")
            .unwrap()
            .rows
            .len()
    );
}
