//! Indicators for children who travelled or were born abroad (domain-rules §7.4), computed
//! from plain facts — flags and dates — never from the sealed records.

use chrono::NaiveDate;
use serde::Serialize;

/// One child as the indicators see it.
#[derive(Debug, Clone, Default)]
pub struct ChildFacts {
    /// Identity or nationality documented (`Origin::identity_documented`).
    pub documented: bool,
    pub birth_registered: bool,
    pub arrived_on: Option<NaiveDate>,
    /// First placement with a family, in family-based care or in the community.
    pub placed_on: Option<NaiveDate>,
    /// The earliest best-interests assessment.
    pub assessed_on: Option<NaiveDate>,
    /// The earliest decision on separation from a parent (a panel's or a conference's).
    pub separation_decided_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicators {
    /// Children with a travel and origin record or a repatriation.
    pub children: usize,
    pub pct_identity_or_nationality_documented: Option<f64>,
    pub pct_birth_registered: Option<f64>,
    /// Children who arrived, and of them those placed with a family or in the community.
    pub arrived: usize,
    pub placed_in_family_or_community: usize,
    /// Days from arrival to that placement, for those placed.
    pub days_arrival_to_placement_mean: Option<f64>,
    pub days_arrival_to_placement_median: Option<f64>,
    /// Children with a decision on separation from a parent, and the share of them with a
    /// best-interests assessment dated on or before the first such decision.
    pub separation_decisions: usize,
    pub pct_assessed_before_separation_decision: Option<f64>,
}

fn pct(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

fn median(mut v: Vec<i64>) -> Option<f64> {
    v.sort_unstable();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2] as f64),
        _ => Some((v[n / 2 - 1] + v[n / 2]) as f64 / 2.0),
    }
}

pub fn compute(children: &[ChildFacts]) -> Indicators {
    let n = children.len();
    let count = |f: &dyn Fn(&ChildFacts) -> bool| children.iter().filter(|c| f(c)).count();
    let days: Vec<i64> = children
        .iter()
        .filter_map(|c| Some((c.placed_on? - c.arrived_on?).num_days()))
        .collect();
    let separations = count(&|c| c.separation_decided_on.is_some());
    let assessed_first = count(&|c| match (c.separation_decided_on, c.assessed_on) {
        (Some(d), Some(a)) => a <= d,
        _ => false,
    });
    Indicators {
        children: n,
        pct_identity_or_nationality_documented: pct(count(&|c| c.documented), n),
        pct_birth_registered: pct(count(&|c| c.birth_registered), n),
        arrived: count(&|c| c.arrived_on.is_some()),
        placed_in_family_or_community: days.len(),
        days_arrival_to_placement_mean: (!days.is_empty())
            .then(|| days.iter().sum::<i64>() as f64 / days.len() as f64),
        days_arrival_to_placement_median: median(days),
        separation_decisions: separations,
        pct_assessed_before_separation_decision: pct(assessed_first, separations),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn computed_against_a_hand_counted_caseload() {
        let children = [
            // Born abroad, DNA-verified, registered; arrived 20 Jan, with family 1 Mar (40 days).
            ChildFacts {
                documented: true,
                birth_registered: true,
                arrived_on: day("2026-01-20"),
                placed_on: day("2026-03-01"),
                assessed_on: day("2025-12-01"),
                separation_decided_on: day("2025-12-15"),
            },
            // Arrived the same day, still in the centre.
            ChildFacts {
                documented: true,
                arrived_on: day("2026-01-20"),
                assessed_on: day("2025-12-01"),
                ..ChildFacts::default()
            },
            // Arrived 1 Feb, with family on 21 Feb (20 days); assessed after the separation
            // decision.
            ChildFacts {
                arrived_on: day("2026-02-01"),
                placed_on: day("2026-02-21"),
                assessed_on: day("2026-01-10"),
                separation_decided_on: day("2026-01-05"),
                ..ChildFacts::default()
            },
            // Still abroad, nothing documented.
            ChildFacts::default(),
        ];
        let i = compute(&children);
        assert_eq!(i.children, 4);
        assert_eq!(i.pct_identity_or_nationality_documented, Some(50.0));
        assert_eq!(i.pct_birth_registered, Some(25.0));
        assert_eq!(i.arrived, 3);
        assert_eq!(i.placed_in_family_or_community, 2);
        assert_eq!(i.days_arrival_to_placement_mean, Some(30.0));
        assert_eq!(i.days_arrival_to_placement_median, Some(30.0));
        assert_eq!(i.separation_decisions, 2);
        assert_eq!(i.pct_assessed_before_separation_decision, Some(50.0));
    }

    #[test]
    fn nothing_to_count_gives_no_percentages_rather_than_zero() {
        let i = compute(&[]);
        assert_eq!(i.pct_birth_registered, None);
        assert_eq!(i.pct_assessed_before_separation_decision, None);
        assert_eq!(i.days_arrival_to_placement_median, None);
    }
}
