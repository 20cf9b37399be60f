//! Statutory clocks (`justice/clock.rs`): every start instant, every jurisdiction file and
//! stage, in the file's time zone or in one an administrator set — among them zones whose
//! clocks change at midnight (Santiago, São Paulo until 2019, Havana, Beirut, Tehran until
//! 2022), by half an hour (Lord Howe) or at night (London, New York).

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, Days, Months, NaiveDate, NaiveTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use pelita_domain::DomainError;
use pelita_domain::justice::clock::{
    Amount, AtExpiry, Change, ClockRule, From as Counted, Stage, Times, check_change, deadline,
};
use pelita_domain::justice::{Jurisdiction, OverrideKey};
use proptest::prelude::*;
use proptest::sample::select;

use super::{FIRST_YEAR, LAST_YEAR, date, day};

static FILES: LazyLock<Vec<Jurisdiction>> = LazyLock::new(Jurisdiction::builtin);

const ZONES: [&str; 8] = [
    "America/Santiago",
    "America/Sao_Paulo",
    "America/Havana",
    "Asia/Beirut",
    "Asia/Tehran",
    "Australia/Lord_Howe",
    "Europe/London",
    "America/New_York",
];

/// Per zone, the days of 2000–2035 on which its offset changes.
static CHANGES: LazyLock<HashMap<Tz, Vec<NaiveDate>>> = LazyLock::new(|| {
    let offset = |tz: Tz, d: NaiveDate| {
        tz.offset_from_utc_datetime(&d.and_time(NaiveTime::MIN))
            .fix()
    };
    ZONES
        .iter()
        .map(|z| {
            let tz: Tz = z.parse().expect("a zone");
            let mut days = Vec::new();
            let mut d = day(FIRST_YEAR, 1, 1);
            while d < day(LAST_YEAR, 12, 31) {
                let next = d + Days::new(1);
                if offset(tz, d) != offset(tz, next) {
                    days.push(d);
                }
                d = next;
            }
            (tz, days)
        })
        .collect()
});

/// A shipped jurisdiction, in its own time zone or, overridden, in one of [`ZONES`].
fn setting() -> impl Strategy<Value = (Jurisdiction, Tz)> {
    (0..FILES.len(), proptest::option::of(0..ZONES.len())).prop_map(|(i, zone)| {
        let mut j = FILES[i].clone();
        if let Some(z) = zone {
            j.apply(
                OverrideKey::TimeZone,
                ZONES[z],
                "A deployment in another time zone (property test)",
            )
            .expect("a known zone with a reason");
        }
        let tz = j.tz().expect("a known zone");
        (j, tz)
    })
}

fn local(tz: Tz, at: chrono::NaiveDateTime) -> DateTime<Utc> {
    tz.from_local_datetime(&at)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| at.and_utc())
}

/// An instant from 2000 to 2035: anywhere; within two hours of a local midnight; on a day
/// within `amount` before a change of the zone's clocks; or on the day (give or take one)
/// from which `amount` ends on the day of a change.
fn instant(tz: Tz, amount: Amount) -> BoxedStrategy<DateTime<Utc>> {
    let first = day(FIRST_YEAR, 1, 1).and_time(NaiveTime::MIN).and_utc();
    let span = (day(LAST_YEAR, 12, 31).and_time(NaiveTime::MIN).and_utc() - first).num_seconds();
    let anywhere = (0..=span).prop_map(move |s| first + TimeDelta::seconds(s));
    let midnight = (date(), -7200i64..=7200)
        .prop_map(move |(d, s)| local(tz, d.and_time(NaiveTime::MIN)) + TimeDelta::seconds(s));
    let changes = CHANGES.get(&tz).cloned().unwrap_or_default();
    if changes.is_empty() {
        return prop_oneof![anywhere, midnight].boxed();
    }
    let on_day = move |day: NaiveDate, s: i64| {
        local(tz, day.and_time(NaiveTime::MIN)) + TimeDelta::seconds(s)
    };
    let within = (days_spanned(amount) + 1) as i64;
    let before_change = (select(changes.clone()), -1..=within, time_of_day())
        .prop_map(move |(change, before, s)| on_day(change - TimeDelta::days(before), s));
    let ending_at_change =
        (select(changes), -1i64..=1, time_of_day()).prop_map(move |(change, shift, s)| {
            let end = change + TimeDelta::days(shift);
            let start = match amount {
                Amount::Hours(h) => end - TimeDelta::hours(i64::from(h)),
                Amount::Days(d) => end - Days::new(u64::from(d)),
                Amount::Months(m) => end - Months::new(m),
            };
            on_day(start, s)
        });
    prop_oneof![
        1 => anywhere,
        1 => midnight,
        1 => before_change,
        2 => ending_at_change,
    ]
    .boxed()
}

