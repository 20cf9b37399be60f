//! Proceedings on a case and the detention register. Criminal proceedings open only past the
//! minimum-age gate; a diversion assessment comes before formal proceedings; a detention
//! episode exists only with an order, its legal basis, the alternatives considered and why
//! they were rejected, and a best-interests justification (Havana r.20–22; CRC art. 37(b)).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Jurisdiction, Stage};
use crate::age::Age;
use crate::error::DomainError;
use crate::text::{NameText, NoteText};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Forum {
    ChildrenCourt,
    AdultCourt,
    MilitaryOrSpecialCourt,
}

impl Forum {
    pub const ALL: [Forum; 3] = [
        Forum::ChildrenCourt,
        Forum::AdultCourt,
        Forum::MilitaryOrSpecialCourt,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Forum::ChildrenCourt => "children_court",
            Forum::AdultCourt => "adult_court",
            Forum::MilitaryOrSpecialCourt => "military_or_special_court",
        }
    }

    pub fn parse(s: &str) -> Option<Forum> {
        Forum::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Anything but a court for children is an alert: child-justice safeguards are
    /// non-derogable, also for terrorism-related offences.
    pub fn raises_alert(self) -> bool {
        self != Forum::ChildrenCourt
    }
}

/// What the child is alleged to have done, with the penalty the law sets for it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offence {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub description: NoteText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub on: NaiveDate,
    /// The statutory maximum penalty, in years of imprisonment, when known.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::penalty_years))]
    pub max_penalty_years: Option<u32>,
    #[serde(default)]
    pub repeat: bool,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewProceeding {
    pub forum: Forum,
    #[cfg_attr(feature = "openapi", schema(inline))]
    pub offence: Offence,
    pub legal_aid: bool,
    pub parents_notified: bool,
}

/// Whether the jurisdiction requires diversion to be attempted for this offence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Eligibility {
    /// Diversion must be attempted (Indonesia: penalty under 7 years, not a repeat offence).
    pub required: bool,
    /// Who may divert at this penalty (the Philippines' tiers); `None` where the law does not
    /// split it, or the penalty is above every tier or unknown.
    pub by: Option<String>,
    /// The offence is above every tier: the law allows no diversion.
    pub excluded: bool,
    pub source: String,
}

pub fn diversion_eligibility(j: &Jurisdiction, o: &Offence) -> Option<Eligibility> {
    let d = j.diversion.as_ref()?;
    let required = match d.max_penalty_years_below {
        Some(limit) => {
            o.max_penalty_years.is_some_and(|p| p < limit)
                && !(d.repeat_offence_excludes && o.repeat)
        }
        None => false,
    };
    let tier = o
        .max_penalty_years
        .and_then(|p| d.tiers.iter().find(|t| p <= t.up_to_years));
    let excluded = !d.tiers.is_empty()
        && o.max_penalty_years
            .is_some_and(|p| d.tiers.iter().all(|t| p > t.up_to_years));
    Some(Eligibility {
        required,
        by: tier.map(|t| t.by.clone()),
        excluded,
        source: d.source.clone(),
    })
}

/// The outcome of the diversion assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DiversionOutcome {
    /// A diversion agreement was reached: no formal proceedings while it is kept.
    Agreed,
    /// Attempted, and the victim or the child (with the family) did not agree.
    NotAgreed,
    /// The offence is not one the law allows to divert.
    NotEligible,
}

