//! Statutory detention clocks. A clock runs from the start of a detention episode (or of the
//! child's first detention) and ends at a deadline computed in the jurisdiction's time zone:
//!
//! - hours count from the minute of apprehension (8 hours is 8 hours);
//! - days and months count calendar days where the child is held, the day detention starts
//!   being day 1 — as detention orders state them ("from 1 to 7 March") — so a 7-day limit
//!   that starts at 23:50 on 1 March ends at midnight after 7 March, local time. Of the two
//!   readings (this, or 7 × 24 hours from the minute of arrest) this one never ends later:
//!   the shorter reading protects the child.
//!
//! An extension adds its amount to the limit and needs an order (or, where the law says so,
//! reasons) made before the limit runs out: once a limit that requires release has passed, the
//! only lawful change is release. Warnings come 48 hours before a day or month deadline, and a quarter of the time
//! before an hour deadline (2 hours before an 8-hour turnover).

use chrono::{DateTime, Days, Months, NaiveTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{Certainty, Jurisdiction};
use crate::error::DomainError;

/// Stages of deprivation of liberty (Havana r.21: the fact of and reasons for commitment).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    PoliceCustody,
    /// Philippines RA 11188: a child rescued, captured or surrendered in armed conflict.
    ArmedConflictCustody,
    Investigation,
    Prosecution,
    FirstInstance,
    Appeal,
    Cassation,
    /// Pre-trial detention where the law does not split it by stage.
    Pretrial,
    Sentenced,
}

impl Stage {
    pub const ALL: [Stage; 9] = [
        Stage::PoliceCustody,
        Stage::ArmedConflictCustody,
        Stage::Investigation,
        Stage::Prosecution,
        Stage::FirstInstance,
        Stage::Appeal,
        Stage::Cassation,
        Stage::Pretrial,
        Stage::Sentenced,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::PoliceCustody => "police_custody",
            Stage::ArmedConflictCustody => "armed_conflict_custody",
            Stage::Investigation => "investigation",
            Stage::Prosecution => "prosecution",
            Stage::FirstInstance => "first_instance",
            Stage::Appeal => "appeal",
            Stage::Cassation => "cassation",
            Stage::Pretrial => "pretrial",
            Stage::Sentenced => "sentenced",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Held before a final judgment (for the pre-sentence indicators).
    pub fn is_pre_sentence(self) -> bool {
        self != Stage::Sentenced
    }
}

/// A length of time as the law states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amount {
    Hours(u32),
    Days(u32),
    Months(u32),
}

impl Amount {
    fn plus(self, other: Amount) -> Option<Amount> {
        match (self, other) {
            (Amount::Hours(a), Amount::Hours(b)) => Some(Amount::Hours(a + b)),
            (Amount::Days(a), Amount::Days(b)) => Some(Amount::Days(a + b)),
            (Amount::Months(a), Amount::Months(b)) => Some(Amount::Months(a + b)),
            _ => None,
        }
    }

    /// How long before the deadline the warning comes.
    pub fn warning(self) -> TimeDelta {
        match self {
            Amount::Hours(h) => TimeDelta::minutes(i64::from(h) * 15).max(TimeDelta::hours(1)),
            Amount::Days(_) | Amount::Months(_) => TimeDelta::hours(48),
        }
    }
}

/// What the law requires when the clock runs out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AtExpiry {
    /// The child must be released: the law allows no more detention.
    ReleaseRequired,
    /// The detention's legality must be reviewed (a recurring clock).
    ReviewRequired,
    /// The child must be handed to social welfare.
    TurnoverRequired,
    /// The child must be brought before a court or competent authority.
    BringBeforeAuthority,
}

impl AtExpiry {
    pub fn as_str(self) -> &'static str {
        match self {
            AtExpiry::ReleaseRequired => "release_required",
            AtExpiry::ReviewRequired => "review_required",
            AtExpiry::TurnoverRequired => "turnover_required",
            AtExpiry::BringBeforeAuthority => "bring_before_authority",
        }
    }
}

/// Where a clock counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum From {
    /// The start of this episode (this stage).
    #[default]
    Episode,
    /// The child's first detention in these proceedings (GC24: 30 days, 6 months).
    FirstDetention,
}

