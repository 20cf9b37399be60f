//! What a search knows besides the name, how candidates are ranked with it, and why each one
//! came up. The store finds candidates (`matching`'s keys) among the children the reader may
//! see and decrypts them; this decides their order and the words shown beside each.
//!
//! Twenty children called "Siti Rahayu" with the same name score are no help to a worker who
//! knows the girl is about twelve and from Jakarta: the facts the searcher gave break the tie,
//! and a fact that contradicts the record pushes the child down without hiding her (an age may
//! have been estimated wrongly, a sex recorded wrongly).

use chrono::{Datelike, NaiveDate};

use crate::DomainError;
use crate::age::{AgeRange, BirthDate};
use crate::case::CaseReference;
use crate::identity::Sex;
use crate::matching::{NameFit, TokenFit};

/// Facts the searcher gave besides the name; each may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// Female or male; other values are not a hint.
    pub sex: Option<Sex>,
    /// An age in years, or the range a year of birth gives today.
    pub age: Option<AgeRange>,
    /// The country whose agency holds the case (its jurisdiction code).
    pub place: Option<String>,
}

/// Ages typed as a number of years up to this; larger numbers are read as a year of birth.
pub const MAX_AGE_TYPED: u32 = 30;

impl Hints {
    pub fn is_empty(&self) -> bool {
        self.sex.is_none() && self.age.is_none() && self.place.is_none()
    }

    /// A sex as a form posts it: blank for none.
    pub fn parse_sex(raw: &str) -> Result<Option<Sex>, DomainError> {
        match raw.trim() {
            "" => Ok(None),
            s => match Sex::parse(s) {
                Some(sex @ (Sex::Female | Sex::Male)) => Ok(Some(sex)),
                _ => Err(DomainError::Invalid { field: "sex" }),
            },
        }
    }

    /// "12" is twelve years old; "2014" was born in 2014 (eleven or twelve on a day of 2026).
    /// Blank is no hint; a year of birth after `today` or before 1990, or an age above
    /// [`MAX_AGE_TYPED`] that is no such year, is refused.
    pub fn parse_age(raw: &str, today: NaiveDate) -> Result<Option<AgeRange>, DomainError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        let invalid = DomainError::Invalid { field: "age" };
        // Bengali digits as a Bangla keyboard types them.
        let ascii: String = raw
            .chars()
            .map(|c| match c {
                '\u{09E6}'..='\u{09EF}' => char::from(b'0' + (c as u32 - 0x09E6) as u8),
                c => c,
            })
            .collect();
        let n: i32 = ascii.parse().map_err(|_| invalid.clone())?;
        if (0..=MAX_AGE_TYPED as i32).contains(&n) {
            return Ok(Some(AgeRange {
                min: n as u32,
                max: Some(n as u32),
            }));
        }
        if (1990..=today.year()).contains(&n) {
            return Ok(Some(BirthDate::Year { year: n }.age_on(today)));
        }
        Err(invalid)
    }

    /// A country code as a form posts it: blank for none; two capital letters otherwise.
    pub fn parse_place(raw: &str) -> Result<Option<String>, DomainError> {
        let code = raw.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Ok(None);
        }
        if code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(Some(code))
        } else {
            Err(DomainError::Invalid { field: "place" })
        }
    }
}

/// How one fact of the record meets the searcher's hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fit {
    Same,
    /// The record does not say (sex not recorded, age unknown).
    Unknown,
    Differs,
}

impl Fit {
    pub fn as_str(self) -> &'static str {
        match self {
            Fit::Same => "same",
            Fit::Unknown => "unknown",
            Fit::Differs => "differs",
        }
    }
}

pub fn sex_fit(hint: Sex, recorded: Sex) -> Fit {
    match recorded {
        Sex::Female | Sex::Male if recorded == hint => Fit::Same,
        Sex::Female | Sex::Male => Fit::Differs,
        Sex::Other | Sex::NotRecorded => Fit::Unknown,
    }
}

/// An age fits when the two ranges share a year: an estimate of 12 ± 2 fits "13".
pub fn age_fit(hint: AgeRange, recorded: AgeRange) -> Fit {
    if recorded == AgeRange::UNKNOWN {
        Fit::Unknown
    } else if hint.disjoint(&recorded) {
        Fit::Differs
    } else {
        Fit::Same
    }
}

