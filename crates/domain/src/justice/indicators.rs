//! The child-justice indicators (UNICEF/UNODC 2006; GC24's data expectations; domain-rules
//! §7): computed from the register's facts only — stages, times, separation, contact dates —
//! never from sealed content, so they can be published without exposing anyone.

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use super::clock::{State, Times};
use super::{AtExpiry, Jurisdiction, Stage};

/// One detention episode as the indicators see it.
#[derive(Debug, Clone)]
pub struct EpisodeFacts {
    pub case_id: String,
    pub jurisdiction: String,
    pub stage: Stage,
    pub times: Times,
    pub separated_from_adults: bool,
    /// The latest family contact recorded for the child (Havana r.60).
    pub last_family_contact: Option<DateTime<Utc>>,
}

/// One set of proceedings.
#[derive(Debug, Clone)]
pub struct ProceedingFacts {
    pub case_id: String,
    /// A diversion agreement was reached.
    pub diverted: bool,
    /// Formal proceedings.
    pub formal: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicators {
    /// Children deprived of liberty now.
    pub children_in_detention: usize,
    /// Of them, before a final judgment.
    pub children_in_pre_sentence_detention: usize,
    /// Mean and median length of pre-sentence episodes, ended or ongoing, in days.
    pub pre_sentence_days_mean: Option<f64>,
    pub pre_sentence_days_median: Option<f64>,
    /// Share of proceedings that ended in a diversion agreement.
    pub pct_diverted: Option<f64>,
    /// Share of children in formal proceedings who served a custodial sentence (a "sentenced"
    /// episode).
    pub pct_custodial_sentences: Option<f64>,
    /// Share of children detained now who are not wholly separated from adults.
    pub pct_not_separated_from_adults: Option<f64>,
    /// Share of children detained now with family contact in the last 3 months.
    pub pct_family_contact_3_months: Option<f64>,
    /// Share of episodes that reached a statutory limit requiring release without release.
    /// The target is 0.
    pub pct_limit_reached_without_release: Option<f64>,
}

fn pct(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

fn distinct<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut v: Vec<&str> = ids.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// `rules` are the deployment's jurisdictions (with overrides); an episode of another
/// jurisdiction uses the shipped file.
pub fn compute(
    rules: &[Jurisdiction],
    episodes: &[EpisodeFacts],
    proceedings: &[ProceedingFacts],
    now: DateTime<Utc>,
) -> Indicators {
    let open: Vec<&EpisodeFacts> = episodes
        .iter()
        .filter(|e| e.times.ended.is_none())
        .collect();
    let detained = distinct(open.iter().map(|e| e.case_id.as_str()));
    let pre = distinct(
        open.iter()
            .filter(|e| e.stage.is_pre_sentence())
            .map(|e| e.case_id.as_str()),
    );
    let mut days: Vec<f64> = episodes
        .iter()
        .filter(|e| e.stage.is_pre_sentence())
        .map(|e| {
            let end = e.times.ended.unwrap_or(now);
            (end - e.times.episode_start).num_minutes() as f64 / (24.0 * 60.0)
        })
        .collect();
    days.sort_by(f64::total_cmp);
    let mean = (!days.is_empty()).then(|| days.iter().sum::<f64>() / days.len() as f64);
    let median = (!days.is_empty()).then(|| {
        let m = days.len() / 2;
        if days.len().is_multiple_of(2) {
            (days[m - 1] + days[m]) / 2.0
        } else {
            days[m]
        }
    });
    let not_separated = distinct(
        open.iter()
            .filter(|e| !e.separated_from_adults)
            .map(|e| e.case_id.as_str()),
    );
    let contact = distinct(
        open.iter()
            .filter(|e| {
                e.last_family_contact
                    .is_some_and(|c| now - c <= TimeDelta::days(91))
            })
            .map(|e| e.case_id.as_str()),
    );
    let reached = episodes
        .iter()
        .filter(|e| {
            let j = rules
                .iter()
                .find(|j| j.code == e.jurisdiction)
                .cloned()
                .unwrap_or_else(|| Jurisdiction::for_code(&e.jurisdiction));
            let Ok(tz) = j.tz() else { return false };
            j.clocks_for_episode(e.stage, &e.times)
                .filter(|r| r.at_expiry == AtExpiry::ReleaseRequired)
                .any(|r| {
                    matches!(
                        r.evaluate(tz, &e.times, now).state,
                        State::Expired | State::EndedLate
                    )
                })
        })
        .count();
    let formal = distinct(
        proceedings
            .iter()
            .filter(|p| p.formal)
            .map(|p| p.case_id.as_str()),
    );
    let sentenced = formal
        .iter()
        .filter(|c| {
            episodes
                .iter()
                .any(|e| e.case_id == **c && e.stage == Stage::Sentenced)
        })
        .count();
    Indicators {
        children_in_detention: detained.len(),
        children_in_pre_sentence_detention: pre.len(),
        pre_sentence_days_mean: mean,
        pre_sentence_days_median: median,
        pct_diverted: pct(
            proceedings.iter().filter(|p| p.diverted).count(),
            proceedings.len(),
        ),
        pct_custodial_sentences: pct(sentenced, formal.len()),
        pct_not_separated_from_adults: pct(not_separated.len(), detained.len()),
        pct_family_contact_3_months: pct(contact.len(), detained.len()),
        pct_limit_reached_without_release: pct(reached, episodes.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn episode(
        case: &str,
        stage: Stage,
        start: &str,
        ended: Option<&str>,
        separated: bool,
        contact: Option<&str>,
    ) -> EpisodeFacts {
        EpisodeFacts {
            case_id: case.into(),
            jurisdiction: "ID".into(),
            stage,
            times: Times {
                episode_start: at(start),
                first_detention: at(start),
                last_review: None,
                extended: false,
                ended: ended.map(at),
            },
            separated_from_adults: separated,
            last_family_contact: contact.map(at),
        }
    }

    #[test]
    fn the_indicators_count_children_days_shares_and_limits_reached() {
        let now = at("2026-11-29T03:00:00Z");
        let episodes = vec![
            // A: investigation since 10 days (Indonesia, 7 days): limit reached, not released;
            // held with adults; family visited last week.
            episode(
                "A",
                Stage::Investigation,
                "2026-11-19T03:00:00Z",
                None,
                false,
                Some("2026-11-22T03:00:00Z"),
            ),
            // B: released after 4 days, in time.
            episode(
                "B",
                Stage::Investigation,
                "2026-11-01T03:00:00Z",
                Some("2026-11-05T03:00:00Z"),
                true,
                None,
            ),
            // C: sentenced, held now, separated, no contact for five months.
            episode(
                "C",
                Stage::Sentenced,
                "2026-05-01T03:00:00Z",
                None,
                true,
                Some("2026-06-01T03:00:00Z"),
            ),
        ];
        let proceedings = vec![
            ProceedingFacts {
                case_id: "A".into(),
                diverted: false,
                formal: true,
            },
            ProceedingFacts {
                case_id: "B".into(),
                diverted: true,
                formal: false,
            },
            ProceedingFacts {
                case_id: "C".into(),
                diverted: false,
                formal: true,
            },
            ProceedingFacts {
                case_id: "D".into(),
                diverted: true,
                formal: false,
            },
        ];
        let i = compute(&[], &episodes, &proceedings, now);
        assert_eq!(i.children_in_detention, 2, "A and C");
        assert_eq!(i.children_in_pre_sentence_detention, 1, "A");
        assert_eq!(i.pre_sentence_days_mean, Some(7.0), "A 10 days, B 4 days");
        assert_eq!(i.pre_sentence_days_median, Some(7.0));
        assert_eq!(i.pct_diverted, Some(50.0));
        assert_eq!(i.pct_custodial_sentences, Some(50.0), "C of A and C");
        assert_eq!(i.pct_not_separated_from_adults, Some(50.0), "A of A and C");
        assert_eq!(i.pct_family_contact_3_months, Some(50.0), "A of A and C");
        let third = 100.0 / 3.0;
        assert_eq!(
            i.pct_limit_reached_without_release,
            Some(third),
            "A of three episodes"
        );
        let none = compute(&[], &[], &[], now);
        assert_eq!(none.children_in_detention, 0);
        assert_eq!(
            none.pct_limit_reached_without_release, None,
            "no episodes: no share"
        );
    }
}
