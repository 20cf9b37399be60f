//! Children who travelled or were born abroad, and their repatriation in their best interests
//! (conclusions: "the majority of them has not taken any active or supportive role";
//! "repatriation measures, when in line with the child's best interests"). The record of
//! travel and origin, best-interests assessments and panel determinations, the three-phase
//! workflow, reception centre stays and the indicators.

pub mod best_interests;
pub mod indicators;
pub mod origin;
pub mod reception;
pub mod workflow;

// The rule on record dates is the domain's one rule (`dates`), kept under its old names here.
pub use crate::dates::{RECORDS_FROM, check_date};
