//! The consent ledger's rules. Consent and assent are recorded per purpose, by who gave them,
//! with dates, expiry and withdrawal; nothing is overwritten, so the whole history stays. Who
//! must agree depends on the child's age (domain-rules §2.2, after IRC/UNICEF *Caring for Child
//! Survivors*): the caregiver consents for young children, the child assents from middle
//! childhood and consents alone in late adolescence. The ages are per jurisdiction.
//!
//! When the age is uncertain the protective reading applies: a caregiver's consent is needed
//! whenever the child could be younger than the age of consent, and the child is asked whenever
//! the child could be old enough to assent. A child's refusal is never outweighed by a
//! caregiver's consent, at any age: children are heard.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::age::AgeRange;
use crate::agency::Sector;
use crate::error::DomainError;

/// What the consent is for. Referral consent names the sector the child would be referred to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "purpose", content = "sector")]
pub enum Purpose {
    Assessment,
    Referral(Sector),
    InformationSharing,
    Research,
    Photographs,
}

impl Purpose {
    /// A stable key, e.g. `assessment`, `referral:health`.
    pub fn key(self) -> String {
        match self {
            Purpose::Assessment => "assessment".into(),
            Purpose::Referral(s) => format!("referral:{}", s.as_str()),
            Purpose::InformationSharing => "information_sharing".into(),
            Purpose::Research => "research".into(),
            Purpose::Photographs => "photographs".into(),
        }
    }

    pub fn parse(key: &str) -> Option<Purpose> {
        Some(match key {
            "assessment" => Purpose::Assessment,
            "information_sharing" => Purpose::InformationSharing,
            "research" => Purpose::Research,
            "photographs" => Purpose::Photographs,
            other => Purpose::Referral(Sector::parse(other.strip_prefix("referral:")?)?),
        })
    }
}

/// Who gave or refused it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Giver {
    Child,
    Caregiver,
    /// A legal guardian appointed for the child; stands in for a caregiver.
    Guardian,
}

impl Giver {
    pub const ALL: [Giver; 3] = [Giver::Child, Giver::Caregiver, Giver::Guardian];

    pub fn as_str(self) -> &'static str {
        match self {
            Giver::Child => "child",
            Giver::Caregiver => "caregiver",
            Giver::Guardian => "guardian",
        }
    }

    pub fn parse(s: &str) -> Option<Giver> {
        Giver::ALL.into_iter().find(|g| g.as_str() == s)
    }

    fn party(self) -> Party {
        match self {
            Giver::Child => Party::Child,
            Giver::Caregiver | Giver::Guardian => Party::Caregiver,
        }
    }
}

/// What one ledger entry says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Decision {
    Given,
    Refused,
    /// A consent given earlier is withdrawn from this date on.
    Withdrawn,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Given, Decision::Refused, Decision::Withdrawn];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Given => "given",
            Decision::Refused => "refused",
            Decision::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// One entry of the ledger. Entries are only ever added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub purpose: Purpose,
    pub giver: Giver,
    pub decision: Decision,
    /// The day it was given, refused or withdrawn.
    pub on: NaiveDate,
    /// A consent lapses after this day.
    pub expires: Option<NaiveDate>,
}

impl Entry {
    /// The rules every entry meets: dated on or before today and not before 2000
    /// (`dates::check_date`); an expiry only on a consent given, and not before its day.
    pub fn check(&self, today: NaiveDate) -> Result<(), DomainError> {
        crate::dates::check_date(self.on, today)?;
        match self.expires {
            Some(_) if self.decision != Decision::Given => Err(DomainError::ExpiryWithoutConsent),
            Some(x) if x < self.on => Err(DomainError::ExpiryBeforeDate),
            _ => Ok(()),
        }
    }
}

/// One conversation about consent: the purposes explained, and what the child and a
/// caregiver (or guardian) each decided, on one day. It becomes one ledger entry per purpose
/// and person asked, recorded together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub purposes: Vec<Purpose>,
    /// The child's decision, when the child was asked here.
    pub child: Option<Decision>,
    /// A caregiver's or guardian's decision, when one was asked here.
    pub caregiver: Option<(Giver, Decision)>,
    pub on: NaiveDate,
    /// When the consents given lapse; refusals and withdrawals do not.
    pub expires: Option<NaiveDate>,
}

