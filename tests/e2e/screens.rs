//! Screenshots of every view, for the README and for looking at changes:
//! `HEADROOM_SCREENSHOTS=docs cargo test --test e2e screenshots -- --ignored`.

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::{Client, Locator};

use crate::harness::{wait_text, Harness, SESSION_TIMEOUT};

async fn save(client: &Client, dir: &PathBuf, name: &str) {
    tokio::time::sleep(Duration::from_millis(400)).await;
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(dir.join(format!("screenshot-{name}.png")), png).expect("write screenshot");
}

#[tokio::test]
#[ignore = "writes screenshots; run on demand"]
async fn screenshots() {
    let dir = PathBuf::from(
        std::env::var("HEADROOM_SCREENSHOTS").unwrap_or_else(|_| "target/screenshots".into()),
    );
    std::fs::create_dir_all(&dir).unwrap();
    let harness = Harness::start();
    let run = async {
        let client = harness.launch().await;
        client.set_window_size(1200, 800).await.ok();
        save(&client, &dir, "browse").await;
        client
            .find(Locator::XPath(
                "//table//button[normalize-space()='Beyerdynamic DT 770 Pro 80 ohm']",
            ))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_text(&client, "dialog.detail h2", |t| !t.is_empty()).await;
        save(&client, &dir, "detail").await;
        client
            .find(Locator::Css("dialog.detail .detail-head button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        client
            .find(Locator::Id("tab-advisor"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_text(&client, "#advice-status", |t| t.contains("best first")).await;
        save(&client, &dir, "advisor").await;
        for name in ["tab-shortlist"] {
            client
                .find(Locator::Id(name))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
        }
        save(&client, &dir, "shortlist").await;
        client.close().await.unwrap();
    };
    tokio::time::timeout(SESSION_TIMEOUT, run)
        .await
        .expect("in time");
}
