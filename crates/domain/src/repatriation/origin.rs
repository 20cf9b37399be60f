//! Where the child has been and who the child is on paper: countries and periods, birth
//! abroad, the parents' links, camps or detention abroad, documents, nationality, birth
//! registration and identity verification (domain-rules §3.6, §5.4, §8.11).
//!
//! The conclusions say most of these children took no active or supportive role; the record
//! starts from that. Any other finding is a claim about a child and carries its source.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::text::{NameText, NoteText};

keyed! {
    /// Countries offered in forms (ISO 3166-1 alpha-2): the five countries, the places their
    /// children travelled through or were held in, and their neighbours.
    pub enum Country {
        Bangladesh = "BD", Indonesia = "ID", Malaysia = "MY", Maldives = "MV", Philippines = "PH",
        Syria = "SY", Iraq = "IQ", Turkiye = "TR", Afghanistan = "AF", Pakistan = "PK",
        Iran = "IR", Yemen = "YE", Somalia = "SO", Libya = "LY", Egypt = "EG", Jordan = "JO",
        Lebanon = "LB", SaudiArabia = "SA", Qatar = "QA", UnitedArabEmirates = "AE",
        India = "IN", SriLanka = "LK", Myanmar = "MM", Thailand = "TH", Singapore = "SG",
        Brunei = "BN", Other = "other",
    }
}

keyed! {
    /// What kind of time the child spent in a country.
    pub enum StayKind {
        Lived = "lived", Transit = "transit", Camp = "camp",
        DetentionAbroad = "detention_abroad",
    }
}

/// A date known to a day, a month, a year, or not at all: travel histories are reconstructed
/// from what children and families remember.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "precision",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "PartialDateInput"
)]
pub enum PartialDate {
    Day { date: NaiveDate },
    Month { year: i32, month: u32 },
    Year { year: i32 },
    Unknown,
}

/// What a [`PartialDate`] is read from: `Unknown` as an empty struct variant, where
/// `deny_unknown_fields` holds (serde ignores fields beside the tag of a unit variant). The
/// stored form is the same.
#[derive(Deserialize)]
#[serde(tag = "precision", rename_all = "snake_case", deny_unknown_fields)]
enum PartialDateInput {
    Day { date: NaiveDate },
    Month { year: i32, month: u32 },
    Year { year: i32 },
    Unknown {},
}

impl From<PartialDateInput> for PartialDate {
    fn from(d: PartialDateInput) -> PartialDate {
        match d {
            PartialDateInput::Day { date } => PartialDate::Day { date },
            PartialDateInput::Month { year, month } => PartialDate::Month { year, month },
            PartialDateInput::Year { year } => PartialDate::Year { year },
            PartialDateInput::Unknown {} => PartialDate::Unknown,
        }
    }
}

impl PartialDate {
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or blank (unknown).
    pub fn parse(raw: &str) -> Result<PartialDate, DomainError> {
        let raw = raw.trim();
        let num = |s: &str| s.parse::<u32>().map_err(|_| DomainError::ImpossibleDate);
        let d = match raw.split('-').collect::<Vec<_>>()[..] {
            [""] => PartialDate::Unknown,
            [y] if y.len() == 4 => PartialDate::Year {
                year: num(y)? as i32,
            },
            [y, m] if y.len() == 4 => PartialDate::Month {
                year: num(y)? as i32,
                month: num(m)?,
            },
            _ => PartialDate::Day {
                date: NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                    .map_err(|_| DomainError::ImpossibleDate)?,
            },
        };
        if d != PartialDate::Unknown && d.earliest().is_none() {
            return Err(DomainError::ImpossibleDate);
        }
        Ok(d)
    }

    /// The first day the date could be.
    pub fn earliest(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Day { date } => Some(date),
            PartialDate::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            PartialDate::Year { year } => NaiveDate::from_ymd_opt(year, 1, 1),
            PartialDate::Unknown => None,
        }
    }

    /// The last day the date could be.
    pub fn latest(&self) -> Option<NaiveDate> {
        match *self {
            PartialDate::Day { date } => Some(date),
            PartialDate::Month { .. } => self
                .earliest()?
                .checked_add_months(Months::new(1))?
                .pred_opt(),
            PartialDate::Year { year } => NaiveDate::from_ymd_opt(year, 12, 31),
            PartialDate::Unknown => None,
        }
    }

    /// The form's text for this date (what `parse` reads back).
    pub fn to_input(&self) -> String {
        match *self {
            PartialDate::Day { date } => date.format("%Y-%m-%d").to_string(),
            PartialDate::Month { year, month } => format!("{year:04}-{month:02}"),
            PartialDate::Year { year } => format!("{year:04}"),
            PartialDate::Unknown => String::new(),
        }
    }

    pub fn precision(&self) -> &'static str {
        match self {
            PartialDate::Day { .. } => "day",
            PartialDate::Month { .. } => "month",
            PartialDate::Year { .. } => "year",
            PartialDate::Unknown => "unknown",
        }
    }

    fn not_after(&self, today: NaiveDate) -> Result<(), DomainError> {
        // A date read from JSON may name a month 13: it has no first day.
        if *self != PartialDate::Unknown && self.latest().is_none() {
            return Err(DomainError::ImpossibleDate);
        }
        match self.earliest() {
            Some(d) if d > today => Err(DomainError::DateInFuture),
            Some(d) if d.year() < 1900 => Err(DomainError::ImpossibleDate),
            _ => Ok(()),
        }
    }
}

