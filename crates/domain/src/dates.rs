//! The dates a record may carry. Nothing recorded about a child in care today — an interview,
//! an assessment, a consent entry, a conference, a plan's dates, a family contact, an offence,
//! a detention, a step of a repatriation — can predate 2000: the oldest child a deployment
//! holds was born after it. An earlier date is a typing error (0001-01-01), or a date chosen to
//! stand "before" a decision. Dates of birth are not records and are checked by `age`.

use chrono::NaiveDate;

use crate::error::DomainError;

/// The first day a record can be dated.
pub const RECORDS_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("a real date"),
};

/// A date that may lie ahead (a review, a due date, an agreement's end): not before
/// [`RECORDS_FROM`].
pub fn check_from(on: NaiveDate) -> Result<(), DomainError> {
    if on < RECORDS_FROM {
        Err(DomainError::DateTooEarly)
    } else {
        Ok(())
    }
}

/// The date of something that happened: not in the future, not before [`RECORDS_FROM`].
pub fn check_date(on: NaiveDate, today: NaiveDate) -> Result<(), DomainError> {
    if on > today {
        return Err(DomainError::DateInFuture);
    }
    check_from(on)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn records_run_from_2000_to_today() {
        let today = d(2026, 11, 28);
        assert_eq!(
            check_date(d(1, 1, 1), today),
            Err(DomainError::DateTooEarly)
        );
        assert_eq!(
            check_date(d(1999, 12, 31), today),
            Err(DomainError::DateTooEarly)
        );
        assert_eq!(check_date(d(2000, 1, 1), today), Ok(()));
        assert_eq!(check_date(today, today), Ok(()));
        assert_eq!(
            check_date(d(2026, 11, 29), today),
            Err(DomainError::DateInFuture)
        );
        assert_eq!(check_from(d(2030, 1, 1)), Ok(()));
        assert_eq!(check_from(d(1999, 12, 31)), Err(DomainError::DateTooEarly));
    }
}
