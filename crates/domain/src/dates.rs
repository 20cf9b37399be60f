//! The dates a record may carry. Nothing recorded about a child in care today — an interview,
//! an assessment, a consent entry, a conference, a plan's dates, a family contact, an offence,
//! a detention, a step of a repatriation — can predate 2000: the oldest child a deployment
//! holds was born after it. An earlier date is a typing error (0001-01-01), or a date chosen to
//! stand "before" a decision. Dates of birth are not records and are checked by `age`.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use crate::error::DomainError;

/// The first day a record can be dated.
pub const RECORDS_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => panic!("a real date"),
};

/// The latest date anywhere on earth at `now` (UTC+14): the "today" a date of something that
/// happened is checked against. A worker in Jakarta at 06:00 is on a date UTC has not reached
/// yet, and her record of that morning is not "in the future"; no place is later than this.
pub fn latest_today(now: DateTime<Utc>) -> NaiveDate {
    (now + TimeDelta::hours(14)).date_naive()
}

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

    /// 23:30 UTC on 28 November is 29 November from Jakarta (UTC+7) to Kiritimati (UTC+14),
    /// and 30 November nowhere yet.
    #[test]
    fn the_latest_today_is_the_date_line_s() {
        let at = |h, m| chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 28, h, m, 0).unwrap();
        assert_eq!(latest_today(at(9, 59)), d(2026, 11, 28));
        assert_eq!(latest_today(at(10, 0)), d(2026, 11, 29));
        assert_eq!(latest_today(at(23, 30)), d(2026, 11, 29));
        let jakarta_morning = d(2026, 11, 29);
        assert_eq!(
            check_date(jakarta_morning, latest_today(at(23, 30))),
            Ok(())
        );
        assert_eq!(
            check_date(d(2026, 11, 30), latest_today(at(23, 30))),
            Err(DomainError::DateInFuture)
        );
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
