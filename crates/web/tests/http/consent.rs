//! The consent ledger, on the case page and over the API.

use crate::fixture::*;

/// The consent ledger on the case page and over the API: the child's age decides who must
/// agree, the child's withdrawal counts, bad entries change nothing, and a reader without the
/// participation section neither sees nor writes it.
#[tokio::test]
async fn the_consent_ledger_records_who_agreed_and_shows_where_each_purpose_stands() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("POL", Sector::Security)
        .user("lead", Role::CaseWorker, "HOME")
        .user("liaison", Role::SecurityLiaison, "POL")
        // Born in 2011: 14 or 15 today, so the child assents and a caregiver consents.
        .case("Amina", "lead")
        .handed_over("Amina", "liaison")
        .build()
        .await;
    let (lead, liaison, case) = (
        app.user_id("lead"),
        app.user_id("liaison"),
        app.case_id("Amina"),
    );

    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/consents");
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("At this age the child assents"));
    assert!(page.contains("Nothing is recorded in the consent ledger yet."));
    let entry = |giver: &'static str, decision: &'static str, on: &'static str| {
        let who = if giver == "child" {
            "child_decision"
        } else {
            "caregiver_decision"
        };
        vec![
            ("purpose", "assessment"),
            ("caregiver_giver", "caregiver"),
            (who, decision),
            ("on", on),
            ("note", "Explained with the aunt present"),
        ]
    };
    fn post<'a>(fields: Vec<(&'a str, &'a str)>, csrf: &'a str) -> Vec<(&'a str, &'a str)> {
        let mut fields = fields;
        fields.push(("csrf", csrf));
        fields
    }
    let (s, h, _) = b
        .post(
            &path,
            &post(entry("caregiver", "given", "2026-11-20"), &csrf),
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{h:?}");
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("A caregiver or guardian: agreed on 20"));
    assert!(page.contains("The child: not yet asked"));
    assert!(page.contains("Not agreed"));
    b.post(&path, &post(entry("child", "given", "2026-11-21"), &csrf))
        .await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("Assessment</strong>: Agreed"), "both agreed");

    // Bad entries: a date in the future, an impossible date, withdrawing research consent
    // never given. Each gets a message and the ledger stays at two entries.
    for (fields, message) in [
        (
            entry("child", "refused", "2026-12-24"),
            "This date is in the future.",
        ),
        (
            entry("child", "refused", "2026-02-30"),
            "This date does not exist.",
        ),
        (
            vec![
                ("purpose", "research"),
                ("caregiver_giver", "caregiver"),
                ("caregiver_decision", "withdrawn"),
                ("on", "2026-11-27"),
            ],
            "There is no consent from this person for this purpose to withdraw.",
        ),
    ] {
        let (s, _, page) = b.post(&path, &post(fields, &csrf)).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains(message), "{message}");
    }
    let token = app.token(&lead).await;
    let (s, v, _) = app.get(&format!("/api/v1{}", &path[..]), &token).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["entries"].as_array().unwrap().len(), 2);
    assert_eq!(v["standing"][0]["purpose"], "assessment");
    assert_eq!(v["standing"][0]["allows"], true);
    assert_eq!(v["standing"][0]["child_voice"], "assent");

    // The child withdraws over the API: the caregiver's consent does not outweigh it.
    let (s, _, _) = app
        .post(
            &format!("/api/v1{path}"),
            &token,
            json!({"purpose": "assessment", "giver": "child", "decision": "withdrawn",
                   "on": "2026-11-28"})
            .to_string(),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, v, _) = app.get(&format!("/api/v1{path}"), &token).await;
    assert_eq!(v["standing"][0]["allows"], false);
    assert_eq!(v["entries"].as_array().unwrap().len(), 3, "history is kept");

    // The security liaison who handed the child over neither reads nor writes the ledger.
    let lt = app.token(&liaison).await;
    let (s, _, _) = app.get(&format!("/api/v1{path}"), &lt).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = app
        .post(
            &format!("/api/v1{path}"),
            &lt,
            json!({"purpose": "assessment", "giver": "child", "decision": "given",
                   "on": "2026-11-28"})
            .to_string(),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let mut l = app.signed_in("liaison").await;
    let (_, _, page) = l.get(&format!("/cases/{case}")).await;
    assert!(!page.contains("consent-heading") && !page.contains("Consent and assent"));
}
