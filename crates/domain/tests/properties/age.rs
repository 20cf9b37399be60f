//! Ages (`age.rs`): every precision, every date.

use chrono::{NaiveDate, TimeDelta};
use pelita_domain::age::{
    Age, AgeEvidence, AgeRange, AgeStatus, BirthDate, MAJORITY, completed_years,
};
use proptest::prelude::*;

use super::{around, date, date_or_around, kind, record_for, turning_point};

fn holds(range: AgeRange, age: u32) -> bool {
    range.min <= age && range.max.is_none_or(|max| age <= max)
}

/// A person's date of birth, a record of it at any precision, and a date.
fn person_record_and_date() -> impl Strategy<Value = (NaiveDate, BirthDate, NaiveDate)> {
    date()
        .prop_flat_map(|truth| (Just(truth), record_for(truth)))
        .prop_flat_map(|(truth, record)| {
            let turn = turning_point(record, truth);
            let on = prop_oneof![date(), around(turn, -30..=30), around(truth, -2..=30)];
            (Just(truth), Just(record), on)
        })
}

/// One to three records of the same person, each of any precision and kind.
fn evidence_of(truth: NaiveDate) -> impl Strategy<Value = Age> {
    proptest::collection::vec((record_for(truth), kind(), date()), 1..=3).prop_map(|records| Age {
        evidence: records
            .into_iter()
            .map(|(birth, kind, recorded_on)| AgeEvidence {
                kind,
                birth,
                recorded_by: "worker".into(),
                recorded_on,
                source: String::new(),
            })
            .collect(),
    })
}

proptest! {
    /// For every precision and every date, the age range holds the true age of every birth
    /// date the record allows (before the birth, the age 0).
    #[test]
    fn the_age_range_holds_the_age_of_every_birth_date_the_record_allows(
        (truth, record, on) in person_record_and_date()
    ) {
        let range = record.age_on(on);
        let age = completed_years(truth, on);
        prop_assert!(holds(range, age), "{record:?} on {on}: {range:?} misses {age} (born {truth})");
    }

    /// A later date never gives a younger age: neither end of the range moves back in time.
    #[test]
    fn a_later_date_never_gives_a_younger_age(
        (record, earlier, later) in person_record_and_date()
            .prop_flat_map(|(_, record, on)| (
                Just(record),
                Just(on),
                prop_oneof![date(), (0i64..=3).prop_map(move |d| on + TimeDelta::days(d))],
            ))
            .prop_map(|(record, a, b)| (record, a.min(b), a.max(b)))
    ) {
        let (before, after) = (record.age_on(earlier), record.age_on(later));
        prop_assert!(before.min <= after.min, "{record:?}: {before:?} on {earlier}, {after:?} on {later}");
        let younger_max = match (before.max, after.max) {
            (Some(b), Some(a)) => a < b,
            (None, Some(_)) => true,
            (_, None) => false,
        };
        prop_assert!(!younger_max, "{record:?}: {before:?} on {earlier}, {after:?} on {later}");
    }

    /// The presumption of minority: whoever could be under 18 is treated as a child. For one to
    /// three records of the same person, at any precisions and of any kinds, the age on any
    /// date holds the true age, and a person under 18 on that date is a child.
    #[test]
    fn whoever_could_be_under_18_is_treated_as_a_child(
        (truth, age, on) in date().prop_flat_map(|truth| {
            (Just(truth), evidence_of(truth), date_or_around(truth, 16..=20))
        })
    ) {
        let true_age = completed_years(truth, on);
        prop_assert!(holds(age.age_on(on), true_age), "{age:?} on {on}: misses {true_age}");
        if true_age < MAJORITY {
            prop_assert!(age.is_child_on(on), "{true_age} on {on} but not a child: {age:?}");
        }
        prop_assert_eq!(age.is_child_on(on), age.age_on(on).could_be_under(MAJORITY));
    }

    /// When the evidence disagrees, no claim of youth is discarded: the range reaches down to
    /// the youngest claim, and anyone any claim makes under 18 is a child. Nothing recorded is
    /// a child too.
    #[test]
    fn disputed_evidence_keeps_the_youngest_claim(
        (age, on) in (proptest::collection::vec(date().prop_flat_map(evidence_of), 0..=3), date())
            .prop_map(|(people, on)| (
                Age { evidence: people.into_iter().flat_map(|a| a.evidence).collect() },
                on,
            ))
    ) {
        let claims: Vec<AgeRange> = age.evidence.iter().map(|e| e.birth.age_on(on)).collect();
        match age.status(on) {
            AgeStatus::Disputed => {
                let youngest = claims.iter().map(|r| r.min).min().expect("a claim");
                prop_assert_eq!(age.age_on(on).min, youngest);
                prop_assert_eq!(
                    age.is_child_on(on),
                    claims.iter().any(|r| r.could_be_under(MAJORITY))
                );
            }
            AgeStatus::Unknown => prop_assert!(age.is_child_on(on)),
            _ => {}
        }
    }
}
