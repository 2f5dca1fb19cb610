//! Tests of what a window shows of 1 to 4 models: curves, the error view, unmeasured models.

use super::*;

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn three_models_plot_as_three_curves_and_the_target() {
    let catalog = Catalog::embedded().unwrap();
    let v = view(
        &catalog,
        &[],
        &ids(&[
            "sennheiser-hd-650",
            "sennheiser-hd-600",
            "beyerdynamic-dt-770-pro-250",
        ]),
        ViewOptions::default(),
    )
    .unwrap();
    assert_eq!(v.curves.len(), 3);
    assert_eq!(v.plot.series.len(), 4);
    assert!(v.plot.series[3].target);
    let dashes: std::collections::HashSet<&str> = v.plot.series.iter().map(|s| s.dash).collect();
    assert_eq!(dashes.len(), 4, "each curve has its own dash pattern");
    assert!(
        v.curves[2].provenance.note.is_some(),
        "the DT 770 file may be the non-Pro"
    );
    let csv = to_csv(&v);
    assert_eq!(csv.lines().count(), GRID.points + 1);
    assert!(
        csv.starts_with("frequency_hz,Sennheiser HD 650 (dB),"),
        "{csv}"
    );
}

#[test]
fn the_error_view_plots_differences_against_a_flat_target() {
    let catalog = Catalog::embedded().unwrap();
    let options = ViewOptions {
        error: true,
        ..ViewOptions::default()
    };
    let v = view(&catalog, &[], &ids(&["sennheiser-hd-650"]), options).unwrap();
    let target = v.plot.series.last().unwrap();
    assert!(target.db.iter().all(|&d| d == 0.0));
    let hd650 = catalog.sound("sennheiser-hd-650").unwrap();
    let bass = &v.curves[0].bands[1];
    assert!((bass.error_db - hd650.bands[1].error_db).abs() < 1e-9);
}

#[test]
fn a_model_without_a_curve_is_listed_as_unmeasured_and_the_users_own_is_shown() {
    let catalog = Catalog::embedded().unwrap();
    let v = view(
        &catalog,
        &[],
        &ids(&["sony-mdr-v6"]),
        ViewOptions::default(),
    )
    .unwrap();
    assert!(v.curves.is_empty());
    assert_eq!(v.unmeasured, vec!["Sony MDR-V6"]);
    assert_eq!(v.plot.series.len(), 1, "the target alone");

    let mut mine = catalog
        .sound("sennheiser-hd-600")
        .unwrap()
        .measurement
        .clone();
    mine.model = "sony-mdr-v6".into();
    mine.provenance.measurer = "you".into();
    let v = view(
        &catalog,
        &[mine],
        &ids(&["sony-mdr-v6"]),
        ViewOptions::default(),
    )
    .unwrap();
    assert_eq!(v.curves.len(), 1);
    assert!(v.curves[0].own);
    assert_eq!(v.curves[0].label, "Sony MDR-V6 (your measurement)");
}
