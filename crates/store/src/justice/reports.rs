//! Reports for the court: the social inquiry.

use chrono::{DateTime, Utc};

use crate::{Readable, Store, StoreError};

use super::{DetentionRecord, ProceedingRecord};

/// What a social inquiry report for the court may say (Beijing r.16): summaries, never the
/// narratives, raw answers or notes of the sections the reader cannot open.
#[derive(Debug, Clone)]
pub struct SocialInquiry {
    pub reference: String,
    pub victim_since: Option<DateTime<Utc>>,
    pub circumstances: Option<pelita_domain::case::Circumstances>,
    /// The child's latest assessment (the web reduces it to per-domain summaries).
    pub assessment: Option<crate::AssessmentRecord>,
    pub plan: Option<(bool, pelita_domain::plan::Plan)>,
    pub living: Option<pelita_domain::family::Living>,
    pub caregivers: usize,
    pub interviews: usize,
    pub detentions: Vec<DetentionRecord>,
    pub proceedings: Vec<ProceedingRecord>,
}

impl Store {
    /// The material of a social inquiry report, through a grant for the justice section: the
    /// one path by which a justice reader learns of the assessment and the plan, as summaries
    /// (the narrative is dropped here). The read is logged as a justice read.
    pub async fn social_inquiry(
        &self,
        grant: &pelita_domain::policy::Grant,
    ) -> Result<SocialInquiry, StoreError> {
        use pelita_domain::policy::Section;
        Store::expect(grant, Section::Justice)?;
        let case_id = grant.case_id();
        if !self.justice_seal(case_id).await?.readable(self.now()) {
            return Err(StoreError::Conflict("the justice records are sealed"));
        }
        self.log_access(&[grant]).await?;
        let meta = self.case_meta(case_id).await?;
        let key = self.case_key(case_id).await?;
        let circumstances = match self.circumstances(case_id).await? {
            Readable::Present(Some(mut c)) => {
                c.narrative = None;
                Some(c)
            }
            _ => None,
        };
        let assessment = self
            .assessments(case_id, &key, Section::Psychosocial)
            .await?
            .pop();
        let plan = match self.plan(case_id, &key).await? {
            Some(crate::PlanRecord {
                plan: Readable::Present(p),
                approved,
                ..
            }) => Some((approved, p)),
            _ => None,
        };
        let (living, caregivers) = match self.household(case_id, &key).await? {
            Some(crate::HouseholdRecord {
                household: Readable::Present(h),
                ..
            }) => (h.living, h.caregivers().count()),
            _ => (None, 0),
        };
        let jkey = self.justice_key(case_id, &key).await?;
        Ok(SocialInquiry {
            reference: meta.reference.to_string(),
            victim_since: match meta.victim {
                pelita_domain::case::VictimStatus::Recognised { since } => Some(since),
                pelita_domain::case::VictimStatus::NotRecorded => None,
            },
            circumstances,
            assessment,
            plan,
            living,
            caregivers,
            interviews: self.interviews(case_id).await?.len(),
            detentions: self.detentions(case_id, &jkey).await?,
            proceedings: self.proceedings(case_id, &jkey).await?,
        })
    }
}
