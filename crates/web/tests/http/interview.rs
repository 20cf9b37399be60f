//! Interviews of the child and the repeat-interview rule.

use crate::fixture::*;

#[tokio::test]
async fn every_interview_of_the_child_is_counted_and_another_one_soon_needs_a_reason() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("BAPAS", Sector::Justice)
        .user("lead", Role::CaseWorker, "HOME")
        .user("officer", Role::Justice, "BAPAS")
        .case("Amina", "lead")
        .team("Amina", "officer")
        .build()
        .await;
    let (officer, case) = (app.user_id("officer"), app.case_id("Amina"));
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/interviews");
    let on = now().date_naive().to_string();
    let post = |purpose: &'static str, reason: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("held_on", on.clone()),
            ("purpose", purpose.to_owned()),
            ("present", "Her aunt".to_owned()),
            ("reason", reason.to_owned()),
        ]
    };
    let send = |v: Vec<(&'static str, String)>| v;
    let first = send(post("psychosocial", ""));
    let first = pairs(&first);
    let (s, _, _) = b.post(&path, &first).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    // The same day again, without a reason: refused, nothing saved.
    let (s, _, page) = b.post(&path, &first).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("The child was interviewed recently"));
    assert!(page.contains("The child has been interviewed once"));
    assert!(
        page.contains("<option value=\"psychosocial\" selected>")
            && page.contains(">Her aunt</textarea>"),
        "the refused interview is shown again with what was typed, for the reason to be added"
    );
    let second = post(
        "justice",
        "The prosecutor needs her statement before the hearing",
    );
    let second = pairs(&second);
    let (s, _, _) = b.post(&path, &second).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains("The child has been interviewed 2 times"));
    assert!(page.contains("The last interview was 0 days ago"));

    // The probation officer sees both, but what the psychosocial one was for stays hidden,
    // and may not record a psychosocial interview.
    let mut o = app.signed_in("officer").await;
    let ocsrf = o.csrf().await;
    let (_, _, page) = o.get(&format!("/cases/{case}")).await;
    assert!(page.contains("(purpose not shared with you)"));
    assert!(page.contains("police, prosecution or court"));
    let (s, _, _) = o
        .post(
            &path,
            &[
                ("csrf", &ocsrf),
                ("held_on", &on),
                ("purpose", "psychosocial"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let token = app.token(&officer).await;
    let (s, v, _) = app
        .get(&path.replace("/cases", "/api/v1/cases"), &token)
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["count"], 2);
    assert!(
        v["interviews"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["purpose"].is_null())
    );
}
