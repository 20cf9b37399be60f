//! Scripts and phones: the assessment form as a worker uses it on a phone (the child named,
//! scales as buttons, skip logic, a refusal that keeps every answer), choices never assumed
//! (sex, a plan action's agency, a detention change), and right-to-left Dhivehi keeping ages
//! in their own order.

use crate::fixture::*;

/// The part of a page from `id="<id>"` to the first closing fieldset, div or select: a
/// question's message and buttons, or a menu's options.
fn block<'p>(page: &'p str, id: &str) -> &'p str {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &page[start..];
    let end = ["</fieldset>", "</div>", "</select>"]
        .iter()
        .filter_map(|e| rest.find(e))
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

#[tokio::test]
async fn a_refused_assessment_comes_back_with_every_answer_and_the_message_beside_its_question() {
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

    // The form names the child, not the instrument's internal name; a 0–3 scale and a yes/no
    // are rows of radio buttons; a follow-up question says when it applies (for a browser
    // without the script) and carries its condition for the script, which every page loads.
    let (_, _, form) = b.get(&path).await;
    assert!(
        form.contains("<h1><bdi>Amina</bdi></h1>"),
        "the child's name heads the form"
    );
    assert!(
        !form.contains("resilience-needs v1"),
        "the internal name is gone"
    );
    assert!(form.contains("type=\"radio\" name=\"a.distress\" value=\"3\""));
    assert!(form.contains("type=\"radio\" name=\"a.threats\" value=\"no\""));
    assert!(
        !form.contains("<select id=\"a-distress\""),
        "no small drop-down for a scale"
    );
    let follow_up = block(&form, "q-threat_source");
    assert!(follow_up.contains("data-show-if=\"a.threats\" data-show-equals=\"yes\""));
    assert!(follow_up.contains("class=\"hint only-if\""));
    assert!(form.contains("<script src=\"/static/skip.js\" defer>"));
    let (s, h, script) = b.get("/static/skip.js").await;
    assert_eq!(s, StatusCode::OK);
    assert!(h["content-type"][0].starts_with("text/javascript"));
    assert!(script.contains("data-show-if") || script.contains("showIf"));

    // A scale of 7 among good answers: refused, nothing saved, everything typed kept, and the
    // message beside the scale's question, which the top of the page links to.
    let typed = [
        ("csrf", csrf.as_str()),
        ("instrument", "resilience-needs"),
        ("on", "2026-11-27"),
        ("language", "bn"),
        ("assent", "given"),
        ("present", "Her aunt and an interpreter"),
        ("a.safe_place", "yes"),
        ("a.threats", "yes"),
        ("a.threat_source", "family"),
        ("a.distress", "7"),
        ("a.coping", "2"),
        ("a.goal", "To go back to school and become a nurse"),
    ];
    let (s, _, page) = b.post(&path, &typed).await;
    assert_eq!(s, StatusCode::OK);
    let distress = block(&page, "q-distress");
    assert!(
        distress.contains("class=\"field-error\" id=\"e-distress\">This value is not valid."),
        "the message is beside the question: {distress}"
    );
    assert!(distress.contains("aria-describedby=\"e-distress\""));
    assert!(
        page.contains("<a href=\"#q-distress\">"),
        "the top links to it"
    );
    for kept in [
        "name=\"a.safe_place\" value=\"yes\" checked",
        "name=\"a.threats\" value=\"yes\" checked",
        "name=\"a.threat_source\" value=\"family\" checked",
        "name=\"a.coping\" value=\"2\" checked",
        "name=\"assent\" value=\"given\" required checked",
        ">To go back to school and become a nurse</textarea>",
        ">Her aunt and an interpreter</textarea>",
        "value=\"bn\" lang=\"bn\" selected",
        "name=\"on\" type=\"date\" required max=\"2026-11-28\" value=\"2026-11-27\"",
    ] {
        assert!(page.contains(kept), "lost: {kept}");
    }
    assert!(
        !block(&page, "q-safe_place").contains("field-error"),
        "only the question concerned carries the message"
    );
    let (_, _, again) = b.get(&path).await;
    assert!(
        again.contains("No one has assessed this child yet."),
        "nothing was saved"
    );

    // No assent chosen: the message is beside the assent, the answers are kept.
    let no_assent: Vec<(&str, &str)> = typed
        .iter()
        .filter(|(k, _)| *k != "assent")
        .map(|(k, v)| {
            if *k == "a.distress" {
                (*k, "3")
            } else {
                (*k, *v)
            }
        })
        .collect();
    let (s, _, page) = b.post(&path, &no_assent).await;
    assert_eq!(s, StatusCode::OK);
    assert!(block(&page, "q-assent").contains("Say whether the child agreed."));
    assert!(page.contains("name=\"a.distress\" value=\"3\" checked"));
    // A refused assent with answers: the message beside the assent.
    let refused: Vec<(&str, &str)> = no_assent
        .iter()
        .copied()
        .chain([("assent", "refused")])
        .collect();
    let (_, _, page) = b.post(&path, &refused).await;
    assert!(block(&page, "q-assent").contains("The child did not agree"));
    assert!(page.contains("name=\"assent\" value=\"refused\" required checked"));

    // Corrected, it saves.
    let mut good = no_assent.clone();
    good.push(("assent", "given"));
    let (s, _, _) = b.post(&path, &good).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_choice_that_matters_is_never_made_for_the_worker() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection) // Indonesia
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let (home, case) = (app.agency_id("HOME"), app.case_id("Amina"));
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;

    // Registration: no sex is preselected; without one the form comes back with the message
    // beside the field, what was typed kept, nothing saved.
    let (_, _, page) = b.get("/register").await;
    let sex = block(&page, "sex");
    assert!(sex.contains("<option value=\"\">Choose…</option>"), "{sex}");
    assert!(!sex.contains("selected"), "a sex is preselected: {sex}");
    let before = app.store.counts().await.unwrap();
    let (s, _, page) = b
        .post(
            "/register",
            &[
                ("csrf", &csrf),
                ("given", "Siti"),
                ("precision", "year"),
                ("birth_year", "2012"),
                ("evidence", "declaration"),
                ("priority", "high"),
                ("priority_reason", "No safe caregiver"),
                ("action", "save_anyway"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("<p class=\"field-error\" id=\"sex-err\">Choose the child"));
    assert!(page.contains("value=\"Siti\""));
    assert_eq!(app.store.counts().await.unwrap(), before, "nothing saved");

    // A plan action names the agency that carries it out: none is assumed.
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(page.contains(
        "<select id=\"g-agency\" name=\"action_agency\"><option value=\"\">Choose…</option>"
    ));
    let plan = |agency: &'static str| {
        vec![
            ("goal_domain", "education"),
            ("goal_kind", "reintegration"),
            ("goal_text", "Back to school in January"),
            ("action_text", "Enrol at the junior secondary school"),
            ("action_agency", agency),
        ]
    };
    let path = format!("/cases/{case}/plan");
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend(plan(""));
    let (s, _, page) = b.post(&path, &form).await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Choose the agency that carries out this action."));
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(
        !page.contains("Enrol at the junior secondary school"),
        "nothing saved"
    );
    form.pop();
    form.push(("action_agency", &home));
    let (s, _, _) = b.post(&path, &form).await;
    assert_eq!(
        s,
        StatusCode::SEE_OTHER,
        "with an agency chosen, the action is saved"
    );

    // A detention's change menu has no default, and no change is refused: not a release.
    let token = app.token(&app.user_id("lead")).await;
    let proceeding = serde_json::json!({"forum": "children_court", "legal_aid": true,
        "parents_notified": true, "offence": {"description": "Carried messages",
        "on": "2026-06-15", "max_penalty_years": 7}});
    let (s, _, _) = app
        .post(
            &format!("/api/v1/cases/{case}/proceedings"),
            &token,
            proceeding,
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let started = (now() - chrono::TimeDelta::days(8))
        .with_timezone(&chrono_tz::Asia::Jakarta)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let detention = |separated: &'static str| {
        [
            ("csrf", csrf.clone()),
            ("stage", "investigation".into()),
            ("started_at", started.clone()),
            ("order", "SP.Han/12/XI/2026".into()),
            ("legal_basis", "UU SPPA art. 32".into()),
            ("alternatives", "Return to the parents: not safe now".into()),
            (
                "best_interests",
                "Away from the network while it lasts".into(),
            ),
            ("place", "LPAS Jakarta".into()),
            ("separated", separated.into()),
            ("parents_notified", "yes".into()),
        ]
    };
    // The safeguards are answered, never assumed met: left unanswered, the separation from
    // adults is refused beside its question, and no episode is recorded.
    let unanswered = detention("");
    let (s, _, page) = b
        .post(&format!("/cases/{case}/detentions"), &pairs(&unanswered))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains(r#"<p class="field-error" id="dn-sep-error">"#));
    assert!(!page.contains("action=\"/detentions/"), "nothing recorded");
    let answered = detention("yes");
    let (s, _, _) = b
        .post(&format!("/cases/{case}/detentions"), &pairs(&answered))
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    let did = page
        .split("action=\"/detentions/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    let menu = block(&page, &format!("dc-{did}"));
    assert!(
        menu.contains("required><option value=\"\">Choose…</option><option value=\"release\">")
    );
    assert!(!menu.contains("selected"));
    let (s, _, page) = b
        .post(
            &format!("/detentions/{did}"),
            &[("csrf", &csrf), ("change", "")],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("Choose the change to record."));
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(
        page.contains("Release is required by law now"),
        "still detained"
    );
}

#[tokio::test]
async fn in_dhivehi_an_age_range_reads_in_its_own_order_and_lists_become_cards() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead") // born 2011: 14–15 years
        .build()
        .await;
    let mut b = Browser::new(&app);
    b.lang = "dv";
    b.sign_in("lead", PASSWORD).await;
    let (_, _, work) = b.get("/work").await;
    assert!(work.contains("dir=\"rtl\""));
    // Isolated, "14–15" keeps its order inside the right-to-left sentence ("15–14" otherwise).
    assert!(
        work.contains("<bdi>\u{2068}14–15\u{2069} އަހަރު</bdi>"),
        "the age range is not isolated"
    );
    // The case list is a table that becomes cards on a phone: each cell names its column,
    // the victim status is a short badge with the full words for screen readers and as title.
    assert!(work.contains("<table class=\"cases cards\">"));
    assert!(
        work.contains("data-label=\"އުމުރު\""),
        "no column name on the age cell"
    );
    let recognised = "ރިކްރޫޓްކުރުމާއި ގޯނާކުރުމުގެ ޝިކާރައެއްގެ ގޮތުގައި ދެނެގަނެފައި";
    assert!(work.contains(&format!(
        "<span class=\"tag victim\" title=\"{recognised}\"><span aria-hidden=\"true\">ޝިކާރަ</span><span class=\"visually-hidden\">{recognised}</span></span>"
    )));
    let (_, _, case) = b.get(&format!("/cases/{}", app.case_id("Amina"))).await;
    assert!(
        case.contains("\u{2068}14–15\u{2069}"),
        "the case header's age"
    );
}

/// A possible match at registration is named by its case reference, and that reference opens
/// the case when the reader may see it.
#[tokio::test]
async fn a_match_at_registration_links_its_reference_to_the_case() {
    let app = Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .user("lead", Role::CaseWorker, "HOME")
        .case("Amina", "lead")
        .build()
        .await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("lead").await;
    let csrf = b.csrf().await;
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    let reference = page
        .split("<p class=\"ref\"><bdi>")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .unwrap()
        .to_owned();
    let (s, _, page) = b
        .post(
            "/register",
            &[
                ("csrf", &csrf),
                ("given", "Amina"),
                ("sex", "female"),
                ("precision", "year"),
                ("birth_year", "2011"),
                ("evidence", "declaration"),
                ("priority", "high"),
                ("priority_reason", "No safe caregiver"),
                ("action", "check"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(&format!(
            "<a href=\"/cases/{case}\"><bdi>{reference}</bdi></a>"
        )),
        "the reference is not a link to the case"
    );
}
