//! The try-ons a journal view carries: the latest few of each group, with a count of the
//! earlier ones, so that a view and every change's answer stay the same size however many
//! try-ons the journal holds (up to [`super::MAX_SESSIONS`]). The earlier ones of a group are
//! asked for when the user wants them ([`Document::sessions_in`]).
//!
//! A group is a shortlisted model's try-ons, or those of every model not on the shortlist
//! together: the shortlist view draws them so.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{Document, Session};
use crate::error::Result;

/// Try-ons carried per group, the ones added last.
pub const LATEST_SESSIONS: usize = 5;

/// A group of try-ons, as the shortlist view draws them: `{"model": id}`, a shortlisted
/// model's; `"others"`, those of every model not on the shortlist.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum SessionGroup {
    /// The try-ons of this shortlisted model.
    Model(String),
    /// The try-ons of every model not on the shortlist.
    Others,
}

/// How many try-ons of each group a view leaves out (groups that leave out none are absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct EarlierSessions {
    /// By shortlisted model id.
    pub by_model: BTreeMap<String, usize>,
    /// Of the models not on the shortlist, together.
    pub others: usize,
}

impl Document {
    /// The group of each try-on, in order: its model's id when the model is on the shortlist,
    /// `None` for the try-ons of models not on it. One look-up per try-on, with the shortlist
    /// read once (a view is built on every change; the journal holds up to 20,000 try-ons and
    /// 2,000 entries).
    fn groups(&self) -> Vec<Option<&str>> {
        let listed: HashSet<&str> = self.shortlist.iter().map(|e| e.model_id.as_str()).collect();
        self.sessions
            .iter()
            .map(|s| listed.get(s.model_id.as_str()).copied())
            .collect()
    }

    /// The [`LATEST_SESSIONS`] try-ons added last of each group, in the order added, and how
    /// many each group leaves out.
    pub fn latest_sessions(&self) -> (Vec<Session>, EarlierSessions) {
        let groups = self.groups();
        // How many of each group's first try-ons are left out.
        let mut skip: HashMap<Option<&str>, usize> = HashMap::new();
        for group in &groups {
            *skip.entry(*group).or_default() += 1;
        }
        for n in skip.values_mut() {
            *n = n.saturating_sub(LATEST_SESSIONS);
        }
        let earlier = EarlierSessions {
            by_model: skip
                .iter()
                .filter_map(|(group, &n)| Some(((*group)?.to_owned(), n)))
                .filter(|&(_, n)| n > 0)
                .collect(),
            others: skip.get(&None).copied().unwrap_or(0),
        };
        let latest = self
            .sessions
            .iter()
            .zip(&groups)
            .filter(|(_, group)| {
                let left = skip.get_mut(*group).expect("every group was counted");
                let keep = *left == 0;
                *left = left.saturating_sub(1);
                keep
            })
            .map(|(s, _)| s.clone())
            .collect();
        (latest, earlier)
    }

    /// Every try-on of `group`, in the order added.
    ///
    /// # Errors
    /// `NotFound` for a model that is not on the shortlist (it has no group of its own).
    pub fn sessions_in(&self, group: &SessionGroup) -> Result<Vec<Session>> {
        let group = match group {
            SessionGroup::Model(id) => {
                self.entry_index(id)?;
                Some(id.as_str())
            }
            SessionGroup::Others => None,
        };
        Ok(self
            .sessions
            .iter()
            .zip(self.groups())
            .filter(|(_, g)| *g == group)
            .map(|(s, _)| s.clone())
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::testing::catalog;
    use crate::journal::SessionInput;

    fn add(doc: &mut Document, model: &str, note: &str) {
        let input: SessionInput = serde_json::from_value(serde_json::json!({
            "model_id": model, "date": "2026-11-21", "notes": note,
        }))
        .unwrap();
        doc.add_session(&catalog(), input).unwrap();
    }

    fn notes(sessions: &[Session]) -> Vec<&str> {
        sessions.iter().map(|s| s.notes.as_str()).collect()
    }

    #[test]
    fn each_group_carries_its_latest_five_and_counts_the_rest() {
        let mut doc = Document::default();
        doc.add_to_shortlist(&catalog(), "sennheiser-hd-650", "2026-11-20")
            .unwrap();
        // Interleaved: seven of a shortlisted model, three and four of two others (one group).
        for i in 1..=7 {
            add(&mut doc, "sennheiser-hd-650", &format!("hd650 {i}"));
            if i <= 3 {
                add(&mut doc, "sony-mdr-7506", &format!("sony {i}"));
            }
            if i <= 4 {
                add(&mut doc, "audeze-lcd-2", &format!("lcd2 {i}"));
            }
        }
        let (latest, earlier) = doc.latest_sessions();
        let of = |prefix: &str| -> Vec<&str> {
            notes(&latest)
                .into_iter()
                .filter(|n| n.starts_with(prefix))
                .collect()
        };
        assert_eq!(
            of("hd650"),
            ["hd650 3", "hd650 4", "hd650 5", "hd650 6", "hd650 7"]
        );
        // The others' five latest across both models, in the order added.
        let others: Vec<&str> = notes(&latest)
            .into_iter()
            .filter(|n| !n.starts_with("hd650"))
            .collect();
        assert_eq!(others, ["sony 2", "lcd2 2", "sony 3", "lcd2 3", "lcd2 4"]);
        assert_eq!(
            earlier.by_model,
            BTreeMap::from([("sennheiser-hd-650".to_owned(), 2)])
        );
        assert_eq!(earlier.others, 2);

        // Asked for in full: each group alone, in the order added.
        let all = doc
            .sessions_in(&SessionGroup::Model("sennheiser-hd-650".into()))
            .unwrap();
        assert_eq!(
            notes(&all),
            (1..=7).map(|i| format!("hd650 {i}")).collect::<Vec<_>>()
        );
        assert_eq!(
            notes(&doc.sessions_in(&SessionGroup::Others).unwrap()),
            ["sony 1", "lcd2 1", "sony 2", "lcd2 2", "sony 3", "lcd2 3", "lcd2 4"]
        );
        // A model not on the shortlist has no group of its own.
        for id in ["sony-mdr-7506", "no-such-model"] {
            let e = doc
                .sessions_in(&SessionGroup::Model(id.into()))
                .unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::NotFound, "{e}");
        }
    }

    #[test]
    fn a_group_of_five_or_fewer_leaves_nothing_out() {
        let mut doc = Document::default();
        for i in 1..=5 {
            add(&mut doc, "sony-mdr-7506", &format!("sony {i}"));
        }
        let (latest, earlier) = doc.latest_sessions();
        assert_eq!(latest, doc.sessions);
        assert_eq!(earlier, EarlierSessions::default());
    }
}
