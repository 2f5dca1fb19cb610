//! The app's own benchmark: start-up, IPC round trips measured inside the webview, memory
//! (PSS of the app and its WebKit processes), sizes, and the browse view at 5,000 models.
//! Run by `make bench` (release build under Xvfb, via tauri-driver); under `cargo test` it runs
//! once, briefly, as a smoke test. Prints table rows: median, min, max over repeated runs.

#[path = "../tests/e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::Client;
use harness::Harness;
use serde_json::Value;

/// How long a window is left alone after start-up before its memory is read.
const SETTLE: Duration = Duration::from_millis(1500);

struct Stats {
    median: f64,
    min: f64,
    max: f64,
}

fn stats(mut v: Vec<f64>) -> Stats {
    assert!(!v.is_empty(), "no samples");
    v.sort_by(f64::total_cmp);
    Stats {
        median: v[v.len() / 2],
        min: v[0],
        max: v[v.len() - 1],
    }
}

fn row(name: &str, s: &Stats, unit: &str, budget: Option<(f64, &str)>, note: &str) {
    let verdict = match budget {
        Some((b, text)) if s.median <= b => format!("{text}: holds"),
        Some((_, text)) => format!("{text}: MISSED"),
        None => String::new(),
    };
    println!(
        "| {name} | {:.1} {unit} | {:.1} {unit} | {:.1} {unit} | {verdict} | {note} |",
        s.median, s.min, s.max
    );
}

