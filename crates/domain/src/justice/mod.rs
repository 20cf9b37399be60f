//! Child justice: each jurisdiction's rules as data (one file per jurisdiction in
//! `crates/domain/jurisdictions/`, every rule with its legal source and how certain it is),
//! the minimum-age gate and the statutory detention clocks (domain-rules §3, §5, §8).

pub mod clock;
pub mod indicators;
pub mod macr;
pub mod proceeding;

use serde::{Deserialize, Serialize};

use crate::error::DomainError;

pub use clock::{Amount, AtExpiry, ClockRule, Stage, Times};

/// How sure the source is (domain-rules §0): read in the text, mentioned by a reliable
/// secondary source, or not confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    Verified,
    Mentioned,
    Unverified,
    /// Set by the deployment's administrator, with a reason (shown beside the value).
    Override,
}

impl Certainty {
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Verified => "verified",
            Certainty::Mentioned => "mentioned",
            Certainty::Unverified => "unverified",
            Certainty::Override => "override",
        }
    }
}

/// A value with where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub value: T,
    pub source: String,
    pub certainty: Certainty,
}

/// What the jurisdiction provides for a child below the minimum age instead of proceedings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    pub text: String,
    pub source: String,
    pub certainty: Certainty,
    /// The longest programme the law allows, when it sets one (Indonesia: 6 months).
    #[serde(default)]
    pub max_days: Option<u32>,
}

/// Diversion as the jurisdiction sets it out; evaluated by the diversion rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diversion {
    /// Diversion must be attempted for offences punishable by less than this many years.
    #[serde(default)]
    pub max_penalty_years_below: Option<u32>,
    #[serde(default)]
    pub repeat_offence_excludes: bool,
    #[serde(default)]
    pub victim_consent: bool,
    #[serde(default)]
    pub offer_within_days: Option<u32>,
    #[serde(default)]
    pub breach_action_within_days: Option<u32>,
    #[serde(default)]
    pub every_stage: bool,
    /// Who diverts, by the offence's maximum penalty (the Philippines): the first tier whose
    /// limit the penalty does not exceed.
    #[serde(default)]
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub text: Option<String>,
    pub source: String,
    pub certainty: Certainty,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub up_to_years: u32,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    pub code: String,
    pub name: String,
    /// The IANA time zone deadlines are computed in (a deployment may set its own).
    pub time_zone: String,
    #[serde(default)]
    pub note: String,
    /// Minimum age of criminal responsibility.
    pub macr: Sourced<u32>,
    /// Below this age, criminal responsibility only with maturity or discernment established.
    #[serde(default)]
    pub qualified_until: Option<Sourced<u32>>,
    /// The youngest age at which a child may be detained at all.
    #[serde(default)]
    pub detention_min_age: Option<Sourced<u32>>,
    /// Detention before a sentence only for an offence punishable by at least this many years
    /// (Indonesia: 7, SPPA art. 32(2)(b)).
    #[serde(default)]
    pub detention_min_penalty_years: Option<Sourced<u32>>,
    pub protection_pathway: Pathway,
    #[serde(default)]
    pub diversion: Option<Diversion>,
    pub clocks: Vec<ClockRule>,
}

const FILES: [&str; 6] = [
    include_str!("../../jurisdictions/intl.json"),
    include_str!("../../jurisdictions/bd.json"),
    include_str!("../../jurisdictions/id.json"),
    include_str!("../../jurisdictions/my.json"),
    include_str!("../../jurisdictions/mv.json"),
    include_str!("../../jurisdictions/ph.json"),
];

/// What an administrator may override, with a reason: the numbers a law change moves, and the
/// time zone the deployment works in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverrideKey {
    Macr,
    QualifiedUntil,
    DetentionMinAge,
    TimeZone,
}

