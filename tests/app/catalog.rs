//! Catalog commands through the IPC layer.

use serde_json::json;

use crate::support::TestApp;

#[test]
fn app_info_reports_the_catalog_and_the_temp_data_dir() {
    let app = TestApp::new();
    let info = app.ok("app_info", json!({}));
    assert!(info["catalog_models"].as_u64().unwrap() >= 11, "{info}");
    assert_eq!(info["data_dir"], app.dir.path().display().to_string());
}

#[test]
fn get_model_returns_every_field_with_unknowns_as_null() {
    let app = TestApp::new();
    let m = app.ok("get_model", json!({ "id": "sennheiser-hd-650" }));
    assert_eq!(m["brand"], "Sennheiser");
    assert_eq!(m["back"], "open");
    assert_eq!(m["origin"], "catalog");
    assert!(m["sources"].as_array().is_some_and(|s| !s.is_empty()));
    for field in ["impedance_ohm", "sensitivity", "weight_g", "price", "year"] {
        assert!(
            m.get(field).is_some(),
            "{field} is always present, null when unknown"
        );
    }
}

#[test]
fn get_model_validates_its_argument() {
    let app = TestApp::new();
    assert_eq!(
        app.err_kind("get_model", json!({ "id": "x".repeat(500) })),
        "invalid_input"
    );
    assert_eq!(
        app.err_kind("get_model", json!({ "id": "nope" })),
        "not_found"
    );
    assert!(app.call("get_model", json!({})).is_err(), "missing id");
    assert!(
        app.call("get_model", json!({ "id": 5 })).is_err(),
        "wrong type"
    );
}

#[test]
fn a_catalog_file_in_the_data_dir_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("catalog.override.json"),
        headroom_domain::synthetic::data_file(30),
    )
    .unwrap();
    let app = TestApp::in_dir(dir);
    let info = app.ok("app_info", json!({}));
    assert_eq!(info["catalog_models"], 30);
    assert_eq!(info["notices"][0]["level"], "info", "the user is told");
    let page = app.ok("list_models", json!({ "query": {} }));
    assert_eq!(page["total"], 30);
}

#[test]
fn a_broken_catalog_file_stops_the_start_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("catalog.override.json"),
        "{ \"families\": 3 }",
    )
    .unwrap();
    let error = headroom_app::AppState::open(
        dir.path().to_path_buf(),
        Box::new(headroom_app::persist::NoMirror),
        std::time::SystemTime::now(),
    )
    .err()
    .expect("refused");
    assert!(error.to_string().contains("families"), "{error}");
}