async fn js(client: &Client, script: &str) -> Value {
    client
        .execute_async(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Milestones of one launch, in ms from process start (`app_info.started_ms`).
struct Startup {
    /// The webview starts loading the page (Rust side, GTK window and WebKit processes).
    page: f64,
    /// The page's scripts start running (HTML and the module graph fetched and parsed).
    scripts: f64,
    /// The catalog's first page of models has arrived from Rust (`headroom:browse-data`).
    data: f64,
    /// The catalog is on screen (`headroom:catalog-rendered`, set after the frame is drawn).
    painted: f64,
}

async fn startup(client: &Client) -> Startup {
    let v = js(
        client,
        r#"const done = arguments[arguments.length - 1];
        (async () => {
          const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
          for (let i = 0; i < 200 && at('headroom:catalog-rendered') === undefined; i++) {
            await new Promise((r) => setTimeout(r, 10));
          }
          const info = await window.__TAURI__.core.invoke('app_info');
          const origin = performance.timeOrigin - info.started_ms;
          done([0, at('headroom:start'), at('headroom:browse-data'), at('headroom:catalog-rendered')]
            .map((t) => (t === undefined ? null : origin + t)));
        })().catch((e) => done(String(e)));"#,
    )
    .await;
    let at = |i: usize| {
        v[i].as_f64()
            .unwrap_or_else(|| panic!("start-up mark {i} missing: {v}"))
    };
    Startup {
        page: at(0),
        scripts: at(1),
        data: at(2),
        painted: at(3),
    }
}

/// Times `reps` calls of each ui/api.js function inside the webview; returns ms per call.
async fn ipc(client: &Client, reps: usize) -> Value {
    let script = format!(
        r#"const done = arguments[arguments.length - 1];
        (async () => {{
          const api = await import('./api.js');
          const profile = await api.getProfile();
          await api.setCompare(['sennheiser-hd-650', 'sony-mdr-7506', 'audeze-lcd-2']);
          const time = async (f) => {{
            const out = [];
            for (let i = 0; i < {reps}; i++) {{
              const t = performance.now();
              await f(i);
              out.push(performance.now() - t);
            }}
            return out;
          }};
          const session = (i) => ({{ model_id: 'sennheiser-hd-650', date: '2026-11-21', place: 'Bench', notes: 'note ' + i }});
          done({{
            list: await time(() => api.listModels({{}})),
            search: await time(() => api.listModels({{ text: 'hd 6' }})),
            recommend: await time(() => api.recommend(profile)),
            compare: await time(() => api.getComparison()),
            save: await time((i) => api.sessionAdd(session(i))),
          }});
        }})().catch((e) => done(String(e)));"#
    );
    js(client, &script).await
}

/// 1,000 advisor changes and 1,000 note saves through ui/api.js.
async fn churn(client: &Client, n: usize) {
    let script = format!(
        r#"const done = arguments[arguments.length - 1];
        (async () => {{
          const api = await import('./api.js');
          const profile = await api.getProfile();
          for (let i = 0; i < {n}; i++) {{
            profile.hours = 1 + (i % 8);
            profile.runs_hot = i % 2 === 0;
            await api.recommend(profile);
          }}
          for (let i = 0; i < {n}; i++) {{
            await api.sessionAdd({{ model_id: 'sony-mdr-7506', date: '2026-11-21', place: 'Churn', notes: 'n' + i }});
          }}
          done('ok');
        }})().catch((e) => done(String(e)));"#
    );
    assert_eq!(js(client, &script).await, "ok");
}

/// `n` mixed actions a user makes, through the real window: advisor changes, notes saved, a
/// model's detail opened and closed, a model added to and removed from the comparison, and
/// switching between the four areas, in turn. Sent in chunks, each well within WebDriver's
/// 30-second script timeout.
async fn mixed_churn(client: &Client, n: usize, kinds: &str, pid: u32) {
    // `HEADROOM_BENCH_TRACE=K` prints the memory after every K actions (to stderr).
    let every: usize = std::env::var("HEADROOM_BENCH_TRACE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let chunk = if every > 0 { every.min(100) } else { 100 };
    for start in (0..n).step_by(chunk) {
        mixed_chunk(client, start, (start + chunk).min(n), kinds).await;
        if every > 0 && (start + chunk) % every == 0 {
            let (own, web) = pss_split_kb(pid);
            eprintln!(
                "after {}: app {} MB, WebKit {} MB, page {}",
                start + chunk,
                own / 1024,
                web / 1024,
                js(client, NODES).await
            );
        }
    }
}

/// `kinds` lists the actions to make, by number (0 advisor, 1 save, 2 detail, 3 compare,
/// 4 views): all five in the bench, one alone to find which of them costs memory.
async fn mixed_chunk(client: &Client, from: usize, to: usize, kinds: &str) {
    let script = format!(
        r#"const done = arguments[arguments.length - 1];
        (async () => {{
          const api = await import('./api.js');
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const tab = async (id) => {{ document.getElementById('tab-' + id).click(); await frame(); }};
          const profile = await api.getProfile();
          const kinds = [{kinds}];
          for (let i = {from}; i < {to}; i++) {{
            if (!kinds.includes(i % 5)) continue;
            switch (i % 5) {{
              case 0:
                profile.hours = 1 + (i % 8);
                await api.recommend(profile);
                break;
              case 1:
                await api.sessionAdd({{ model_id: 'sony-mdr-7506', date: '2026-11-21', place: 'Mixed', notes: 'm' + i }});
                break;
              case 2: {{
                await tab('browse');
                const link = document.querySelector('table.models tbody tr:nth-child(3) .model-link');
                link.click();
                for (let k = 0; k < 100 && !document.querySelector('dialog.detail[open] .sound-body[aria-busy="false"]'); k++) await frame();
                document.querySelector('dialog.detail[open]')?.close();
                break;
              }}
              case 3: {{
                const {{ ids }} = await api.getComparison();
                await api.setCompare(ids.includes('sennheiser-hd-650') ? [] : ['sennheiser-hd-650', 'sennheiser-hd-600']);
                break;
              }}
              default:
                await tab(['advisor', 'compare', 'shortlist', 'browse'][i % 4]);
            }}
          }}
          await tab('browse');
          done('ok');
        }})().catch((e) => done(String(e)));"#
    );
    assert_eq!(js(client, &script).await, "ok");
}

/// The Compare overlay of four measured models and the target: the view's own work to draw it
/// (build the SVG from the domain's plot, the legend, the band table; the style and layout it
/// causes), per frame, over `reps` redraws from the same data.
async fn overlay_frames(client: &Client, reps: usize) -> Vec<f64> {
    let script = format!(
        r#"const done = arguments[arguments.length - 1];
        (async () => {{
          const {{ SoundPanel }} = await import('./sound.js');
          const ids = ['sennheiser-hd-650', 'sennheiser-hd-600', 'beyerdynamic-dt-770-pro-250', 'audeze-lcd-2'];
          const panel = new SoundPanel(ids, {{ notify: () => {{}} }});
          document.getElementById('view').appendChild(panel.element);
          await panel.load();
          const out = [];
          for (let i = 0; i < {reps}; i++) {{
            await new Promise((r) => requestAnimationFrame(r));
            const t = performance.now();
            panel.render();
            panel.element.getBoundingClientRect();
            out.push(performance.now() - t);
          }}
          panel.element.remove();
          done(out);
        }})().catch((e) => done(String(e)));"#
    );
    let v = js(client, &script).await;
    v.as_array()
        .unwrap_or_else(|| panic!("overlay frames: {v}"))
        .iter()
        .filter_map(Value::as_f64)
        .collect()
}

/// PSS (kB) of the app process alone and of everything it started (WebKit's processes).
fn pss_split_kb(root: u32) -> (u64, u64) {
    let total = pss_kb(root);
    let own = pss_of(root);
    (own, total - own)
}

fn pss_of(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0)
}

/// Sum of PSS (kB) over the app process and everything it started (WebKit's processes).
fn pss_kb(root: u32) -> u64 {
    let mut total = 0;
    let mut stack = vec![root];
    while let Some(pid) = stack.pop() {
        total += pss_of(pid);
        stack.extend(children(pid));
    }
    total
}

fn children(pid: u32) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|child| {
            std::fs::read_to_string(format!("/proc/{child}/stat"))
                .ok()
                .and_then(|s| {
                    s.rsplit_once(')')
                        .map(|(_, rest)| rest.split_whitespace().nth(1).map(str::to_owned))
                })
                .flatten()
                .and_then(|p| p.parse::<u32>().ok())
                == Some(pid)
        })
        .collect()
}