/// What an extension needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Needs {
    #[default]
    Order,
    /// Valid reasons, recorded (RA 11188's 72 hours).
    Reasons,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockRule {
    pub stage: Stage,
    /// A short name for the rule (`limit`, `review`, `charge`, `turnover` …).
    pub rule: String,
    pub limit: Amount,
    #[serde(default)]
    pub extension: Option<Amount>,
    #[serde(default)]
    pub extension_needs: Needs,
    pub at_expiry: AtExpiry,
    /// Runs again from each review (GC24: every 14 days).
    #[serde(default)]
    pub recurring: bool,
    #[serde(default)]
    pub from: From,
    pub source: String,
    pub certainty: Certainty,
}

impl ClockRule {
    pub(super) fn check(&self) -> Result<(), String> {
        if let Some(e) = self.extension
            && self.limit.plus(e).is_none()
        {
            return Err("the extension must be in the unit of the limit".into());
        }
        Ok(())
    }

    /// The child must be brought before a court or competent authority: the clock every first
    /// detention runs, whatever its stage.
    pub fn is_first_appearance(&self) -> bool {
        self.at_expiry == AtExpiry::BringBeforeAuthority
    }

    /// The amount that applies: the limit, plus the extension once ordered.
    pub fn amount(&self, extended: bool) -> Amount {
        match (extended, self.extension) {
            (true, Some(e)) => self.limit.plus(e).unwrap_or(self.limit),
            _ => self.limit,
        }
    }
}

/// The deadline for `amount` counted from `start`, in time zone `tz` (see the module's rule).
pub fn deadline(start: DateTime<Utc>, tz: Tz, amount: Amount) -> DateTime<Utc> {
    let local_day = start.with_timezone(&tz).date_naive();
    let end_day = match amount {
        Amount::Hours(h) => return start + TimeDelta::hours(i64::from(h)),
        Amount::Days(d) => local_day.checked_add_days(Days::new(u64::from(d))),
        Amount::Months(m) => local_day.checked_add_months(Months::new(m)),
    }
    .unwrap_or(local_day);
    // Midnight at the start of the day after the last day. Where the clocks go back over
    // midnight the earlier midnight is taken; where they skip it (00:00 → 01:00) the day
    // begins at the change: midnight by the offset in force before it.
    let midnight = end_day.and_time(NaiveTime::MIN);
    let day_after = match tz.from_local_datetime(&midnight).earliest() {
        Some(t) => t.with_timezone(&Utc),
        None => {
            let before = tz.offset_from_utc_datetime(&(midnight - TimeDelta::days(1)));
            midnight.and_utc() - TimeDelta::seconds(i64::from(before.fix().local_minus_utc()))
        }
    };
    // A day lengthened by a clock change (25 hours) would let the count end later than as
    // many whole days from the minute: the shorter reading is kept.
    day_after.min(start + TimeDelta::days((end_day - local_day).num_days()))
}

/// Where a running clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    Running,
    /// The deadline is near.
    Warning,
    /// The deadline passed and the episode is still open: what the law requires is due now.
    Expired,
    /// The episode ended (release, transfer) before its deadline.
    EndedInTime,
    /// The episode ended after its deadline: a statutory limit was reached without release.
    EndedLate,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Warning => "warning",
            State::Expired => "expired",
            State::EndedInTime => "ended_in_time",
            State::EndedLate => "ended_late",
        }
    }
}

/// The times a clock needs from the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Times {
    pub episode_start: DateTime<Utc>,
    pub first_detention: DateTime<Utc>,
    /// The last review of legality, for recurring clocks.
    pub last_review: Option<DateTime<Utc>>,
    pub extended: bool,
    pub ended: Option<DateTime<Utc>>,
}

/// One clock of an episode, evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock<'a> {
    pub rule: &'a ClockRule,
    pub due: DateTime<Utc>,
    pub state: State,
}

impl ClockRule {
    /// The clock's deadline and state at `now`.
    pub fn evaluate(&self, tz: Tz, t: &Times, now: DateTime<Utc>) -> Clock<'_> {
        let base = match (self.recurring, self.from) {
            (true, _) => t.last_review.unwrap_or(t.episode_start),
            (false, From::Episode) => t.episode_start,
            (false, From::FirstDetention) => t.first_detention,
        };
        let amount = self.amount(t.extended);
        let due = deadline(base, tz, amount);
        let state = match t.ended {
            Some(end) if end <= due => State::EndedInTime,
            Some(_) => State::EndedLate,
            None if now >= due => State::Expired,
            None if due - now <= amount.warning() => State::Warning,
            None => State::Running,
        };
        Clock {
            rule: self,
            due,
            state,
        }
    }
}

