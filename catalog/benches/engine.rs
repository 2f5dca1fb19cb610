//! Engine scaling: search/filter and recommend over synthetic catalogs of 100 to 100,000 models,
//! and the measured-sound analysis over the catalog's own curves.
//! Prints table rows (median, min, max over repeated runs), the time per model, and the fitted
//! scaling exponent. `cargo bench -p headroom-domain --bench engine`; under `cargo test` it runs
//! a quick smoke pass with small catalogs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use headroom_domain::advisor::{self, Profile, Room, SourceChoice, Task};
use headroom_domain::query::{self, Query};
use headroom_domain::sound::{self, Normalize, Smoothing};
use headroom_domain::{synthetic, Back, Tier};

struct Stats {
    median: Duration,
    min: Duration,
    max: Duration,
}

fn measure(reps: usize, mut f: impl FnMut()) -> Stats {
    f(); // warm up
    let mut times: Vec<Duration> = (0..reps)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    Stats {
        median: times[times.len() / 2],
        min: times[0],
        max: times[times.len() - 1],
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Least-squares slope of log(time) against log(n).
fn exponent(points: &[(usize, Duration)]) -> f64 {
    let xs: Vec<f64> = points.iter().map(|(n, _)| (*n as f64).ln()).collect();
    let ys: Vec<f64> = points.iter().map(|(_, t)| t.as_secs_f64().ln()).collect();
    let (mx, my) = (
        xs.iter().sum::<f64>() / xs.len() as f64,
        ys.iter().sum::<f64>() / ys.len() as f64,
    );
    let num: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let den: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    num / den
}

fn row(name: &str, s: &Stats, budget_ms: Option<f64>, extra: &str) {
    let verdict = match budget_ms {
        Some(b) if ms(s.median) <= b => format!("≤ {b} ms: holds"),
        Some(b) => format!("≤ {b} ms: MISSED"),
        None => String::new(),
    };
    println!(
        "| {name} | {:.3} ms | {:.3} ms | {:.3} ms | {verdict} | {extra} |",
        ms(s.median),
        ms(s.min),
        ms(s.max)
    );
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if full {
        &[100, 1_000, 10_000, 100_000]
    } else {
        &[100, 1_000]
    };
    let profile = Profile {
        room: Room::Noisy,
        others_nearby: true,
        tasks: vec![Task::Tracking, Task::Mixing],
        source: SourceChoice {
            preset: "laptop".into(),
            vrms: None,
            output_ohm: None,
        },
        budget: Tier::HighEnd,
        hours: 4.0,
        has_monitors: false,
        glasses: true,
        runs_hot: true,
        ..Profile::default()
    };
    let search = Query {
        text: "acme pro".into(),
        limit: Some(100),
        ..Query::default()
    };
    let filter = Query {
        back: vec![Back::Open, Back::SemiOpen],
        tier: vec![Tier::Midrange],
        impedance_max: Some(100.0),
        limit: Some(100),
        ..Query::default()
    };
    let mut curves: [Vec<(usize, Duration)>; 3] = Default::default();
    for &n in sizes {
        let catalog = synthetic::catalog(n);
        let reps = if full {
            (2_000_000 / n).clamp(15, 300)
        } else {
            3
        };
        let per = |s: &Stats| format!("{:.1} ns/model", s.median.as_secs_f64() * 1e9 / n as f64);
        let s = measure(reps, || {
            black_box(query::run(&catalog, black_box(&search)).unwrap());
        });
        row(
            &format!("engine: search \"acme pro\", {n} models"),
            &s,
            (n == 100_000).then_some(20.0),
            &per(&s),
        );
        curves[0].push((n, s.median));
        let s = measure(reps, || {
            black_box(query::run(&catalog, black_box(&filter)).unwrap());
        });
        row(
            &format!("engine: filter back+tier+impedance, {n} models"),
            &s,
            (n == 100_000).then_some(20.0),
            &per(&s),
        );
        curves[1].push((n, s.median));
        let s = measure(reps, || {
            black_box(advisor::recommend(&catalog, black_box(&profile), &[]).unwrap());
        });
        row(
            &format!("engine: recommend, {n} models, all explained"),
            &s,
            None,
            &per(&s),
        );
        // What the app asks for: every model scored and ranked, the best 100 explained.
        let s = measure(reps, || {
            let top = advisor::recommend_top(&catalog, black_box(&profile), &[], 100);
            black_box(top.unwrap());
        });
        row(
            &format!("engine: recommend, {n} models, top 100 explained"),
            &s,
            (n == 100_000).then_some(50.0),
            &per(&s),
        );
        curves[2].push((n, s.median));
    }
    sound_rows(full);
    for (name, curve) in ["search", "filter", "recommend"].iter().zip(&curves) {
        let k = exponent(curve);
        let verdict = if k <= 1.1 {
            "≤ 1.1: holds"
        } else {
            "≤ 1.1: MISSED"
        };
        println!(
            "| engine: {name} scaling exponent | {k:.2} | | | {verdict} | fitted over {} sizes |",
            curve.len()
        );
    }
}

/// The measured-sound analysis: one curve (smoothed, normalised, band errors, rating), every
/// curve in the catalog, and how much the curves weigh in the binary.
fn sound_rows(full: bool) {
    let m = sound::Measurements::embedded().expect("the embedded curves load");
    let hd650 = &m.get("sennheiser-hd-650").expect("a measured HD 650").curve;
    let reps = if full { 2_000 } else { 3 };
    let s = measure(reps, || {
        black_box(sound::analyse(
            black_box(hd650),
            m.target(),
            Smoothing::Sixth,
            Normalize::Loudness,
        ));
    });
    row(
        "sound: analyse one curve (1/6 octave, loudness-matched)",
        &s,
        Some(1.0),
        "HD 650 against the target",
    );
    let s = measure(if full { 200 } else { 3 }, || {
        for c in m.iter() {
            black_box(sound::analyse(
                &c.curve,
                m.target(),
                Smoothing::None,
                Normalize::Loudness,
            ));
        }
    });
    row(
        &format!("sound: analyse every catalog curve ({})", m.len()),
        &s,
        Some(50.0),
        "what the catalog computes once at start-up",
    );
    let bytes: usize = sound::embedded_bytes();
    let mb = bytes as f64 / 1_048_576.0;
    println!(
        "| size: the catalog's curves, embedded | {mb:.3} MB | | | ≤ 1 MB: {} | {} files of text in the binary |",
        if mb <= 1.0 { "holds" } else { "MISSED" },
        m.len() + 1
    );
}
