//! Search as a worker uses it: her agency's children first however common the name, the facts
//! she knows ordering equal names, why each came up, case references; registration's
//! duplicate check; the conference task chooser limited to the case's staff.

use crate::fixture::*;

/// Twenty-five children of another agency called "Siti Rahayu", registered first, and one of
/// the worker's own.
async fn many_of_one_name() -> Scene {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("AWAY", Sector::ChildProtection)
        .user("ani", Role::CaseWorker, "HOME")
        .user("budi", Role::CaseWorker, "AWAY")
        .build()
        .await;
    for _ in 0..25 {
        app.child(&app.agency_id("AWAY"), &app.user_id("budi"), "Siti Rahayu")
            .await;
    }
    app
}

fn results(page: &str) -> usize {
    page.split("<ul class=\"results cards\">")
        .nth(1)
        .map_or(0, |r| {
            r.split("</ul>").next().unwrap().matches("<li>").count()
        })
}

#[tokio::test]
async fn a_worker_finds_her_agencys_child_among_many_of_that_name_and_reads_why() {
    let app = many_of_one_name().await;
    let hers = app
        .child(&app.agency_id("HOME"), &app.user_id("ani"), "Siti Rahayu")
        .await;
    let mut b = app.signed_in("ani").await;
    let csrf = b.csrf().await;
    let (s, _, page) = b
        .post("/search", &[("csrf", &csrf), ("q", "Siti Rahayu")])
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(results(&page), 1, "only her agency's child: {page}");
    assert!(page.contains(&format!("href=\"/cases/{hers}\"")));
    assert!(page.contains("same name"));
    // What she knows of the child is said back: here a sex the record contradicts.
    let (_, _, page) = b
        .post(
            "/search",
            &[
                ("csrf", &csrf),
                ("q", "Sity Rahayu"),
                ("sex", "male"),
                ("age", "2011"),
                ("place", "ID"),
            ],
        )
        .await;
    assert!(page.contains(&format!("href=\"/cases/{hers}\"")));
    for why in [
        "another spelling of the name",
        "another sex recorded",
        "the age fits",
        "same country",
    ] {
        assert!(page.contains(why), "{why}");
    }
    assert!(
        page.contains("<option value=\"male\" selected>") && page.contains("value=\"2011\""),
        "the hints stay as typed"
    );
    // An age that is none: the message beside the field, what was typed kept, no search.
    let (s, _, page) = b
        .post(
            "/search",
            &[("csrf", &csrf), ("q", "Siti Rahayu"), ("age", "twelve")],
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"age-err\"") && page.contains("a year of birth, such as 2014"));
    assert!(page.contains("value=\"twelve\"") && page.contains("value=\"Siti Rahayu\""));
    assert_eq!(results(&page), 0);
}

#[tokio::test]
async fn a_case_reference_finds_the_case_for_those_who_may_open_it_and_nothing_for_others() {
    let app = many_of_one_name().await;
    let hers = app
        .child(&app.agency_id("HOME"), &app.user_id("ani"), "Dewi")
        .await;
    let reference = app
        .store
        .case_meta(&hers)
        .await
        .unwrap()
        .reference
        .to_string();
    let typed = reference.to_lowercase().replace('-', " ");
    let mut b = app.signed_in("ani").await;
    let csrf = b.csrf().await;
    let (_, _, page) = b.post("/search", &[("csrf", &csrf), ("q", &typed)]).await;
    assert_eq!(results(&page), 1);
    assert!(page.contains(&format!("href=\"/cases/{hers}\"")) && page.contains("case number"));
    // Another agency's worker learns nothing, not even that it exists.
    let mut other = app.signed_in("budi").await;
    let csrf = other.csrf().await;
    let (_, _, page) = other
        .post("/search", &[("csrf", &csrf), ("q", &reference)])
        .await;
    assert_eq!(results(&page), 0);
    assert!(page.contains("No child found."));
}

