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

use chrono::NaiveDate;

use crate::error::DomainError;

/// Nothing recorded here about a child in care today can predate 2000: the oldest child a
/// deployment holds was born after it. A record dated earlier is a typing error, or a date
/// chosen to stand "before" a decision.
pub const RECORDS_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("a real date"),
};

/// A record's date: not in the future, not before [`RECORDS_FROM`].
pub fn check_date(on: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
    if on > today {
        Err(DomainError::DateInFuture)
    } else if on < RECORDS_FROM {
        Err(DomainError::DateTooEarly)
    } else {
        Ok(())
    }
}
