//! Screenshots of every view and dialog, for the README and for looking at changes:
//! `HEADROOM_SCREENSHOTS=docs cargo test --test e2e screenshots -- --ignored`
//! (`HEADROOM_THEME=dark` and `HEADROOM_WIDTH=700` for the other looks; the file names then
//! end in `-dark` and `-700`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::Client;

use crate::harness::{click, open_detail, type_into, wait_text, Harness, SESSION_TIMEOUT};

async fn save(client: &Client, dir: &Path, name: &str) {
    tokio::time::sleep(Duration::from_millis(400)).await;
    let png = client.screenshot().await.expect("screenshot");
    let mut file = format!("screenshot-{name}");
    if let Ok(theme) = std::env::var("HEADROOM_THEME") {
        file.push_str(&format!("-{theme}"));
    }
    if let Ok(width) = std::env::var("HEADROOM_WIDTH") {
        file.push_str(&format!("-{width}"));
    }
    std::fs::write(dir.join(format!("{file}.png")), png).expect("write screenshot");
}

/// Scrolls the first element matching `css` to the top of its scroll box.
async fn scroll_to(client: &Client, css: &str) {
    client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });",
            vec![css.into()],
        )
        .await
        .expect("scroll");
}

#[tokio::test]
#[ignore = "writes screenshots; run on demand"]
async fn screenshots() {
    let dir = std::env::var("HEADROOM_SCREENSHOTS").unwrap_or_else(|_| "target/screenshots".into());
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let harness = Harness::start();
    let run = async {
        let client = harness.launch_as_is().await;
        let width = std::env::var("HEADROOM_WIDTH")
            .ok()
            .and_then(|w| w.parse().ok());
        client
            .set_window_size(width.unwrap_or(1200), 800)
            .await
            .ok();
        // The theme override, through the control in the header (it sits behind the welcome).
        if let Ok(theme) = std::env::var("HEADROOM_THEME") {
            client
                .execute(
                    "const s = document.getElementById('theme'); s.value = arguments[0];
                     s.dispatchEvent(new Event('change'));",
                    vec![theme.into()],
                )
                .await
                .expect("theme");
        }
        wait_text(&client, "#welcome[open] h2", |t| !t.is_empty()).await;
        save(&client, &dir, "welcome").await;
        click(&client, "#welcome-skip").await;
        save(&client, &dir, "browse").await;
        click(&client, "#open-help").await;
        save(&client, &dir, "help").await;
        click(&client, "#help .detail-head button").await;
        click(&client, "#open-about").await;
        wait_text(&client, "#about .about-version", |t| !t.is_empty()).await;
        save(&client, &dir, "about").await;
        click(&client, "#about .detail-head button").await;
        open_detail(&client, "Beyerdynamic DT 770 Pro 80 ohm").await;
        wait_text(&client, "dialog.detail h2", |t| !t.is_empty()).await;
        save(&client, &dir, "detail").await;
        // A measured model's detail: its curve, and the figures from the box further down.
        click(&client, "dialog.detail .detail-head button").await;
        open_detail(&client, "Sennheiser HD 650").await;
        wait_text(&client, "dialog.detail .sound-panel .plot-readout", |t| {
            !t.is_empty()
        })
        .await;
        scroll_to(&client, "dialog.detail .sound-panel").await;
        save(&client, &dir, "detail-sound").await;
        scroll_to(&client, "dialog.detail .curve-sources").await;
        save(&client, &dir, "detail-bands").await;
        client
            .execute(
                "document.querySelector('dialog.detail .own-figures-box').open = true;",
                vec![],
            )
            .await
            .unwrap();
        scroll_to(&client, "dialog.detail .own-figures-box").await;
        save(&client, &dir, "detail-figures").await;
        click(
            &client,
            "dialog.detail[open] .term-link[data-term='sensitivity']",
        )
        .await;
        save(&client, &dir, "glossary").await;
        click(&client, "#glossary .detail-head button").await;
        click(&client, "dialog.detail .detail-head button").await;
        click(&client, "#tab-advisor").await;
        wait_text(&client, "#advice-status", |t| t.contains("best first")).await;
        save(&client, &dir, "advisor").await;
        // The empty states, before anything is picked.
        click(&client, "#tab-compare").await;
        wait_text(&client, ".compare-view .empty", |t| !t.is_empty()).await;
        save(&client, &dir, "compare-empty").await;
        click(&client, "#tab-shortlist").await;
        wait_text(&client, ".shortlist .empty", |t| !t.is_empty()).await;
        save(&client, &dir, "shortlist-empty").await;
        click(&client, "#tab-advisor").await;
        wait_text(&client, "#advice-status", |t| t.contains("best first")).await;
        for n in 1..=3 {
            click(
                &client,
                &format!(".advice-card:nth-child({n}) .compare-button"),
            )
            .await;
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
        click(&client, ".advice-card:nth-child(1) .shortlist-button").await;
        click(&client, "#tab-compare").await;
        wait_text(&client, "table.compare thead", |t| !t.is_empty()).await;
        wait_text(&client, ".compare-view .plot-readout", |t| !t.is_empty()).await;
        save(&client, &dir, "compare").await;
        scroll_to(&client, ".compare-view table.bands").await;
        save(&client, &dir, "compare-bands").await;
        scroll_to(&client, ".compare-view table.compare").await;
        save(&client, &dir, "compare-table").await;
        click(&client, "#tab-shortlist").await;
        wait_text(&client, ".entry h3", |t| !t.is_empty()).await;
        click(&client, ".entry .add-session").await;
        type_into(&client, "session-place", "Demo wall, city store").await;
        click(&client, "label[for='rating-comfort-4']").await;
        click(&client, "label[for='rating-clamp-3']").await;
        type_into(
            &client,
            "session-notes",
            "Light, no hot spots; a little loose looking down.",
        )
        .await;
        save(&client, &dir, "tryon-form").await;
        click(&client, "#save-session").await;
        wait_text(&client, ".session-notes", |t| !t.is_empty()).await;
        save(&client, &dir, "shortlist").await;
        client.close().await.unwrap();
    };
    tokio::time::timeout(SESSION_TIMEOUT, run)
        .await
        .expect("in time");
}