#[tokio::test]
async fn the_api_ranks_with_hints_and_says_why() {
    let app = many_of_one_name().await;
    let hers = app
        .child(&app.agency_id("HOME"), &app.user_id("ani"), "Siti Rahayu")
        .await;
    let t = app.token(&app.user_id("ani")).await;
    let (s, v, _) = app
        .post(
            "/api/v1/search",
            &t,
            json!({"query": "Siti Rahayu", "sex": "female", "age": 15, "country": "ID"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["case_id"], hers);
    assert_eq!(
        results[0]["reasons"],
        json!(["name-same", "sex-same", "age-same", "place-same"])
    );
    assert_eq!(v["more"], false);
    for bad in [
        json!({"query": "Siti", "sex": "x"}),
        json!({"query": "Siti", "age": 99}),
    ] {
        assert_eq!(
            app.post("/api/v1/search", &t, bad).await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
}

#[tokio::test]
async fn the_duplicate_check_shows_her_agencys_match_and_counts_others_apart() {
    let app = many_of_one_name().await;
    app.child(&app.agency_id("HOME"), &app.user_id("ani"), "Siti Rahayu")
        .await;
    let mut b = app.signed_in("ani").await;
    let csrf = b.csrf().await;
    let (s, _, page) = b
        .post(
            "/register",
            &[
                ("csrf", &csrf),
                ("given", "Siti Rahayu"),
                ("sex", "female"),
                ("precision", "year"),
                ("birth_year", "2011"),
                ("evidence", "declaration"),
                ("priority", "medium"),
                ("priority_reason", "School re-entry"),
                ("association", "recruited"),
                ("action", "check"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Likely the same child"));
    assert!(
        page.contains("— <bdi>Siti Rahayu</bdi>"),
        "her agency's match is named"
    );
    assert!(
        page.contains("10 possible matches are held by other agencies"),
        "others counted apart: {page}"
    );
    assert_eq!(page.matches("<bdi>Siti Rahayu</bdi>").count(), 1);
}

#[tokio::test]
async fn the_task_chooser_offers_the_cases_staff_by_search_not_the_deployments_accounts() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("AWAY", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .user("colleague", Role::CaseWorker, "HOME")
        .user("away", Role::CaseWorker, "AWAY")
        .case("Amina", "lead")
        .build()
        .await;
    for i in 0..30 {
        app.user(
            &format!("stranger{i:02}"),
            Role::CaseWorker,
            Some(&app.agency_id("AWAY")),
        )
        .await;
    }
    for i in 0..30 {
        app.user(
            &format!("near{i:02}"),
            Role::CaseWorker,
            Some(&app.agency_id("HOME")),
        )
        .await;
    }
    let case = app.case_id("Amina");
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(
        !page.contains("stranger"),
        "another agency's staff on the case page"
    );
    assert!(page.contains(&format!("hx-post=\"/cases/{case}/conferences/staff\"")));
    let options = page.matches("<option value=\"").count();
    let before = page.split("name=\"t_assignee\"").nth(1).unwrap();
    let first = before.split("</select>").next().unwrap();
    assert_eq!(
        first.matches("<option").count() as i64,
        pelita_store::STAFF_OFFERED,
        "a screenful, not every colleague ({options} options on the page)"
    );
    assert!(first.contains(&format!("<option value=\"{}\"", app.user_id("lead"))));
    // Typing narrows, among the case's staff only.
    let csrf = b.csrf().await;
    let path = format!("/cases/{case}/conferences/staff");
    let (s, _, html) = b
        .post(&path, &[("csrf", &csrf), ("staff_q_1", "COLL")])
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        html,
        format!(
            "<option value=\"{}\">colleague</option>",
            app.user_id("colleague")
        )
    );
    let (_, _, html) = b
        .post(&path, &[("csrf", &csrf), ("staff_q_0", "stranger")])
        .await;
    assert!(html.contains("disabled") && !html.contains("stranger"));
    // Only those who may record a conference on the case may look.
    let mut away = app.signed_in("away").await;
    let csrf = away.csrf().await;
    let (s, _, _) = away
        .post(&path, &[("csrf", &csrf), ("staff_q_0", "")])
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}
