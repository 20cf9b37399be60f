//! Age from a date of birth with its precision, and the presumption of minority.
//!
//! The conclusions define a child as every person below 18 (CRC art. 1). Records of these
//! children rarely hold an exact date of birth, so every date of birth carries its precision and
//! every age is a range. Where the range reaches below 18 the person is treated as a child
//! (benefit of the doubt, CRC General Comment 24 and its case law).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::DomainError;

/// The age of majority (CRC art. 1).
pub const MAJORITY: u32 = 18;
/// Oldest plausible age for a person on record; anything older is a typing error.
pub const MAX_AGE: u32 = 120;
/// An estimated age always has a margin of at least this many years: an estimate is never
/// certain, and a margin of 0 would let it be read as an exact age.
pub const MIN_ESTIMATE_MARGIN: u32 = 1;

/// A date of birth as precisely as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "precision",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "BirthDateInput"
)]
pub enum BirthDate {
    /// The exact day is known.
    Exact { date: NaiveDate },
    /// Only the month and year are known.
    Month { year: i32, month: u32 },
    /// Only the year is known.
    Year { year: i32 },
    /// An age was estimated on a date, with a margin either side (in years).
    Estimated {
        age: u32,
        margin: u32,
        on: NaiveDate,
    },
    /// Nothing is known.
    Unknown,
}

/// What a [`BirthDate`] is read from. Serde ignores unknown fields beside the tag of an
/// internally tagged *unit* variant (`{"precision":"unknown","admin":true}` was accepted), so
/// `Unknown` is read as an empty struct variant, where `deny_unknown_fields` holds. The stored
/// form is the same.
#[derive(Deserialize)]
#[serde(tag = "precision", rename_all = "snake_case", deny_unknown_fields)]
enum BirthDateInput {
    Exact {
        date: NaiveDate,
    },
    Month {
        year: i32,
        month: u32,
    },
    Year {
        year: i32,
    },
    Estimated {
        age: u32,
        margin: u32,
        on: NaiveDate,
    },
    Unknown {},
}

impl From<BirthDateInput> for BirthDate {
    fn from(b: BirthDateInput) -> BirthDate {
        match b {
            BirthDateInput::Exact { date } => BirthDate::Exact { date },
            BirthDateInput::Month { year, month } => BirthDate::Month { year, month },
            BirthDateInput::Year { year } => BirthDate::Year { year },
            BirthDateInput::Estimated { age, margin, on } => {
                BirthDate::Estimated { age, margin, on }
            }
            BirthDateInput::Unknown {} => BirthDate::Unknown,
        }
    }
}

/// The precision of a [`BirthDate`], for display and statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Exact,
    Month,
    Year,
    Estimated,
    Unknown,
}

/// An age range in whole years, both ends inclusive; `max` is `None` when unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeRange {
    pub min: u32,
    pub max: Option<u32>,
}

impl AgeRange {
    pub const UNKNOWN: AgeRange = AgeRange { min: 0, max: None };

    /// True when every age in the range is the same whole number.
    pub fn is_exact(&self) -> bool {
        self.max == Some(self.min)
    }

    /// True when the person could be younger than `years` on that date.
    pub fn could_be_under(&self, years: u32) -> bool {
        self.min < years
    }

    /// The smallest range holding both.
    pub fn union(self, other: AgeRange) -> AgeRange {
        AgeRange {
            min: self.min.min(other.min),
            max: match (self.max, other.max) {
                (Some(a), Some(b)) => Some(a.max(b)),
                _ => None,
            },
        }
    }

    /// True when the two ranges share no age: the evidence disagrees.
    pub fn disjoint(&self, other: &AgeRange) -> bool {
        let below = |a: &AgeRange, b: &AgeRange| a.max.is_some_and(|m| m < b.min);
        below(self, other) || below(other, self)
    }
}

impl std::fmt::Display for AgeRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.max {
            Some(max) if max == self.min => write!(f, "{}", self.min),
            Some(max) => write!(f, "{}–{}", self.min, max),
            None if self.min == 0 => f.write_str("unknown"),
            None => write!(f, "{}+", self.min),
        }
    }
}

/// Whole years completed between `birth` and `on` (0 when `on` is before `birth`).
pub fn completed_years(birth: NaiveDate, on: NaiveDate) -> u32 {
    if on < birth {
        return 0;
    }
    let mut years = on.year() - birth.year();
    // A birthday on 29 February is reached on 1 March in common years: the person
    // has not completed the year until the day after 28 February.
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some((first, last))
}

