//! Hostile text in the real window. Every payload of `tests/fixtures/payloads.json` (script tags,
//! event handlers, `javascript:` and `data:` URLs, SVG, CSS and template tricks, entities,
//! right-to-left and zero-width characters, 10,000 characters) goes in through every field where
//! the user types text (try-on place and notes, the shortlist reason, an own model's name, brand
//! and pads) and through an imported journal file. None may run: each tries to set
//! `window.__pwned`, change the title or call `alert`, and the page counts any Content Security
//! Policy violation (which markup parsed out of user text would cause). Each must read back
//! literally wherever the window shows it. And the CSP itself refuses inline script and `eval`.
//!
//! WebDriver types what a keyboard can into the try-on and reason fields; payloads with
//! characters it cannot type (outside the Basic Multilingual Plane, control characters) or longer
//! than 500 characters are pasted (the value set by script, with the input and change events),
//! and so are all payloads in the own-model form. Either way they are submitted through the same
//! form. A field's `maxlength` cuts the text; the expected text is cut the same way.

use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::{json, Value};

use crate::harness::{self, click, open_detail, open_shortlist, type_into, with_app, Harness};

#[derive(Clone, Debug)]
struct Payload {
    name: String,
    text: String,
}

fn payloads() -> Arc<Vec<Payload>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/payloads.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let list: Vec<Payload> = doc["payloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| Payload {
            name: p["name"].as_str().unwrap().to_owned(),
            text: p["text"].as_str().unwrap().to_owned(),
        })
        .collect();
    assert!(list.len() >= 40, "at least 40 payloads: {}", list.len());
    assert!(
        list.iter().any(|p| p.text.chars().count() == 10_000),
        "one payload of 10,000 characters"
    );
    for p in &list {
        // The own-model form trims its fields; a payload must not depend on that.
        assert_eq!(p.text.trim(), p.text, "{}: no space at either end", p.name);
    }
    Arc::new(list)
}

/// No line breaks or control characters: fits a one-line field.
fn one_line(s: &str) -> bool {
    !s.chars()
        .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
}

/// What a form field holds as typed: no control characters but line breaks (`\r` and NUL are
/// changed or dropped by form fields; such payloads come in through the import only).
fn fits_a_form(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() && c != '\n')
}

/// What WebKitWebDriver can type: characters of the Basic Multilingual Plane outside the private
/// use area (WebDriver's key codes), line breaks as the Enter key.
fn typeable(s: &str) -> bool {
    s.chars().count() <= 500
        && s.chars().all(|c| {
            (c == '\n' || !c.is_control())
                && (c as u32) < 0x10000
                && !('\u{E000}'..='\u{F8FF}').contains(&c)
        })
}

/// `s` cut to `max` UTF-16 code units, as a field's `maxlength` cuts typing.
fn cut(s: &str, max: usize) -> String {
    let mut units = 0;
    s.chars()
        .take_while(|c| {
            units += c.len_utf16();
            units <= max
        })
        .collect()
}

