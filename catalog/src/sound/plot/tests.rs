//! Tests of the plot geometry: the frequency axis, series dashes, the level range.

use super::*;

#[test]
fn decades_sit_at_equal_distances_and_the_axis_spans_the_area() {
    let flat = Curve::new(vec![0.0; GRID.points]);
    let p = plot(&[("Flat", &flat, false)], 644.0, 300.0);
    let at = |label: &str| p.x_ticks.iter().find(|t| t.label == label).unwrap().at;
    assert_eq!(at("20"), p.area[0]);
    assert_eq!(at("20k"), p.area[2]);
    assert!(((at("1k") - at("100")) - (at("10k") - at("1k"))).abs() < 0.2);
    assert_eq!(
        p.db_range,
        [-15.0, 15.0],
        "a flat curve gets 30 dB around it"
    );
    assert_eq!(p.y_ticks.len(), 7);
    assert!(p.series[0].d.starts_with('M'));
    assert_eq!(p.series[0].d.matches('L').count(), GRID.points - 1);
}

#[test]
fn series_differ_by_dash_and_the_target_is_dotted() {
    let c = Curve::new(vec![3.0; GRID.points]);
    let curves: Vec<(&str, &Curve, bool)> = vec![
        ("A", &c, false),
        ("B", &c, false),
        ("C", &c, false),
        ("D", &c, false),
        ("T", &c, true),
    ];
    let p = plot(&curves, 600.0, 300.0);
    let dashes: Vec<&str> = p.series.iter().map(|s| s.dash).collect();
    assert_eq!(dashes, vec!["", "9 4", "12 4 2 4", "4 3", TARGET_DASH]);
    let mut unique = dashes.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        dashes.len(),
        "every series has its own pattern"
    );
}

#[test]
fn the_range_covers_every_curve_in_5_db_steps() {
    let mut db = vec![0.0; GRID.points];
    db[10] = 12.3;
    db[200] = -31.0;
    let c = Curve::new(db);
    let p = plot(&[("A", &c, false)], 600.0, 300.0);
    assert_eq!(p.db_range, [-35.0, 15.0]);
    let top = p.y_ticks.first().unwrap();
    assert_eq!(top.label, "-35");
    assert_eq!(p.y_ticks.last().unwrap().label, "+15");
}
