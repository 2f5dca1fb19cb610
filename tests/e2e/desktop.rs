//! The desktop touches in the real window: first-run welcome, keyboard shortcuts and the help
//! overlay, Escape, the theme override, the glossary from a term, the busy spinner, and the
//! window remembering its size.

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::harness::{self, click, open_detail, wait_text, with_app, Harness, SESSION_TIMEOUT};

/// Presses `keys` together (modifiers first) and lets them go, as a person would.
async fn press(client: &Client, keys: &[char]) {
    let mut actions = KeyActions::new("keyboard".into());
    for &k in keys {
        actions = actions.then(KeyAction::Down { value: k });
    }
    for &k in keys.iter().rev() {
        actions = actions.then(KeyAction::Up { value: k });
    }
    client.perform_actions(actions).await.expect("key actions");
    client.release_actions().await.expect("release keys");
}

const ALT: char = '\u{E00A}';
const CTRL: char = '\u{E009}';
const SHIFT: char = '\u{E008}';
const F1: char = '\u{E031}';

fn escape() -> char {
    char::from(Key::Escape)
}

async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.expect("execute")
}

/// Waits until `expr` (an expression) is true in the page.
async fn wait_js(client: &Client, expr: &str) {
    let script = format!("return Boolean({expr});");
    let what = format!("never true: {expr}");
    harness::wait_for(
        client,
        &script,
        vec![],
        &json!(true),
        Duration::from_secs(10),
        &what,
    )
    .await;
}

async fn current_view(client: &Client) -> Value {
    js(
        client,
        "return document.querySelector('.tabs [aria-current=page]')?.dataset.view ?? null;",
    )
    .await
}

async fn active_id(client: &Client) -> Value {
    js(client, "return document.activeElement?.id ?? null;").await
}

#[tokio::test]
async fn first_run_welcome_leads_into_the_advisor_and_stays_away_after() {
    let harness = Harness::start();
    let run = async {
        let client = harness.launch_as_is().await;
        wait_text(&client, "#welcome[open] h2", |t| t == "Welcome to Headroom").await;
        assert_eq!(active_id(&client).await, json!("welcome-start"));
        click(&client, "#welcome-start").await;
        wait_js(&client, "!document.querySelector('#welcome[open]')").await;
        assert_eq!(current_view(&client).await, json!("advisor"));
        wait_text(&client, "#advice-status", |t| t.contains("best first")).await;
        client.close().await.unwrap();

        // The next start goes straight to the catalog.
        let client = harness.launch_as_is().await;
        assert_eq!(
            js(
                &client,
                "return document.querySelector('#welcome[open]') !== null;"
            )
            .await,
            json!(false),
            "the welcome is shown once"
        );
        // About brings it back on request; Escape skips it.
        click(&client, "#open-about").await;
        click(&client, "#show-welcome").await;
        wait_text(&client, "#welcome[open] h2", |t| t.contains("Welcome")).await;
        press(&client, &[escape()]).await;
        wait_js(&client, "!document.querySelector('dialog[open]')").await;
        assert_eq!(current_view(&client).await, json!("browse"));
        client.close().await.unwrap();
    };
    tokio::time::timeout(SESSION_TIMEOUT, run)
        .await
        .expect("in time");
}

