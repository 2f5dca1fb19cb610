//! Helpers for the journal's tests: a small catalog, and errors as text.

use serde_json::json;

use crate::{Catalog, Model};

fn model(id: &str, brand: &str, name: &str, variant: Option<&str>, back: &str) -> Model {
    serde_json::from_value(json!({
        "id": id, "family": id, "brand": brand, "model": name, "variant": variant, "back": back,
        "tier": "midrange",
        "sources": [ { "kind": "maker", "title": "spec sheet", "url": "https://example.com" } ],
    }))
    .expect("a valid test model")
}

/// Four catalog models with real ids (the full catalog may be incomplete while it is written).
pub(crate) fn catalog() -> Catalog {
    Catalog::from_models(vec![
        model("sony-mdr-7506", "Sony", "MDR-7506", None, "closed"),
        model("sennheiser-hd-650", "Sennheiser", "HD 650", None, "open"),
        model(
            "beyerdynamic-dt-770-pro-80",
            "Beyerdynamic",
            "DT 770 Pro",
            Some("80 ohm"),
            "closed",
        ),
        model("audeze-lcd-2", "Audeze", "LCD-2", None, "open"),
    ])
}

/// The message `from_bytes` gives; panics if it succeeds.
pub(crate) fn error_of(bytes: &[u8], catalog: &Catalog) -> String {
    match super::from_bytes(bytes, catalog) {
        Ok(doc) => panic!("expected an error, read {doc:?}"),
        Err(e) => {
            assert_eq!(e.kind(), crate::ErrorKind::InvalidData, "{e}");
            e.to_string()
        }
    }
}