impl Round {
    /// The ledger entries, purpose by purpose, the child's decision before the caregiver's.
    /// Refused: no purpose; nobody's decision; the child named as the caregiver; a date the
    /// ledger does not take; an expiry with no consent given, or before the day.
    pub fn entries(&self, today: NaiveDate) -> Result<Vec<Entry>, DomainError> {
        if self.purposes.is_empty() {
            return Err(DomainError::Required { field: "purposes" });
        }
        if self.caregiver.is_some_and(|(g, _)| g == Giver::Child) {
            return Err(DomainError::Invalid { field: "giver" });
        }
        let decided: Vec<(Giver, Decision)> = self
            .child
            .map(|d| (Giver::Child, d))
            .into_iter()
            .chain(self.caregiver)
            .collect();
        if decided.is_empty() {
            return Err(DomainError::Required { field: "decision" });
        }
        crate::dates::check_date(self.on, today)?;
        if self.expires.is_some() && !decided.iter().any(|(_, d)| *d == Decision::Given) {
            return Err(DomainError::ExpiryWithoutConsent);
        }
        let mut purposes = self.purposes.clone();
        purposes.dedup();
        let entries: Vec<Entry> = purposes
            .iter()
            .flat_map(|p| {
                decided.iter().map(|&(giver, decision)| Entry {
                    purpose: *p,
                    giver,
                    decision,
                    on: self.on,
                    expires: self.expires.filter(|_| decision == Decision::Given),
                })
            })
            .collect();
        for e in &entries {
            e.check(today)?;
        }
        Ok(entries)
    }
}

/// Ages at which a child assents and consents, per jurisdiction.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRules {
    /// From this age the child's informed assent is sought beside the caregiver's consent.
    pub assent_from: u32,
    /// From this age the child gives informed consent; a caregiver's is no longer required.
    pub consent_from: u32,
}

impl AgeRules {
    /// The inter-agency default (domain-rules §2.2): assent from 6, consent from 15.
    pub const DEFAULT: AgeRules = AgeRules {
        assent_from: 6,
        consent_from: 15,
    };

    /// The rules of a jurisdiction (ISO country code). No country in scope has a statutory
    /// age for consent to care services that we could confirm, so each uses the inter-agency
    /// default until one is sourced; a deployment may set its own.
    pub fn for_jurisdiction(_country: &str) -> AgeRules {
        AgeRules::DEFAULT
    }

    pub fn validated(self) -> Result<AgeRules, &'static str> {
        if self.assent_from > self.consent_from || self.consent_from > 18 {
            return Err(
                "the age of assent must not be above the age of consent, nor that above 18",
            );
        }
        Ok(self)
    }
}

/// Whose agreement a purpose needs.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The child: assent or consent, by age.
    Child,
    /// A caregiver or guardian.
    Caregiver,
}

/// What the child's own agreement counts as at this age.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildVoice {
    /// Too young to be asked formally; the child is still informed.
    NotAsked,
    Assent,
    Consent,
}

/// Who must agree for a child of this age.
pub fn required(rules: AgeRules, age: AgeRange) -> (Vec<Party>, ChildVoice) {
    let mut parties = Vec::new();
    let could_assent = age.max.is_none_or(|m| m >= rules.assent_from);
    let voice = if !age.could_be_under(rules.consent_from) {
        ChildVoice::Consent
    } else if could_assent {
        ChildVoice::Assent
    } else {
        ChildVoice::NotAsked
    };
    if voice != ChildVoice::NotAsked {
        parties.push(Party::Child);
    }
    if age.could_be_under(rules.consent_from) {
        parties.push(Party::Caregiver);
    }
    (parties, voice)
}

/// Where a purpose stands for one party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Standing {
    Given { on: NaiveDate },
    Missing,
    Refused { on: NaiveDate },
    Withdrawn { on: NaiveDate },
    Expired { on: NaiveDate },
}