pub fn place_fit(hint: &str, place: &str) -> Fit {
    if hint.eq_ignore_ascii_case(place) {
        Fit::Same
    } else {
        Fit::Differs
    }
}

/// Why a child came up: shown beside the result ("same name, same age, same country").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The searcher typed the case's reference.
    Reference,
    Name(TokenFit),
    Sex(Fit),
    Age(Fit),
    Place(Fit),
}

impl Reason {
    /// A stable code, for the API and as the end of the message key (`search-why-<code>`).
    pub fn code(self) -> String {
        match self {
            Reason::Reference => "reference".to_owned(),
            Reason::Name(f) => format!("name-{}", f.as_str()),
            Reason::Sex(f) => format!("sex-{}", f.as_str()),
            Reason::Age(f) => format!("age-{}", f.as_str()),
            Reason::Place(f) => format!("place-{}", f.as_str()),
        }
    }
}

/// What a candidate's record holds for the hints to meet.
#[derive(Debug, Clone, Copy)]
pub struct Recorded<'a> {
    pub sex: Sex,
    pub age: AgeRange,
    pub place: &'a str,
}

/// Added to the name score for each hint the record agrees with: small, so that hints order
/// children whose names fit equally well, not a worse name above a better one.
pub const AGREES: f64 = 0.02;
/// Taken off for each hint the record contradicts: a contradicted child falls below the
/// agreeing spellings of the name, but stays in the list.
pub const CONTRADICTS: f64 = 0.1;

/// A candidate as the searcher's hints see it: the rank to order by, the reasons to show,
/// and whether nothing contradicts them.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub rank: f64,
    pub reasons: Vec<Reason>,
    pub compatible: bool,
}

pub fn assess(name: NameFit, hints: &Hints, recorded: Recorded) -> Assessment {
    let mut reasons = vec![Reason::Name(name.fit)];
    if let Some(sex) = hints.sex {
        reasons.push(Reason::Sex(sex_fit(sex, recorded.sex)));
    }
    if let Some(age) = hints.age {
        reasons.push(Reason::Age(age_fit(age, recorded.age)));
    }
    if let Some(place) = &hints.place {
        reasons.push(Reason::Place(place_fit(place, recorded.place)));
    }
    let fit = |r: &Reason| match r {
        Reason::Sex(f) | Reason::Age(f) | Reason::Place(f) => Some(*f),
        _ => None,
    };
    let same = reasons.iter().filter(|r| fit(r) == Some(Fit::Same)).count();
    let differs = reasons
        .iter()
        .filter(|r| fit(r) == Some(Fit::Differs))
        .count();
    // A fact the record does not hold is no reason either way.
    reasons.retain(|r| fit(r) != Some(Fit::Unknown));
    Assessment {
        rank: name.score + AGREES * same as f64 - CONTRADICTS * differs as f64,
        reasons,
        compatible: differs == 0,
    }
}

