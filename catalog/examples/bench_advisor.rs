//! Times the advisor on a synthetic catalog and prints the figures (a benchmark, not a test):
//!
//! ```text
//! cargo run --release -p headroom-catalog --example bench_advisor [-- MODELS]
//! ```

use std::time::Instant;

use headroom_catalog::advisor::{self, Profile, Room, SourceChoice, Task, TryVerdict, UserFit};
use headroom_catalog::{Back, Catalog, Model, Sensitivity, SensitivityUnit, Tier};

/// A deterministic catalog of `n` varied models, built from a seed model's JSON shape.
fn synthetic(n: usize) -> Catalog {
    let backs = [Back::Open, Back::SemiOpen, Back::Closed];
    let tiers = [Tier::Budget, Tier::Midrange, Tier::HighEnd];
    let impedances = [
        16.0, 32.0, 38.0, 64.0, 80.0, 150.0, 250.0, 300.0, 470.0, 600.0,
    ];
    let base: Model = serde_json::from_value(serde_json::json!({
        "id": "x", "family": "x", "brand": "Synthetic", "model": "X", "back": "closed",
        "sources": [], "tier": "budget"
    }))
    .expect("a minimal model parses");
    let models = (0..n)
        .map(|i| {
            let mut m = base.clone();
            m.id = format!("synthetic-{i:06}");
            m.family = m.id.clone();
            m.back = backs[i % 3];
            m.tier = Some(tiers[(i / 3) % 3]);
            m.impedance_ohm = (i % 17 != 0).then_some(impedances[i % impedances.len()]);
            m.sensitivity = (i % 13 != 0).then_some(Sensitivity {
                value: 88.0 + (i % 25) as f64,
                unit: if i % 2 == 0 {
                    SensitivityUnit::DbPerMw
                } else {
                    SensitivityUnit::DbPerV
                },
                ref_hz: None,
            });
            m.weight_g = Some(200.0 + (i % 400) as f64);
            m.folds = Some(i % 4 == 0);
            m
        })
        .collect();
    Catalog::from_models(models)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let catalog = synthetic(n);
    let typical = Profile {
        room: Room::Noisy,
        others_nearby: true,
        tasks: vec![Task::Tracking],
        source: SourceChoice {
            preset: "laptop".into(),
            ..SourceChoice::default()
        },
        ..Profile::default()
    };
    // Every rule at once: about twelve reasons per model.
    let busy = Profile {
        room: Room::Noisy,
        others_nearby: true,
        tasks: vec![Task::Tracking, Task::Mixing, Task::Commuting],
        source: SourceChoice {
            preset: "laptop".into(),
            ..SourceChoice::default()
        },
        budget: Tier::HighEnd,
        hours: 5.0,
        has_monitors: false,
        glasses: true,
        runs_hot: true,
        show_over_budget: true,
        ..Profile::default()
    };
    let fits: Vec<UserFit> = (0..200)
        .map(|i| UserFit {
            model_id: format!("synthetic-{:06}", i * 7),
            sessions: 2,
            avg_comfort: Some(1.0 + (i % 5) as f64),
            avg_clamp: Some(3.5),
            avg_heat: None,
            glasses_fit: Some(2.0),
            last_verdict: Some(if i % 2 == 0 {
                TryVerdict::Keep
            } else {
                TryVerdict::No
            }),
        })
        .collect();
    println!(
        "recommend on {n} synthetic models (best of 7; on-CPU time excludes waiting for a core):"
    );
    for (name, profile, fits) in [
        ("default profile", &Profile::default(), &[][..]),
        ("typical profile", &typical, &[][..]),
        ("busy profile + 200 try-ons", &busy, &fits[..]),
    ] {
        let (mut wall, mut cpu) = (f64::INFINITY, f64::INFINITY);
        let mut reasons = 0;
        for _ in 0..7 {
            let (start, start_cpu) = (Instant::now(), thread_cpu_ms());
            let ranked = advisor::recommend(&catalog, profile, fits).expect("valid profile");
            wall = wall.min(start.elapsed().as_secs_f64() * 1000.0);
            cpu = cpu.min(thread_cpu_ms() - start_cpu);
            reasons = ranked.iter().map(|r| r.reasons.len()).sum::<usize>();
            std::hint::black_box(ranked);
        }
        println!(
            "  {name:<28} {wall:6.1} ms wall, {cpu:6.1} ms on-CPU, {:.1} reasons per model",
            reasons as f64 / n as f64
        );
    }
}

/// This thread's time on a CPU, ms (Linux `/proc/thread-self/schedstat`; NaN elsewhere).
fn thread_cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |ns| ns / 1e6)
}