async fn js(client: &Client, script: &str, args: Vec<Value>) -> Value {
    client
        .execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Sets the traps: `alert` and friends record a call, and every CSP violation is counted.
async fn arm(client: &Client) {
    js(
        client,
        r#"
        window.__alerts = [];
        for (const f of ['alert', 'confirm', 'prompt']) window[f] = (m) => { window.__alerts.push(String(m)); };
        window.__violations = [];
        document.addEventListener('securitypolicyviolation',
          (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
        "#,
        vec![],
    )
    .await;
}

/// Fails if any payload ran, or was parsed as markup the CSP then had to block.
async fn assert_nothing_ran(client: &Client, when: &str) {
    let seen = js(
        client,
        "return { pwned: window.__pwned === undefined ? null : String(window.__pwned), \
         title: document.title, alerts: window.__alerts ?? [], violations: window.__violations ?? [] };",
        vec![],
    )
    .await;
    assert_eq!(
        seen,
        json!({ "pwned": null, "title": "Headroom", "alerts": [], "violations": [] }),
        "{when}: a payload ran or was parsed as markup"
    );
}

/// Puts `text` into the field `#id` (cut to `max` UTF-16 units) and returns what it holds:
/// typed with real key events when a keyboard can type it, else pasted.
async fn enter(client: &Client, id: &str, text: &str, max: usize) -> String {
    let expected = cut(text, max);
    if !typeable(&expected) {
        return paste(client, id, text, max).await;
    }
    type_into(client, id, &expected).await;
    let held = js(
        client,
        "return document.getElementById(arguments[0]).value;",
        vec![json!(id)],
    )
    .await;
    assert_eq!(held, json!(expected), "#{id} holds the payload as typed");
    expected
}

/// Puts `text` into the field `#id` (cut to `max` UTF-16 units) as a paste does: the value at
/// once, then the events typing would have sent. Returns what the field holds.
async fn paste(client: &Client, id: &str, text: &str, max: usize) -> String {
    let expected = cut(text, max);
    // The field may be drawn anew on `change`, so its value is read before.
    let held = js(
        client,
        "const f = document.getElementById(arguments[0]); f.value = arguments[1]; \
         const held = f.value; \
         f.dispatchEvent(new Event('input', { bubbles: true })); \
         f.dispatchEvent(new Event('change', { bubbles: true })); \
         return held;",
        vec![json!(id), json!(expected)],
    )
    .await;
    assert_eq!(held, json!(expected), "#{id} holds the payload as pasted");
    expected
}

/// Clicks a form's submit button and waits for its dialog to close; fails with the form's error.
async fn submit(client: &Client, button: &str, what: &str) {
    click(client, button).await;
    let start = Instant::now();
    loop {
        let state = js(
            client,
            "const d = document.querySelector('dialog.form-dialog'); \
             return [d.open, d.querySelector('.form-error')?.textContent ?? ''];",
            vec![],
        )
        .await;
        if state[0] == false {
            return;
        }
        let error = state[1].as_str().unwrap_or_default();
        assert!(error.is_empty(), "{what}: the form refused it: {error}");
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{what}: the form never closed"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Polls `script` until it returns `want` (15 s at most), or fails naming what it last saw.
async fn wait_for(client: &Client, script: &str, args: Vec<Value>, want: &Value, what: &str) {
    harness::wait_for(client, script, args, want, Duration::from_secs(15), what).await;
}

/// Every try-on on the page by id: its place (the head's first plain span, without the ` · `
/// before it) and its notes, as text content. A group shows its latest try-ons until asked for
/// all, so every group is asked first.
async fn shown_sessions(client: &Client) -> Value {
    let closed = "document.querySelectorAll('.show-sessions[aria-expanded=\"false\"]')";
    js(
        client,
        &format!("for (const b of {closed}) b.click(); return null;"),
        vec![],
    )
    .await;
    wait_for(
        client,
        &format!("return {closed}.length;"),
        vec![],
        &json!(0),
        "every group of try-ons shown in full",
    )
    .await;
    js(
        client,
        "const out = {}; \
         for (const li of document.querySelectorAll('li.session')) { \
           const place = li.querySelector('.session-head > span:not(.muted):not(.verdict)'); \
           out[li.dataset.id] = { place: place ? place.textContent : null, \
             notes: li.querySelector('.session-notes')?.textContent ?? null }; \
         } \
         return out;",
        vec![],
    )
    .await
}

/// The names in the "Your own models" list, in order.
async fn shown_own_models(client: &Client) -> Value {
    js(
        client,
        "return [...document.querySelectorAll('ul.own-models li .model-name')].map((e) => e.textContent);",
        vec![],
    )
    .await
}

/// Opens the detail of every own model from the catalog table, one after the other, and returns
/// what each shows: the table's link, the title, the pads (without a figure note), the figure
/// note, the studio comfort note and the sources' titles and addresses.
async fn shown_details(client: &Client) -> Vec<Value> {
    click(client, "#tab-browse").await;
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("table.models tbody tr"))
        .await
        .unwrap();
    let shown = client
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            (async () => {
              const out = [];
              const dialog = document.querySelector('dialog.detail');
              const rows = [...document.querySelectorAll('table.models tbody tr')]
                .filter((tr) => tr.dataset.id.startsWith('user-'));
              for (const tr of rows) {
                dialog.replaceChildren();
                tr.querySelector('.model-link').click();
                for (let i = 0; i < 500 && !(dialog.open && dialog.querySelector('#detail-title')); i++) {
                  await new Promise((r) => setTimeout(r, 10));
                }
                const dd = (label, root = dialog) => [...root.querySelectorAll('dt')]
                  .find((dt) => dt.textContent === label)?.nextElementSibling;
                const pads = dd('Pads', dialog.querySelector('dl.specs'));
                const studio = dialog.querySelector('.studio-notes');
                out.push({
                  link: tr.querySelector('.model-link').textContent,
                  title: dialog.querySelector('#detail-title')?.textContent ?? null,
                  pads: pads?.firstChild?.textContent ?? null,
                  figure_note: pads?.querySelector('.figure-note')?.textContent ?? null,
                  comfort: studio ? dd('Comfort', studio)?.textContent ?? null : null,
                  source_titles: [...dialog.querySelectorAll('.sources li')].map((li) => li.childNodes[2]?.textContent ?? null),
                  source_urls: [...dialog.querySelectorAll('.sources .url')].map((e) => e.textContent),
                });
                dialog.close();
              }
              done(out);
            })();
            "#,
            vec![],
        )
        .await
        .expect("the details open");
    shown.as_array().unwrap().clone()
}

/// Shortlists the Sennheiser HD 650 from its detail and opens the shortlist.
async fn shortlist_hd650(client: &Client) {
    open_detail(client, "Sennheiser HD 650").await;
    click(client, "dialog.detail .actions .primary").await;
    open_shortlist(client).await;
    wait_for(
        client,
        "return document.querySelector('.entry h3')?.textContent ?? null;",
        vec![],
        &json!("Sennheiser HD 650"),
        "the shortlist entry",
    )
    .await;
}

/// Every payload entered into every text field of the forms; read back, and read back again after
/// a restart, from the shortlist, the own models' list and the catalog's detail view.
#[tokio::test]
async fn typed_payloads_never_run_and_read_back_literally() {
    let payloads = payloads();
    let harness = Harness::start();

    // Try-ons: the payload as the place (when it is one line) and as the notes.
    let list = payloads.clone();
    let sessions = Arc::new(std::sync::Mutex::new(serde_json::Map::new()));
    let record = sessions.clone();
    with_app(&harness, |client| async move {
        let started = Instant::now();
        arm(&client).await;
        shortlist_hd650(&client).await;
        let mut n = 0;
        for p in list.iter().filter(|p| fits_a_form(&p.text)) {
            click(&client, ".entry .add-session").await;
            let place = if one_line(&p.text) {
                enter(&client, "session-place", &p.text, 120).await
            } else {
                String::new()
            };
            let notes = enter(&client, "session-notes", &p.text, 10_000).await;
            submit(&client, "#save-session", &p.name).await;
            n += 1;
            let place = (!place.is_empty()).then(|| format!(" · {place}"));
            record
                .lock()
                .unwrap()
                .insert(format!("s-{n}"), json!({ "place": place, "notes": notes }));
        }
        eprintln!("security: {n} try-ons entered in {:?}", started.elapsed());
        assert_nothing_ran(&client, "after entering the try-ons").await;
        assert_eq!(
            shown_sessions(&client).await,
            Value::Object(record.lock().unwrap().clone()),
            "the try-ons read back literally"
        );
        client
    })
    .await;
    let expected_sessions = sessions.lock().unwrap().clone();

    // The shortlist reason: each one saved, and the entry drawn again from what was saved.
    let list = payloads.clone();
    with_app(&harness, |client| async move {
        let started = Instant::now();
        arm(&client).await;
        open_shortlist(&client).await;
        for p in list.iter().filter(|p| one_line(&p.text)) {
            let reason = enter(&client, "reason-0", &p.text, 200).await;
            js(
                &client,
                "document.getElementById('reason-0').blur();",
                vec![],
            )
            .await;
            // The entry is drawn again from what the command saved.
            wait_for(
                &client,
                "const e = document.getElementById('reason-0'); \
                 return e.isConnected && e.getAttribute('value') === arguments[0] ? e.value : null;",
                vec![json!(reason)],
                &json!(reason),
                &format!("reason {}", p.name),
            )
            .await;
        }
        eprintln!("security: reasons entered in {:?}", started.elapsed());
        assert_nothing_ran(&client, "after entering the reasons").await;
        client
    })
    .await;

    // Own models: name, brand and pads.
    let list = payloads.clone();
    let own = Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = own.clone();
    with_app(&harness, |client| async move {
        let started = Instant::now();
        arm(&client).await;
        open_shortlist(&client).await;
        for p in list.iter().filter(|p| one_line(&p.text)) {
            click(&client, "#add-own-model").await;
            // Pasted: the same payloads were typed into the try-on and reason fields above;
            // what this part checks is everywhere an own model's text is shown afterwards.
            // (Typing them into three more fields each was where WebKitWebDriver's simulated
            // typing failed, twice in CI, with an UnknownError and no message.)
            let name = paste(&client, "own-name", &p.text, 120).await;
            let brand = paste(&client, "own-brand", &p.text, 120).await;
            let pads = paste(&client, "own-pads", &p.text, 120).await;
            submit(&client, "#save-own-model", &p.name).await;
            // The form trims; the payloads have no space at their ends, but a cut one may.
            let (name, brand, pads) = (name.trim(), brand.trim(), pads.trim());
            record
                .lock()
                .unwrap()
                .push((format!("{brand} {name}"), pads.to_owned()));
        }
        eprintln!("security: own models entered in {:?}", started.elapsed());
        assert_nothing_ran(&client, "after entering the own models").await;
        let names: Vec<String> = record
            .lock()
            .unwrap()
            .iter()
            .map(|(n, _)| n.clone())
            .collect();
        assert_eq!(shown_own_models(&client).await, json!(names));
        client
    })
    .await;
    let own = own.lock().unwrap().clone();

    // After a restart: everything again, read from the saved file, and each own model's detail.
    with_app(&harness, |client| async move {
        arm(&client).await;
        open_shortlist(&client).await;
        assert_eq!(
            shown_sessions(&client).await,
            Value::Object(expected_sessions),
            "the try-ons read back literally after a restart"
        );
        let names: Vec<String> = own.iter().map(|(n, _)| n.clone()).collect();
        assert_eq!(shown_own_models(&client).await, json!(names));
        let details = shown_details(&client).await;
        assert_eq!(
            details.len(),
            own.len(),
            "every own model is in the catalog"
        );
        for (name, pads) in &own {
            let d = details
                .iter()
                .find(|d| d["link"] == json!(name))
                .unwrap_or_else(|| panic!("no row for {name:?}"));
            assert_eq!(d["title"], json!(name));
            assert_eq!(d["pads"], json!(pads));
        }
        assert_nothing_ran(&client, "after reading everything back").await;
        client
    })
    .await;
}

/// An imported journal file holding every payload in every text field it has, picked in the
/// real file input; read back from the shortlist, the try-ons and each own model's detail.
#[tokio::test]
async fn imported_payloads_never_run_and_read_back_literally() {
    let payloads = payloads();
    let one_liners: Vec<&Payload> = payloads.iter().filter(|p| one_line(&p.text)).collect();
    let cut_chars = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let own_models: Vec<Value> = one_liners
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let name = cut_chars(&p.text, 120);
            json!({
                "id": format!("user-p-{i}"), "family": "user-p", "brand": name, "model": name,
                "variant": null, "back": "open", "transducer": null, "driver_mm": null,
                "impedance_ohm": null, "sensitivity": null, "weight_g": null,
                "frequency_response": null,
                "cable": { "detachable": null, "length_m": null, "style": null, "connector": null },
                "folds": null, "swivels": null, "pads": name, "tier": null, "price": null,
                "year": null,
                "notes": { "isolation": null, "leakage": null, "comfort": cut_chars(&p.text, 1_000) },
                "sources": [{ "kind": "review", "title": cut_chars(&p.text, 200),
                              "url": format!("https://example.com/{}", cut_chars(&p.text, 1_000)) }],
                "figure_notes": { "pads": cut_chars(&p.text, 1_000) },
                "origin": "user"
            })
        })
        .collect();
    let shortlist: Vec<Value> = one_liners
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({ "model_id": format!("user-p-{i}"), "status": "tried",
                    "reason": cut_chars(&p.text, 200), "added": "2026-01-01" })
        })
        .collect();
    let sessions: Vec<Value> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let place = if one_line(&p.text) {
                cut_chars(&p.text, 120)
            } else {
                String::new()
            };
            json!({ "id": format!("s-{}", i + 1), "model_id": "sennheiser-hd-650",
                    "date": "2026-01-01", "place": place, "notes": p.text })
        })
        .collect();
    let doc = json!({
        "version": 1, "shortlist": shortlist, "sessions": sessions, "own_models": own_models,
        "compare": [], "profile": null, "next_session": payloads.len() + 1
    });
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("hostile-journal.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();

    let expected_sessions: serde_json::Map<String, Value> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let place = one_line(&p.text).then(|| format!(" · {}", cut_chars(&p.text, 120)));
            (
                format!("s-{}", i + 1),
                json!({ "place": place, "notes": p.text }),
            )
        })
        .collect();
    let expected_own: Arc<Vec<Payload>> =
        Arc::new(one_liners.iter().map(|p| (*p).clone()).collect());

    let harness = Harness::start();
    let own = expected_own.clone();
    with_app(&harness, |client| async move {
        arm(&client).await;
        open_shortlist(&client).await;
        // The user picks the file; the webview reads it and hands its text to the import.
        client
            .find(Locator::Id("import-file"))
            .await
            .unwrap()
            .send_keys(file.to_str().unwrap())
            .await
            .unwrap();
        wait_for(
            &client,
            "return [...document.querySelectorAll('#notices .notice')].some((n) => n.textContent.includes('Imported hostile-journal.json'));",
            vec![],
            &json!(true),
            "the import",
        )
        .await;
        assert_nothing_ran(&client, "after the import").await;
        assert_eq!(
            shown_sessions(&client).await,
            Value::Object(expected_sessions),
            "imported try-ons read back literally"
        );
        let entries = js(
            &client,
            "return [...document.querySelectorAll('.entry')].map((e) => \
               [e.querySelector('h3').textContent, e.querySelector('input[id^=reason-]').value]);",
            vec![],
        )
        .await;
        let want: Vec<Value> = own
            .iter()
            .map(|p| {
                let name = cut_chars(&p.text, 120);
                json!([format!("{name} {name}"), cut_chars(&p.text, 200)])
            })
            .collect();
        assert_eq!(entries, json!(want), "imported shortlist names and reasons");
        client
    })
    .await;

    // After a restart: each own model's detail shows every imported field literally.
    let own = expected_own.clone();
    with_app(&harness, |client| async move {
        arm(&client).await;
        let details = shown_details(&client).await;
        assert_eq!(details.len(), own.len());
        for p in own.iter() {
            let name = cut_chars(&p.text, 120);
            let full = format!("{name} {name}");
            let d = details
                .iter()
                .find(|d| d["link"] == json!(full))
                .unwrap_or_else(|| panic!("no row for {}", p.name));
            assert_eq!(
                d,
                &json!({
                    "link": full, "title": full, "pads": name,
                    "figure_note": cut_chars(&p.text, 1_000),
                    "comfort": cut_chars(&p.text, 1_000),
                    "source_titles": [cut_chars(&p.text, 200)],
                    "source_urls": [format!("https://example.com/{}", cut_chars(&p.text, 1_000))],
                }),
                "{}: the detail shows it literally",
                p.name
            );
        }
        assert_nothing_ran(&client, "after opening every detail").await;
        client
    })
    .await;
}