impl DiversionOutcome {
    pub fn parse(s: &str) -> Option<DiversionOutcome> {
        match s {
            "agreed" => Some(DiversionOutcome::Agreed),
            "not_agreed" => Some(DiversionOutcome::NotAgreed),
            "not_eligible" => Some(DiversionOutcome::NotEligible),
            _ => None,
        }
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiversionAssessment {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub on: NaiveDate,
    pub outcome: DiversionOutcome,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub note: NoteText,
}

/// A diversion agreement: its conditions, who monitors them, and until when.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub conditions: NoteText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub monitor: NoteText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub until: NaiveDate,
}

/// When the responsible official must act on a breach of the agreement (Indonesia: within 7
/// days, SPPA art. 14(4)); none where the jurisdiction sets no time.
pub fn breach_action_due(j: &Jurisdiction, breach_on: NaiveDate) -> Option<NaiveDate> {
    let days = j.diversion.as_ref()?.breach_action_within_days?;
    breach_on.checked_add_days(chrono::Days::new(u64::from(days)))
}

/// Opening criminal proceedings: only past the minimum-age gate.
pub fn check_open(
    j: &Jurisdiction,
    age: &Age,
    p: &NewProceeding,
    today: NaiveDate,
) -> Result<(), DomainError> {
    crate::dates::check_date(p.offence.on, today)?;
    super::macr::gate(j, age, p.offence.on).map(|_| ())
}

/// Recording a diversion assessment: where the law makes the attempt mandatory (Indonesia:
/// under 7 years, not a repeat, SPPA art. 7), "not eligible" is refused, so the attempt stays
/// due until it is made.
pub fn check_diversion(
    eligibility: Option<&Eligibility>,
    a: &DiversionAssessment,
    today: NaiveDate,
) -> Result<(), DomainError> {
    crate::dates::check_date(a.on, today)?;
    if a.outcome == DiversionOutcome::NotEligible && eligibility.is_some_and(|e| e.required) {
        return Err(DomainError::Invalid { field: "outcome" });
    }
    Ok(())
}

/// Moving to formal proceedings needs a diversion assessment first; where the law makes the
/// attempt mandatory, "not eligible" is not an answer and an agreement keeps the case out.
pub fn check_formal(
    eligibility: Option<&Eligibility>,
    assessment: Option<&DiversionAssessment>,
    breached: bool,
) -> Result<(), DomainError> {
    let Some(a) = assessment else {
        return Err(DomainError::DiversionFirst);
    };
    match (a.outcome, eligibility.is_some_and(|e| e.required)) {
        // A kept agreement keeps the child out; a breach lets the proceedings resume.
        (DiversionOutcome::Agreed, _) if breached => Ok(()),
        (DiversionOutcome::Agreed, _) => Err(DomainError::DiversionFirst),
        (DiversionOutcome::NotEligible, true) => Err(DomainError::DiversionFirst),
        _ => Ok(()),
    }
}

/// A detention episode as the register takes it (Havana r.20–21).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewDetention {
    pub stage: Stage,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::date_time))]
    pub started_at: DateTime<Utc>,
    /// The order's reference (r.20: no admission without a valid commitment order).
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub order: NameText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub legal_basis: NoteText,
    /// The alternatives to detention considered, and why each was rejected.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub alternatives: NoteText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub best_interests: NoteText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub place: NoteText,
    pub separated_from_adults: bool,
    /// r.22: parents or guardian told of the admission, the place, transfers and release.
    pub parents_notified: bool,
}

