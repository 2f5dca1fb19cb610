//! The catalog data loader on arbitrary text as one data file: it returns models or an error
//! naming the problem, never panics; the models it returns make a catalog that can be searched.

#![no_main]

use headroom_domain::query::{self, Query};
use headroom_domain::{load, Catalog};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(models) = load::load_files(&[("fuzz.json", &text)]) else {
        return;
    };
    let _ = load::check_seed_models(&models);
    let catalog = Catalog::from_models(models);
    for text in ["", "a", "1", "hd 650"] {
        let q = Query {
            text: text.to_owned(),
            ..Query::default()
        };
        query::run(&catalog, &q).expect("a valid query runs");
    }
});