/// What is done to an open episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Extend,
    Review,
    Transfer,
    Release,
}

/// The deadline an extension must be ordered before: the earliest unextended limit of the
/// episode's extendable clocks; `None` where none can be extended.
pub fn extension_deadline(
    j: &Jurisdiction,
    stage: Stage,
    t: &Times,
) -> Result<Option<DateTime<Utc>>, DomainError> {
    let tz = j
        .tz()
        .map_err(|_| DomainError::Invalid { field: "time_zone" })?;
    let unextended = Times {
        extended: false,
        ..*t
    };
    Ok(j.clocks_for_episode(stage, t)
        .filter(|r| r.extension.is_some())
        .map(|r| r.evaluate(tz, &unextended, unextended.episode_start).due)
        .min())
}

/// A change to an open episode at `now`. An extension is valid only if ordered before the limit
/// it extends; once a limit that requires release has passed, the law allows nothing but
/// release (Indonesia: SPPA arts 33–37, released by law at expiry; GC24 ~para. 90), so neither
/// an extension nor a review or a transfer can set a clock running again.
pub fn check_change(
    j: &Jurisdiction,
    stage: Stage,
    t: &Times,
    change: Change,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if change == Change::Release {
        return Ok(());
    }
    if change == Change::Extend {
        match extension_deadline(j, stage, t)? {
            Some(limit) if now < limit => {}
            _ => return Err(DomainError::Invalid { field: "extension" }),
        }
    }
    let tz = j
        .tz()
        .map_err(|_| DomainError::Invalid { field: "time_zone" })?;
    let release_due = j.clocks_for_episode(stage, t).any(|r| {
        r.at_expiry == AtExpiry::ReleaseRequired && r.evaluate(tz, t, now).state == State::Expired
    });
    if release_due {
        return Err(DomainError::Invalid { field: "change" });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    struct Case {
        what: &'static str,
        code: &'static str,
        stage: Stage,
        rule: &'static str,
        start: &'static str,
        extended: bool,
        due: &'static str,
    }

    /// Hand-computed deadlines. Offsets: Jakarta +7, Manila +8, Dhaka +6, Kuala Lumpur +8,
    /// Maldives +5 (none of them has daylight saving).
    const CASES: &[Case] = &[
        Case {
            what: "Indonesia, investigation, 23:59 on 1 March in Jakarta: 1 March is day 1, the \
                   7th day ends at midnight after 7 March (17:00 UTC)",
            code: "ID",
            stage: Stage::Investigation,
            rule: "limit",
            start: "2026-03-01T16:59:00Z",
            extended: false,
            due: "2026-03-07T17:00:00Z",
        },
        Case {
            what: "two minutes later it is 2 March in Jakarta (still 1 March in UTC): a day more",
            code: "ID",
            stage: Stage::Investigation,
            rule: "limit",
            start: "2026-03-01T17:01:00Z",
            extended: false,
            due: "2026-03-08T17:00:00Z",
        },
        Case {
            what: "extended by the prosecutor's order: 7 + 8 = 15 days",
            code: "ID",
            stage: Stage::Investigation,
            rule: "limit",
            start: "2026-03-01T16:59:00Z",
            extended: true,
            due: "2026-03-15T17:00:00Z",
        },
        Case {
            what: "Indonesia, prosecution 5 + 5 over a month end",
            code: "ID",
            stage: Stage::Prosecution,
            rule: "limit",
            start: "2026-04-28T03:00:00Z",
            extended: true,
            due: "2026-05-07T17:00:00Z",
        },
        Case {
            what: "Indonesia, cassation 15 + 20 across the new year",
            code: "ID",
            stage: Stage::Cassation,
            rule: "limit",
            start: "2026-12-20T10:00:00Z",
            extended: true,
            due: "2027-01-23T17:00:00Z",
        },
        Case {
            what: "Philippines, turnover to social welfare 8 hours after apprehension, whatever \
                   the day",
            code: "PH",
            stage: Stage::PoliceCustody,
            rule: "turnover",
            start: "2026-05-10T15:30:00Z",
            extended: false,
            due: "2026-05-10T23:30:00Z",
        },
        Case {
            what: "Philippines, a child in armed conflict: handover within 24 hours",
            code: "PH",
            stage: Stage::ArmedConflictCustody,
            rule: "handover",
            start: "2026-05-10T15:30:00Z",
            extended: false,
            due: "2026-05-11T15:30:00Z",
        },
        Case {
            what: "… or 72 hours with valid reasons",
            code: "PH",
            stage: Stage::ArmedConflictCustody,
            rule: "handover",
            start: "2026-05-10T15:30:00Z",
            extended: true,
            due: "2026-05-13T15:30:00Z",
        },
        Case {
            what: "Malaysia, before a Court for Children within 24 hours",
            code: "MY",
            stage: Stage::PoliceCustody,
            rule: "first_appearance",
            start: "2026-07-01T16:10:00Z",
            extended: false,
            due: "2026-07-02T16:10:00Z",
        },
        Case {
            what: "Maldives, 14-day review: 00:30 on 2 June in Malé (19:30 UTC on 1 June) makes \
                   2 June day 1",
            code: "MV",
            stage: Stage::Pretrial,
            rule: "review",
            start: "2026-06-01T19:30:00Z",
            extended: false,
            due: "2026-06-15T19:00:00Z",
        },
        Case {
            what: "Bangladesh, 14-day review from 23:30 on 10 January in Dhaka",
            code: "BD",
            stage: Stage::Pretrial,
            rule: "review",
            start: "2026-01-10T17:30:00Z",
            extended: false,
            due: "2026-01-23T18:00:00Z",
        },
        Case {
            what: "GC24 default, 30 days to charge, in UTC",
            code: "INTL",
            stage: Stage::Pretrial,
            rule: "charge",
            start: "2026-01-31T08:00:00Z",
            extended: false,
            due: "2026-03-02T00:00:00Z",
        },
        Case {
            what: "GC24 default, a final decision within 6 months of 31 August: six months on is \
                   28 February (no 31st), so with 31 August as day 1 the last day is 27 February",
            code: "INTL",
            stage: Stage::Pretrial,
            rule: "final_decision",
            start: "2026-08-31T12:00:00Z",
            extended: false,
            due: "2027-02-28T00:00:00Z",
        },
    ];

    #[test]
    fn statutory_deadlines_match_the_hand_computed_table() {
        for c in CASES {
            let j = Jurisdiction::for_code(c.code);
            assert_eq!(j.code, c.code);
            let rule = j
                .clocks_for(c.stage)
                .find(|r| r.rule == c.rule)
                .unwrap_or_else(|| panic!("{}: no rule {}", c.what, c.rule));
            let start = at(c.start);
            let t = Times {
                episode_start: start,
                first_detention: start,
                last_review: None,
                extended: c.extended,
                ended: None,
            };
            let clock = rule.evaluate(j.tz().unwrap(), &t, start);
            assert_eq!(clock.due, at(c.due), "{}", c.what);
        }
    }

    #[test]
    fn a_clock_change_neither_lengthens_a_count_nor_moves_a_skipped_midnight() {
        // Found by the property tests, in zones an administrator may set (none shipped has
        // daylight saving). Santiago, 13 May 2017 had 25 hours (24:00 → 23:00): 4 days from
        // its first minute end after 4 × 24 hours, not 97.
        let santiago = chrono_tz::America::Santiago;
        let start = at("2017-05-13T03:00:00Z");
        assert_eq!(
            deadline(start, santiago, Amount::Days(4)),
            at("2017-05-17T03:00:00Z")
        );
        // Santiago skipped midnight on 13 August 2017 (00:00 → 01:00, -4 → -3): a day
        // counted from 23:00 on the 12th ends at the change, not 3 hours before it started.
        let start = at("2017-08-13T03:00:00Z");
        assert_eq!(
            deadline(start, santiago, Amount::Days(1)),
            at("2017-08-13T04:00:00Z")
        );
        // Tehran skipped midnight on 22 March 2013 (+3:30 → +4:30): 7 days from 15 March end
        // at the change, not 3½ hours after it.
        let tehran = chrono_tz::Asia::Tehran;
        assert_eq!(
            deadline(at("2013-03-15T08:30:00Z"), tehran, Amount::Days(7)),
            at("2013-03-21T20:30:00Z")
        );
    }

    #[test]
    fn a_clock_warns_then_requires_release_and_an_early_release_is_in_time() {
        let j = Jurisdiction::for_code("ID");
        let rule = j.clocks_for(Stage::Investigation).next().unwrap();
        let start = at("2026-03-01T03:00:00Z");
        let mut t = Times {
            episode_start: start,
            first_detention: start,
            last_review: None,
            extended: false,
            ended: None,
        };
        let tz = j.tz().unwrap();
        let due = at("2026-03-07T17:00:00Z");
        assert_eq!(rule.evaluate(tz, &t, start).state, State::Running);
        assert_eq!(
            rule.evaluate(tz, &t, due - TimeDelta::hours(47)).state,
            State::Warning
        );
        assert_eq!(rule.evaluate(tz, &t, due).state, State::Expired);
        assert_eq!(rule.at_expiry, AtExpiry::ReleaseRequired);
        t.ended = Some(at("2026-03-05T09:00:00Z"));
        assert_eq!(rule.evaluate(tz, &t, due).state, State::EndedInTime);
        t.ended = Some(due + TimeDelta::minutes(1));
        assert_eq!(rule.evaluate(tz, &t, due).state, State::EndedLate);
        // An extension ordered in time moves the deadline; the warning comes again.
        t.ended = None;
        t.extended = true;
        assert_eq!(rule.evaluate(tz, &t, due).state, State::Running);
    }

    #[test]
    fn a_recurring_review_runs_again_from_the_last_review() {
        let j = Jurisdiction::for_code("INTL");
        let rule = j.clocks_for(Stage::Pretrial).find(|r| r.recurring).unwrap();
        let start = at("2026-01-01T10:00:00Z");
        let t = Times {
            episode_start: start,
            first_detention: start,
            last_review: Some(at("2026-01-13T09:00:00Z")),
            extended: false,
            ended: None,
        };
        let c = rule.evaluate(j.tz().unwrap(), &t, start);
        assert_eq!(c.due, at("2026-01-27T00:00:00Z"));
    }

    #[test]
    fn an_extension_is_ordered_before_the_limit_and_after_it_only_release_is_lawful() {
        let id = Jurisdiction::for_code("ID");
        let start = at("2026-03-01T03:00:00Z");
        let mut t = Times {
            episode_start: start,
            first_detention: start,
            last_review: None,
            extended: false,
            ended: None,
        };
        let due = at("2026-03-07T17:00:00Z");
        let stage = Stage::Investigation;
        let change = |c, t: &Times, now| check_change(&id, stage, t, c, now);
        let before = due - TimeDelta::minutes(1);
        let after = due + TimeDelta::minutes(1);
        assert_eq!(extension_deadline(&id, stage, &t), Ok(Some(due)));
        assert_eq!(change(Change::Extend, &t, before), Ok(()));
        let late = Err(DomainError::Invalid { field: "extension" });
        assert_eq!(change(Change::Extend, &t, due), late);
        assert_eq!(change(Change::Extend, &t, after), late);
        assert_eq!(change(Change::Review, &t, before), Ok(()));
        let only_release = Err(DomainError::Invalid { field: "change" });
        assert_eq!(change(Change::Review, &t, after), only_release);
        assert_eq!(change(Change::Transfer, &t, after), only_release);
        assert_eq!(change(Change::Release, &t, after), Ok(()));
        // Extended in time: the limit is 15 days and the episode runs on lawfully.
        t.extended = true;
        assert_eq!(change(Change::Transfer, &t, after), Ok(()));
        // No extension where the law has none.
        let intl = Jurisdiction::for_code("INTL");
        assert_eq!(
            check_change(&intl, Stage::Pretrial, &t, Change::Extend, start),
            late
        );
    }

    #[test]
    fn after_a_turnover_deadline_the_turnover_itself_is_still_recorded() {
        // RA 11188: 24 hours, or 72 with valid reasons recorded before the 24 hours run out.
        let ph = Jurisdiction::for_code("PH");
        let start = at("2026-05-10T15:30:00Z");
        let t = Times {
            episode_start: start,
            first_detention: start,
            last_review: None,
            extended: false,
            ended: None,
        };
        let stage = Stage::ArmedConflictCustody;
        let due = at("2026-05-11T15:30:00Z");
        let now = |m| due + TimeDelta::minutes(m);
        assert_eq!(
            check_change(&ph, stage, &t, Change::Extend, now(-1)),
            Ok(())
        );
        assert_eq!(
            check_change(&ph, stage, &t, Change::Extend, now(1)),
            Err(DomainError::Invalid { field: "extension" })
        );
        assert_eq!(
            check_change(&ph, stage, &t, Change::Transfer, now(1)),
            Ok(())
        );
    }
}