/// Seconds into a local day; the hour after midnight and the hour before it come often.
fn time_of_day() -> impl Strategy<Value = i64> {
    prop_oneof![0i64..86_400, 0i64..3_600, 82_800i64..86_400]
}

fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        (1u32..=96).prop_map(Amount::Hours),
        (1u32..=40).prop_map(Amount::Days),
        (1u32..=12).prop_map(Amount::Months),
    ]
}

fn days_spanned(amount: Amount) -> u64 {
    match amount {
        Amount::Hours(h) => u64::from(h / 24),
        Amount::Days(d) => u64::from(d),
        Amount::Months(m) => u64::from(m) * 31,
    }
}

/// A zone, an amount and a start instant.
fn zone_amount_start() -> impl Strategy<Value = (Tz, Amount, DateTime<Utc>)> {
    (setting(), amount())
        .prop_flat_map(|((_, tz), amount)| (Just(tz), Just(amount), instant(tz, amount)))
}

/// An open detention episode: a jurisdiction and its zone, a stage (one the jurisdiction's
/// register offers, or any), the times the clocks read.
fn episode() -> impl Strategy<Value = (Jurisdiction, Tz, Stage, Times)> {
    setting()
        .prop_flat_map(|(j, tz)| {
            let stage = prop_oneof![select(j.stages()), select(Stage::ALL.to_vec())];
            let start = prop_oneof![
                instant(tz, Amount::Days(14)),
                instant(tz, Amount::Days(30)),
                instant(tz, Amount::Months(6)),
            ];
            let held_before = prop_oneof![Just(0i64), 0i64..=90 * 86_400];
            let review = proptest::option::of(0i64..=40 * 86_400);
            (
                Just(j),
                Just(tz),
                stage,
                start,
                held_before,
                review,
                any::<bool>(),
            )
        })
        .prop_map(|(j, tz, stage, start, held_before, review, extended)| {
            let t = Times {
                episode_start: start,
                first_detention: start - TimeDelta::seconds(held_before),
                last_review: review.map(|s| start + TimeDelta::seconds(s)),
                extended,
                ended: None,
            };
            (j, tz, stage, t)
        })
}

/// Where a rule counts from (the contract of `ClockRule::evaluate`).
fn base(rule: &ClockRule, t: &Times) -> DateTime<Utc> {
    match (rule.recurring, rule.from) {
        (true, _) => t.last_review.unwrap_or(t.episode_start),
        (false, Counted::Episode) => t.episode_start,
        (false, Counted::FirstDetention) => t.first_detention,
    }
}

/// The calendar days an amount of days or months covers from `first`, that day counted.
fn last_day_counted(first: NaiveDate, amount: Amount) -> Option<NaiveDate> {
    let end = match amount {
        Amount::Hours(_) => return None,
        Amount::Days(d) => first + Days::new(u64::from(d)),
        Amount::Months(m) => first + Months::new(m),
    };
    Some(end - Days::new(1))
}

/// The first instant of `day` in the zone, found by bisection, independently of the
/// calendar arithmetic under test (the zones tested never turn their clocks back over
/// midnight, so the local date only moves forward).
fn day_begins(tz: Tz, day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_time(NaiveTime::MIN).and_utc();
    let (mut before, mut from) = (
        midnight - TimeDelta::hours(16),
        midnight + TimeDelta::hours(16),
    );
    while from - before > TimeDelta::seconds(1) {
        let mid = before + (from - before) / 2;
        if mid.with_timezone(&tz).date_naive() >= day {
            from = mid;
        } else {
            before = mid;
        }
    }
    from
}

/// What a deadline promises for any amount from any start: never before the start; hours from
/// the minute; days and months as calendar days in the zone with the first day counted, so the
/// deadline falls within (at the latest, at the end of) the last day counted — never later
/// than as many whole 24-hour days from the minute (the shorter reading).
fn deadline_holds(tz: Tz, start: DateTime<Utc>, amount: Amount) -> Result<(), TestCaseError> {
    let due = deadline(start, tz, amount);
    prop_assert!(due > start, "{amount:?} from {start} in {tz}: due {due}");
    let first = start.with_timezone(&tz).date_naive();
    match last_day_counted(first, amount) {
        None => {
            let Amount::Hours(h) = amount else {
                unreachable!()
            };
            prop_assert_eq!(due, start + TimeDelta::hours(i64::from(h)));
        }
        Some(last) => {
            let days = (last - first).num_days() + 1;
            prop_assert!(
                due <= start + TimeDelta::days(days),
                "{amount:?} from {start} in {tz}: due {due}, later than {days} × 24 hours"
            );
            let held_into = (due - TimeDelta::seconds(1))
                .with_timezone(&tz)
                .date_naive();
            prop_assert_eq!(
                held_into,
                last,
                "{:?} from {} in {}: due {}",
                amount,
                start,
                tz,
                due
            );
            // Exactly: the earlier of the day after the last day counted, as it begins in the
            // zone, and the whole 24-hour days.
            let expected = day_begins(tz, last + Days::new(1)).min(start + TimeDelta::days(days));
            prop_assert_eq!(due, expected, "{:?} from {} in {}", amount, start, tz);
        }
    }
    Ok(())
}

