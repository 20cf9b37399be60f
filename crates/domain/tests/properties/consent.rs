//! Consent by age (`consent.rs`): every age range, every set of age rules, every ledger.

use chrono::{NaiveDate, TimeDelta};
use pelita_domain::age::{AgeRange, MAX_AGE};
use pelita_domain::agency::Sector;
use pelita_domain::consent::{
    AgeRules, ChildVoice, Decision, Entry, Giver, Party, Purpose, Standing, evaluate, required,
};
use proptest::prelude::*;
use proptest::sample::select;

use super::date;

/// Valid rules: an age of assent at or below the age of consent, both at most 18.
fn rules() -> impl Strategy<Value = AgeRules> {
    prop_oneof![
        Just(AgeRules::DEFAULT),
        (0u32..=18, 0u32..=18).prop_map(|(a, b)| AgeRules {
            assent_from: a.min(b),
            consent_from: a.max(b),
        }),
    ]
    .prop_map(|r| r.validated().expect("valid rules"))
}

/// An exact age, a range of up to ten years, or a range open above.
fn range() -> impl Strategy<Value = AgeRange> {
    (
        0u32..=25,
        prop_oneof![Just(Some(0u32)), (0u32..=10).prop_map(Some), Just(None)],
    )
        .prop_map(|(min, width)| AgeRange {
            min,
            max: width.map(|w| min + w),
        })
}

fn purpose() -> impl Strategy<Value = Purpose> {
    select(vec![
        Purpose::Assessment,
        Purpose::Referral(Sector::Health),
        Purpose::Referral(Sector::Justice),
        Purpose::Research,
    ])
}

fn giver() -> impl Strategy<Value = Giver> {
    select(Giver::ALL.to_vec())
}

fn decision() -> impl Strategy<Value = Decision> {
    select(Decision::ALL.to_vec())
}

/// A ledger around `today`: entries up to 60 days before it and a few after (not yet in
/// force), some lapsing.
fn ledger(today: NaiveDate) -> impl Strategy<Value = Vec<Entry>> {
    let entry = (
        purpose(),
        giver(),
        decision(),
        -60i64..=3,
        proptest::option::of(-5i64..=60),
    )
        .prop_map(move |(purpose, giver, decision, on, lapses)| {
            let on = today + TimeDelta::days(on);
            Entry {
                purpose,
                giver,
                decision,
                on,
                expires: lapses.map(|d| on + TimeDelta::days(d)),
            }
        });
    proptest::collection::vec(entry, 0..=8)
}

/// The entry of these givers that decides on `today`: the latest in force, and of entries on
/// the same day the one recorded last.
fn latest<'a>(
    entries: &'a [Entry],
    purpose: Purpose,
    givers: &[Giver],
    today: NaiveDate,
) -> Option<&'a Entry> {
    entries
        .iter()
        .filter(|e| e.purpose == purpose && givers.contains(&e.giver) && e.on <= today)
        .fold(None, |best: Option<&Entry>, e| match best {
            Some(b) if b.on > e.on => Some(b),
            _ => Some(e),
        })
}

fn exact(age: u32) -> AgeRange {
    AgeRange {
        min: age,
        max: Some(age),
    }
}

