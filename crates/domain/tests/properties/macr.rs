//! The minimum-age gate (`justice/macr.rs`): every precision, every jurisdiction file, and a
//! minimum age an administrator overrode.

use std::sync::LazyLock;

use chrono::{Months, NaiveDate};
use pelita_domain::DomainError;
use pelita_domain::age::{Age, AgeRange, BirthDate, completed_years};
use pelita_domain::justice::macr::gate;
use pelita_domain::justice::{Jurisdiction, OverrideKey};
use proptest::prelude::*;

use super::{date, date_or_around, kind, record_for};

static FILES: LazyLock<Vec<Jurisdiction>> = LazyLock::new(Jurisdiction::builtin);

/// Every shipped jurisdiction, then the one at `which` with its minimum age overridden.
fn jurisdictions(which: usize, overridden: u32) -> Vec<Jurisdiction> {
    let mut changed = FILES[which % FILES.len()].clone();
    changed
        .apply(
            OverrideKey::Macr,
            &overridden.to_string(),
            "A law changed the minimum age (property test)",
        )
        .expect("an age from 0 to 18 with a reason");
    FILES.iter().cloned().chain([changed]).collect()
}

fn the_gates_answer(j: &Jurisdiction, age: &Age, offence: NaiveDate) -> Result<AgeRange, String> {
    gate(j, age, offence)
        .map(|open| open.age)
        .map_err(|e| format!("{e:?}"))
}

proptest! {
    /// The gate never opens when the child could be under the minimum age at the offence: for
    /// every precision and every birth date the record allows, a child under the minimum age on
    /// the offence date is refused; and whenever it opens, the youngest reading of the age is
    /// at or above the minimum, with qualified responsibility flagged wherever the child could
    /// be under its age.
    #[test]
    fn the_gate_never_opens_for_a_child_who_could_be_under_the_minimum_age(
        (truth, record, kind, offence) in date().prop_flat_map(|truth| {
            (Just(truth), record_for(truth), kind(), date_or_around(truth, 0..=19))
        }),
        which in 0usize..6,
        overridden in 0u32..=18,
    ) {
        let age = Age::with(record, kind, "worker", offence);
        let true_age = completed_years(truth, offence);
        for j in jurisdictions(which, overridden) {
            let macr = j.macr.value;
            match gate(&j, &age, offence) {
                Err(e) => {
                    prop_assert_eq!(e, DomainError::BelowMinimumAge);
                    prop_assert!(age.age_on(offence).could_be_under(macr));
                }
                Ok(open) => {
                    prop_assert!(true_age >= macr, "{}: {true_age} < {macr} opened ({record:?})", j.code);
                    prop_assert!(open.age.min >= macr, "{}: {:?}", j.code, open.age);
                    prop_assert_eq!(open.age, age.age_on(offence));
                    let could_be_qualified = j.qualified_until.as_ref()
                        .filter(|q| open.age.could_be_under(q.value));
                    prop_assert_eq!(open.qualified.as_ref(), could_be_qualified);
                }
            }
        }
    }

    /// An exact date of birth that makes the child at or above the minimum age on the offence
    /// date always opens the gate, whoever recorded it, with that exact age; one below never.
    #[test]
    fn an_exact_date_of_birth_opens_the_gate_exactly_from_the_minimum_age(
        (truth, kind, offence) in date().prop_flat_map(|truth| {
            (Just(truth), kind(), date_or_around(truth, 0..=19))
        }),
        which in 0usize..6,
        overridden in 0u32..=18,
    ) {
        let age = Age::with(BirthDate::Exact { date: truth }, kind, "worker", offence);
        let years = completed_years(truth, offence);
        for j in jurisdictions(which, overridden) {
            let answer = the_gates_answer(&j, &age, offence);
            if years >= j.macr.value {
                prop_assert_eq!(answer, Ok(AgeRange { min: years, max: Some(years) }), "{}", j.code);
            } else {
                prop_assert!(answer.is_err(), "{}: {years} below {}", j.code, j.macr.value);
            }
        }
    }

    /// An estimated age, with any margin (a 0 stored before the minimum included), is never
    /// read as certain: the gate reads it exactly as with a margin of at least one year, opens
    /// only when the youngest person the estimate allows — `age − margin` (at least 0) on the
    /// day of the estimate, born that very day — is at or above the minimum on the offence date, and then
    /// with an age that is still a range.
    #[test]
    fn an_estimated_age_with_any_margin_is_never_read_as_certain(
        (age, margin, on, offence) in (0u32..=25, 0u32..=10, date())
            .prop_flat_map(|(age, margin, on)| {
                (Just(age), Just(margin), Just(on), prop_oneof![Just(on), date_or_around(on, -3..=10)])
            }),
        kind in kind(),
        which in 0usize..6,
        overridden in 0u32..=18,
    ) {
        let estimate = |margin| Age::with(
            BirthDate::Estimated { age, margin, on },
            kind,
            "assessor",
            on,
        );
        let m = margin.max(1);
        // Born on the day of the estimate at the youngest (no one is younger than 0).
        let youngest = on - Months::new(12 * age.saturating_sub(m));
        for j in jurisdictions(which, overridden) {
            let macr = j.macr.value;
            let answer = the_gates_answer(&j, &estimate(margin), offence);
            prop_assert_eq!(&answer, &the_gates_answer(&j, &estimate(m), offence));
            if offence == on {
                prop_assert_eq!(answer.is_ok(), age.saturating_sub(m) >= macr, "{}: {} ± {}", j.code, age, margin);
            }
            if completed_years(youngest, offence) < macr {
                prop_assert!(answer.is_err(), "{}: {age} ± {margin} on {on} opened on {offence}", j.code);
            }
            if let Ok(range) = answer && macr > 0 {
                prop_assert!(!range.is_exact(), "{}: {age} ± {margin} read as {range:?}", j.code);
            }
        }
    }
}