/// The ledger's answer for a purpose on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub voice: ChildVoice,
    pub parties: Vec<(Party, Standing)>,
}

impl Status {
    /// True when every party whose agreement is needed has given it and it still holds.
    pub fn allows(&self) -> bool {
        self.parties
            .iter()
            .all(|(_, s)| matches!(s, Standing::Given { .. }))
    }

    /// The parties that stand in the way, for the refusal message.
    pub fn blocking(&self) -> Vec<(Party, Standing)> {
        self.parties
            .iter()
            .filter(|(_, s)| !matches!(s, Standing::Given { .. }))
            .copied()
            .collect()
    }
}

/// Evaluates the ledger for `purpose` on `today`: for each party that must agree, the latest
/// entry of that party for that purpose (entries in the order they were recorded) decides.
/// A child too young to be asked who refused (or withdrew) anyway is heard all the same: the
/// refusal stands against a caregiver's consent, and only a supervisor's written override
/// lets a referral go past it (CRC art. 12: every child capable of forming a view).
pub fn evaluate(
    rules: AgeRules,
    age: AgeRange,
    purpose: Purpose,
    entries: &[Entry],
    today: NaiveDate,
) -> Status {
    let standing = |party| {
        let latest = entries
            .iter()
            .filter(|e| e.purpose == purpose && e.giver.party() == party && e.on <= today)
            .max_by_key(|e| e.on);
        match latest {
            None => Standing::Missing,
            Some(e) => match e.decision {
                Decision::Refused => Standing::Refused { on: e.on },
                Decision::Withdrawn => Standing::Withdrawn { on: e.on },
                Decision::Given => match e.expires {
                    Some(x) if x < today => Standing::Expired { on: x },
                    _ => Standing::Given { on: e.on },
                },
            },
        }
    };
    let (needed, voice) = required(rules, age);
    let mut parties: Vec<(Party, Standing)> =
        needed.into_iter().map(|p| (p, standing(p))).collect();
    if !parties.iter().any(|(p, _)| *p == Party::Child) {
        let child = standing(Party::Child);
        if matches!(child, Standing::Refused { .. } | Standing::Withdrawn { .. }) {
            parties.insert(0, (Party::Child, child));
        }
    }
    Status { voice, parties }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn age(min: u32, max: u32) -> AgeRange {
        AgeRange {
            min,
            max: Some(max),
        }
    }

    fn entry(giver: Giver, decision: Decision, on: &str) -> Entry {
        Entry {
            purpose: Purpose::Assessment,
            giver,
            decision,
            on: d(on),
            expires: None,
        }
    }

    const TODAY: &str = "2026-06-01";

    fn allows(a: AgeRange, entries: &[Entry]) -> bool {
        evaluate(AgeRules::DEFAULT, a, Purpose::Assessment, entries, d(TODAY)).allows()
    }

    fn round() -> Round {
        Round {
            purposes: vec![Purpose::Assessment, Purpose::Referral(Sector::Health)],
            child: Some(Decision::Given),
            caregiver: Some((Giver::Caregiver, Decision::Refused)),
            on: d("2026-05-30"),
            expires: Some(d("2026-11-30")),
        }
    }

    /// Two purposes, the child and the caregiver: four entries, the expiry only on what was
    /// given.
    #[test]
    fn a_round_is_an_entry_per_purpose_and_person_asked() {
        let entries = round().entries(d(TODAY)).unwrap();
        let got: Vec<_> = entries
            .iter()
            .map(|e| (e.purpose, e.giver, e.decision, e.expires))
            .collect();
        let health = Purpose::Referral(Sector::Health);
        let (given, refused) = (Decision::Given, Decision::Refused);
        let x = Some(d("2026-11-30"));
        assert_eq!(
            got,
            vec![
                (Purpose::Assessment, Giver::Child, given, x),
                (Purpose::Assessment, Giver::Caregiver, refused, None),
                (health, Giver::Child, given, x),
                (health, Giver::Caregiver, refused, None),
            ]
        );
        let only_caregiver = Round {
            child: None,
            ..round()
        };
        assert_eq!(
            only_caregiver
                .entries(d(TODAY))
                .map(|e| e.len())
                .unwrap_err(),
            DomainError::ExpiryWithoutConsent,
            "nothing given, so nothing can lapse"
        );
    }

    #[test]
    fn a_round_is_refused_at_each_rule_edge() {
        let today = d(TODAY);
        let refused = |r: Round| r.entries(today).unwrap_err();
        assert_eq!(
            refused(Round {
                purposes: vec![],
                ..round()
            }),
            DomainError::Required { field: "purposes" }
        );
        assert_eq!(
            refused(Round {
                child: None,
                caregiver: None,
                ..round()
            }),
            DomainError::Required { field: "decision" }
        );
        assert_eq!(
            refused(Round {
                caregiver: Some((Giver::Child, Decision::Given)),
                ..round()
            }),
            DomainError::Invalid { field: "giver" }
        );
        assert_eq!(
            refused(Round {
                on: d("2026-06-02"),
                expires: None,
                ..round()
            }),
            DomainError::DateInFuture
        );
        // Today is taken; an expiry on the day itself too, the day before is not.
        assert!(
            Round {
                on: today,
                expires: Some(today),
                ..round()
            }
            .entries(today)
            .is_ok()
        );
        assert_eq!(
            refused(Round {
                on: today,
                expires: Some(d("2026-05-31")),
                ..round()
            }),
            DomainError::ExpiryBeforeDate
        );
    }

    #[test]
    fn who_must_agree_follows_the_age_bands() {
        let r = AgeRules::DEFAULT;
        assert_eq!(
            required(r, age(4, 4)),
            (vec![Party::Caregiver], ChildVoice::NotAsked)
        );
        assert_eq!(
            required(r, age(9, 9)),
            (vec![Party::Child, Party::Caregiver], ChildVoice::Assent)
        );
        assert_eq!(
            required(r, age(16, 16)),
            (vec![Party::Child], ChildVoice::Consent)
        );
    }

    #[test]
    fn an_uncertain_age_takes_the_protective_reading() {
        let r = AgeRules::DEFAULT;
        // Could be 14 or 16: the caregiver is needed and the child assents.
        assert_eq!(
            required(r, age(14, 16)),
            (vec![Party::Child, Party::Caregiver], ChildVoice::Assent)
        );
        // Could be 5 or 7: the child is asked as well.
        assert_eq!(
            required(r, age(5, 7)).0,
            vec![Party::Child, Party::Caregiver]
        );
        // Unknown age: both.
        assert_eq!(
            required(r, AgeRange::UNKNOWN).0,
            vec![Party::Child, Party::Caregiver]
        );
    }

    #[test]
    fn a_young_child_needs_the_caregiver_and_the_childs_assent() {
        let caregiver = entry(Giver::Caregiver, Decision::Given, "2026-05-01");
        let child = entry(Giver::Child, Decision::Given, "2026-05-01");
        assert!(!allows(age(10, 10), std::slice::from_ref(&caregiver)));
        assert!(!allows(age(10, 10), std::slice::from_ref(&child)));
        assert!(allows(age(10, 10), &[caregiver.clone(), child]));
        // A guardian stands in for a caregiver.
        let guardian = entry(Giver::Guardian, Decision::Given, "2026-05-01");
        assert!(allows(age(3, 3), &[guardian]));
        assert!(allows(age(3, 3), &[caregiver]));
    }

    #[test]
    fn the_childs_refusal_is_not_outweighed_by_a_caregiver() {
        let entries = [
            entry(Giver::Caregiver, Decision::Given, "2026-05-01"),
            entry(Giver::Child, Decision::Refused, "2026-05-02"),
        ];
        let s = evaluate(
            AgeRules::DEFAULT,
            age(12, 12),
            Purpose::Assessment,
            &entries,
            d(TODAY),
        );
        assert!(!s.allows());
        assert_eq!(
            s.blocking(),
            vec![(
                Party::Child,
                Standing::Refused {
                    on: d("2026-05-02")
                }
            )]
        );
    }

    #[test]
    fn a_young_childs_refusal_stands_at_any_age() {
        let caregiver = entry(Giver::Caregiver, Decision::Given, "2026-05-01");
        let refused = entry(Giver::Child, Decision::Refused, "2026-05-02");
        // Five: not asked, and the caregiver's consent alone is enough …
        assert!(allows(age(5, 5), std::slice::from_ref(&caregiver)));
        // … but a refusal the child made is not outweighed.
        let s = evaluate(
            AgeRules::DEFAULT,
            age(5, 5),
            Purpose::Assessment,
            &[caregiver.clone(), refused.clone()],
            d(TODAY),
        );
        assert_eq!(s.voice, ChildVoice::NotAsked);
        assert!(!s.allows());
        assert_eq!(
            s.blocking(),
            vec![(
                Party::Child,
                Standing::Refused {
                    on: d("2026-05-02")
                }
            )]
        );
        // Nor at the age of assent, nor when withdrawn; a later agreement by the child lifts it.
        assert!(!allows(age(6, 6), &[caregiver.clone(), refused.clone()]));
        let withdrawn = entry(Giver::Child, Decision::Withdrawn, "2026-05-02");
        assert!(!allows(age(5, 5), &[caregiver.clone(), withdrawn]));
        let agreed = entry(Giver::Child, Decision::Given, "2026-05-03");
        assert!(allows(age(5, 5), &[caregiver, refused, agreed]));
    }

    #[test]
    fn an_older_child_consents_alone() {
        assert!(allows(
            age(16, 16),
            &[entry(Giver::Child, Decision::Given, "2026-05-01")]
        ));
        assert!(!allows(
            age(16, 16),
            &[entry(Giver::Caregiver, Decision::Given, "2026-05-01")]
        ));
    }

    #[test]
    fn withdrawal_and_expiry_end_a_consent_and_the_latest_entry_decides() {
        let given = entry(Giver::Child, Decision::Given, "2026-01-01");
        let withdrawn = entry(Giver::Child, Decision::Withdrawn, "2026-03-01");
        assert!(!allows(age(16, 16), &[given.clone(), withdrawn.clone()]));
        // Given again after the withdrawal.
        let again = entry(Giver::Child, Decision::Given, "2026-04-01");
        assert!(allows(age(16, 16), &[given.clone(), withdrawn, again]));
        let lapsed = Entry {
            expires: Some(d("2026-05-31")),
            ..given.clone()
        };
        let s = evaluate(
            AgeRules::DEFAULT,
            age(16, 16),
            Purpose::Assessment,
            &[lapsed],
            d(TODAY),
        );
        assert_eq!(
            s.parties,
            vec![(
                Party::Child,
                Standing::Expired {
                    on: d("2026-05-31")
                }
            )]
        );
        // An entry dated in the future does not count yet.
        let later = entry(Giver::Child, Decision::Given, "2026-07-01");
        assert!(!allows(age(16, 16), &[later]));
    }

    #[test]
    fn consent_is_per_purpose_and_per_sector() {
        let health = Entry {
            purpose: Purpose::Referral(Sector::Health),
            ..entry(Giver::Child, Decision::Given, "2026-05-01")
        };
        let status = |p| {
            evaluate(
                AgeRules::DEFAULT,
                age(16, 16),
                p,
                std::slice::from_ref(&health),
                d(TODAY),
            )
        };
        assert!(status(Purpose::Referral(Sector::Health)).allows());
        assert!(!status(Purpose::Referral(Sector::Justice)).allows());
        assert!(!status(Purpose::Research).allows());
    }

    #[test]
    fn purposes_round_trip_and_rules_are_checked() {
        for p in [
            Purpose::Assessment,
            Purpose::Referral(Sector::Education),
            Purpose::InformationSharing,
            Purpose::Research,
            Purpose::Photographs,
        ] {
            assert_eq!(Purpose::parse(&p.key()), Some(p));
        }
        assert_eq!(Purpose::parse("referral:nowhere"), None);
        assert!(
            AgeRules {
                assent_from: 16,
                consent_from: 12
            }
            .validated()
            .is_err()
        );
    }
}
