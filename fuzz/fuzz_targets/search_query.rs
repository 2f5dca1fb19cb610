//! The search: arbitrary bytes as the query text, and as a JSON query the webview could send.
//! `query::run` answers or refuses (`InvalidInput`), never panics, and a page never holds more
//! than its limit or an id the catalog lacks.

#![no_main]

use std::sync::OnceLock;

use headroom_domain::query::{self, Query};
use headroom_domain::Catalog;
use libfuzzer_sys::fuzz_target;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().expect("the embedded catalog loads"))
}

fn run(q: &Query) {
    let catalog = catalog();
    if let Ok(result) = query::run(catalog, q) {
        assert!(result.total <= catalog.len());
        assert!(result.ids.len() <= q.limit.unwrap_or(usize::MAX));
        assert!(result.ids.iter().all(|id| catalog.get(id).is_some()));
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut q = Query {
        text,
        ..Query::default()
    };
    run(&q);
    q.descending = true;
    run(&q);
    if let Ok(q) = serde_json::from_slice::<Query>(data) {
        let _ = q.validate();
        run(&q);
    }
});
