//! Tests of reading measurement files: AutoEq, REW and Squiglink formats, and refusals.

use super::*;

/// A log sweep of `n` points from 20 Hz to 20 kHz, as `frequency<sep>level` lines.
fn sweep(n: usize, sep: &str) -> String {
    (0..n)
        .map(|i| {
            let f = 20.0 * 1000f64.powf(i as f64 / (n - 1) as f64);
            format!("{f:.2}{sep}{:.2}\n", (i as f64 / 7.0).sin())
        })
        .collect()
}

#[test]
fn reads_autoeq_rew_and_squig_formats() {
    let autoeq = format!("frequency,raw\n{}", sweep(100, ","));
    assert_eq!(points(&autoeq).unwrap().len(), 100);

    let semicolon = format!("frequency;raw\n{}", sweep(100, ";"));
    assert_eq!(points(&semicolon).unwrap().len(), 100);

    let rew = format!(
        "* Measurement data measured by REW V5.20\n* Source: Umik-1\n* Format: 1/48 octave\n* Freq(Hz) SPL(dB) Phase(degrees)\n{}",
        sweep(120, "\t").replace('\n', "\t-12.5\n")
    );
    let p = points(&rew).unwrap();
    assert_eq!(p.len(), 120);
    assert!((p[0].0 - 20.0).abs() < 1e-9);

    let squig = sweep(80, " ");
    assert_eq!(points(&squig).unwrap().len(), 80);

    let decimal_comma = "frequency;raw\n".to_owned() + &sweep(50, ";").replace('.', ",");
    let p = points(&decimal_comma).unwrap();
    assert_eq!(p.len(), 50);
    assert!((p[49].0 - 20_000.0).abs() < 1e-6);
}

#[test]
fn refusals_name_the_line_and_the_problem() {
    let good = format!("frequency,raw\n{}", sweep(60, ","));
    let lines: Vec<&str> = good.lines().collect();
    let with_line = |n: usize, text: &str| {
        let mut l = lines.clone();
        l[n] = text;
        l.join("\n")
    };
    let e = points(&with_line(5, "abc,1.0")).unwrap_err().to_string();
    assert!(
        e.contains("line 6") && e.contains("`abc` is not a number"),
        "{e}"
    );
    let e = points(&with_line(5, "20.0,1.0")).unwrap_err().to_string();
    assert!(e.contains("line 6") && e.contains("must ascend"), "{e}");
    let e = points(&with_line(60, "50000,1.0")).unwrap_err().to_string();
    assert!(e.contains("line 61") && e.contains("out of range"), "{e}");
    let e = points(&with_line(30, "1000,250")).unwrap_err().to_string();
    assert!(e.contains("line 31") && e.contains("level 250"), "{e}");
    let e = points(&with_line(30, "1000")).unwrap_err().to_string();
    assert!(
        e.contains("line 31") && e.contains("expected a frequency"),
        "{e}"
    );
    let e = points("frequency,raw\n20,1\n30,1\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("2 points") && e.contains("at least 20"), "{e}");
    let narrow: String = (0..40).map(|i| format!("{},0\n", 200 + i * 100)).collect();
    let e = points(&narrow).unwrap_err().to_string();
    assert!(e.contains("must cover at least 50–10000 Hz"), "{e}");
    let e = points(&"x".repeat(MAX_BYTES + 1)).unwrap_err().to_string();
    assert!(e.contains("KiB"), "{e}");
    let many: String = (0..=MAX_POINTS)
        .map(|i| format!("{},0\n", 10.0 + i as f64))
        .collect();
    let e = points(&many).unwrap_err().to_string();
    assert!(e.contains("more than 20000 points"), "{e}");
    let e = points("frequency,raw\nfreq,level\n20,1")
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 2"), "only one header line: {e}");
}