/// A child who could be under the minimum age of criminal responsibility — or under the
/// jurisdiction's minimum age for detention — is not detained. Where the law also sets a
/// minimum penalty (Indonesia: 7 years, SPPA art. 32(2)(b)), detention before a sentence needs
/// an offence punishable by at least that: `max_penalty_years` is the highest statutory maximum
/// recorded on the child's proceedings, `None` when none is known.
pub fn check_detention(
    j: &Jurisdiction,
    age: &Age,
    d: &NewDetention,
    max_penalty_years: Option<u32>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if d.started_at > now {
        return Err(DomainError::DateInFuture);
    }
    let on = d.started_at.date_naive();
    crate::dates::check_from(on)?;
    let min = j
        .detention_min_age
        .as_ref()
        .map_or(j.macr.value, |m| m.value.max(j.macr.value));
    if age.age_on(on).could_be_under(min) {
        return Err(DomainError::BelowMinimumAge);
    }
    match (&j.detention_min_penalty_years, max_penalty_years) {
        (Some(_), _) if !d.stage.is_pre_sentence() => Ok(()),
        (Some(_), None) => Err(DomainError::Required {
            field: "max_penalty_years",
        }),
        (Some(m), Some(p)) if p < m.value => Err(DomainError::Invalid {
            field: "max_penalty_years",
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::age::{BirthDate, EvidenceKind};

    fn n(s: &str) -> NoteText {
        NoteText::parse(s).unwrap()
    }

    fn offence(years: Option<u32>, repeat: bool) -> Offence {
        Offence {
            description: n("Carried messages for the group"),
            on: "2026-05-01".parse().unwrap(),
            max_penalty_years: years,
            repeat,
        }
    }

    #[test]
    fn indonesia_requires_diversion_under_seven_years_unless_repeated() {
        let id = Jurisdiction::for_code("ID");
        let e = |y, r| diversion_eligibility(&id, &offence(y, r)).unwrap().required;
        assert!(e(Some(5), false));
        assert!(!e(Some(7), false), "7 years or more: not mandatory");
        assert!(!e(Some(5), true), "a repeat offence");
        assert!(!e(None, false), "penalty unknown: not presumed");
        assert!(
            diversion_eligibility(&Jurisdiction::for_code("MY"), &offence(Some(2), false))
                .is_none()
        );
        // The Philippines, by penalty tier: police or barangay up to 6 years, the court up to
        // 12, none above.
        let ph = Jurisdiction::for_code("PH");
        let by = |y| diversion_eligibility(&ph, &offence(Some(y), false)).unwrap();
        assert!(by(6).by.unwrap().contains("barangay"));
        assert_eq!(by(10).by.as_deref(), Some("the court"));
        assert!(by(14).excluded && by(14).by.is_none());
    }

    #[test]
    fn formal_proceedings_come_only_after_a_diversion_assessment() {
        let required = Eligibility {
            required: true,
            by: None,
            excluded: false,
            source: "SPPA art. 7".into(),
        };
        let a = |outcome| DiversionAssessment {
            on: "2026-05-03".parse().unwrap(),
            outcome,
            note: n("Family conference held"),
        };
        assert_eq!(
            check_formal(None, None, false),
            Err(DomainError::DiversionFirst)
        );
        assert_eq!(
            check_formal(
                Some(&required),
                Some(&a(DiversionOutcome::NotAgreed)),
                false
            ),
            Ok(())
        );
        assert_eq!(
            check_formal(
                Some(&required),
                Some(&a(DiversionOutcome::NotEligible)),
                false
            ),
            Err(DomainError::DiversionFirst),
            "where the attempt is mandatory, it must be made"
        );
        assert_eq!(
            check_formal(Some(&required), Some(&a(DiversionOutcome::Agreed)), false),
            Err(DomainError::DiversionFirst),
            "an agreement keeps the child out of formal proceedings"
        );
        assert_eq!(
            check_formal(Some(&required), Some(&a(DiversionOutcome::Agreed)), true),
            Ok(()),
            "a breach lets them resume"
        );
        let id = Jurisdiction::for_code("ID");
        assert_eq!(
            breach_action_due(&id, "2026-11-20".parse().unwrap()),
            Some("2026-11-27".parse().unwrap())
        );
        assert_eq!(
            breach_action_due(&Jurisdiction::for_code("MY"), "2026-11-20".parse().unwrap()),
            None
        );
    }

    #[test]
    fn indonesia_detains_no_child_who_could_be_under_fourteen() {
        let id = Jurisdiction::for_code("ID");
        let age = |year| {
            Age::with(
                BirthDate::Year { year },
                EvidenceKind::Document,
                "w",
                "2026-01-01".parse().unwrap(),
            )
        };
        let d = NewDetention {
            stage: Stage::Investigation,
            started_at: "2026-06-01T03:00:00Z".parse().unwrap(),
            order: NameText::parse("SP.Han/12/VI/2026").unwrap(),
            legal_basis: n("SPPA art. 32"),
            alternatives: n("Return to parents: the father is in the same network"),
            best_interests: n("Separated from the network while the investigation lasts"),
            place: n("LPAS Jakarta"),
            separated_from_adults: true,
            parents_notified: true,
        };
        let now = "2026-06-01T04:00:00Z".parse().unwrap();
        // Born in 2012: 13 or 14 in June 2026 — could be 13.
        assert_eq!(
            check_detention(&id, &age(2012), &d, Some(7), now),
            Err(DomainError::BelowMinimumAge)
        );
        assert_eq!(check_detention(&id, &age(2011), &d, Some(7), now), Ok(()));
    }

    #[test]
    fn indonesia_detains_only_from_fourteen_for_an_offence_punishable_by_seven_years() {
        let id = Jurisdiction::for_code("ID");
        let exact = |s: &str| {
            Age::with(
                BirthDate::Exact {
                    date: s.parse().unwrap(),
                },
                EvidenceKind::Document,
                "w",
                "2026-01-01".parse().unwrap(),
            )
        };
        let d = |stage| NewDetention {
            stage,
            started_at: "2026-06-01T03:00:00Z".parse().unwrap(),
            order: NameText::parse("SP.Han/12/VI/2026").unwrap(),
            legal_basis: n("SPPA art. 32"),
            alternatives: n("Return to parents: the father is in the same network"),
            best_interests: n("Separated from the network while the investigation lasts"),
            place: n("LPAS Jakarta"),
            separated_from_adults: true,
            parents_notified: true,
        };
        let now = "2026-06-01T04:00:00Z".parse().unwrap();
        let fourteen = exact("2012-06-01");
        let thirteen = exact("2012-06-02");
        let held = |age: &Age, stage, penalty| check_detention(&id, age, &d(stage), penalty, now);
        let investigation = Stage::Investigation;
        assert_eq!(held(&fourteen, investigation, Some(7)), Ok(()));
        assert_eq!(
            held(&thirteen, investigation, Some(7)),
            Err(DomainError::BelowMinimumAge)
        );
        assert_eq!(
            held(&fourteen, investigation, Some(6)),
            Err(DomainError::Invalid {
                field: "max_penalty_years"
            })
        );
        assert_eq!(
            held(&fourteen, investigation, None),
            Err(DomainError::Required {
                field: "max_penalty_years"
            }),
            "penalty unknown: not presumed"
        );
        // A sentence is not pre-trial detention; other jurisdictions set no penalty threshold.
        assert_eq!(held(&fourteen, Stage::Sentenced, Some(5)), Ok(()));
        let my = Jurisdiction::for_code("MY");
        assert!(my.detention_min_penalty_years.is_none());
        assert_eq!(
            check_detention(&my, &fourteen, &d(Stage::Pretrial), None, now),
            Ok(())
        );
    }

    #[test]
    fn where_diversion_must_be_attempted_not_eligible_is_refused() {
        let id = Jurisdiction::for_code("ID");
        let a = |outcome| DiversionAssessment {
            on: "2026-05-03".parse().unwrap(),
            outcome,
            note: n("Family conference held"),
        };
        let check = |years, repeat, outcome| {
            let e = diversion_eligibility(&id, &offence(Some(years), repeat));
            check_diversion(e.as_ref(), &a(outcome), "2026-05-04".parse().unwrap())
        };
        assert_eq!(
            check(6, false, DiversionOutcome::NotEligible),
            Err(DomainError::Invalid { field: "outcome" })
        );
        assert_eq!(check(6, false, DiversionOutcome::NotAgreed), Ok(()));
        assert_eq!(check(7, false, DiversionOutcome::NotEligible), Ok(()));
        assert_eq!(check(6, true, DiversionOutcome::NotEligible), Ok(()));
    }

    #[test]
    fn offences_diversion_and_detention_are_not_dated_before_2000() {
        let id = Jurisdiction::for_code("ID");
        let today: NaiveDate = "2026-11-28".parse().unwrap();
        let age = Age::with(
            BirthDate::Year { year: 2009 },
            EvidenceKind::Declaration,
            "w",
            today,
        );
        let mut p = NewProceeding {
            forum: Forum::ChildrenCourt,
            offence: offence(Some(8), false),
            legal_aid: true,
            parents_notified: true,
        };
        assert_eq!(check_open(&id, &age, &p, today), Ok(()));
        p.offence.on = "0001-01-01".parse().unwrap();
        assert_eq!(
            check_open(&id, &age, &p, today),
            Err(DomainError::DateTooEarly)
        );
        let a = DiversionAssessment {
            on: "1999-12-31".parse().unwrap(),
            outcome: DiversionOutcome::NotAgreed,
            note: n("Family conference held"),
        };
        assert_eq!(
            check_diversion(None, &a, today),
            Err(DomainError::DateTooEarly)
        );
        let d = NewDetention {
            stage: Stage::Pretrial,
            started_at: "1999-06-01T08:00:00Z".parse().unwrap(),
            order: NameText::parse("PN 12/2026").unwrap(),
            legal_basis: n("SPPA art. 32"),
            alternatives: n("Return home: the father is in the network"),
            best_interests: n("Safety pending a placement"),
            place: n("LPKA Jakarta"),
            separated_from_adults: true,
            parents_notified: true,
        };
        let now = "2026-11-28T09:00:00Z".parse().unwrap();
        assert_eq!(
            check_detention(&id, &age, &d, Some(8), now),
            Err(DomainError::DateTooEarly)
        );
    }
}
