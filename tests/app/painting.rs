//! How the window's pages are painted (`prefer_cpu_painting`): on the CPU unless whoever
//! started the app chose otherwise.

use std::ffi::OsStr;

use headroom_app::cpu_painting_choice;

#[test]
fn cpu_painting_is_chosen_only_when_nobody_chose() {
    assert_eq!(cpu_painting_choice(None), Some("1"));
    for chosen in ["0", "1", ""] {
        assert_eq!(
            cpu_painting_choice(Some(OsStr::new(chosen))),
            None,
            "{chosen:?} is kept"
        );
    }
}