proptest! {
    /// For every start instant, amount and zone: a deadline is never before its start; days
    /// and months are counted in the zone with the first day counted, which is never later than
    /// a naive count of 24-hour days from the minute; hours are hours.
    #[test]
    fn a_deadline_counts_local_days_from_the_first_and_never_ends_later_than_whole_days(
        (tz, amount, start) in zone_amount_start()
    ) {
        deadline_holds(tz, start, amount)?;
    }

    /// For every jurisdiction, stage and episode: every clock that runs, extended or not, ends
    /// after the instant it counts from, as `deadline` promises.
    #[test]
    fn no_clock_of_any_jurisdiction_ends_before_it_starts((j, tz, stage, t) in episode()) {
        for rule in j.clocks_for_episode(stage, &t) {
            for extended in [false, true] {
                let t = Times { extended, ..t };
                let from = base(rule, &t);
                let due = rule.evaluate(tz, &t, from).due;
                prop_assert!(due > from, "{} {}: {from} → {due}", j.code, rule.rule);
                prop_assert_eq!(due, deadline(from, tz, rule.amount(extended)));
                deadline_holds(tz, from, rule.amount(extended))?;
            }
        }
    }

    /// An extension moves the deadline later, never earlier: for every rule that has one, and
    /// for any amount extended by any amount in its unit.
    #[test]
    fn an_extension_moves_the_deadline_later_never_earlier(
        (j, tz, stage, t) in episode(),
        (amount, more) in (amount(), 1u32..=60),
    ) {
        for rule in j.clocks_for_episode(stage, &t).filter(|r| r.extension.is_some()) {
            let due = |extended| rule.evaluate(tz, &Times { extended, ..t }, t.episode_start).due;
            prop_assert!(due(true) > due(false), "{} {}", j.code, rule.rule);
        }
        let longer = match amount {
            Amount::Hours(h) => Amount::Hours(h + more),
            Amount::Days(d) => Amount::Days(d + more),
            Amount::Months(m) => Amount::Months(m + more),
        };
        let start = t.episode_start;
        prop_assert!(
            deadline(start, tz, longer) > deadline(start, tz, amount),
            "{amount:?} + {more} from {start} in {tz}"
        );
    }

    /// `check_change` for every episode and instant: release is always recorded; once a limit
    /// that requires release has passed nothing else is; an extension is refused at or after
    /// the earliest unextended limit of the clocks that can be extended (or where none can),
    /// and accepted before it.
    #[test]
    fn an_extension_is_accepted_before_the_unextended_limit_and_refused_at_or_after_it(
        (j, tz, stage, t) in episode(),
        from_limit in any::<bool>(),
        shift in prop_oneof![
            Just(0i64), Just(-1), Just(1), -10_800i64..=10_800, -40 * 86_400i64..=40 * 86_400,
        ],
    ) {
        let clocks: Vec<&ClockRule> = j.clocks_for_episode(stage, &t).collect();
        let limit = clocks
            .iter()
            .filter(|r| r.extension.is_some())
            .map(|r| deadline(base(r, &t), tz, r.limit))
            .min();
        let now = match limit {
            Some(limit) if from_limit => limit + TimeDelta::seconds(shift),
            _ => t.episode_start + TimeDelta::seconds(shift.abs()),
        };
        let release_due = clocks.iter().any(|r| {
            r.at_expiry == AtExpiry::ReleaseRequired
                && now >= deadline(base(r, &t), tz, r.amount(t.extended))
        });
        let change = |c| check_change(&j, stage, &t, c, now);
        let only_release = Err(DomainError::Invalid { field: "change" });
        let late = Err(DomainError::Invalid { field: "extension" });
        prop_assert_eq!(change(Change::Release), Ok(()));
        for c in [Change::Review, Change::Transfer] {
            prop_assert_eq!(change(c), if release_due { only_release.clone() } else { Ok(()) });
        }
        let extend = change(Change::Extend);
        match limit {
            Some(limit) if now < limit => prop_assert_eq!(
                extend,
                if release_due { only_release } else { Ok(()) },
                "{} {:?}: limit {}, now {}",
                j.code, stage, limit, now
            ),
            _ => prop_assert_eq!(extend, late, "{} {:?}: limit {:?}, now {}", j.code, stage, limit, now),
        }
    }
}