impl OverrideKey {
    pub const ALL: [OverrideKey; 4] = [
        OverrideKey::Macr,
        OverrideKey::QualifiedUntil,
        OverrideKey::DetentionMinAge,
        OverrideKey::TimeZone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OverrideKey::Macr => "macr",
            OverrideKey::QualifiedUntil => "qualified_until",
            OverrideKey::DetentionMinAge => "detention_min_age",
            OverrideKey::TimeZone => "time_zone",
        }
    }

    pub fn parse(s: &str) -> Option<OverrideKey> {
        OverrideKey::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Shortest reason an override is accepted with.
pub const OVERRIDE_REASON_MIN: usize = 20;

/// The code of the international default.
pub const INTERNATIONAL: &str = "INTL";

impl Jurisdiction {
    /// Parses and checks a jurisdiction file: a known time zone, clocks whose extension is in
    /// the unit of their limit.
    pub fn parse(json: &str) -> Result<Jurisdiction, String> {
        let j: Jurisdiction = serde_json::from_str(json).map_err(|e| e.to_string())?;
        j.tz()?;
        for c in &j.clocks {
            c.check()
                .map_err(|e| format!("{} {:?}: {e}", j.code, c.stage))?;
        }
        Ok(j)
    }

    /// Every jurisdiction Pelita ships: the five countries and the international default.
    pub fn builtin() -> Vec<Jurisdiction> {
        FILES
            .iter()
            .map(|f| Jurisdiction::parse(f).expect("the shipped jurisdiction files are valid"))
            .collect()
    }

    /// A shipped jurisdiction by its code (`ID`, `PH`, …); the international default otherwise.
    pub fn for_code(code: &str) -> Jurisdiction {
        let all = Jurisdiction::builtin();
        let pick = |c: &str| all.iter().find(|j| j.code.eq_ignore_ascii_case(c)).cloned();
        pick(code)
            .or_else(|| pick(INTERNATIONAL))
            .expect("the international default ships")
    }

    pub fn tz(&self) -> Result<chrono_tz::Tz, String> {
        self.time_zone
            .parse()
            .map_err(|_| format!("unknown time zone {}", self.time_zone))
    }

    /// Applies an administrator's override: the value replaces the file's, and the source says
    /// who changed it, when and why. Refused: an age outside 0–18, an unknown time zone, a
    /// reason shorter than [`OVERRIDE_REASON_MIN`] characters.
    pub fn apply(&mut self, key: OverrideKey, value: &str, why: &str) -> Result<(), DomainError> {
        if why.trim().chars().count() < OVERRIDE_REASON_MIN {
            return Err(DomainError::ReasonRequired);
        }
        let source = why.trim().to_owned();
        let age = || -> Result<Sourced<u32>, DomainError> {
            match value.trim().parse::<u32>() {
                Ok(v) if v <= 18 => Ok(Sourced {
                    value: v,
                    source: source.clone(),
                    certainty: Certainty::Override,
                }),
                _ => Err(DomainError::Invalid { field: "value" }),
            }
        };
        match key {
            OverrideKey::Macr => self.macr = age()?,
            OverrideKey::QualifiedUntil => self.qualified_until = Some(age()?),
            OverrideKey::DetentionMinAge => self.detention_min_age = Some(age()?),
            OverrideKey::TimeZone => {
                value
                    .trim()
                    .parse::<chrono_tz::Tz>()
                    .map_err(|_| DomainError::Invalid { field: "value" })?;
                self.time_zone = value.trim().to_owned();
            }
        }
        Ok(())
    }

    /// The rules this jurisdiction sets for a stage. An episode's running clocks are
    /// [`Jurisdiction::clocks_for_episode`].
    pub fn clocks_for(&self, stage: Stage) -> impl Iterator<Item = &ClockRule> {
        self.clocks.iter().filter(move |c| c.stage == stage)
    }

    /// The clocks that run on an episode: its stage's and, on the child's first detention at
    /// any stage before a sentence, the first-appearance clock wherever the file lists it — a
    /// child held first in pre-trial detention is also brought before a competent authority in
    /// time (GC24 ~para. 90). A sentence is a court's decision: that authority was reached.
    pub fn clocks_for_episode<'a>(
        &'a self,
        stage: Stage,
        t: &Times,
    ) -> impl Iterator<Item = &'a ClockRule> {
        let first = t.episode_start == t.first_detention && stage.is_pre_sentence();
        let appearance = self
            .clocks
            .iter()
            .filter(move |c| first && c.stage != stage && c.is_first_appearance());
        self.clocks_for(stage).chain(appearance)
    }

    /// The stages this jurisdiction's register offers: its own, then "sentenced".
    pub fn stages(&self) -> Vec<Stage> {
        let mut v: Vec<Stage> = Vec::new();
        for c in &self.clocks {
            if !v.contains(&c.stage) {
                v.push(c.stage);
            }
        }
        v.push(Stage::Sentenced);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_jurisdiction_parses_with_a_source_for_each_rule() {
        let all = Jurisdiction::builtin();
        let codes: Vec<&str> = all.iter().map(|j| j.code.as_str()).collect();
        assert_eq!(codes, ["INTL", "BD", "ID", "MY", "MV", "PH"]);
        for j in &all {
            assert!(!j.macr.source.is_empty() && !j.protection_pathway.source.is_empty());
            assert!(j.clocks.iter().all(|c| !c.source.is_empty()), "{}", j.code);
            assert!(j.tz().is_ok());
        }
        let macr: Vec<u32> = all.iter().map(|j| j.macr.value).collect();
        assert_eq!(macr, [14, 9, 12, 10, 15, 15], "domain-rules §8.1");
        assert_eq!(Jurisdiction::for_code("xx").code, "INTL");
    }

    #[test]
    fn an_override_needs_a_reason_and_a_plausible_value_and_says_so_beside_the_value() {
        let mut mv = Jurisdiction::for_code("MV");
        let why = "Juvenile Justice (Amendment) Act 2026, s.3, in force 1 March 2026";
        assert_eq!(
            mv.apply(OverrideKey::Macr, "12", "law changed"),
            Err(DomainError::ReasonRequired)
        );
        assert!(mv.apply(OverrideKey::Macr, "40", why).is_err());
        assert!(
            mv.apply(OverrideKey::TimeZone, "Mars/Olympus", why)
                .is_err()
        );
        mv.apply(OverrideKey::Macr, "12", why).unwrap();
        assert_eq!(mv.macr.value, 12);
        assert_eq!(mv.macr.certainty, Certainty::Override);
        assert_eq!(mv.macr.source, why);
        let mut id = Jurisdiction::for_code("ID");
        id.apply(
            OverrideKey::TimeZone,
            "Asia/Makassar",
            "Deployment in Makassar, Sulawesi (WITA)",
        )
        .unwrap();
        assert_eq!(id.tz().unwrap(), chrono_tz::Asia::Makassar);
    }

    #[test]
    fn a_file_with_an_unknown_time_zone_or_a_mixed_extension_is_refused() {
        let intl = FILES[0];
        assert!(Jurisdiction::parse(&intl.replace("\"UTC\"", "\"Mars/Olympus\"")).is_err());
        let id = FILES[2].replace(
            "\"extension\": {\"days\": 8}",
            "\"extension\": {\"hours\": 8}",
        );
        assert!(Jurisdiction::parse(&id).is_err());
    }

    #[test]
    fn every_first_detention_runs_the_first_appearance_clock() {
        let at = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
        let start = at("2026-06-01T10:00:00Z");
        let first = Times {
            episode_start: start,
            first_detention: start,
            last_review: None,
            extended: false,
            ended: None,
        };
        let later = Times {
            first_detention: start - chrono::TimeDelta::hours(20),
            ..first
        };
        let appearance = |code: &str, stage, t: &Times| {
            let j = Jurisdiction::for_code(code);
            let tz = j.tz().unwrap();
            j.clocks_for_episode(stage, t)
                .filter(|r| r.is_first_appearance())
                .map(|r| r.evaluate(tz, t, start).due)
                .collect::<Vec<_>>()
        };
        let day = vec![at("2026-06-02T10:00:00Z")];
        // Pre-trial detention under the international default, and in Malaysia.
        assert_eq!(appearance("INTL", Stage::Pretrial, &first), day);
        assert_eq!(appearance("MY", Stage::Pretrial, &first), day);
        // Police custody has it already: once, not twice.
        assert_eq!(appearance("INTL", Stage::PoliceCustody, &first), day);
        // A later episode, or a sentence, does not start it again.
        assert!(appearance("INTL", Stage::Pretrial, &later).is_empty());
        assert!(appearance("INTL", Stage::Sentenced, &first).is_empty());
        // The stage's own clocks still run.
        let intl = Jurisdiction::for_code("INTL");
        assert_eq!(
            intl.clocks_for_episode(Stage::Pretrial, &first).count(),
            intl.clocks_for(Stage::Pretrial).count() + 1
        );
    }
}