/// The pid of the newest process running `binary`.
fn newest_pid(binary: &Path) -> u32 {
    let out = std::process::Command::new("pgrep")
        .arg("-n")
        .arg("-f")
        .arg(binary)
        .output()
        .expect("pgrep");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("{} runs", binary.display()))
}

/// The floor example built beside this benchmark (same profile), if it was built.
fn floor_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let floor = exe.parent()?.parent()?.join("examples/floor");
    floor.is_file().then_some(floor)
}

/// What scrolling the big table costs per frame.
struct Scroll {
    /// Data arriving to the table painted.
    paint: f64,
    /// Steps of 900 px (about a screen): the worst and the 95th-percentile frame.
    worst: f64,
    p95: f64,
    /// Of each such frame, the view's own work: its frame callbacks (the rows entering and
    /// leaving the window) plus the style and layout they cause.
    own: f64,
    /// The median frame for steps of 60 px (a wheel notch), where almost no row changes.
    small: f64,
    /// The longest of as many frames with nothing to do: the machine's own jitter.
    idle: f64,
}

/// First paint of the big table after its data arrived, then frames: idle, scrolling a screen per
/// frame, a wheel notch per frame, and the view's own share of a screen-per-frame scroll.
async fn ui_at_scale(client: &Client) -> Scroll {
    let v = js(
        client,
        r#"const done = arguments[arguments.length - 1];
        (async () => {
          const raf = window.requestAnimationFrame.bind(window);
          const wait = () => new Promise((r) => raf(r));
          for (let i = 0; i < 100 && !performance.getEntriesByName('headroom:browse-painted')[0]; i++) await wait();
          const data = performance.getEntriesByName('headroom:browse-data')[0].startTime;
          const painted = performance.getEntriesByName('headroom:browse-painted')[0].startTime;
          const wrap = document.querySelector('.table-wrap');
          // Frame-to-frame times over 120 frames, `step` run before each.
          const measure = async (step) => {
            const out = [];
            let last = performance.now();
            for (let i = 0; i < 120; i++) {
              step();
              await wait();
              const now = performance.now();
              out.push(now - last);
              last = now;
            }
            return out.sort((a, b) => a - b);
          };
          // As many frames with nothing to do first: the floor any frame sits on here.
          const idle = await measure(() => {});
          const frames = await measure(() => { wrap.scrollTop += 900; });
          const top = async () => { wrap.scrollTop = 0; for (let i = 0; i < 3; i++) await wait(); };
          await top();
          const small = await measure(() => { wrap.scrollTop += 60; });
          // Once more with the view's frame callbacks timed, with the style and layout they
          // leave behind (forced at their end: work the frame does anyway, made countable).
          // A pass of its own, so that the timing cannot change the frames measured above.
          await top();
          let own = 0;
          window.requestAnimationFrame = (cb) => raf((t) => {
            const start = performance.now();
            cb(t);
            document.body.offsetHeight;
            own += performance.now() - start;
          });
          await measure(() => { wrap.scrollTop += 900; });
          window.requestAnimationFrame = raf;
          const ownPerFrame = own / 120;
          const rows = document.querySelectorAll('table.models tbody tr:not(.spacer)').length;
          done({
            paint: painted - data, worst: frames[frames.length - 1], p95: frames[Math.floor(frames.length * 0.95)],
            own: ownPerFrame, small: small[Math.floor(small.length / 2)], rows, idle: idle[idle.length - 1],
          });
        })().catch((e) => done(String(e)));"#,
    )
    .await;
    assert!(v["rows"].as_u64().unwrap_or(0) > 0, "rows rendered: {v}");
    let at = |key: &str| v[key].as_f64().unwrap_or(f64::NAN);
    Scroll {
        paint: at("paint"),
        worst: at("worst"),
        p95: at("p95"),
        own: at("own"),
        small: at("small"),
        idle: at("idle"),
    }
}

