//! Assessments of the child: per-domain summaries, bad input, the repeat-interview warning.

use crate::fixture::*;

/// An assessment is recorded with the instrument's answers, shown per domain with no overall
/// score, and the repeat-interview guard warns before another interview too soon.
#[tokio::test]
async fn an_assessment_records_strengths_and_needs_per_domain_and_warns_before_a_repeat_interview()
{
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/assessments");
    let (s, _, form) = b.get(&path).await;
    assert_eq!(s, StatusCode::OK);
    assert!(form.contains("No one has assessed this child yet."));
    assert!(form.contains("Community acceptance and stigma") && form.contains("no overall score"));
    let fields = [
        ("csrf", csrf.as_str()),
        ("on", "2026-11-27"),
        ("language", "id"),
        ("assent", "given"),
        ("present", "Her aunt and an interpreter"),
        ("a.safe_place", "yes"),
        ("a.threats", "no"),
        // Skipped by the answer above: left out, not refused.
        ("a.threat_source", "group"),
        ("a.distress", "3"),
        ("a.coping", "2"),
        ("a.goal", "To go back to school and become a nurse"),
    ];
    let (s, h, _) = b.post(&path, &fields).await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{h:?}");
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Assessments by domain"));
    assert!(
        page.contains("1 strengths · 0 needs (2/2)"),
        "safety: the skipped item is not asked"
    );
    assert!(page.contains("1 strengths · 1 needs (2/3)"), "wellbeing");
    // Bad input changes nothing: a refused assent with answers, a future date, a scale of 7.
    for (bad, message) in [
        (
            vec![("assent", "refused"), ("a.safe_place", "yes")],
            "The child did not agree",
        ),
        (
            vec![("assent", "given"), ("on", "2027-01-01")],
            "This date is in the future.",
        ),
        (
            vec![("assent", "given"), ("a.distress", "7")],
            "This value is not valid.",
        ),
    ] {
        let mut f: Vec<(&str, &str)> =
            vec![("csrf", &csrf), ("on", "2026-11-28"), ("language", "en")];
        f.extend(bad);
        let (s, _, page) = b.post(&path, &f).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains(message), "{message}");
    }
    let (_, _, form) = b.get(&path).await;
    assert!(
        form.contains("id=\"repeat-warning\""),
        "an interview yesterday: the guard warns"
    );
    assert!(form.contains("(1 so far)"));
    // A reassessment: the change per domain shows as a small chart with its text alternative.
    assert!(
        !page.contains("class=\"trend\""),
        "one assessment: no chart yet"
    );
    let (s, _, _) = b
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("on", "2026-11-28"),
                ("language", "id"),
                ("assent", "given"),
                ("a.safe_place", "yes"),
                ("a.threats", "no"),
                ("a.distress", "1"),
                ("a.coping", "3"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("class=\"trend\""));
    assert!(
        page.contains("Strengths 1 → 1, needs 0 → 0, from the first assessment to the latest."),
        "safety stayed the same"
    );
    // A teacher on the team does not assess (no psychosocial section for education).
    let school = app.agency("SMP", Sector::Education).await;
    let teacher = app.user("teacher", Role::Education, Some(&school)).await;
    app.store
        .add_team_member(&operator(), &case, &teacher)
        .await
        .unwrap();
    let mut tb = app.signed_in("teacher").await;
    let (s, _, _) = tb.get(&path).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

/// At 20:00 UTC it is already the next morning in Jakarta: the form offers that date (as its
/// default and its latest), and the store takes an assessment of that morning — it is not in
/// the future. The day after is still refused.
#[tokio::test]
async fn the_assessment_date_is_the_workers_own_day() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    app.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 28, 20, 0, 0).unwrap());
    let case = app.case_id("Amina");
    let mut b = app.signed_in("lead").await;
    let (_, _, form) = b.get(&format!("/cases/{case}/assessments")).await;
    assert!(
        form.contains(r#"max="2026-11-29" value="2026-11-29""#),
        "the Jakarta date is offered"
    );
    let csrf = b.csrf().await;
    let post = |on: &'static str| {
        [
            ("csrf", csrf.clone()),
            ("on", on.to_owned()),
            ("language", "en".to_owned()),
            ("assent", "given".to_owned()),
        ]
    };
    let ahead = post("2026-11-30");
    let (s, _, page) = b
        .post(&format!("/cases/{case}/assessments"), &pairs(&ahead))
        .await;
    assert_eq!(s, StatusCode::OK, "refused, with the form");
    assert!(page.contains("future"), "the reason is given");
    let morning = post("2026-11-29");
    let (s, _, _) = b
        .post(&format!("/cases/{case}/assessments"), &pairs(&morning))
        .await;
    assert_eq!(
        s,
        StatusCode::SEE_OTHER,
        "the morning's assessment is saved"
    );
}
