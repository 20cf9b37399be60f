//! Stays in a reception centre, such as the Maldives' National Reintegration Centre
//! (domain-rules §5.4): admission to a block, reviews on a schedule, a planned release, and the
//! move to family-based care. A centre is a stage on the way to a family, not a destination:
//! every stay carries its planned release from the day it starts.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::DomainError;
use crate::text::{NameText, NoteText};

use super::workflow::Placement;

keyed! {
    /// The NRC's blocks (women; children under 18; men over 18; families).
    pub enum Block { Children = "children", Families = "families", Women = "women", Men = "men" }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Admission {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::name_text))]
    pub centre: NameText,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::block))]
    pub block: Block,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub admitted_on: NaiveDate,
    /// Days between reviews.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::review_days))]
    pub review_every_days: u32,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub planned_release: NaiveDate,
}

/// Reviews come at least every six months and at most weekly.
pub const REVIEW_DAYS: std::ops::RangeInclusive<u32> = 7..=180;

impl Admission {
    pub fn validate(&self, today: NaiveDate) -> Result<(), DomainError> {
        super::check_date(self.admitted_on, today)?;
        if !REVIEW_DAYS.contains(&self.review_every_days) {
            return Err(DomainError::Invalid {
                field: "review_every_days",
            });
        }
        if self.planned_release <= self.admitted_on {
            return Err(DomainError::Invalid {
                field: "planned_release",
            });
        }
        Ok(())
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub on: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::note_text))]
    pub note: NoteText,
    /// The planned release as the review left it.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub planned_release: NaiveDate,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::record_date))]
    pub on: NaiveDate,
    /// Where the child went: a family, family-based care, the community — never another
    /// reception centre through this record (that is a new stay).
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::release_placement))]
    pub to: Placement,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::openapi::maybe_note_text))]
    pub note: Option<NoteText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stay {
    pub admission: Admission,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub release: Option<Release>,
}

impl Stay {
    pub fn planned_release(&self) -> NaiveDate {
        self.reviews
            .last()
            .map_or(self.admission.planned_release, |r| r.planned_release)
    }

    /// The next review, while the child is in the centre.
    pub fn next_review(&self) -> Option<NaiveDate> {
        if self.release.is_some() {
            return None;
        }
        let last = self
            .reviews
            .last()
            .map_or(self.admission.admitted_on, |r| r.on);
        Some(last + Duration::days(i64::from(self.admission.review_every_days)))
    }

    /// A review or the release: not in the future, not before the admission or the last review.
    fn after_last(
        &self,
        on: NaiveDate,
        today: NaiveDate,
        field: &'static str,
    ) -> Result<(), DomainError> {
        if on > today {
            return Err(DomainError::DateInFuture);
        }
        let last = self
            .reviews
            .last()
            .map_or(self.admission.admitted_on, |x| x.on);
        if on < last {
            return Err(DomainError::Invalid { field });
        }
        Ok(())
    }

    pub fn check_review(&self, r: &Review, today: NaiveDate) -> Result<(), DomainError> {
        if self.release.is_some() {
            return Err(DomainError::Invalid { field: "stay" });
        }
        self.after_last(r.on, today, "review")?;
        if r.planned_release <= r.on {
            return Err(DomainError::Invalid { field: "review" });
        }
        Ok(())
    }

    pub fn check_release(&self, r: &Release, today: NaiveDate) -> Result<(), DomainError> {
        if self.release.is_some() || r.to == Placement::ReceptionCentre {
            return Err(DomainError::Invalid { field: "release" });
        }
        self.after_last(r.on, today, "release")
    }

    /// Days in the centre, to the release or to `today`.
    pub fn days(&self, today: NaiveDate) -> i64 {
        let end = self.release.as_ref().map_or(today, |r| r.on);
        (end - self.admission.admitted_on).num_days()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn stay() -> Stay {
        Stay {
            admission: Admission {
                centre: NameText::parse("National Reintegration Centre").unwrap(),
                block: Block::Families,
                admitted_on: day("2026-01-20"),
                review_every_days: 30,
                planned_release: day("2026-07-20"),
            },
            reviews: vec![],
            release: None,
        }
    }

    #[test]
    fn reviews_fall_due_on_schedule_from_the_last_one_and_stop_at_release() {
        let mut s = stay();
        assert_eq!(s.next_review(), Some(day("2026-02-19")));
        let r = Review {
            on: day("2026-02-25"),
            note: NoteText::parse("settling; school visits started").unwrap(),
            planned_release: day("2026-05-01"),
        };
        assert!(s.check_review(&r, day("2026-11-29")).is_ok());
        s.reviews.push(r);
        assert_eq!(s.next_review(), Some(day("2026-03-27")));
        assert_eq!(s.planned_release(), day("2026-05-01"));
        let out = Release {
            on: day("2026-04-28"),
            to: Placement::FamilyBasedCare,
            note: None,
        };
        assert!(s.check_release(&out, day("2026-11-29")).is_ok());
        s.release = Some(out);
        assert_eq!(s.next_review(), None);
        assert_eq!(s.days(day("2026-11-29")), 98);
    }

    #[test]
    fn admissions_plan_their_release_and_releases_go_to_a_family_or_the_community() {
        let today = day("2026-11-29");
        let mut a = stay().admission;
        a.planned_release = a.admitted_on;
        assert!(a.validate(today).is_err());
        let mut a = stay().admission;
        a.review_every_days = 365;
        assert!(a.validate(today).is_err());
        let s = stay();
        let back = Release {
            on: day("2026-02-01"),
            to: Placement::ReceptionCentre,
            note: None,
        };
        assert!(s.check_release(&back, today).is_err());
        let early = Release {
            on: day("2026-01-01"),
            to: Placement::Family,
            note: None,
        };
        assert!(s.check_release(&early, today).is_err());
    }
}
