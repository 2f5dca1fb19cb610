//! The journal loader on arbitrary bytes: the file at start-up and every import go through
//! `journal::from_bytes`. Whatever the bytes, it returns a document or an error, never panics;
//! a document it returns saves and loads back equal, and imports into a journal in both modes.

#![no_main]

use std::sync::OnceLock;

use headroom_domain::journal::{self, Document, ImportMode};
use headroom_domain::Catalog;
use libfuzzer_sys::fuzz_target;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().expect("the embedded catalog loads"))
}

fuzz_target!(|data: &[u8]| {
    let catalog = catalog();
    let Ok(doc) = journal::from_bytes(data, catalog) else {
        return;
    };
    let bytes = journal::to_bytes(&doc);
    let again = journal::from_bytes(&bytes, catalog).expect("a loaded journal saves and loads");
    assert_eq!(again, doc, "the saved journal reads back equal");
    for mode in [ImportMode::Merge, ImportMode::Replace] {
        for current in [&Document::default(), &doc] {
            if let Ok(merged) = journal::import(current, doc.clone(), mode) {
                journal::from_bytes(&journal::to_bytes(&merged), catalog)
                    .expect("an import's result is a valid journal");
            }
        }
    }
    let _ = journal::export_csv(&doc, catalog);
    let _ = journal::export_markdown(&doc, catalog);
    let _ = journal::summaries(&doc);
});
