//! Property tests: what the rules that take numbers or dates promise for every input, not for
//! examples — ages and the presumption of minority, the minimum-age gate, statutory clocks,
//! consent by age. Each property runs at proptest's default 256 cases or fewer.
//!
//! The strategies draw dates from 2000-01-01 to 2035-12-31 and lean towards the places rules
//! break: month ends, 29 February, birthdays and their anniversaries, clock changes.

mod age;
mod clock;
mod consent;
mod macr;

use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use pelita_domain::age::{BirthDate, EvidenceKind, completed_years};
use proptest::prelude::*;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2035;

/// A date from 2000-01-01 to 2035-12-31; the first and last days of months and the days
/// around 29 February come often.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    let first = day(FIRST_YEAR, 1, 1);
    let span = (day(LAST_YEAR, 12, 31) - first).num_days();
    prop_oneof![
        3 => (0..=span).prop_map(move |n| first + TimeDelta::days(n)),
        1 => (FIRST_YEAR..=LAST_YEAR, 1u32..=12, any::<bool>()).prop_map(|(y, m, last)| {
            let first = day(y, m, 1);
            if last { first + Months::new(1) - TimeDelta::days(1) } else { first }
        }),
        1 => (FIRST_YEAR..=LAST_YEAR, 0i64..3)
            .prop_map(|(y, k)| day(y, 2, 28) + TimeDelta::days(k)),
    ]
}

/// A date `years` after (or, negative, before) `anchor`, give or take two days: the
/// anniversaries where whole years turn over, kept from 2000 to 2035.
pub fn around(anchor: NaiveDate, years: std::ops::RangeInclusive<i32>) -> BoxedStrategy<NaiveDate> {
    let from = (*years.start()).max(FIRST_YEAR - anchor.year());
    let to = (*years.end()).min(LAST_YEAR - anchor.year());
    if from > to {
        return Just(anchor).boxed();
    }
    (from..=to, -2i64..=2)
        .prop_map(move |(y, shift)| {
            let months = Months::new(12 * y.unsigned_abs());
            let moved = if y >= 0 {
                anchor + months
            } else {
                anchor - months
            };
            (moved + TimeDelta::days(shift)).clamp(day(FIRST_YEAR, 1, 1), day(LAST_YEAR, 12, 31))
        })
        .boxed()
}

/// Any date, or one near an anniversary of `anchor` within `years`.
pub fn date_or_around(
    anchor: NaiveDate,
    years: std::ops::RangeInclusive<i32>,
) -> impl Strategy<Value = NaiveDate> {
    prop_oneof![date(), around(anchor, years)]
}

/// A record of the date of birth `truth` at one of the five precisions, consistent with it:
/// the exact day, its month, its year, an estimate on a later date whose margin (at least the
/// minimum of one year, or a 0 stored before the minimum) holds the true age, or nothing.
pub fn record_for(truth: NaiveDate) -> impl Strategy<Value = BirthDate> {
    let estimate = (around(truth, 0..=30), 0u32..=10)
        .prop_flat_map(move |(on, margin)| {
            let on = on.max(truth);
            // A margin of 0 was stored before the minimum and is read as one year.
            let m = margin.max(1) as i64;
            let off = prop_oneof![Just(-m), Just(m), -m..=m];
            (Just(on), Just(margin), off)
        })
        .prop_map(move |(on, margin, off)| {
            let true_age = i64::from(completed_years(truth, on));
            BirthDate::Estimated {
                age: (true_age + off).max(0) as u32,
                margin,
                on,
            }
        });
    // Estimates have the most arithmetic: they come as often as the other four together.
    prop_oneof![
        1 => Just(BirthDate::Exact { date: truth }),
        1 => Just(BirthDate::Month {
            year: truth.year(),
            month: truth.month(),
        }),
        1 => Just(BirthDate::Year { year: truth.year() }),
        4 => estimate,
        1 => Just(BirthDate::Unknown),
    ]
}

/// The dates where a record's age turns over: the anniversaries of an estimate's date, of
/// the birth otherwise.
pub fn turning_point(record: BirthDate, truth: NaiveDate) -> NaiveDate {
    match record {
        BirthDate::Estimated { on, .. } => on,
        _ => truth,
    }
}

pub fn kind() -> impl Strategy<Value = EvidenceKind> {
    prop_oneof![
        Just(EvidenceKind::Document),
        Just(EvidenceKind::Assessment),
        Just(EvidenceKind::Declaration),
    ]
}