#[tokio::test]
async fn shortcuts_reach_every_area_search_and_help_and_escape_closes() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        for (digit, view) in [
            ('2', "advisor"),
            ('3', "compare"),
            ('4', "shortlist"),
            ('1', "browse"),
        ] {
            press(&client, &[ALT, digit]).await;
            wait_js(
                &client,
                &format!("document.querySelector('#tab-{view}[aria-current=page]')"),
            )
            .await;
        }

        // Ctrl+K from another area: back to the catalog, in the search field.
        press(&client, &[ALT, '2']).await;
        wait_js(
            &client,
            "document.querySelector('#tab-advisor[aria-current=page]')",
        )
        .await;
        press(&client, &[CTRL, 'k']).await;
        wait_js(&client, "document.activeElement?.id === 'search'").await;
        assert_eq!(current_view(&client).await, json!("browse"));
        // Typing "/" or "?" into the field is text, not a shortcut.
        press(&client, &['h', 'd', '/']).await;
        assert_eq!(
            js(&client, "return document.getElementById('search').value;").await,
            json!("hd/")
        );
        assert_eq!(
            js(
                &client,
                "return document.querySelector('#help[open]') !== null;"
            )
            .await,
            json!(false)
        );

        // "/" from elsewhere focuses the search too.
        js(&client, "document.getElementById('tab-compare').focus();").await;
        press(&client, &['/']).await;
        wait_js(&client, "document.activeElement?.id === 'search'").await;

        // "?" opens the shortcuts; Escape closes them and the focus goes back.
        js(&client, "document.getElementById('tab-browse').focus();").await;
        press(&client, &[SHIFT, '?']).await;
        wait_text(&client, "#help[open] h2", |t| t == "Keyboard shortcuts").await;
        let listed = wait_text(&client, "#help table", |t| !t.is_empty()).await;
        for keys in ["Alt+1", "Alt+4", "Ctrl+K", "F1", "Esc"] {
            assert!(listed.contains(keys), "help lists {keys}: {listed}");
        }
        press(&client, &[escape()]).await;
        wait_js(&client, "!document.querySelector('#help[open]')").await;
        assert_eq!(active_id(&client).await, json!("tab-browse"));
        press(&client, &[F1]).await;
        wait_text(&client, "#help[open] h2", |t| t == "Keyboard shortcuts").await;
        press(&client, &[escape()]).await;
        wait_js(&client, "!document.querySelector('dialog[open]')").await;
        client
    })
    .await;
}

#[tokio::test]
async fn every_action_is_reachable_with_tab_and_shows_its_focus() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        // Tab through the header and the browse view: each stop is a control, and the focused
        // control has a visible outline.
        js(
            &client,
            "document.activeElement?.blur(); window.getSelection()?.removeAllRanges();",
        )
        .await;
        let mut seen = Vec::new();
        for _ in 0..14 {
            press(&client, &['\u{E004}']).await;
            let stop = js(
                &client,
                r#"const el = document.activeElement;
                   const style = getComputedStyle(el);
                   return { id: el.id || el.textContent.trim().slice(0, 20), tag: el.tagName,
                            outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };"#,
            )
            .await;
            assert_ne!(
                stop["tag"],
                json!("BODY"),
                "Tab reached a control: {seen:?}"
            );
            assert!(
                stop["outline"] != json!("none") && stop["width"].as_f64().unwrap_or(0.0) >= 2.0,
                "focus is visible on {stop}"
            );
            seen.push(stop["id"].as_str().unwrap_or("").to_owned());
        }
        for id in [
            "tab-browse",
            "tab-shortlist",
            "theme",
            "open-glossary",
            "open-help",
            "open-about",
            "search",
        ] {
            assert!(
                seen.iter().any(|s| s == id),
                "{id} in the tab order: {seen:?}"
            );
        }
        // Enter on a model opens its detail; Escape closes it.
        js(
            &client,
            "document.querySelector('table.models .model-link').focus();",
        )
        .await;
        press(&client, &['\u{E007}']).await;
        wait_text(&client, "dialog.detail[open] h2", |t| !t.is_empty()).await;
        press(&client, &[escape()]).await;
        wait_js(&client, "!document.querySelector('dialog[open]')").await;
        client
    })
    .await;
}