/// A case reference as people type it: any case, spaces or slashes for the hyphens, the
/// number with or without its leading zeros ("dsjkt 2026 42" is DSJKT-2026-00042).
pub fn typed_reference(text: &str) -> Option<CaseReference> {
    let mut s = String::with_capacity(text.len());
    for c in text.trim().chars() {
        let c = if c.is_whitespace() || matches!(c, '/' | '_' | '–' | '—') {
            '-'
        } else {
            c
        };
        if !(c == '-' && s.ends_with('-')) {
            s.push(c);
        }
    }
    let parts: Vec<&str> = s.split('-').collect();
    let [code, year, number] = parts[..] else {
        return None;
    };
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    if !(digits(year, 4..=4) && digits(number, 1..=9)) {
        return None;
    }
    CaseReference::parse(&format!("{code}-{year}-{number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn name(score: f64) -> NameFit {
        NameFit {
            score,
            fit: if score == 1.0 {
                TokenFit::Exact
            } else {
                TokenFit::Variant
            },
        }
    }

    fn girl_of(min: u32, max: u32) -> Recorded<'static> {
        Recorded {
            sex: Sex::Female,
            age: AgeRange {
                min,
                max: Some(max),
            },
            place: "ID",
        }
    }

    #[test]
    fn ages_and_years_of_birth_are_read_as_typed() {
        let exact = |n| AgeRange {
            min: n,
            max: Some(n),
        };
        assert_eq!(Hints::parse_age("12", day()), Ok(Some(exact(12))));
        assert_eq!(Hints::parse_age(" 0 ", day()), Ok(Some(exact(0))));
        assert_eq!(Hints::parse_age("30", day()), Ok(Some(exact(30))));
        assert_eq!(
            Hints::parse_age("2014", day()),
            Ok(Some(AgeRange {
                min: 11,
                max: Some(12)
            }))
        );
        assert_eq!(Hints::parse_age("", day()), Ok(None));
        assert_eq!(Hints::parse_age("১২", day()), Ok(Some(exact(12))));
        for bad in ["31", "1989", "2027", "twelve", "-1", "12.5"] {
            assert!(Hints::parse_age(bad, day()).is_err(), "{bad}");
        }
        assert_eq!(Hints::parse_sex("female"), Ok(Some(Sex::Female)));
        assert_eq!(Hints::parse_sex(""), Ok(None));
        assert!(Hints::parse_sex("not_recorded").is_err());
        assert_eq!(Hints::parse_place("id"), Ok(Some("ID".into())));
        assert!(Hints::parse_place("IDN").is_err());
    }

    #[test]
    fn hints_break_ties_between_equal_names() {
        let hints = Hints {
            sex: Some(Sex::Female),
            age: Some(AgeRange {
                min: 12,
                max: Some(12),
            }),
            place: Some("ID".into()),
        };
        let fits = assess(name(1.0), &hints, girl_of(11, 12));
        let too_old = assess(name(1.0), &hints, girl_of(15, 15));
        let unknown_age = assess(name(1.0), &hints, girl_of(0, 0).with_unknown_age());
        assert!(fits.rank > unknown_age.rank && unknown_age.rank > too_old.rank);
        assert!(fits.compatible && unknown_age.compatible && !too_old.compatible);
        assert_eq!(
            fits.reasons,
            vec![
                Reason::Name(TokenFit::Exact),
                Reason::Sex(Fit::Same),
                Reason::Age(Fit::Same),
                Reason::Place(Fit::Same)
            ]
        );
        // Unknown facts are no reason either way.
        assert!(!unknown_age.reasons.contains(&Reason::Age(Fit::Unknown)));
        assert!(too_old.reasons.contains(&Reason::Age(Fit::Differs)));
    }

    #[test]
    fn a_contradicted_hint_ranks_below_an_agreeing_spelling_but_hints_never_lift_a_worse_name() {
        let hints = Hints {
            sex: Some(Sex::Male),
            ..Hints::default()
        };
        let boy = Recorded {
            sex: Sex::Male,
            ..girl_of(12, 12)
        };
        // The same name on a girl falls below a spelling of it on a boy…
        assert!(
            assess(name(0.97), &hints, boy).rank > assess(name(1.0), &hints, girl_of(12, 12)).rank
        );
        // …but a hint is worth less than a clearly better name.
        assert!(
            assess(name(1.0), &Hints::default(), girl_of(12, 12)).rank
                > assess(name(0.95), &hints, boy).rank
        );
        assert_eq!(assess(name(0.9), &Hints::default(), boy).rank, 0.9);
    }

    #[test]
    fn references_are_found_as_people_type_them() {
        let r = |s| typed_reference(s).map(|r| r.to_string());
        assert_eq!(r("DSJKT-2026-00042").as_deref(), Some("DSJKT-2026-00042"));
        assert_eq!(r(" dsjkt 2026 42 ").as_deref(), Some("DSJKT-2026-00042"));
        assert_eq!(r("dsjkt/2026/42").as_deref(), Some("DSJKT-2026-00042"));
        assert_eq!(
            r("DSJKT – 2026 – 00042").as_deref(),
            Some("DSJKT-2026-00042")
        );
        for not in [
            "Siti 2014",
            "Siti Rahayu",
            "2026-00042",
            "DSJKT-26-42",
            "DS JKT-2026-1",
            "",
        ] {
            assert_eq!(r(not), None, "{not}");
        }
    }

    impl Recorded<'static> {
        fn with_unknown_age(self) -> Self {
            Recorded {
                age: AgeRange::UNKNOWN,
                ..self
            }
        }
    }
}