fn file_mb(path: &Path) -> Option<f64> {
    std::fs::metadata(path)
        .ok()
        .map(|m| m.len() as f64 / 1_048_576.0)
}

/// One measurement as a row's statistics.
fn one(v: f64) -> Stats {
    Stats {
        median: v,
        min: v,
        max: v,
    }
}

/// Growth split between the app's process and WebKit's, from kB before and after.
fn split(own: u64, web: u64, own0: u64, web0: u64) -> String {
    format!(
        "app process {:+.1} MB, WebKit processes {:+.1} MB",
        (own as f64 - own0 as f64) / 1024.0,
        (web as f64 - web0 as f64) / 1024.0
    )
}

/// What the page holds: elements in the document, performance entries.
const NODES: &str = r#"const done = arguments[arguments.length - 1];
done({ elements: document.getElementsByTagName('*').length, entries: performance.getEntries().length });"#;

/// 4b. A longer mix of what a user does, on a fresh launch with fresh data, and 7. the Compare
/// overlay on the same window. `HEADROOM_BENCH_MIXED_ONLY=1` runs these rows alone.
async fn mixed_rows(full: bool) {
    let app = Path::new(env!("CARGO_BIN_EXE_headroom"));
    // Fresh data: the rounds before leave thousands of sessions that the shortlist would draw.
    let mixed_n = std::env::var("HEADROOM_BENCH_MIXED_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if full { 5000 } else { 10 });
    let kinds = std::env::var("HEADROOM_BENCH_MIXED_KINDS").unwrap_or_else(|_| "0,1,2,3,4".into());
    let harness = Harness::start();
    let client = harness.launch().await;
    tokio::time::sleep(SETTLE).await;
    let pid = newest_pid(app);
    let started = pss_kb(pid) as f64 / 1024.0;
    // First use: every action made a hundred times (every view drawn, a detail and a
    // comparison built, the modules, WebKit's caches and JIT tiers they need, the JS heap sized
    // to the work). What this costs once is not a leak; growth is measured from after it.
    // Traces (`HEADROOM_BENCH_TRACE`) show WebKit reaching its level within the first few
    // hundred actions and holding it after; 50 actions left part of that rise in the row.
    let first_use = std::env::var("HEADROOM_BENCH_MIXED_FIRST")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if full { 500 } else { 10 });
    mixed_churn(&client, first_use, &kinds, pid).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let before = pss_kb(pid) as f64 / 1024.0;
    let (own0, web0) = pss_split_kb(pid);
    let nodes0 = js(&client, NODES).await;
    mixed_churn(&client, mixed_n, &kinds, pid).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    if std::env::var_os("HEADROOM_BENCH_TRACE").is_some() {
        let nodes1 = js(&client, NODES).await;
        eprintln!("actions {kinds}: page before {nodes0}, after {nodes1}");
    }
    let after = pss_kb(pid) as f64 / 1024.0;
    let (own1, web1) = pss_split_kb(pid);
    let growth = (after / before - 1.0) * 100.0;
    row(
        &format!("memory: PSS after {mixed_n} mixed actions"),
        &one(after),
        "MB",
        None,
        &format!(
            "growth {growth:.1}% (budget ≤ 3%: {}); {}; advisor, saves, detail, compare, views; \
             measured after first use ({first_use} actions: {started:.1} MB → {before:.1} MB)",
            if growth <= 3.0 { "holds" } else { "MISSED" },
            split(own1, web1, own0, web0)
        ),
    );

    // 7. The Compare overlay of four curves and the target.
    let frames = overlay_frames(&client, if full { 60 } else { 3 }).await;
    row(
        "UI: drawing the Compare overlay, 4 curves + target",
        &stats(frames),
        "ms",
        Some((16.0, "≤ 16 ms a frame")),
        "SVG, legend and band table built, plus the style and layout they cause",
    );
    client.close().await.ok();
    drop(harness);
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    if std::env::var_os("HEADROOM_BENCH_MIXED_ONLY").is_some() {
        return mixed_rows(full).await;
    }
    let (launches, reps, churn_n) = if full { (12, 50, 1000) } else { (1, 3, 5) };

    // 1. Start-up, over fresh launches of the app, each after a launch of the floor (a minimal
    // Tauri window, examples/floor) so that both see the same machine at the same moment.
    let floor = floor_binary();
    let harness = Harness::start();
    let (mut ours, mut floors) = (Vec::new(), Vec::new());
    let (mut our_pss, mut floor_pss) = (Vec::new(), Vec::new());
    let app = Path::new(env!("CARGO_BIN_EXE_headroom"));
    for _ in 0..launches {
        if let Some(floor) = &floor {
            let client = harness.session(floor).await;
            floors.push(startup(&client).await);
            tokio::time::sleep(SETTLE).await;
            floor_pss.push(pss_kb(newest_pid(floor)) as f64 / 1024.0);
            client.close().await.ok();
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        let client = harness.launch().await;
        ours.push(startup(&client).await);
        tokio::time::sleep(SETTLE).await;
        our_pss.push(pss_kb(newest_pid(app)) as f64 / 1024.0);
        client.close().await.ok();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let column = |seen: &[Startup], f: fn(&Startup) -> f64| stats(seen.iter().map(f).collect());
    let floor_painted = (!floors.is_empty()).then(|| column(&floors, |s| s.painted).median);
    if floor_painted.is_some() {
        row(
            "floor: minimal Tauri 2 window, process start to page starting to load",
            &column(&floors, |s| s.page),
            "ms",
            None,
            "examples/floor: same Tauri, window and CSP",
        );
        row(
            "floor: minimal Tauri 2 window, process start to first IPC answered and painted",
            &column(&floors, |s| s.painted),
            "ms",
            None,
            "one IPC call, one line of text",
        );
    } else {
        println!("| floor | not built | | | | cargo build --release --example floor |");
    }
    row(
        "start-up: process start to the page starting to load",
        &column(&ours, |s| s.page),
        "ms",
        None,
        "Rust side, GTK window, WebKit processes",
    );
    row(
        "start-up: process start to the page's scripts running",
        &column(&ours, |s| s.scripts),
        "ms",
        None,
        "HTML and module graph fetched and parsed",
    );
    row(
        "start-up: process start to catalog data in the page",
        &column(&ours, |s| s.data),
        "ms",
        None,
        "app_info + list_models answered",
    );
    let painted = column(&ours, |s| s.painted);
    // Judged against the floor measured beside it: the machine sets the floor, the app its excess.
    let budget =
        floor_painted.map(|f| (1.15 * f, format!("≤ {:.0} ms (1.15 × the floor)", 1.15 * f)));
    row(
        "start-up: process start to catalog painted",
        &painted,
        "ms",
        budget.as_ref().map(|(b, t)| (*b, t.as_str())),
        &match floor_painted {
            Some(f) => format!(
                "{launches} launches; {:.2} × the floor ({:+.0} ms)",
                painted.median / f,
                painted.median - f
            ),
            None => format!("{launches} launches"),
        },
    );

    if std::env::var_os("HEADROOM_BENCH_UI_ONLY").is_some() {
        drop(harness);
        return ui_at_scale_rows(full).await;
    }
    if std::env::var_os("HEADROOM_BENCH_STARTUP_ONLY").is_some() {
        return;
    }
    // 2. IPC round trips inside the webview; 4. memory before and after 1,000 + 1,000 changes.
    let client = harness.launch().await;
    tokio::time::sleep(SETTLE).await;
    let pid = newest_pid(app);
    let pss_launched = pss_kb(pid) as f64 / 1024.0;
    let times = ipc(&client, reps).await;
    // The IPC rows above are the first use of the calls the churn makes (50 advisor changes
    // and 50 saves among them): growth is measured from after them, as the mixed row does.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let pss_start = pss_kb(pid) as f64 / 1024.0;
    let (own_start, web_start) = pss_split_kb(pid);
    for (key, name, budget) in [
        ("list", "IPC: list_models (all)", (3.0, "≤ 3 ms")),
        ("search", "IPC: list_models (search)", (3.0, "≤ 3 ms")),
        ("recommend", "IPC: recommend", (3.0, "≤ 3 ms")),
        ("compare", "IPC: get_comparison (3 models)", (3.0, "≤ 3 ms")),
        ("save", "IPC: session_add (durable save)", (20.0, "≤ 20 ms")),
    ] {
        let samples: Vec<f64> = times[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key}: {times}"))
            .iter()
            .filter_map(Value::as_f64)
            .collect();
        row(
            name,
            &stats(samples),
            "ms",
            Some(budget),
            &format!("{reps} calls"),
        );
    }
    churn(&client, churn_n).await;
    // Give the web process's garbage collector a moment, as a user pausing would.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let pss_after = pss_kb(pid) as f64 / 1024.0;
    let (own_after, web_after) = pss_split_kb(pid);
    // The same again: what keeps growing round after round is a leak; what grew once and then
    // holds is warm-up (caches, allocator arenas, code compiled on first use).
    churn(&client, churn_n).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let pss_again = pss_kb(pid) as f64 / 1024.0;
    let (own_again, web_again) = pss_split_kb(pid);
    // Over the same launches as the start-up, judged against the floor measured beside them when
    // there is one, else the issue's reference (260 MB for a minimal Tauri window here).
    let ours_pss = stats(our_pss);
    let (budget, budget_text, note) = if floor_pss.is_empty() {
        (
            299.0,
            "≤ 299 MB (260 + 15%)".to_owned(),
            format!("{launches} launches"),
        )
    } else {
        let floor = stats(floor_pss);
        row(
            "floor: PSS of the minimal Tauri 2 window after start-up",
            &floor,
            "MB",
            None,
            &format!("{launches} launches"),
        );
        (
            floor.median * 1.15,
            format!("≤ {:.0} MB (floor + 15%)", floor.median * 1.15),
            format!(
                "{launches} launches; {:+.1}% against the floor",
                (ours_pss.median / floor.median - 1.0) * 100.0
            ),
        )
    };
    row(
        "memory: PSS after start-up (app + WebKit)",
        &ours_pss,
        "MB",
        Some((budget, &budget_text)),
        &note,
    );
    let growth = (pss_after / pss_start - 1.0) * 100.0;
    row(
        &format!("memory: PSS after {churn_n} advisor changes + {churn_n} saves"),
        &one(pss_after),
        "MB",
        None,
        &format!(
            "growth {growth:.1}% (budget ≤ 3%: {}); {}; measured after first use \
             (the IPC rows: {pss_launched:.1} MB → {pss_start:.1} MB)",
            if growth <= 3.0 { "holds" } else { "MISSED" },
            split(own_after, web_after, own_start, web_start)
        ),
    );
    let again = (pss_again / pss_after - 1.0) * 100.0;
    row(
        &format!("memory: PSS after {churn_n} more advisor changes + {churn_n} more saves"),
        &one(pss_again),
        "MB",
        None,
        &format!(
            "growth in the second round {again:.1}%; {}",
            split(own_again, web_again, own_after, web_after)
        ),
    );
    client.close().await.ok();

    drop(harness);

    mixed_rows(full).await;

    // 5. Sizes.
    let bin = app;
    if let Some(mb) = file_mb(bin) {
        row(
            "size: app binary",
            &one(mb),
            "MB",
            Some((15.0, "≤ 15 MB")),
            &bin.display().to_string(),
        );
    }
    let debs = bin
        .parent()
        .map(|d| d.join("bundle/deb"))
        .and_then(|d| std::fs::read_dir(d).ok());
    match debs.and_then(|mut d| {
        d.find_map(|e| {
            e.ok()
                .filter(|e| e.path().extension().is_some_and(|x| x == "deb"))
        })
    }) {
        Some(deb) => row(
            "size: .deb",
            &one(file_mb(&deb.path()).unwrap_or(0.0)),
            "MB",
            None,
            &deb.path().display().to_string(),
        ),
        None => println!("| size: .deb | not built | | | | run `make deb` first |"),
    }

    ui_at_scale_rows(full).await;
}

/// 6. The browse view with 5,000 synthetic models (400 in the smoke run).
async fn ui_at_scale_rows(full: bool) {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("headroom")).unwrap();
    let n = if full { 5000 } else { 400 };
    std::fs::write(
        data.path().join("headroom/catalog.override.json"),
        headroom_domain::synthetic::data_file(n),
    )
    .unwrap();
    let harness = Harness::start_in(data);
    let mut runs = Vec::new();
    for _ in 0..if full { 5 } else { 1 } {
        let client = harness.launch().await;
        runs.push(ui_at_scale(&client).await);
        client.close().await.ok();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let column = |f: fn(&Scroll) -> f64| stats(runs.iter().map(f).collect());
    row(
        &format!("UI: browse first paint after data, {n} models"),
        &column(|r| r.paint),
        "ms",
        Some((100.0, "≤ 100 ms")),
        "",
    );
    row(
        &format!("UI: longest frame while scrolling {n} models"),
        &column(|r| r.worst),
        "ms",
        Some((50.0, "≤ 50 ms")),
        "120 scroll steps of 900 px; the worst one per run",
    );
    row(
        &format!("UI: 95th percentile frame while scrolling {n} models"),
        &column(|r| r.p95),
        "ms",
        None,
        "same runs",
    );
    row(
        "UI: the view's own work per 900 px scroll frame",
        &column(|r| r.own),
        "ms",
        None,
        "rows in and out, plus the style and layout they cause; the rest is WebKit painting",
    );
    row(
        "UI: median frame scrolling 60 px steps",
        &column(|r| r.small),
        "ms",
        None,
        "a wheel notch: almost no row changes, so this is what any scrolled frame costs here",
    );
    row(
        "UI: longest frame with nothing to do, same window",
        &column(|r| r.idle),
        "ms",
        None,
        "120 idle frames before the scroll: the machine's own jitter",
    );
}
