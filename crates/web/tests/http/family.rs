//! The family assessment, apart from the child's own.

use crate::fixture::*;

#[tokio::test]
async fn the_family_is_assessed_in_the_family_section_and_that_does_not_stand_in_for_the_childs_assessment()
 {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .user("sup", Role::Supervisor, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let (lead, case) = (app.user_id("lead"), app.case_id("Amina"));
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let (s, _, form) = b
        .get(&format!(
            "/cases/{case}/assessments?instrument=family-assessment"
        ))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(form.contains("Family assessment") && form.contains("Community ties and stigma"));
    let (s, h, _) = b
        .post(
            &format!("/cases/{case}/assessments"),
            &[
                ("csrf", &csrf),
                ("instrument", "family-assessment"),
                ("on", "2026-11-27"),
                ("language", "en"),
                ("assent", "given"),
                ("a.fam_willing", "yes"),
                ("a.fam_stigma", "2"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(location(&h).ends_with("#section-family"));
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Family assessments by domain"));
    assert!(
        page.contains("No one has assessed this child yet."),
        "the child's own table is empty"
    );
    // A plan with the child's views cannot be approved on a family assessment alone.
    b.post(
        &format!("/cases/{case}/plan"),
        &[
            ("csrf", &csrf),
            ("child_views", "I want to stay with my aunt"),
            ("goal_domain", "education"),
            ("goal_kind", "reintegration"),
            ("goal_text", "Back to school"),
        ],
    )
    .await;
    let mut sup = app.signed_in("sup").await;
    let scsrf = sup.csrf().await;
    let (_, _, page) = sup
        .post(&format!("/cases/{case}/plan/approve"), &[("csrf", &scsrf)])
        .await;
    assert!(page.contains("cannot be approved before the child has been assessed"));
    // Over the API the two are apart as well.
    let token = app.token(&lead).await;
    let (_, v, _) = app
        .get(
            &format!("/api/v1/cases/{case}/assessments?section=family"),
            &token,
        )
        .await;
    assert_eq!(v["assessments"][0]["instrument"], "family-assessment");
    let (_, v, _) = app
        .get(&format!("/api/v1/cases/{case}/assessments"), &token)
        .await;
    assert_eq!(v["assessments"].as_array().unwrap().len(), 0);
}
