//! The advisor: ranks models for the user's situation and says why, point by point.
//!
//! Every domain rule of ARCHITECTURE.md is here, as a [`Reason`] with a weight:
//!
//! - **Cup design.** Closed backs win for tracking (no bleed into the mic), noisy rooms, others
//!   nearby, commuting and DJing, and get a small pro for casual listening (fuller low end, an
//!   immersive image). Open backs win for mixing, mastering and critical listening in a quiet
//!   (less so a moderate) room, for long sessions, for users without monitors and for users who
//!   run hot; they take a small con for moisture when the user runs hot. Closed cups take a
//!   small con with glasses. For most rules the favoured design gets `+w` and the other `−w`;
//!   a semi-open model always gets ¾ of the open weight plus ¼ of the closed one (`−w/2` on
//!   isolation rules, `+w/2` on openness rules), so its total always lands between the two.
//! - **Drivability.** The headroom on the chosen source (the formulas in ARCHITECTURE.md, in [`mod@crate::drive`])
//!   gives a pro when it is comfortable or enough and a con when it is marginal or too quiet; a
//!   source whose output impedance is over 1/8 of the model's is a con; an unpublished impedance
//!   or sensitivity is a small con saying the level can't be computed.
//! - **Budget.** A hard limit: models above the budget tier are left out, or, with
//!   `show_over_budget`, listed after every in-budget model, flagged and with a con.
//! - **The guides' picks** (the seed models) get a small pro.
//! - **Comfort and fit.** The catalog's guesses (weight on long sessions, closed cups and glasses,
//!   heat) are replaced by the user's own try-on ratings wherever those exist, and the user's
//!   "keep" or "no" verdict weighs more than any single catalog rule.
//! - **Practicalities.** Folding cups for commuters, a detachable cable for tracking and DJing.
//!
//! Two points of the guides are about the market, not a model, and are not scored: open backs
//! being "slightly pricier" (the budget tier covers price) and "fewer models".
//!
//! A model's score is exactly the sum of its reasons' weights (cons are negative). Ranking
//! 100,000 models takes two passes: scores alone first (no text), then, after sorting, the
//! sentences, each distinct sentence written once and shared (`examples/bench_advisor.rs`
//! prints the timings).

mod profile;
mod rank;
mod reasons;
mod rules;
#[cfg(test)]
mod tests;

/// The profile's target peak level takes the one range of the drivability engine.
pub use crate::drive::{MAX_TARGET_DB, MIN_TARGET_DB};
pub use profile::{Profile, Room, SourceChoice, Task, MAX_HOURS, MIN_HOURS};
pub use rank::{recommend, recommend_top, Fit, Recommendation};
pub use reasons::{Reason, ReasonKind};
pub use rules::{HIGH_IMPEDANCE_OHM, LONG_SESSION_HOURS, VERY_LONG_SESSION_HOURS};