impl BirthDate {
    /// Validates the date against `today`: real calendar dates, not in the future, not absurdly old.
    pub fn validated(self, today: NaiveDate) -> Result<BirthDate, DomainError> {
        let earliest = self.earliest().ok_or(DomainError::ImpossibleDate)?;
        if let BirthDate::Estimated { age, margin, on } = self {
            if on > today {
                return Err(DomainError::DateInFuture);
            }
            if age > MAX_AGE || margin > 10 {
                return Err(DomainError::ImplausibleAge);
            }
            if margin < MIN_ESTIMATE_MARGIN {
                return Err(DomainError::Invalid { field: "margin" });
            }
            return Ok(self);
        }
        if earliest > today {
            return Err(DomainError::DateInFuture);
        }
        if matches!(self, BirthDate::Unknown) {
            return Ok(self);
        }
        if completed_years(earliest, today) > MAX_AGE {
            return Err(DomainError::ImplausibleAge);
        }
        Ok(self)
    }

    pub fn precision(&self) -> Precision {
        match self {
            BirthDate::Exact { .. } => Precision::Exact,
            BirthDate::Month { .. } => Precision::Month,
            BirthDate::Year { .. } => Precision::Year,
            BirthDate::Estimated { .. } => Precision::Estimated,
            BirthDate::Unknown => Precision::Unknown,
        }
    }

    /// The earliest possible date of birth (`None` for impossible dates; `Unknown` gives `MIN`).
    fn earliest(&self) -> Option<NaiveDate> {
        match *self {
            BirthDate::Exact { date } => Some(date),
            BirthDate::Month { year, month } => month_bounds(year, month).map(|b| b.0),
            BirthDate::Year { year } => NaiveDate::from_ymd_opt(year, 1, 1),
            BirthDate::Estimated { .. } => Some(NaiveDate::MIN),
            BirthDate::Unknown => Some(NaiveDate::MIN),
        }
    }

    /// The age range on `on`. A date before the earliest possible birth gives age 0.
    pub fn age_on(&self, on: NaiveDate) -> AgeRange {
        let between = |earliest: NaiveDate, latest: NaiveDate| AgeRange {
            min: completed_years(latest, on),
            max: Some(completed_years(earliest, on)),
        };
        match *self {
            BirthDate::Exact { date } => between(date, date),
            BirthDate::Month { year, month } => match month_bounds(year, month) {
                Some((first, last)) => between(first, last),
                None => AgeRange::UNKNOWN,
            },
            BirthDate::Year { year } => {
                match (
                    NaiveDate::from_ymd_opt(year, 1, 1),
                    NaiveDate::from_ymd_opt(year, 12, 31),
                ) {
                    (Some(first), Some(last)) => between(first, last),
                    _ => AgeRange::UNKNOWN,
                }
            }
            BirthDate::Estimated {
                age,
                margin,
                on: estimated_on,
            } => {
                // The estimate holds on its own day; the age moves with time in either direction.
                // Between anniversaries of the estimate the range widens by one year. An estimate
                // stored before the minimum margin was enforced is read with that margin.
                let margin = margin.max(MIN_ESTIMATE_MARGIN);
                let (lo, hi) = (
                    i64::from(age) - i64::from(margin),
                    i64::from(age) + i64::from(margin),
                );
                let (back, years) = if on >= estimated_on {
                    (false, completed_years(estimated_on, on))
                } else {
                    (true, completed_years(on, estimated_on))
                };
                let (from, to) = if back {
                    (on, estimated_on)
                } else {
                    (estimated_on, on)
                };
                let anniversary = from.checked_add_months(Months::new(years * 12)) == Some(to);
                let (years, part) = (i64::from(years), i64::from(!anniversary));
                let (min, max) = if back {
                    (lo - years - part, hi - years)
                } else {
                    (lo + years, hi + years + part)
                };
                AgeRange {
                    min: min.max(0) as u32,
                    max: Some(max.max(0) as u32),
                }
            }
            BirthDate::Unknown => AgeRange::UNKNOWN,
        }
    }
}

/// Where a claim about a person's age comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// An identity document, birth certificate or civil register.
    Document,
    /// A professional age assessment.
    Assessment,
    /// What the child, a relative or another person declared.
    Declaration,
}

