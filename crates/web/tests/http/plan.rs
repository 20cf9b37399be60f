//! The reintegration plan, its approval, closure and follow-ups.

use crate::fixture::*;

/// A plan is approved only by a supervisor, only after an assessment and only with the
/// child's views (or a record of why they could not be given); a refusal says why and
/// approves nothing.
#[tokio::test]
async fn a_plan_is_approved_only_after_an_assessment_and_with_the_childs_views() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .user("sup", Role::Supervisor, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let (home, case) = (app.agency_id("HOME"), app.case_id("Amina"));
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let plan = format!("/cases/{case}/plan");
    let (s, _, _) = b
        .post(
            &plan,
            &[
                ("csrf", &csrf),
                ("goal_domain", "education"),
                ("goal_kind", "reintegration"),
                ("goal_text", "Back to school in January"),
                ("action_text", "Enrol at the junior secondary school"),
                ("action_agency", &home),
                ("action_due", "2027-01-05"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, _, page) = b.post(&format!("{plan}/approve"), &[("csrf", &csrf)]).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Only a supervisor may approve this."));

    let mut sup = app.signed_in("sup").await;
    let scsrf = sup.csrf().await;
    let approve_path = format!("{plan}/approve");
    let (_, _, page) = sup.post(&approve_path, &[("csrf", &scsrf)]).await;
    assert!(page.contains("cannot be approved before the child has been assessed"));
    assert!(page.contains("Draft, awaiting a supervisor"));
    let (s, _, _) = b
        .post(
            &format!("/cases/{case}/assessments"),
            &[
                ("csrf", &csrf),
                ("on", "2026-11-27"),
                ("language", "id"),
                ("assent", "given"),
                ("a.in_school", "no"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = sup.post(&approve_path, &[("csrf", &scsrf)]).await;
    assert!(
        page.contains("cannot be approved without the child&#39;s views")
            || page.contains("cannot be approved without the child's views")
    );
    b.post(
        &plan,
        &[
            ("csrf", &csrf),
            ("child_views", "I want to go back to school with my cousin"),
        ],
    )
    .await;
    let (s, _, _) = sup.post(&approve_path, &[("csrf", &scsrf)]).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains(">Approved<") && page.contains("Enrol at the junior secondary school"));
    // Progress on an action is recorded one action at a time; the approval stands.
    let (s, _, _) = b
        .post(
            &format!("{plan}/actions"),
            &[
                ("csrf", &csrf),
                ("goal", "0"),
                ("action", "0"),
                ("status", "in_progress"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains(">Approved<") && page.contains("s-in_progress\">in progress<"));
    let (s, _, _) = b
        .post(
            &format!("{plan}/actions"),
            &[
                ("csrf", &csrf),
                ("goal", "3"),
                ("action", "0"),
                ("status", "done"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND, "no such action");
    // Changing an approved plan makes it a draft again.
    b.post(
        &plan,
        &[
            ("csrf", &csrf),
            ("child_views", "I want to go back to school"),
            ("review_on", "2027-03-01"),
        ],
    )
    .await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Draft, awaiting a supervisor"));

    // Closure: the lead worker cannot close; the supervisor closes with a reason, and three
    // follow-ups appear; the lead worker records the first, with the child's own view.
    let mv = format!("/cases/{case}/move");
    for to in ["planned", "in_progress"] {
        b.post(&mv, &[("csrf", &csrf), ("to", to), ("reason", "")])
            .await;
    }
    let (_, _, page) = b
        .post(
            &mv,
            &[
                ("csrf", &csrf),
                ("to", "closed"),
                ("reason", "Back with her family"),
            ],
        )
        .await;
    assert!(page.contains("Only a supervisor may approve this."));
    let (s, _, _) = sup
        .post(
            &mv,
            &[
                ("csrf", &scsrf),
                ("to", "closed"),
                ("reason", "Back with her family"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert_eq!(
        page.matches("Due 28 ").count(),
        3,
        "follow-ups at 3, 6 and 12 months"
    );
    let fid = page
        .split("action=\"/followups/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    let (s, _, _) = b
        .post(
            &format!("/followups/{fid}"),
            &[
                ("csrf", &csrf),
                ("family", "yes"),
                ("school", "yes"),
                ("acceptance", "2"),
                ("child_view", "I like my new school"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("I like my new school"));
}
