//! The child-justice indicators, computed from stages, times and dates, never from sealed
//! content.

use pelita_domain::justice::Stage;

use crate::db::args;
use crate::{Store, StoreError, from_micros};

impl Store {
    /// The child-justice indicators over an agency's cases, or over the deployment: computed
    /// from stages, times, separation, contact dates and diversion outcomes, never from sealed
    /// content.
    pub async fn justice_indicators(
        &self,
        agency: Option<&str>,
    ) -> Result<pelita_domain::justice::indicators::Indicators, StoreError> {
        use pelita_domain::justice::indicators::{self, EpisodeFacts, ProceedingFacts};
        let scope = "($1 = '' OR c.agency_id = $1)";
        let a = agency.unwrap_or("");
        let episodes = self
            .pools
            .rows(
                &format!(
                    "SELECT d.case_id, d.jurisdiction, d.stage, d.started_at, d.first_detention_at, \
                     d.last_review_at, d.extended_at, d.ended_at, d.separated, \
                     (SELECT max(f.contact_on) FROM family_contacts f WHERE f.case_id = d.case_id) \
                     FROM detentions d JOIN cases c ON c.id = d.case_id WHERE {scope}"
                ),
                args![a],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(EpisodeFacts {
                    case_id: r.text(0)?,
                    jurisdiction: r.text(1)?,
                    stage: Stage::parse(&r.text(2)?).ok_or(StoreError::Corrupt)?,
                    times: pelita_domain::justice::clock::Times {
                        episode_start: from_micros(r.i64(3)?),
                        first_detention: from_micros(r.i64(4)?),
                        last_review: r.opt_i64(5)?.map(from_micros),
                        extended: r.opt_i64(6)?.is_some(),
                        ended: r.opt_i64(7)?.map(from_micros),
                    },
                    separated_from_adults: r.i64(8)? != 0,
                    last_family_contact: r
                        .opt_text(9)?
                        .and_then(|d| d.parse::<chrono::NaiveDate>().ok())
                        .map(pelita_domain::task::end_of),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let proceedings = self
            .pools
            .rows(
                &format!(
                    "SELECT p.case_id, p.status FROM proceedings p JOIN cases c ON c.id = p.case_id \
                     WHERE {scope}"
                ),
                args![a],
            )
            .await?
            .iter()
            .map(|r| {
                let status = r.text(1)?;
                Ok(ProceedingFacts {
                    case_id: r.text(0)?,
                    diverted: status == "diversion" || status == "diverted",
                    formal: status == "formal",
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(indicators::compute(
            &self.jurisdictions().await?,
            &episodes,
            &proceedings,
            self.now(),
        ))
    }
}