/// A period in one country.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stay {
    pub country: Country,
    pub kind: StayKind,
    pub from: PartialDate,
    /// `None` while the child is still there.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_partial_date))]
    pub to: Option<PartialDate>,
    /// Town, camp or facility, as the family names it.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_name_text))]
    pub place: Option<NameText>,
}

/// Born outside the country of nationality.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BirthAbroad {
    pub country: Country,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_name_text))]
    pub place: Option<NameText>,
    /// What documents the birth, if anything (a camp clinic's note, a hospital card…).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_note_text))]
    pub documents: Option<NoteText>,
}

keyed! {
    pub enum Parent { Mother = "mother", Father = "father", Guardian = "guardian" }
}

/// A parent's link with a group: about the parent, never a finding about the child.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParentLink {
    pub parent: Parent,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub link: NoteText,
    /// Where the information comes from.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub source: NoteText,
}

/// What the child did. "No active role" until a finding with its source says otherwise: the
/// type has no way to hold a finding without one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ChildRole {
    #[default]
    NoActiveRole,
    Finding {
        finding: NoteText,
        source: NoteText,
    },
}

keyed! {
    pub enum DocumentKind {
        BirthCertificate = "birth_certificate", Passport = "passport",
        NationalId = "national_id", FamilyCard = "family_card",
        TravelDocument = "travel_document", CampRegistration = "camp_registration",
        Other = "other",
    }
}

/// An identity document the child holds, or one that is missing.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub kind: DocumentKind,
    pub held: bool,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_country))]
    pub issued_by: Option<Country>,
}

keyed! {
    #[derive(Default)]
    pub enum NationalityStatus {
        #[default] Unknown = "unknown", Confirmed = "confirmed", Claimed = "claimed",
        Disputed = "disputed", AtRiskOfStatelessness = "at_risk_of_statelessness",
    }
}

keyed! {
    #[derive(Default)]
    pub enum BirthRegistration {
        #[default] Unknown = "unknown", Registered = "registered", NotRegistered = "not_registered",
    }
}

keyed! {
    pub enum VerificationMethod {
        Document = "document", Dna = "dna", Interview = "interview",
        Biometric = "biometric", Other = "other",
    }
}

keyed! {
    pub enum VerificationResult { Confirmed = "confirmed", NotConfirmed = "not_confirmed", Pending = "pending" }
}

/// One check of who the child is: how, with what result, by whom and when.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub method: VerificationMethod,
    pub result: VerificationResult,
    /// The person and body that verified (e.g. "Dr A. Shareef, police forensic laboratory").
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub verified_by: NameText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub verified_on: NaiveDate,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 50))]
    pub stays: Vec<Stay>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline))]
    pub born_abroad: Option<BirthAbroad>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 50))]
    pub parent_links: Vec<ParentLink>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::child_role))]
    pub child_role: ChildRole,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 50))]
    pub documents: Vec<Document>,
    pub nationality: NationalityStatus,
    /// The country whose nationality is confirmed or claimed.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_country))]
    pub nationality_country: Option<Country>,
    pub birth_registration: BirthRegistration,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(inline, max_items = 50))]
    pub verifications: Vec<Verification>,
}

/// At most this many rows in each list of the record.
pub const MAX_ROWS: usize = 50;

impl Origin {
    pub fn validate(&self, today: NaiveDate) -> Result<(), DomainError> {
        if [
            self.stays.len(),
            self.parent_links.len(),
            self.documents.len(),
            self.verifications.len(),
        ]
        .iter()
        .any(|n| *n > MAX_ROWS)
        {
            return Err(DomainError::TooLong {
                field: "origin",
                max: MAX_ROWS,
            });
        }
        for s in &self.stays {
            s.from.not_after(today)?;
            if let Some(to) = &s.to {
                to.not_after(today)?;
                if let (Some(a), Some(b)) = (s.from.earliest(), to.latest())
                    && b < a
                {
                    return Err(DomainError::Invalid { field: "stay_to" });
                }
            }
        }
        for v in &self.verifications {
            super::check_date(v.verified_on, today)?;
        }
        if matches!(
            self.nationality,
            NationalityStatus::Confirmed | NationalityStatus::Claimed
        ) && self.nationality_country.is_none()
        {
            return Err(DomainError::Required {
                field: "nationality_country",
            });
        }
        Ok(())
    }

