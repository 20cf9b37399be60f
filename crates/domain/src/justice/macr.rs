//! The minimum-age gate: no criminal proceedings against a child who is — or, the age being
//! uncertain, could be — below the minimum age of criminal responsibility at the alleged
//! offence (CRC art. 40(3)(a); GC24 ~paras 33–34: the benefit of the doubt).

use chrono::NaiveDate;

use super::{Jurisdiction, Sourced};
use crate::age::{Age, AgeRange};
use crate::error::DomainError;

/// The gate's answer when proceedings may open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    /// The age at the alleged offence as the evidence allows.
    pub age: AgeRange,
    /// When the child could be under the age of qualified responsibility (maturity or
    /// discernment must be established): the rule and its source.
    pub qualified: Option<Sourced<u32>>,
}

/// Opens criminal proceedings only when the child was certainly at or above the MACR on the
/// date of the alleged offence. An unknown, estimated or disputed age that could be below it
/// keeps the gate shut: the child gets the jurisdiction's protection pathway instead.
pub fn gate(j: &Jurisdiction, age: &Age, offence_on: NaiveDate) -> Result<Open, DomainError> {
    let range = age.age_on(offence_on);
    if range.could_be_under(j.macr.value) {
        return Err(DomainError::BelowMinimumAge);
    }
    Ok(Open {
        age: range,
        qualified: j
            .qualified_until
            .clone()
            .filter(|q| range.could_be_under(q.value)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::age::{AgeEvidence, BirthDate, EvidenceKind};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn age(births: &[BirthDate]) -> Age {
        Age {
            evidence: births
                .iter()
                .map(|b| AgeEvidence {
                    kind: EvidenceKind::Document,
                    birth: *b,
                    recorded_by: "w".into(),
                    recorded_on: d("2026-11-01"),
                    source: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_gate_opens_only_for_a_child_certainly_at_or_above_the_minimum_age() {
        let id = Jurisdiction::for_code("ID"); // MACR 12
        let offence = d("2026-06-15");
        let exact = |s: &str| BirthDate::Exact { date: d(s) };
        // Exact: 12 the day before the offence opens; one day short of 12 does not.
        assert!(gate(&id, &age(&[exact("2014-06-14")]), offence).is_ok());
        assert_eq!(
            gate(&id, &age(&[exact("2014-06-16")]), offence),
            Err(DomainError::BelowMinimumAge)
        );
        // Year only: born in 2014, the child could be 11 in June 2026.
        assert!(gate(&id, &age(&[BirthDate::Year { year: 2014 }]), offence).is_err());
        assert!(gate(&id, &age(&[BirthDate::Year { year: 2013 }]), offence).is_ok());
        // Estimated 13 ± 2 on the offence date: could be 11.
        let estimated = BirthDate::Estimated {
            age: 13,
            margin: 2,
            on: offence,
        };
        assert!(gate(&id, &age(&[estimated]), offence).is_err());
        // Disputed: a document says 16, a declaration 11 — the youngest claim counts.
        let disputed = age(&[exact("2010-01-01"), exact("2015-01-01")]);
        assert!(gate(&id, &disputed, offence).is_err());
        // Unknown.
        assert!(gate(&id, &Age::default(), offence).is_err());
        assert!(gate(&id, &age(&[BirthDate::Unknown]), offence).is_err());
    }

    #[test]
    fn an_estimated_age_keeps_the_gate_shut_whatever_its_margin() {
        let id = Jurisdiction::for_code("ID"); // MACR 12
        let offence = d("2026-06-15");
        let estimated = |age, margin| {
            self::age(&[BirthDate::Estimated {
                age,
                margin,
                on: offence,
            }])
        };
        // Estimated 12 on the offence date with a margin of 0 (stored before the margin was
        // required): the child could be 11.
        assert_eq!(
            gate(&id, &estimated(12, 0), offence),
            Err(DomainError::BelowMinimumAge)
        );
        assert_eq!(
            gate(&id, &estimated(12, 1), offence),
            Err(DomainError::BelowMinimumAge)
        );
        assert!(gate(&id, &estimated(13, 1), offence).is_ok());
        assert!(gate(&id, &estimated(13, 0), offence).is_ok());
    }

    #[test]
    fn qualified_responsibility_is_flagged_with_its_source() {
        let bd = Jurisdiction::for_code("BD"); // MACR 9, qualified to 12
        let offence = d("2026-06-15");
        let ten = age(&[BirthDate::Exact {
            date: d("2016-01-01"),
        }]);
        let open = gate(&bd, &ten, offence).unwrap();
        assert_eq!(open.qualified.map(|q| q.value), Some(12));
        let fifteen = age(&[BirthDate::Exact {
            date: d("2011-01-01"),
        }]);
        assert_eq!(gate(&bd, &fifteen, offence).unwrap().qualified, None);
    }
}