#[tokio::test]
async fn the_theme_follows_the_override_and_keeps_it() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        let background = "return getComputedStyle(document.body).backgroundColor;";
        let light = js(&client, background).await;
        let select = client.find(Locator::Id("theme")).await.unwrap();
        select.select_by_value("dark").await.unwrap();
        let dark = js(&client, background).await;
        assert_ne!(light, dark, "the dark theme changes the colours");
        assert_eq!(dark, json!("rgb(21, 26, 24)"));

        // Kept across a reload of the window.
        client.refresh().await.unwrap();
        wait_js(
            &client,
            "document.documentElement.hasAttribute('data-started')",
        )
        .await;
        assert_eq!(
            js(&client, "return document.documentElement.dataset.theme;").await,
            json!("dark")
        );
        assert_eq!(
            js(&client, "return document.getElementById('theme').value;").await,
            json!("dark")
        );
        assert_eq!(js(&client, background).await, dark);

        // Back to the system's choice: no override on the page.
        let select = client.find(Locator::Id("theme")).await.unwrap();
        select.select_by_value("system").await.unwrap();
        assert_eq!(
            js(
                &client,
                "return document.documentElement.dataset.theme ?? null;"
            )
            .await,
            Value::Null
        );
        assert_eq!(js(&client, background).await, light);
        client
    })
    .await;
}

#[tokio::test]
async fn a_term_opens_the_glossary_at_its_entry() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        open_detail(&client, "Sennheiser HD 650").await;
        wait_text(&client, "dialog.detail[open] h2", |t| {
            t == "Sennheiser HD 650"
        })
        .await;
        click(
            &client,
            "dialog.detail[open] .term-link[data-term='impedance']",
        )
        .await;
        wait_text(&client, "#glossary[open] h2", |t| t == "Glossary").await;
        assert_eq!(active_id(&client).await, json!("term-impedance"));
        let entry = wait_text(&client, "#term-impedance", |t| !t.is_empty()).await;
        assert!(entry.contains("ohms"), "{entry}");
        assert_eq!(
            js(
                &client,
                "return document.querySelectorAll('#glossary .term-entry.current').length;"
            )
            .await,
            json!(1)
        );
        // Escape closes the glossary only; the detail is still open, with the focus back.
        press(&client, &[escape()]).await;
        wait_js(&client, "!document.querySelector('#glossary[open]')").await;
        assert_eq!(
            js(
                &client,
                "return document.activeElement?.dataset.term ?? null;"
            )
            .await,
            json!("impedance")
        );
        assert_eq!(
            js(
                &client,
                "return document.querySelector('dialog.detail[open]') !== null;"
            )
            .await,
            json!(true)
        );
        press(&client, &[escape()]).await;
        wait_js(&client, "!document.querySelector('dialog[open]')").await;

        // From the advisor, the compare rows and the try-on form too.
        click(&client, "#tab-advisor").await;
        click(&client, ".profile .term-link[data-term='headroom']").await;
        assert_eq!(active_id(&client).await, json!("term-headroom"));
        press(&client, &[escape()]).await;
        client
    })
    .await;
}

#[tokio::test]
async fn a_slow_view_shows_a_spinner_and_reduced_motion_is_honoured() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        // What a view does while it waits for data: aria-busy; after a blink the spinner shows.
        js(&client, "document.querySelector('#view > section').setAttribute('aria-busy', 'true');").await;
        let pill = "getComputedStyle(document.querySelector('#view > section'), '::after')";
        wait_js(&client, &format!("{pill}.opacity === '1'")).await;
        assert_eq!(
            js(&client, &format!("return {pill}.content;")).await,
            json!("\"Working…\"")
        );
        js(&client, "document.querySelector('#view > section').removeAttribute('aria-busy');").await;
        // The stylesheet stops motion for people who ask for less of it.
        let rules = js(
            &client,
            "return [...document.styleSheets].flatMap((s) => [...s.cssRules])
               .filter((r) => r.media && r.media.mediaText.includes('prefers-reduced-motion: reduce'))
               .map((r) => r.cssText).join(' ');",
        )
        .await;
        let rules = rules.as_str().unwrap_or_default();
        assert!(rules.contains("animation-duration: 0s"), "{rules}");
        assert!(rules.contains("transition-duration: 0s"), "{rules}");
        client
    })
    .await;
}