/// One entry of the age-evidence log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeEvidence {
    pub kind: EvidenceKind,
    pub birth: BirthDate,
    /// Who recorded it (a user id or name, never the child's).
    pub recorded_by: String,
    pub recorded_on: NaiveDate,
    /// Document type, assessor, or who declared; free text.
    pub source: String,
}

/// How certain the recorded age is, derived from the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeStatus {
    /// A document gives an exact date and no evidence contradicts it.
    Documented,
    /// The best evidence is imprecise, an estimate or a declaration.
    Estimated,
    /// Pieces of evidence disagree.
    Disputed,
    /// Nothing is recorded.
    Unknown,
}

/// The age of a person: the recorded date of birth and the evidence behind it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Age {
    pub evidence: Vec<AgeEvidence>,
}

impl Age {
    pub fn with(birth: BirthDate, kind: EvidenceKind, by: &str, on: NaiveDate) -> Age {
        Age {
            evidence: vec![AgeEvidence {
                kind,
                birth,
                recorded_by: by.to_owned(),
                recorded_on: on,
                source: String::new(),
            }],
        }
    }

    /// The date of birth to show: the most precise documented claim, else the latest entry.
    pub fn best(&self) -> BirthDate {
        self.evidence
            .iter()
            .filter(|e| e.kind == EvidenceKind::Document)
            .min_by_key(|e| e.birth.precision() as u8)
            .or_else(|| self.evidence.last())
            .map(|e| e.birth)
            .unwrap_or(BirthDate::Unknown)
    }

    pub fn status(&self, on: NaiveDate) -> AgeStatus {
        if self.evidence.is_empty() || self.evidence.iter().all(|e| e.birth == BirthDate::Unknown) {
            return AgeStatus::Unknown;
        }
        let ranges: Vec<AgeRange> = self.evidence.iter().map(|e| e.birth.age_on(on)).collect();
        let disputed = ranges
            .iter()
            .enumerate()
            .any(|(i, a)| ranges[i + 1..].iter().any(|b| a.disjoint(b)));
        if disputed {
            AgeStatus::Disputed
        } else if matches!(self.best(), BirthDate::Exact { .. })
            && self
                .evidence
                .iter()
                .any(|e| e.kind == EvidenceKind::Document)
        {
            AgeStatus::Documented
        } else {
            AgeStatus::Estimated
        }
    }

    /// The age range on a date. When the evidence is disputed, the range spans every claim,
    /// so that no claim of youth is ever discarded.
    pub fn age_on(&self, on: NaiveDate) -> AgeRange {
        match self.status(on) {
            AgeStatus::Unknown => AgeRange::UNKNOWN,
            AgeStatus::Disputed => self
                .evidence
                .iter()
                .map(|e| e.birth.age_on(on))
                .reduce(AgeRange::union)
                .unwrap_or(AgeRange::UNKNOWN),
            _ => self.best().age_on(on),
        }
    }

