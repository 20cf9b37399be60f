//! Registering a child: near-identical names, bad input in the user's language.

use crate::fixture::*;

#[tokio::test]
async fn registering_a_child_shows_near_identical_names_first_and_keeps_what_was_typed() {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("rina", Role::CaseWorker, "DSS")
        .build()
        .await;
    let mut b = app.signed_in("rina").await;
    let csrf = b.csrf().await;
    let base = vec![
        ("csrf", csrf.as_str()),
        ("given", "নুসরাত"),
        ("given_latin", "Nusrat"),
        ("family", "জাহান"),
        ("sex", "female"),
        ("precision", "year"),
        ("birth_year", "2012"),
        ("evidence", "declaration"),
        ("priority", "high"),
        ("priority_reason", "No safe caregiver"),
        ("recruitment", "on"),
        ("association", "recruited"),
    ];
    let mut save = base.clone();
    save.push(("action", "save"));
    let (s, h, _) = b.post("/register", &save).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let case_page = location(&h);
    let (_, _, page) = b.get(&case_page).await;
    assert!(page.contains("নুসরাত জাহান") && page.contains("Recognised as a victim"));

    // The same child typed again, with a variant spelling: the warning comes before saving.
    let mut again = base.clone();
    again[1] = ("given", "নুসরাত");
    again[2] = ("given_latin", "Nusraat");
    again.push(("action", "save"));
    let (s, _, page) = b.post("/register", &again).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("Likely the same child"),
        "no duplicate warning"
    );
    assert!(page.contains("value=\"Nusraat\""), "typed values were lost");
    assert_eq!(
        app.store.counts().await.unwrap().0,
        1,
        "saved despite the warning"
    );
    again.pop();
    again.push(("action", "save_anyway"));
    assert_eq!(b.post("/register", &again).await.0, StatusCode::SEE_OTHER);
    assert_eq!(app.store.counts().await.unwrap().0, 2);
}

#[tokio::test]
async fn bad_input_gets_a_message_in_the_users_language_and_changes_nothing() {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("rina", Role::CaseWorker, "DSS")
        .build()
        .await;
    let mut b = Browser::new(&app);
    b.lang = "id";
    b.sign_in("rina", PASSWORD).await;
    let csrf = b.csrf().await;
    let long = "x".repeat(10_000);
    let cases: [(&str, &str, &str, &str); 4] = [
        (
            "birth_date",
            "2026-02-31",
            "<script>alert(1)</script>",
            "Tanggal ini tidak ada",
        ),
        ("birth_date", "2030-01-01", "Siti", "masa depan"),
        ("birth_date", "2012-01-01", &long, "terlalu panjang"),
        ("birth_date", "2012-01-01", "Ali\u{7}", "tidak diizinkan"),
    ];
    let before = app.store.counts().await.unwrap();
    for (k, v, given, expect) in cases {
        let (s, _, page) = b
            .post(
                "/register",
                &[
                    ("csrf", &csrf),
                    ("given", given),
                    ("sex", "male"),
                    ("precision", "exact"),
                    (k, v),
                    ("priority", "low"),
                    ("priority_reason", "routine"),
                    ("action", "save_anyway"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{given:.20}");
        assert!(
            page.contains(expect),
            "no Indonesian message for {v} / {given:.20}"
        );
        assert!(
            !page.contains("<script>alert(1)</script>"),
            "markup was not escaped"
        );
    }
    let (s, _, page) = b
        .post(
            "/register",
            &[
                ("csrf", &csrf),
                ("given", "<script>alert(1)</script>"),
                ("precision", "exact"),
                ("birth_date", "2026-02-31"),
                ("sex", "male"),
                ("priority", "low"),
                ("priority_reason", "routine"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || page.contains("&#60;script&#62;"),
        "typed value not kept, escaped"
    );
    assert_eq!(app.store.counts().await.unwrap(), before);

    // Bytes that are not UTF-8 are refused with a page in the user's language, nothing saved.
    let req = Request::post("/register")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    let (s, _, page) = b
        .go(req, Body::from(format!("csrf={csrf}&given=%FF%FE")))
        .await;
    assert!(s.is_client_error(), "{s}");
    assert!(
        page.contains("<html lang=\"id\"")
            && (page.contains("tidak valid") || page.contains("Mohon perbaiki"))
    );

    let huge = "a".repeat(pelita_web::BODY_LIMIT + 10);
    assert_eq!(
        b.post("/register", &[("csrf", &csrf), ("given", &huge)])
            .await
            .0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}