proptest! {
    /// For every age range and every ledger, a child's refusal or withdrawal is never
    /// outweighed by a caregiver's consent: while it is the child's latest word the purpose is
    /// not allowed, the child stands in the way, and a caregiver's or guardian's consent given
    /// on any day up to today changes nothing.
    #[test]
    fn a_childs_refusal_or_withdrawal_is_never_outweighed_by_a_caregiver(
        (rules, age, purpose, today, ledger, refusal, consents) in (rules(), range(), purpose(), date())
            .prop_flat_map(|(rules, age, purpose, today)| (
                Just(rules), Just(age), Just(purpose), Just(today), ledger(today),
                proptest::option::of((
                    prop_oneof![Just(Decision::Refused), Just(Decision::Withdrawn)],
                    -60i64..=0,
                )),
                proptest::collection::vec((prop_oneof![Just(Giver::Caregiver), Just(Giver::Guardian)], -60i64..=0), 1..=3),
            ))
    ) {
        let mut ledger = ledger;
        if let Some((decision, on)) = refusal {
            ledger.push(Entry {
                purpose, giver: Giver::Child, decision, on: today + TimeDelta::days(on), expires: None,
            });
        }
        let refused = latest(&ledger, purpose, &[Giver::Child], today)
            .is_some_and(|e| matches!(e.decision, Decision::Refused | Decision::Withdrawn));
        let mut outweighed = ledger.clone();
        outweighed.extend(consents.into_iter().map(|(giver, on)| Entry {
            purpose, giver, decision: Decision::Given, on: today + TimeDelta::days(on), expires: None,
        }));
        for entries in [&ledger, &outweighed] {
            let status = evaluate(rules, age, purpose, entries, today);
            if refused {
                prop_assert!(!status.allows(), "{age:?} {rules:?}: {status:?}");
                prop_assert!(status.blocking().iter().any(|(p, s)| *p == Party::Child
                    && matches!(s, Standing::Refused { .. } | Standing::Withdrawn { .. })),
                    "the child's refusal is not among what blocks: {:?}", status);
            }
        }
    }

    /// A child whose age range lies wholly at or above the age of consent decides alone: only
    /// the child's consent is asked for, it alone decides, and a caregiver's or guardian's
    /// entries — consent or refusal — change nothing.
    #[test]
    fn a_child_at_or_above_the_age_of_consent_decides_alone(
        (rules, above, width, purpose, today, ledger) in (rules(), 0u32..=8, proptest::option::of(0u32..=5), purpose(), date())
            .prop_flat_map(|(rules, above, width, purpose, today)| {
                (Just(rules), Just(above), Just(width), Just(purpose), Just(today), ledger(today))
            })
    ) {
        let min = rules.consent_from + above;
        let age = AgeRange { min, max: width.map(|w| min + w) };
        let status = evaluate(rules, age, purpose, &ledger, today);
        prop_assert_eq!(status.voice, ChildVoice::Consent);
        prop_assert!(status.parties.iter().all(|(p, _)| *p == Party::Child));
        prop_assert_eq!(status.parties.len(), 1);
        let consented = latest(&ledger, purpose, &[Giver::Child], today).is_some_and(|e| {
            e.decision == Decision::Given && e.expires.is_none_or(|x| x >= today)
        });
        prop_assert_eq!(status.allows(), consented, "{:?}", status);
        let childs_own: Vec<Entry> =
            ledger.iter().filter(|e| e.giver == Giver::Child).cloned().collect();
        prop_assert_eq!(evaluate(rules, age, purpose, &childs_own, today), status);
    }

    /// Whoever must agree is decided from the age range read protectively: a caregiver is
    /// needed exactly when the younger end needs one (and so when any age in the range does),
    /// the child is asked when any age in the range would be, and decides alone only when
    /// every age in the range would. A range straddling a threshold requires what the younger
    /// end requires, and the child is heard if the older end would be.
    #[test]
    fn whoever_must_agree_is_read_protectively_from_the_age_range(
        rules in rules(),
        age in range(),
    ) {
        let (parties, voice) = required(rules, age);
        let ages: Vec<(Vec<Party>, ChildVoice)> = (age.min..=age.max.unwrap_or(MAX_AGE))
            .map(|a| required(rules, exact(a)))
            .collect();
        let youngest = &ages[0];
        let caregiver = parties.contains(&Party::Caregiver);
        prop_assert_eq!(caregiver, youngest.0.contains(&Party::Caregiver), "{:?} {:?}", age, rules);
        prop_assert_eq!(caregiver, ages.iter().any(|(p, _)| p.contains(&Party::Caregiver)));
        prop_assert!(youngest.0.iter().all(|p| parties.contains(p)));
        prop_assert_eq!(
            parties.contains(&Party::Child),
            ages.iter().any(|(p, _)| p.contains(&Party::Child)),
            "{:?} {:?}", age, rules
        );
        prop_assert_eq!(voice == ChildVoice::Consent, ages.iter().all(|(_, v)| *v == ChildVoice::Consent));
        prop_assert_eq!(voice == ChildVoice::NotAsked, ages.iter().all(|(_, v)| *v == ChildVoice::NotAsked));
    }
}