/// The CSP in force in the real window refuses inline script (a `<script>` element, an event
/// handler attribute, a `javascript:` URL), `eval`, `new Function` and string timers.
#[tokio::test]
async fn the_csp_blocks_inline_script_and_eval() {
    let harness = Harness::start();
    with_app(&harness, |client| async move {
        arm(&client).await;
        let seen = js(
            &client,
            r#"
            const s = document.createElement('script');
            s.textContent = 'window.__inline = 1';
            document.head.appendChild(s);
            const b = document.createElement('button');
            b.setAttribute('onclick', 'window.__handler = 1');
            document.body.appendChild(b);
            b.click();
            b.remove();
            const a = document.createElement('a');
            a.href = 'javascript:window.__href = 1';
            document.body.appendChild(a);
            a.click();
            a.remove();
            setTimeout('window.__timer = 1', 0);
            const refused = (f) => { try { f(); return 'ran'; } catch (e) { return e.name; } };
            return {
              eval: refused(() => eval('1 + 1')),
              function: refused(() => new Function('return 1')()),
            };
            "#,
            vec![],
        )
        .await;
        assert_eq!(seen, json!({ "eval": "EvalError", "function": "EvalError" }));
        tokio::time::sleep(Duration::from_millis(300)).await;
        let ran = js(
            &client,
            "return [window.__inline, window.__handler, window.__href, window.__timer].map((v) => v === undefined);",
            vec![],
        )
        .await;
        assert_eq!(ran, json!([true, true, true, true]), "none of them ran");
        let violations = js(&client, "return window.__violations;", vec![]).await;
        let directives: Vec<&str> = violations
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v.as_str()?.split(' ').next())
            .collect();
        assert!(
            directives.len() >= 4
                && directives
                    .iter()
                    .all(|d| d.starts_with("script-src")),
            "each was refused by script-src: {violations}"
        );
        client
    })
    .await;
}
