//! "My work" as a workbench, through the pages: tasks by role naming the child, the case list
//! filtered and paged, alerts dismissed one case at a time (never without the CSRF token), the
//! supervisor's queue, times in the agency's zone.

use pelita_domain::case::{Priority, PriorityLevel};

use crate::fixture::*;

/// The rows of the case list (each row's case link).
fn case_rows(page: &str) -> usize {
    let Some(table) = page.split("<table class=\"cases").nth(1) else {
        return 0;
    };
    table
        .split("</table>")
        .next()
        .unwrap()
        .matches("<tr>")
        .count()
        - 1
}

#[tokio::test]
async fn the_case_list_is_filtered_sorted_and_paged() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .build()
        .await;
    let (home, lead) = (app.agency_id("HOME"), app.user_id("lead"));
    let mut cases = Vec::new();
    for i in 0..27u8 {
        let given = format!("Anak{}", char::from(b'a' + i));
        cases.push(app.child(&home, &lead, &given).await);
    }
    // Two of them are of low priority.
    for c in &cases[..2] {
        app.store
            .set_priority(
                &operator(),
                c,
                Priority::new(PriorityLevel::Low, "settled at home").unwrap(),
            )
            .await
            .unwrap();
    }
    let mut b = app.signed_in("lead").await;
    let (s, _, page) = b.get("/work").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(case_rows(&page), 25, "a page of 25");
    assert!(page.contains("Page 1 of 2"), "{page}");
    assert!(page.contains("href=\"/work?page=2#cases\""));
    let (_, _, page2) = b.get("/work?page=2").await;
    assert_eq!(case_rows(&page2), 2);
    assert!(page2.contains("Page 2 of 2"));
    // Sorted by priority, the two low-priority cases come last.
    assert!(
        page2.contains("Anaka") && page2.contains("Anakb"),
        "{page2}"
    );
    let (_, _, low) = b.get("/work?priority=low").await;
    assert_eq!(case_rows(&low), 2);
    assert!(low.contains("2 cases match."));
    assert!(!low.contains("Page 1"), "one page needs no pager");
    // The filter keeps its choice, and a link clears it.
    assert!(low.contains("<option value=\"low\" selected>"));
    assert!(low.contains(">Clear filters</a>"));
    // Sorted by case number: the first registered first.
    let (_, _, by_ref) = b.get("/work?sort=reference").await;
    let by_ref = by_ref.split("id=\"cases\"").nth(1).unwrap();
    let first = by_ref.find("Anaka").unwrap();
    assert!(by_ref.find("Anakc").unwrap() > first);
    // Nonsense in the query is ignored, not an error.
    let (s, _, any) = b.get("/work?page=x&priority=urgent&sort=random").await;
    assert_eq!((s, case_rows(&any)), (StatusCode::OK, 25));
    // Overdue: none yet; a week on, every first assessment is.
    let (_, _, none) = b.get("/work?due=overdue").await;
    assert_eq!(case_rows(&none), 0);
    assert!(none.contains("No open case of yours matches these filters."));
    app.clock.set(now() + chrono::TimeDelta::days(8));
    let mut b = app.signed_in("lead").await;
    let (_, _, late) = b.get("/work?due=overdue").await;
    assert_eq!(case_rows(&late), 25);
    assert!(
        late.contains("href=\"/work?due=overdue#tasks\""),
        "the count leads to the list"
    );
}

#[tokio::test]
async fn tasks_name_the_child_and_go_only_to_roles_that_do_that_work() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("CLINIC", Sector::Health)
        .user("lead", Role::CaseWorker, "HOME")
        .user("nurse", Role::Health, "CLINIC")
        .case("Amina", "lead")
        .team("Amina", "nurse")
        .build()
        .await;
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get("/work").await;
    let tasks = page.split("id=\"tasks\"").nth(1).unwrap();
    let tasks = tasks.split("</section>").next().unwrap();
    assert!(
        tasks.contains("<strong>First assessment</strong> — <bdi>Amina</bdi>"),
        "{tasks}"
    );
    // A high-priority case's first assessment is due in 24 hours, counted down.
    assert!(tasks.contains("1 day left"), "{tasks}");
    assert!(page.contains("Times on this page: Asia/Jakarta"));
    assert!(!page.contains("UTC"), "never UTC to a user");
    let mut n = app.signed_in("nurse").await;
    let (_, _, page) = n.get("/work").await;
    assert!(
        !page.contains("First assessment"),
        "a health worker on the team is not given the case worker's assessment"
    );
    // The nurse still finds the child in her cases.
    assert!(page.contains("Amina"));
}

#[tokio::test]
async fn alerts_are_summarised_by_case_and_dismissed_one_case_at_a_time() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .user("sari", Role::Supervisor, "HOME")
        .case("Amina", "lead")
        .case("Budi", "lead")
        .build()
        .await;
    let (sari, amina, budi) = (
        app.user_id("sari"),
        app.case_id("Amina"),
        app.case_id("Budi"),
    );
    let s = app.store.act_as(&sari).await.unwrap();
    for (case, why) in [
        (&amina, "settled with her aunt"),
        (&amina, "back at school"),
        (&amina, "no safe caregiver"),
        (&budi, "no safe caregiver"),
    ] {
        app.store
            .set_priority(&s, case, Priority::new(PriorityLevel::Medium, why).unwrap())
            .await
            .unwrap();
    }
    // The operator's changes are "the system", never an id.
    app.store
        .set_priority(
            &operator(),
            &budi,
            Priority::new(PriorityLevel::Low, "settled at home").unwrap(),
        )
        .await
        .unwrap();
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get("/work").await;
    assert!(page.contains("3 changes to Amina by sari, today"), "{page}");
    let budi_line = page.split("2 changes to Budi by ").nth(1).unwrap();
    assert!(
        budi_line.starts_with("the system, sari, today")
            || budi_line.starts_with("sari, the system, today"),
        "{page}"
    );
    assert!(!page.contains("system:"));
    // Without the token: refused, nothing read.
    let (s, _, _) = b
        .post("/alerts/read", &[("case", amina.as_str()), ("csrf", "")])
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(
        app.store
            .alert_groups(&app.user_id("lead"))
            .await
            .unwrap()
            .len(),
        2
    );
    let csrf = b.csrf().await;
    let (s, h, _) = b
        .post("/alerts/read", &[("case", amina.as_str()), ("csrf", &csrf)])
        .await;
    assert_eq!(
        (s, location(&h).as_str()),
        (StatusCode::SEE_OTHER, "/work#alerts")
    );
    let (_, _, page) = b.get("/work").await;
    assert!(!page.contains("changes to Amina"));
    assert!(page.contains("2 changes to Budi"));
}