    /// Identity or nationality documented: a document held, a confirmed verification, or a
    /// confirmed nationality (the indicator of domain-rules §7.4).
    pub fn identity_documented(&self) -> bool {
        self.documents.iter().any(|d| d.held)
            || self
                .verifications
                .iter()
                .any(|v| v.result == VerificationResult::Confirmed)
            || self.nationality == NationalityStatus::Confirmed
    }

    /// Identity confirmed by at least one verification (the first step before the border).
    pub fn identity_verified(&self) -> Option<NaiveDate> {
        self.verifications
            .iter()
            .filter(|v| v.result == VerificationResult::Confirmed)
            .map(|v| v.verified_on)
            .min()
    }

    /// Time in camps or detention abroad: the adversity the conclusions ask workers to keep
    /// in mind.
    pub fn held_abroad(&self) -> bool {
        self.stays
            .iter()
            .any(|s| matches!(s.kind, StayKind::Camp | StayKind::DetentionAbroad))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn partial_dates_keep_their_precision_and_refuse_impossible_ones() {
        assert_eq!(
            PartialDate::parse("2019").unwrap(),
            PartialDate::Year { year: 2019 }
        );
        let m = PartialDate::parse("2020-02").unwrap();
        assert_eq!(m.latest(), Some(day("2020-02-29")));
        assert_eq!(m.to_input(), "2020-02");
        assert_eq!(PartialDate::parse("").unwrap(), PartialDate::Unknown);
        for bad in ["2019-13", "2019-02-30", "19", "abc", "2019-00"] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
        // Unknown fields are refused whatever the precision; the stored form still loads.
        for bad in [
            r#"{"precision":"unknown","admin":true}"#,
            r#"{"precision":"year","year":2019,"month":3}"#,
        ] {
            assert!(serde_json::from_str::<PartialDate>(bad).is_err(), "{bad}");
        }
        for d in [PartialDate::Unknown, m] {
            let stored = serde_json::to_string(&d).unwrap();
            assert_eq!(serde_json::from_str::<PartialDate>(&stored).unwrap(), d);
        }
    }

    #[test]
    fn the_child_has_no_active_role_unless_a_sourced_finding_says_so() {
        let o = Origin::default();
        assert_eq!(o.child_role, ChildRole::NoActiveRole);
        // A finding without a source cannot even be read.
        let unsourced = serde_json::json!({"kind": "finding", "finding": "carried messages"});
        assert!(serde_json::from_value::<ChildRole>(unsourced).is_err());
    }

    #[test]
    fn stays_end_after_they_start_and_not_in_the_future() {
        let today = day("2026-11-29");
        let mut o = Origin::default();
        o.stays.push(Stay {
            country: Country::Syria,
            kind: StayKind::Camp,
            from: PartialDate::parse("2019-03").unwrap(),
            to: Some(PartialDate::parse("2019-03-10").unwrap()),
            place: None,
        });
        assert!(o.validate(today).is_ok(), "same month, later day");
        o.stays[0].to = Some(PartialDate::parse("2018").unwrap());
        assert_eq!(
            o.validate(today),
            Err(DomainError::Invalid { field: "stay_to" })
        );
        o.stays[0].to = Some(PartialDate::parse("2027").unwrap());
        assert_eq!(o.validate(today), Err(DomainError::DateInFuture));
        o.stays[0].to = Some(PartialDate::Month {
            year: 2019,
            month: 13,
        });
        assert_eq!(o.validate(today), Err(DomainError::ImpossibleDate));
        assert!(o.held_abroad());
    }

    #[test]
    fn a_confirmed_nationality_names_its_country_and_counts_as_documented() {
        let today = day("2026-11-29");
        let mut o = Origin {
            nationality: NationalityStatus::Confirmed,
            ..Origin::default()
        };
        assert!(o.validate(today).is_err());
        o.nationality_country = Some(Country::Maldives);
        assert!(o.validate(today).is_ok());
        assert!(o.identity_documented());
        o.nationality = NationalityStatus::AtRiskOfStatelessness;
        assert!(!o.identity_documented());
        o.documents.push(Document {
            kind: DocumentKind::Passport,
            held: false,
            issued_by: None,
        });
        assert!(
            !o.identity_documented(),
            "a missing document documents nothing"
        );
    }
}
