//! Nothing typed is lost: a form posted after the session expired is kept for its author and
//! offered back after sign-in; sign-in returns to the page asked for; long forms keep drafts;
//! the terminology guard answers while typing.

use crate::fixture::*;

/// A worker and a colleague of the same agency, and the worker's case.
async fn scene(second_factor: bool) -> Scene {
    let mut f = Fixture::new();
    if second_factor {
        f = f.second_factor();
    }
    f.agency("DSS", Sector::ChildProtection)
        .user("sari", Role::CaseWorker, "DSS")
        .user("budi", Role::CaseWorker, "DSS")
        .case("Amina", "sari")
        .build()
        .await
}

/// Signs in from the sign-in page at `at` (which carries where to go next): where the
/// browser is sent.
async fn sign_in_from(b: &mut Browser<'_>, at: &str, username: &str) -> String {
    let (s, _, page) = b.get(at).await;
    assert_eq!(s, StatusCode::OK, "{at}");
    let csrf = field(&page, "csrf");
    let next = if page.contains("name=\"next\"") {
        field(&page, "next")
    } else {
        String::new()
    };
    let (s, h, body) = b
        .post(
            "/signin",
            &[
                ("username", username),
                ("password", PASSWORD),
                ("csrf", &csrf),
                ("next", &next),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{body}");
    location(&h)
}

/// The hidden fields of the resume page's form, in order, unescaped as a browser would post
/// them.
fn hidden_fields(page: &str) -> Vec<(String, String)> {
    let start = page.find(r#"id="resume-form""#).expect("the resume form");
    let page = &page[start..start + page[start..].find("</form>").unwrap()];
    let re = regex::Regex::new(r#"<input type="hidden" name="([^"]*)" value="([^"]*)">"#).unwrap();
    let unescape = |s: &str| {
        s.replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    re.captures_iter(page)
        .map(|c| (unescape(&c[1]), unescape(&c[2])))
        .collect()
}

/// A family note sent with `csrf` on `case` once the session has been idle for `minutes`:
/// where the browser is sent (the sign-in page), and the kept form's page.
async fn note_after_idle(
    app: &Scene,
    b: &mut Browser<'_>,
    csrf: &str,
    minutes: i64,
) -> (String, String) {
    app.clock.set(now() + chrono::Duration::minutes(minutes));
    let case = app.case_id("Amina");
    let (s, h, _) = b
        .post(
            &format!("/cases/{case}/notes"),
            &[("csrf", csrf), ("section", "family"), ("text", ANSWERS)],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let to = location(&h);
    let resume = format!("/resume/{}", to.rsplit('/').next().unwrap());
    (to, resume)
}

/// What the worker types during an interview (no personal data may reach a URL).
const ANSWERS: &str = "She talked about her school and her grandmother";

/// "Her assessment survives a 40-minute interview": the session expires while she fills the
/// form; saving sends her to sign in, and then offers her answers back, saved with one tap.
#[tokio::test]
async fn an_assessment_posted_after_the_session_expired_is_kept_and_saved_after_sign_in() {
    let app = scene(false).await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("sari").await;
    let (s, _, form) = b.get(&format!("/cases/{case}/assessments")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        form.contains(r#"data-draft="assessment""#),
        "the form keeps drafts"
    );
    let csrf = field(&form, "csrf");
    let events = app.store.audit_events(1000).await.unwrap().len();

    app.clock.set(now() + chrono::Duration::minutes(40));
    let path = format!("/cases/{case}/assessments");
    let (s, h, _) = b
        .post(
            &path,
            &[
                ("csrf", &csrf),
                ("on", "2026-11-28"),
                ("language", "id"),
                ("assent", "given"),
                ("present", ANSWERS),
                ("a.in_school", "no"),
            ],
        )
        .await;
    let to = location(&h);
    assert_eq!(s, StatusCode::SEE_OTHER);
    let id = to
        .strip_prefix("/signin?expired=1&next=/resume/")
        .unwrap_or_else(|| panic!("not sent to sign in with the kept form: {to}"))
        .to_owned();
    assert!(!to.contains("school") && !to.contains(&case), "{to}");
    let kept = app.store.audit_events(1000).await.unwrap();
    assert_eq!(
        kept.len(),
        events + 2,
        "the session's end and the form kept"
    );
    assert_eq!(kept[0].action, "submission.keep");
    assert!(!kept[0].detail.contains("school"), "{}", kept[0].detail);
    assert!(
        !kept.iter().any(|e| e.action == "assessment.record"),
        "nothing saved while signed out"
    );

    // The sign-in page says the work was kept, and returns to it.
    let (_, _, page) = b.get(&to).await;
    assert!(
        page.contains("what you were saving was kept for you"),
        "{page}"
    );
    let landed = sign_in_from(&mut b, &to, "sari").await;
    assert_eq!(landed, format!("/resume/{id}"));
    let (s, _, page) = b.get(&landed).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Your work was kept") && page.contains(ANSWERS));
    let action = format!(r#"action="{path}?resumed={id}""#);
    assert!(page.contains(&action), "{page}");
    let fields = hidden_fields(&page);
    let fresh = b.csrf().await;
    assert_ne!(fresh, csrf, "sign-in starts a new session");
    assert_eq!(fields[0], ("csrf".to_owned(), fresh), "a fresh CSRF token");
    assert!(fields.contains(&("present".to_owned(), ANSWERS.to_owned())));
    assert!(!fields.iter().any(|(k, v)| k == "csrf" && *v == csrf));

    // One tap: saved by the form's own handler; the kept form is gone.
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (s, _, _) = b.post(&format!("{path}?resumed={id}"), &pairs).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let actions: Vec<String> = app
        .store
        .audit_events(3)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(
        actions.contains(&"assessment.record".to_owned()),
        "{actions:?}"
    );
    assert_eq!(actions[0], "submission.resume", "{actions:?}");
    assert_eq!(b.get(&landed).await.0, StatusCode::NOT_FOUND);
    // Signing in again lands on My work: nothing is waiting.
    let mut again = Browser::new(&app);
    assert_eq!(again.sign_in("sari", PASSWORD).await.1, "/work");
}

/// On a shared device, someone else signing in from the same sign-in page never sees the
/// form; its author still finds it when she signs in later without the link.
#[tokio::test]
async fn a_kept_form_is_offered_to_its_author_alone() {
    let app = scene(false).await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("sari").await;
    let csrf = b.csrf().await;
    let (to, resume) = note_after_idle(&app, &mut b, &csrf, 31).await;
    assert!(to.starts_with("/signin?expired=1&next=/resume/"), "{to}");

    let mut other = Browser::new(&app);
    assert_eq!(sign_in_from(&mut other, &to, "budi").await, "/work");
    let (s, _, page) = other.get(&resume).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(!page.contains(ANSWERS));
    let (_, _, work) = other.get("/work").await;
    assert!(!work.contains(ANSWERS));
    // Nor can he discard it.
    let ocsrf = other.csrf().await;
    other
        .post(&format!("{resume}/discard"), &[("csrf", &ocsrf)])
        .await;

    // Its author, signing in from a plain sign-in page, is offered it first.
    let mut hers = Browser::new(&app);
    let (_, landed) = hers.sign_in("sari", PASSWORD).await;
    assert_eq!(landed, resume);
    let (s, _, page) = hers.get(&resume).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains(ANSWERS));
    // Discarded: gone, and nothing was saved.
    let hcsrf = hers.csrf().await;
    let (s, h, _) = hers
        .post(&format!("{resume}/discard"), &[("csrf", &hcsrf)])
        .await;
    assert_eq!((s, location(&h).as_str()), (StatusCode::SEE_OTHER, "/work"));
    assert_eq!(hers.get(&resume).await.0, StatusCode::NOT_FOUND);
    let (_, _, page) = hers.get(&format!("/cases/{case}")).await;
    assert!(!page.contains(ANSWERS));
}

/// With a second factor the form is offered only once it is passed.
#[tokio::test]
async fn a_kept_form_waits_for_the_second_factor() {
    let app = scene(true).await;
    let mut b = Browser::new(&app);
    b.sign_in("sari", PASSWORD).await;
    let (_, _, page) = b.get("/totp/enrol").await;
    let (secret, csrf) = (field(&page, "secret"), field(&page, "csrf"));
    let totp = totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(&secret).unwrap())
        .with_account_name("sari".to_string())
        .build()
        .unwrap();
    let code = |t: chrono::DateTime<Utc>| totp.generate(t.timestamp() as u64).to_string();
    let (_, h, _) = b
        .post(
            "/totp/enrol",
            &[("csrf", &csrf), ("secret", &secret), ("code", &code(now()))],
        )
        .await;
    assert_eq!(location(&h), "/work");
    let csrf = b.csrf().await;

    let (to, resume) = note_after_idle(&app, &mut b, &csrf, 45).await;
    let later = now() + chrono::Duration::minutes(45);
    let totp_page = sign_in_from(&mut b, &to, "sari").await;
    assert_eq!(totp_page, format!("/signin/totp?next={resume}"));
    assert_eq!(
        location(&b.get(&resume).await.1),
        "/signin/totp",
        "offered before the second factor"
    );
    let (_, _, page) = b.get(&totp_page).await;
    assert_eq!(field(&page, "next"), resume);
    let csrf = field(&page, "csrf");
    let (_, h, _) = b
        .post(
            "/signin/totp",
            &[("csrf", &csrf), ("code", &code(later)), ("next", &resume)],
        )
        .await;
    assert_eq!(location(&h), resume);
    let (s, _, page) = b.get(&resume).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains(ANSWERS));
}

/// Only a form the expired session served is kept: one without its token (forged, or from
/// another tab's older session) is not, and comes back to nothing.
#[tokio::test]
async fn a_form_without_the_expired_sessions_token_is_not_kept() {
    let app = scene(false).await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("sari").await;
    app.clock.set(now() + chrono::Duration::minutes(31));
    let events = app.store.audit_events(1000).await.unwrap().len();
    let (s, h, _) = b
        .post(
            &format!("/cases/{case}/notes"),
            &[
                ("csrf", "not-the-token"),
                ("section", "family"),
                ("text", ANSWERS),
            ],
        )
        .await;
    assert_eq!(
        (s, location(&h).as_str()),
        (StatusCode::SEE_OTHER, "/signin?expired=1")
    );
    let audited = app.store.audit_events(1000).await.unwrap();
    assert_eq!(audited.len(), events + 1, "only the session's end");
    assert_eq!(audited[0].action, "session.end");
    app.clock.set(now());
    let mut again = Browser::new(&app);
    assert_eq!(again.sign_in("sari", PASSWORD).await.1, "/work");
}

/// Sign-in returns to the page that was asked for — only a page of this site.
#[tokio::test]
async fn sign_in_returns_to_the_page_asked_for_and_only_to_a_local_one() {
    let app = scene(false).await;
    let case = app.case_id("Amina");
    let page = format!("/cases/{case}/assessments?instrument=resilience-needs");
    let mut b = Browser::new(&app);
    let (s, h, _) = b.get(&page).await;
    let to = location(&h);
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(to.starts_with("/signin?next=/cases/"), "{to}");
    assert_eq!(sign_in_from(&mut b, &to, "sari").await, page);

    // After an idle expiry, the same.
    app.clock.set(now() + chrono::Duration::minutes(31));
    let (_, h, _) = b.get(&format!("/cases/{case}")).await;
    let to = location(&h);
    assert_eq!(to, format!("/signin?expired=1&next=/cases/{case}"));
    assert_eq!(
        sign_in_from(&mut b, &to, "sari").await,
        format!("/cases/{case}")
    );

    // Elsewhere, or back to sign-in itself: My work.
    for next in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "/signin",
        "/signout",
        "",
    ] {
        let mut b = Browser::new(&app);
        let query = percent_encoding::utf8_percent_encode(next, percent_encoding::NON_ALPHANUMERIC);
        let (_, _, signin) = b.get(&format!("/signin?next={query}")).await;
        assert!(!signin.contains("evil"), "{next}: {signin}");
        let csrf = field(&signin, "csrf");
        let (_, h, _) = b
            .post(
                "/signin",
                &[
                    ("username", "sari"),
                    ("password", PASSWORD),
                    ("csrf", &csrf),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(location(&h), "/work", "{next}");
    }
}

/// A draft saved while typing comes back to its author on that case and form only, and is
/// gone once the form is saved.
#[tokio::test]
async fn a_draft_round_trips_for_its_author_and_goes_when_the_form_is_saved() {
    let app = scene(false).await;
    let case = app.case_id("Amina");
    let drafts = format!("/cases/{case}/drafts");
    let mut b = app.signed_in("sari").await;
    let csrf = b.csrf().await;
    let (s, _, none) = b.get(&format!("{drafts}?draft=assessment")).await;
    assert_eq!(s, StatusCode::OK);
    let none: Value = serde_json::from_str(&none).unwrap();
    assert_eq!(none["draft"], Value::Null);
    assert_eq!(none["labels"]["restore"], "Restore them");

    let typed = [
        ("csrf", csrf.as_str()),
        ("draft", "assessment"),
        ("instrument", "resilience-needs"),
        ("assent", "given"),
        ("present", ANSWERS),
    ];
    let (s, _, body) = b.post(&drafts, &typed).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["status"],
        "Draft kept"
    );
    let (_, _, back) = b.get(&format!("{drafts}?draft=assessment")).await;
    let back: Value = serde_json::from_str(&back).unwrap();
    assert_eq!(
        back["draft"]["fields"],
        json!([
            ["instrument", "resilience-needs"],
            ["assent", "given"],
            ["present", ANSWERS]
        ])
    );
    let offer = back["draft"]["offer"].as_str().unwrap();
    assert!(
        offer.contains("were not saved") && offer.contains("2026"),
        "{offer}"
    );
    // Another form, or another person, has none.
    let (_, _, plan) = b.get(&format!("{drafts}?draft=plan")).await;
    assert_eq!(
        serde_json::from_str::<Value>(&plan).unwrap()["draft"],
        Value::Null
    );
    let mut other = app.signed_in("budi").await;
    let (_, _, theirs) = other.get(&format!("{drafts}?draft=assessment")).await;
    assert_eq!(
        serde_json::from_str::<Value>(&theirs).unwrap()["draft"],
        Value::Null
    );
    // A form that keeps no drafts is refused.
    let (s, _, _) = b
        .post(
            &drafts,
            &[("csrf", &csrf), ("draft", "notes"), ("text", "x")],
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // Saving the assessment for real deletes the draft.
    let (s, _, _) = b
        .post(
            &format!("/cases/{case}/assessments"),
            &[
                ("csrf", &csrf),
                ("on", "2026-11-28"),
                ("language", "id"),
                ("assent", "given"),
                ("present", ANSWERS),
                ("a.in_school", "no"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, gone) = b.get(&format!("{drafts}?draft=assessment")).await;
    assert_eq!(
        serde_json::from_str::<Value>(&gone).unwrap()["draft"],
        Value::Null
    );
    assert_eq!(
        app.store.audit_events(1).await.unwrap()[0].action,
        "draft.end"
    );

    // Discarded by its author.
    b.post(
        &drafts,
        &[("csrf", &csrf), ("draft", "plan"), ("child_views", ANSWERS)],
    )
    .await;
    let (s, _, _) = b
        .post(
            &format!("{drafts}/discard"),
            &[("csrf", &csrf), ("draft", "plan")],
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (_, _, gone) = b.get(&format!("{drafts}?draft=plan")).await;
    assert_eq!(
        serde_json::from_str::<Value>(&gone).unwrap()["draft"],
        Value::Null
    );
}

/// The plan and conference forms opt in to drafts; every page loads the script that keeps
/// them, and the script is served.
#[tokio::test]
async fn long_forms_opt_in_to_drafts_and_the_script_is_served() {
    let app = scene(false).await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("sari").await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains(r#"<script src="/static/forms.js" defer></script>"#));
    assert!(page.contains(r#"data-draft="plan""#), "the plan form");
    let (s, h, js) = b.get("/static/forms.js").await;
    assert_eq!(s, StatusCode::OK);
    assert!(h["content-type"][0].starts_with("text/javascript"));
    assert!(js.contains("data-draft") && js.contains("/terminology"));
}

/// The guard answers while typing, in the reader's language, and never without the form's
/// token.
#[tokio::test]
async fn the_terminology_guard_warns_while_typing() {
    let app = scene(false).await;
    let mut b = app.signed_in("sari").await;
    let csrf = b.csrf().await;
    let (s, _, body) = b
        .post("/terminology", &[("csrf", &csrf), ("text", stigmatising())])
        .await;
    assert_eq!(s, StatusCode::OK);
    let v: Value = serde_json::from_str(&body).unwrap();
    let warnings = v["warnings"].as_array().unwrap();
    assert!(!warnings.is_empty(), "{v}");
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .starts_with("Consider other wording")
    );
    assert_eq!(v["title"], "Before you save: words to reconsider");
    let (_, _, body) = b
        .post("/terminology", &[("csrf", &csrf), ("text", ANSWERS)])
        .await;
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["warnings"],
        json!([])
    );
    // In the reader's language.
    b.post("/profile/language", &[("csrf", &csrf), ("language", "id")])
        .await;
    let (_, _, body) = b
        .post("/terminology", &[("csrf", &csrf), ("text", stigmatising())])
        .await;
    let v: Value = serde_json::from_str(&body).unwrap();
    assert!(
        v["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("Pertimbangkan"),
        "{v}"
    );
    // Without the token: refused, and the text goes nowhere.
    let (s, _, _) = b.post("/terminology", &[("text", stigmatising())]).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // Signed out: sign-in, not the guard.
    let mut anon = Browser::new(&app);
    let (s, _, _) = anon
        .post("/terminology", &[("csrf", &csrf), ("text", stigmatising())])
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
}