#[tokio::test]
async fn a_supervisor_sees_plans_awaiting_approval_and_the_team_and_a_liaison_is_told_what_they_may_see()
 {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("AWAY", Sector::ChildProtection)
        .agency("POL", Sector::Security)
        .user("lead", Role::CaseWorker, "HOME")
        .user("sup", Role::Supervisor, "HOME")
        .user("other", Role::CaseWorker, "AWAY")
        .user("liaison", Role::SecurityLiaison, "POL")
        .user("research", Role::Researcher, None)
        .case("Amina", "lead")
        .case("Citra", "other")
        .build()
        .await;
    for given in ["Amina", "Citra"] {
        app.store
            .save_plan(
                &operator(),
                &app.case_id(given),
                pelita_domain::plan::Plan {
                    goals: vec![],
                    child_views: pelita_domain::plan::Views::Missing,
                    caregiver_views: pelita_domain::plan::Views::Missing,
                    review_on: None,
                },
            )
            .await
            .unwrap();
    }
    let mut b = app.signed_in("sup").await;
    let (_, _, page) = b.get("/work").await;
    let queue = page.split("id=\"queue\"").nth(1).unwrap();
    let queue = queue.split("</section>").next().unwrap();
    assert!(queue.contains("<bdi>Amina</bdi>"), "{queue}");
    assert!(
        !queue.contains("Citra"),
        "another agency's plan is not in the queue"
    );
    assert!(queue.contains("<bdi>lead</bdi>") && queue.contains("1 open case"));
    assert!(!queue.contains("<bdi>other</bdi>"));
    assert!(page.contains("1 plan to approve"));
    assert!(page.contains("href=\"/work#queue\""));

    let mut l = app.signed_in("liaison").await;
    let (_, _, page) = l.get("/work").await;
    assert!(page.contains("handed over"), "{page}");
    assert!(page.contains("href=\"/search\""));
    let mut r = app.signed_in("research").await;
    let (_, _, page) = r.get("/work").await;
    assert!(page.contains("href=\"/indicators\""));
}

/// The case list filters by jurisdiction where the deployment's agencies work under more than
/// one; where all are in one country the filter is not offered.
#[tokio::test]
async fn my_work_filters_by_jurisdiction_only_where_there_are_several() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get("/work").await;
    assert!(
        !page.contains(r#"id="f-jurisdiction""#),
        "one country: no filter"
    );
    app.store
        .create_agency(
            &operator(),
            pelita_store::NewAgency {
                code: "KL".into(),
                name: "KL".into(),
                sector: Sector::ChildProtection,
                jurisdiction: "MY".into(),
            },
        )
        .await
        .unwrap();
    let (_, _, page) = b.get("/work").await;
    assert!(page.contains(r#"<option value="MY">Malaysia</option>"#));
    let (_, _, page) = b.get("/work?jurisdiction=ID").await;
    assert!(page.contains("Amina"), "her Indonesian case");
    let (_, _, page) = b.get("/work?jurisdiction=MY").await;
    assert!(
        page.contains("No open case of yours matches these filters."),
        "none in Malaysia"
    );
    assert!(page.contains(r#"<option value="MY" selected>"#));
}

/// Changes to many cases do not push the tasks down: the latest five cases' changes show,
/// the rest behind one link that shows them all.
#[tokio::test]
async fn my_work_shows_the_latest_five_cases_changes_and_a_link_to_all() {
    let names = ["Ani", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita"];
    let mut f = Fixture::new().agency("HOME", Sector::ChildProtection).user(
        "lead",
        Role::CaseWorker,
        "HOME",
    );
    for n in names {
        f = f.case(n, "lead");
    }
    let app = f.build().await;
    for n in names {
        app.store
            .add_note(
                &operator(),
                &app.case_id(n),
                pelita_domain::policy::Section::Psychosocial,
                pelita_domain::text::NoteText::parse("Seen at home").unwrap(),
            )
            .await
            .unwrap();
    }
    let mut b = app.signed_in("lead").await;
    let (_, _, page) = b.get("/work").await;
    let alerts = page.split(r#"id="alerts""#).nth(1).unwrap();
    let alerts = alerts.split("</section>").next().unwrap();
    assert_eq!(alerts.matches("<details>").count(), 5, "{alerts}");
    assert!(alerts.contains("Changes to 2 more cases"), "{alerts}");
    assert!(
        alerts.contains(r#"href="/work?alerts=all#alerts""#),
        "{alerts}"
    );
    let (_, _, page) = b.get("/work?alerts=all").await;
    let alerts = page.split(r#"id="alerts""#).nth(1).unwrap();
    let alerts = alerts.split("</section>").next().unwrap();
    assert_eq!(alerts.matches("<details>").count(), 7);
    assert!(!alerts.contains("more cases"));
}