#[tokio::test]
async fn the_window_remembers_its_size() {
    let harness = Harness::start();
    let file = harness.data_dir().join(headroom_app::WINDOW_STATE_FILE);
    with_app(&harness, |client| async move {
        client.set_window_size(900, 700).await.unwrap();
        // Written once the window has settled, without waiting for a clean exit.
        let start = Instant::now();
        loop {
            let state: Option<Value> = std::fs::read_to_string(&file)
                .ok()
                .and_then(|text| serde_json::from_str(&text).ok());
            let size = state.map(|s| (s["main"]["width"].clone(), s["main"]["height"].clone()));
            if size == Some((json!(900), json!(700))) {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{} never held 900x700: {size:?}",
                file.display()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        client
    })
    .await;
    with_app(&harness, |client| async move {
        let (w, h) = client.get_window_size().await.unwrap();
        assert_eq!((w, h), (900, 700), "restored at the next start");
        client
    })
    .await;
}

#[tokio::test]
async fn ratings_take_arrow_keys() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        click(&client, "table.models tbody tr:first-child .model-link").await;
        click(&client, "dialog.detail[open] .actions .primary").await;
        press(&client, &[ALT, '4']).await;
        click(&client, ".entry .add-session").await;
        wait_text(&client, "dialog.form-dialog[open] h2", |t| {
            t.contains("Try-on")
        })
        .await;
        // A rating is one radio group: Tab reaches it, the arrows move along it.
        js(
            &client,
            "document.getElementById('rating-comfort-none').focus();",
        )
        .await;
        press(&client, &['\u{E014}']).await; // →
        press(&client, &['\u{E014}']).await;
        press(&client, &['\u{E014}']).await;
        let picked = "document.querySelector('input[name=rating-comfort]:checked')?.id";
        wait_js(&client, &format!("{picked} === 'rating-comfort-3'")).await;
        press(&client, &['\u{E012}']).await; // ←
        wait_js(&client, &format!("{picked} === 'rating-comfort-2'")).await;
        click(&client, "#save-session").await;
        wait_text(&client, ".session .ratings", |t| t.contains("Comfort 2/5")).await;
        client
    })
    .await;
}

/// The window's pages are painted on the CPU (`prefer_cpu_painting`) unless whoever started the
/// app chose otherwise: the variable reaches WebKit's web process.
#[tokio::test]
async fn the_web_process_paints_on_the_cpu() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        let name = headroom_app::CPU_PAINTING_ENV;
        let expected = std::env::var(name).unwrap_or_else(|_| "1".into());
        let pids = |args: &[&str]| -> Vec<u32> {
            let out = std::process::Command::new("pgrep")
                .args(args)
                .output()
                .expect("pgrep");
            String::from_utf8_lossy(&out.stdout)
                .split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect()
        };
        let apps = pids(&["-f", env!("CARGO_BIN_EXE_headroom")]);
        let parent = |pid: u32| -> Option<u32> {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            stat.rsplit_once(')')?
                .1
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()
        };
        let ours = |mut pid: u32| loop {
            match parent(pid) {
                Some(p) if apps.contains(&p) => return true,
                Some(p) if p > 1 => pid = p,
                _ => return false,
            }
        };
        let mut seen = 0;
        for web in pids(&["WebKitWebProces"]).into_iter().filter(|&p| ours(p)) {
            let env = std::fs::read(format!("/proc/{web}/environ")).expect("environ");
            let value = env
                .split(|b| *b == 0)
                .filter_map(|kv| std::str::from_utf8(kv).ok())
                .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='));
            assert_eq!(value, Some(expected.as_str()), "web process {web}");
            seen += 1;
        }
        assert!(seen > 0, "no web process found under {apps:?}");
        client
    })
    .await;
}