    /// Presumption of minority: a person who could be under 18 on that date is a child.
    pub fn is_child_on(&self, on: NaiveDate) -> bool {
        self.age_on(on).could_be_under(MAJORITY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn exact_age_changes_on_the_birthday() {
        let b = BirthDate::Exact {
            date: d(2008, 6, 15),
        };
        assert_eq!(
            b.age_on(d(2026, 6, 14)),
            AgeRange {
                min: 17,
                max: Some(17)
            }
        );
        assert_eq!(
            b.age_on(d(2026, 6, 15)),
            AgeRange {
                min: 18,
                max: Some(18)
            }
        );
    }

    #[test]
    fn leap_day_birthday_completes_on_first_of_march_in_common_years() {
        let b = BirthDate::Exact {
            date: d(2008, 2, 29),
        };
        assert_eq!(b.age_on(d(2026, 2, 28)).min, 17);
        assert_eq!(b.age_on(d(2026, 3, 1)).min, 18);
        assert_eq!(b.age_on(d(2028, 2, 29)).min, 20);
    }

    #[test]
    fn month_and_year_precision_give_ranges() {
        let m = BirthDate::Month {
            year: 2008,
            month: 6,
        };
        assert_eq!(
            m.age_on(d(2026, 6, 10)),
            AgeRange {
                min: 17,
                max: Some(18)
            }
        );
        assert_eq!(
            m.age_on(d(2026, 7, 1)),
            AgeRange {
                min: 18,
                max: Some(18)
            }
        );
        let y = BirthDate::Year { year: 2008 };
        assert_eq!(
            y.age_on(d(2026, 6, 1)),
            AgeRange {
                min: 17,
                max: Some(18)
            }
        );
        assert_eq!(
            y.age_on(d(2027, 1, 1)),
            AgeRange {
                min: 18,
                max: Some(19)
            }
        );
    }

    #[test]
    fn an_estimate_ages_with_time() {
        let e = BirthDate::Estimated {
            age: 15,
            margin: 1,
            on: d(2024, 3, 1),
        };
        assert_eq!(
            e.age_on(d(2024, 3, 1)),
            AgeRange {
                min: 14,
                max: Some(16)
            }
        );
        assert_eq!(
            e.age_on(d(2026, 3, 1)),
            AgeRange {
                min: 16,
                max: Some(18)
            }
        );
        assert_eq!(
            e.age_on(d(2026, 3, 2)),
            AgeRange {
                min: 16,
                max: Some(19)
            }
        );
        // Before the estimate the person was younger.
        // Almost two years before: 12.0–15.0 then, so 12 to 15 in whole years.
        assert_eq!(
            e.age_on(d(2022, 3, 2)),
            AgeRange {
                min: 12,
                max: Some(15)
            }
        );
    }

    #[test]
    fn unknown_age_is_presumed_a_child() {
        let age = Age::default();
        assert_eq!(age.status(d(2026, 1, 1)), AgeStatus::Unknown);
        assert!(age.is_child_on(d(2026, 1, 1)));
    }

    #[test]
    fn estimate_reaching_below_18_is_a_child() {
        let age = Age::with(
            BirthDate::Estimated {
                age: 18,
                margin: 2,
                on: d(2026, 1, 1),
            },
            EvidenceKind::Assessment,
            "u1",
            d(2026, 1, 1),
        );
        assert_eq!(age.status(d(2026, 1, 1)), AgeStatus::Estimated);
        assert!(age.is_child_on(d(2026, 1, 1)), "16–21 could be under 18");
    }

    #[test]
    fn documented_adult_is_not_a_child() {
        let age = Age::with(
            BirthDate::Exact {
                date: d(2000, 1, 1),
            },
            EvidenceKind::Document,
            "u1",
            d(2026, 1, 1),
        );
        assert_eq!(age.status(d(2026, 1, 1)), AgeStatus::Documented);
        assert!(!age.is_child_on(d(2026, 1, 1)));
        // ... but was one on a past date, such as that of an alleged offence.
        assert!(age.is_child_on(d(2017, 12, 31)));
    }

    #[test]
    fn disputed_age_keeps_the_youngest_claim() {
        let mut age = Age::with(
            BirthDate::Exact {
                date: d(2004, 1, 1),
            },
            EvidenceKind::Document,
            "police",
            d(2026, 1, 1),
        );
        age.evidence.push(AgeEvidence {
            kind: EvidenceKind::Declaration,
            birth: BirthDate::Year { year: 2010 },
            recorded_by: "worker".into(),
            recorded_on: d(2026, 1, 2),
            source: "mother".into(),
        });
        let on = d(2026, 2, 1);
        assert_eq!(age.status(on), AgeStatus::Disputed);
        assert_eq!(
            age.age_on(on),
            AgeRange {
                min: 15,
                max: Some(22)
            }
        );
        assert!(age.is_child_on(on));
    }

    #[test]
    fn impossible_and_future_dates_are_refused() {
        let today = d(2026, 11, 28);
        assert_eq!(
            BirthDate::Month {
                year: 2010,
                month: 13
            }
            .validated(today),
            Err(DomainError::ImpossibleDate)
        );
        assert_eq!(
            BirthDate::Exact {
                date: d(2027, 1, 1)
            }
            .validated(today),
            Err(DomainError::DateInFuture)
        );
        assert_eq!(
            BirthDate::Year { year: 1850 }.validated(today),
            Err(DomainError::ImplausibleAge)
        );
        assert!(BirthDate::Exact { date: today }.validated(today).is_ok());
        assert_eq!(
            NaiveDate::from_ymd_opt(2026, 2, 31),
            None,
            "31 February never parses"
        );
    }

    #[test]
    fn an_estimated_age_always_has_a_margin_and_is_never_read_as_certain() {
        let today = d(2026, 11, 28);
        let estimate = |margin| BirthDate::Estimated {
            age: 12,
            margin,
            on: today,
        };
        assert_eq!(
            estimate(0).validated(today),
            Err(DomainError::Invalid { field: "margin" })
        );
        assert_eq!(estimate(1).validated(today), Ok(estimate(1)));
        // A margin of 0 already stored is read as the minimum margin, never as an exact age.
        let range = estimate(0).age_on(today);
        assert_eq!(range, estimate(1).age_on(today));
        assert_eq!(
            range,
            AgeRange {
                min: 11,
                max: Some(13)
            }
        );
        let stored: BirthDate = serde_json::from_str(
            r#"{"precision":"estimated","age":12,"margin":0,"on":"2026-11-28"}"#,
        )
        .unwrap();
        assert_eq!(stored, estimate(0), "reading stored data does not fail");
    }

    #[test]
    fn a_birth_date_refuses_unknown_fields_of_every_precision_and_stored_ones_load() {
        for bad in [
            r#"{"precision":"unknown","admin":true}"#,
            r#"{"precision":"exact","date":"2011-01-01","admin":true}"#,
            r#"{"precision":"year","year":2011,"month":3}"#,
        ] {
            let e = serde_json::from_str::<BirthDate>(bad)
                .unwrap_err()
                .to_string();
            assert!(e.contains("unknown field"), "{bad}: {e}");
        }
        for b in [
            BirthDate::Unknown,
            BirthDate::Exact {
                date: d(2011, 1, 1),
            },
            BirthDate::Month {
                year: 2011,
                month: 3,
            },
            BirthDate::Year { year: 2011 },
            BirthDate::Estimated {
                age: 12,
                margin: 2,
                on: d(2026, 11, 28),
            },
        ] {
            let stored = serde_json::to_string(&b).unwrap();
            assert_eq!(serde_json::from_str::<BirthDate>(&stored).unwrap(), b);
        }
        assert_eq!(
            serde_json::to_string(&BirthDate::Unknown).unwrap(),
            r#"{"precision":"unknown"}"#
        );
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1950i32..2030, 1u32..=12, 1u32..=31).prop_filter_map("real date", |(y, m, day)| {
            NaiveDate::from_ymd_opt(y, m, day)
        })
    }

    proptest! {
        #[test]
        fn exact_age_matches_calendar_arithmetic(birth in any_date(), on in any_date()) {
            prop_assume!(on >= birth);
            let years = completed_years(birth, on);
            // The birthday of `years` is on or before `on`; the next one is after.
            let reached = birth.checked_add_months(Months::new(years * 12)).unwrap();
            let next = birth.checked_add_months(Months::new((years + 1) * 12)).unwrap();
            prop_assert!(reached <= on || (birth.month() == 2 && birth.day() == 29));
            prop_assert!(next > on || (birth.month() == 2 && birth.day() == 29 && next == on));
        }

        #[test]
        fn precision_ranges_contain_the_exact_age(birth in any_date(), on in any_date()) {
            prop_assume!(on >= birth);
            let exact = completed_years(birth, on);
            for b in [
                BirthDate::Month { year: birth.year(), month: birth.month() },
                BirthDate::Year { year: birth.year() },
            ] {
                let r = b.age_on(on);
                prop_assert!(r.min <= exact && r.max.unwrap() >= exact, "{b:?} {r:?} {exact}");
                prop_assert!(r.max.unwrap() - r.min <= 1);
            }
        }

        #[test]
        fn child_until_the_eighteenth_birthday(birth in any_date(), days in 0i64..40000) {
            let on = birth + chrono::Duration::days(days);
            let age = Age::with(BirthDate::Exact { date: birth }, EvidenceKind::Document, "u", on);
            prop_assert_eq!(age.is_child_on(on), completed_years(birth, on) < MAJORITY);
        }

        #[test]
        fn less_precision_never_makes_a_child_an_adult(birth in any_date(), days in 0i64..40000) {
            let on = birth + chrono::Duration::days(days);
            let exact = BirthDate::Exact { date: birth }.age_on(on).could_be_under(MAJORITY);
            for b in [
                BirthDate::Month { year: birth.year(), month: birth.month() },
                BirthDate::Year { year: birth.year() },
            ] {
                if exact {
                    prop_assert!(b.age_on(on).could_be_under(MAJORITY));
                }
            }
        }
    }
}
