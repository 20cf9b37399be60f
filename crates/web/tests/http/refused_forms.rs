//! A refused form on the case page comes back open, filled with what was typed, with the
//! message beside the field it concerns (marked invalid and focused), and nothing stored;
//! consent for several purposes and people is one submission, all or nothing.

use crate::fixture::*;

/// The lead worker of Amina (14 or 15: the child assents, a caregiver consents), with a health
/// agency and its nurse to refer to.
async fn scene() -> Scene {
    Fixture::new()
        .agency("HOME", Sector::ChildProtection)
        .agency("CLINIC", Sector::Health)
        .user("lead", Role::CaseWorker, "HOME")
        .user("nurse", Role::Health, "CLINIC")
        .case("Amina", "lead")
        .build()
        .await
}

/// Posts a form of the case page with the session's token; answers the status and the page.
async fn post(b: &mut Browser<'_>, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let csrf = b.csrf().await;
    let mut fields = fields.to_vec();
    fields.push(("csrf", &csrf));
    let (s, _, page) = b.post(path, &fields).await;
    (s, page)
}

/// The refused form is open, the message sits beside the field `id` (which points to it and is
/// focused), and the page's top says nothing was saved and links to the form.
fn refused_beside(page: &str, form: &str, id: &str, message: &str) {
    // Open: a form in a <details> is opened; a form shown as it is (`class="stack"`) is there.
    assert!(
        page.contains(&format!("id=\"form-{form}\" open>"))
            || page.contains(&format!("class=\"stack\" id=\"form-{form}\">")),
        "the form {form} is open"
    );
    assert!(
        page.contains(&format!("href=\"#form-{form}\"")),
        "the top notice links to the form"
    );
    assert!(page.contains("Nothing was saved."));
    let beside = format!("<p class=\"field-error\" id=\"{id}-error\">{message}</p>");
    assert!(page.contains(&beside), "{beside} not in the page");
    assert!(
        page.contains(&format!(
            "aria-invalid=\"true\" aria-describedby=\"{id}-error\" autofocus"
        )),
        "the field {id} is marked and focused"
    );
    assert_eq!(page.matches("autofocus").count(), 1, "one field is focused");
}

#[tokio::test]
async fn a_refused_consent_keeps_every_purpose_decision_and_note_with_the_reason_at_its_field() {
    let app = scene().await;
    let case = app.case_id("Amina");
    let mut b = app.signed_in("lead").await;
    let path = format!("/cases/{case}/consents");
    let (_, _, page) = b.get(&format!("/cases/{case}")).await;
    assert!(
        page.contains("id=\"form-consent\">"),
        "closed until refused"
    );
    let before = app.store.counts().await.unwrap();

    let typed = [
        ("purpose", "assessment"),
        ("purpose", "referral:health"),
        ("child_decision", "given"),
        ("caregiver_giver", "guardian"),
        ("caregiver_decision", "refused"),
        ("on", "2026-12-24"),
        ("note", "Explained in Bahasa with her aunt present"),
    ];
    let (s, page) = post(&mut b, &path, &typed).await;
    assert_eq!(s, StatusCode::OK);
    refused_beside(&page, "consent", "c-on", "This date is in the future.");
    for kept in [
        "value=\"assessment\" checked",
        "value=\"referral:health\" checked",
        "Explained in Bahasa with her aunt present</textarea>",
        "value=\"2026-12-24\"",
        "<option value=\"guardian\" selected>",
    ] {
        assert!(page.contains(kept), "{kept} was typed and is kept");
    }
    assert!(
        !page.contains("value=\"research\" checked"),
        "only what was ticked"
    );
    assert!(!page.contains("This value is not valid."));

    // Each rule says what is wrong, beside its own field.
    for (change, id, message) in [
        (
            ("expires", "2026-11-01"),
            "c-expires",
            "The expiry is before the day of the decision: a consent cannot lapse before it was given.",
        ),
        (("on", "2026-02-30"), "c-on", "This date does not exist."),
        (
            ("on", "next Tuesday"),
            "c-on",
            "This is not a date. Enter the day, the month and the year.",
        ),
        (
            ("note", "a\u{0007}bell"),
            "c-note",
            "This contains characters that are not allowed.",
        ),
    ] {
        // What was typed, on a date that is fine, with this one field changed.
        let mut fields: Vec<(&str, &str)> = typed
            .iter()
            .map(|&(k, v)| if k == "on" { (k, "2026-11-20") } else { (k, v) })
            .filter(|(k, _)| *k != change.0)
            .collect();
        fields.push(change);
        let (s, page) = post(&mut b, &path, &fields).await;
        assert_eq!(s, StatusCode::OK, "{change:?}");
        refused_beside(&page, "consent", id, message);
    }
    let long = "x".repeat(20_001);
    let (_, page) = post(
        &mut b,
        &path,
        &[
            ("purpose", "assessment"),
            ("child_decision", "given"),
            ("on", "2026-11-20"),
            ("note", &long),
        ],
    )
    .await;
    // The limit is named, not left as a placeholder.
    assert!(
        page.contains("<p class=\"field-error\" id=\"c-note-error\">This is too long (at most ")
    );
    assert!(!page.contains("$max"));
    let (_, page) = post(
        &mut b,
        &path,
        &[("child_decision", "given"), ("on", "2026-11-20")],
    )
    .await;
    refused_beside(
        &page,
        "consent",
        "c-purpose",
        "Tick at least one purpose that was explained.",
    );
    let (_, page) = post(
        &mut b,
        &path,
        &[("purpose", "assessment"), ("on", "2026-11-20")],
    )
    .await;
    refused_beside(
        &page,
        "consent",
        "c-child",
        "Record the child&#39;s decision, the caregiver&#39;s, or both.",
    );
    assert_eq!(app.store.counts().await.unwrap(), before, "nothing stored");
}

#[tokio::test]
async fn two_purposes_by_the_child_and_the_caregiver_are_one_submission_and_a_bad_entry_saves_none()
{
    let app = scene().await;
    let (case, lead) = (app.case_id("Amina"), app.user_id("lead"));
    let mut b = app.signed_in("lead").await;
    let path = format!("/cases/{case}/consents");
    let (s, _) = post(
        &mut b,
        &path,
        &[
            ("purpose", "assessment"),
            ("purpose", "referral:health"),
            ("child_decision", "given"),
            ("caregiver_giver", "caregiver"),
            ("caregiver_decision", "given"),
            ("on", "2026-11-20"),
            ("expires", "2027-11-20"),
            ("note", "Explained with the aunt present"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let token = app.token(&lead).await;
    let api = format!("/api/v1{path}");
    let ledger = || app.get(&api, &token);
    let (_, v, _) = ledger().await;
    let entries = v["entries"].as_array().unwrap();
    let got: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["purpose"].as_str().unwrap(),
                e["giver"].as_str().unwrap(),
                e["expires"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("assessment", "child", "2027-11-20"),
            ("assessment", "caregiver", "2027-11-20"),
            ("referral:health", "child", "2027-11-20"),
            ("referral:health", "caregiver", "2027-11-20"),
        ]
    );
    assert!(
        entries
            .iter()
            .all(|e| e["note"] == "Explained with the aunt present")
    );
    assert!(
        v["standing"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["allows"] == true),
        "both purposes are agreed by both"
    );

    // The child withdraws from the assessment and from research, never given: the research
    // entry is refused, so the assessment's withdrawal is not recorded either.
    let before = app.store.counts().await.unwrap();
    let (s, page) = post(
        &mut b,
        &path,
        &[
            ("purpose", "assessment"),
            ("purpose", "research"),
            ("child_decision", "withdrawn"),
            ("on", "2026-11-27"),
            ("note", "She no longer wants to take part"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("id=\"form-consent\" open"));
    assert!(page.contains("There is no consent from this person for this purpose to withdraw."));
    assert!(page.contains("She no longer wants to take part</textarea>"));
    assert_eq!(app.store.counts().await.unwrap(), before);
    let (_, v, _) = ledger().await;
    assert_eq!(
        v["entries"].as_array().unwrap().len(),
        4,
        "none of the round"
    );
}

#[tokio::test]
async fn a_refused_referral_plan_and_justice_form_keep_what_was_typed_beside_the_reason() {
    let app = scene().await;
    let (case, clinic) = (app.case_id("Amina"), app.agency_id("CLINIC"));
    let mut b = app.signed_in("lead").await;
    let before = app.store.counts().await.unwrap();

    // A referral with no section ticked: the reason the worker wrote stays.
    let (s, page) = post(
        &mut b,
        &format!("/cases/{case}/referrals"),
        &[
            ("to_agency", &clinic),
            ("reason", "Sleeps badly since the return; needs a check-up"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    refused_beside(
        &page,
        "referral",
        "r-sections",
        "Tick the sections to share: at least one, and only those the receiving agency&#39;s profession may read.",
    );
    assert!(page.contains("Sleeps badly since the return; needs a check-up</textarea>"));
    assert!(page.contains(&format!("<option value=\"{clinic}\" selected>")));
    assert!(app.store.referrals_of_case(&case).await.unwrap().is_empty());

    // A plan with an action but no goal: the child's views and the action stay.
    let (s, page) = post(
        &mut b,
        &format!("/cases/{case}/plan"),
        &[
            ("child_views", "She wants to go back to school"),
            ("goal_domain", "education"),
            ("action_text", "Enrol at the local school"),
            ("action_due", "2027-01-10"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    refused_beside(
        &page,
        "plan",
        "g-text",
        "An action serves a goal: write the goal this action is for.",
    );
    for kept in [
        "She wants to go back to school</textarea>",
        "value=\"Enrol at the local school\"",
        "value=\"2027-01-10\"",
    ] {
        assert!(page.contains(kept), "{kept}");
    }
    assert!(app.store.read_plan_for_edit(&case).await.unwrap().is_none());

    // Proceedings with a penalty in words; a detention at a time that is not one.
    let (s, page) = post(
        &mut b,
        &format!("/cases/{case}/proceedings"),
        &[
            ("forum", "children_court"),
            ("offence", "Carried messages for the group"),
            ("offence_on", "2026-06-15"),
            ("penalty", "seven"),
            ("repeat", "yes"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    refused_beside(
        &page,
        "proceeding",
        "pr-pen",
        "Write the maximum penalty as a whole number of years.",
    );
    for kept in [
        "Carried messages for the group</textarea>",
        "value=\"2026-06-15\"",
        "value=\"seven\"",
        "<option value=\"yes\" selected>",
    ] {
        assert!(page.contains(kept), "{kept}");
    }
    let (s, page) = post(
        &mut b,
        &format!("/cases/{case}/detentions"),
        &[
            ("stage", "police_custody"),
            ("started_at", "yesterday evening"),
            ("order", "Order 12/2026"),
            ("legal_basis", "Arrest on suspicion"),
            ("alternatives", "Release to the aunt was considered"),
            ("best_interests", "None recorded"),
            ("place", "District police station"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    refused_beside(
        &page,
        "detention",
        "dn-start",
        "This is not a date and time. Enter the day, the month, the year and the hour.",
    );
    assert!(page.contains("Release to the aunt was considered</textarea>"));
    assert!(page.contains("value=\"District police station\""));
    assert_eq!(app.store.counts().await.unwrap(), before, "nothing stored");

    // A rule of the law, not of typing: for an offence under 7 years (not a repeat) Indonesia
    // makes the diversion attempt mandatory, so "not eligible" is refused beside the outcome
    // in that proceeding's form, with the note kept.
    use pelita_domain::justice::proceeding::{Forum, NewProceeding, Offence};
    let pid = app
        .store
        .open_proceeding(
            &operator(),
            &case,
            NewProceeding {
                forum: Forum::parse("children_court").unwrap(),
                offence: Offence {
                    description: pelita_domain::text::NoteText::parse("Carried messages").unwrap(),
                    on: "2026-06-15".parse().unwrap(),
                    max_penalty_years: Some(5),
                    repeat: false,
                },
                legal_aid: true,
                parents_notified: true,
            },
        )
        .await
        .unwrap();
    let before = app.store.counts().await.unwrap();
    let (s, page) = post(
        &mut b,
        &format!("/proceedings/{pid}"),
        &[
            ("step", "diversion"),
            ("on", "2026-11-20"),
            ("outcome", "not_eligible"),
            ("note", "Family conference could not be held"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    refused_beside(
        &page,
        &format!("diversion-{pid}"),
        &format!("dv-out-{pid}"),
        "Here the law makes the diversion attempt mandatory for this offence: &#34;not eligible&#34; cannot be recorded. Record whether an agreement was reached.",
    );
    assert!(page.contains("Family conference could not be held</textarea>"));
    assert!(page.contains("<option value=\"not_eligible\" selected>"));
    assert_eq!(app.store.counts().await.unwrap(), before, "nothing stored");
}

/// The receiving agency's answer on My work: declining without a reason, or with a reason too
/// long, comes back with what was typed and the message beside the text; the referral waits.
#[tokio::test]
async fn a_refused_answer_to_a_referral_keeps_the_text_beside_its_reason() {
    use pelita_domain::consent::{Decision, Giver, Purpose, Round};
    let app = scene().await;
    let case = app.case_id("Amina");
    let round = Round {
        purposes: vec![Purpose::Referral(Sector::Health)],
        child: Some(Decision::Given),
        caregiver: Some((Giver::Caregiver, Decision::Given)),
        on: now().date_naive(),
        expires: None,
    };
    app.store
        .record_consent_round(&operator(), &case, &round, None)
        .await
        .unwrap();
    let rid = app
        .store
        .refer(
            &operator(),
            &case,
            pelita_store::NewReferral {
                to_agency: app.agency_id("CLINIC"),
                sections: vec![Section::Health],
                reason: pelita_domain::text::NoteText::parse("Sleeps badly").unwrap(),
                override_justification: None,
            },
        )
        .await
        .unwrap();
    let mut b = app.signed_in("nurse").await;
    let path = format!("/referrals/{rid}/move");
    let (s, page) = post(&mut b, &path, &[("to", "declined"), ("text", "")]).await;
    assert_eq!(s, StatusCode::OK);
    let form = format!("answer-{rid}");
    refused_beside(
        &page,
        &form,
        &format!("x-{rid}"),
        "Write why your agency declines: the worker who referred the child needs it to find another service.",
    );
    assert!(page.contains("<option value=\"declined\" selected>"));
    let long = format!("No capacity {}", "x".repeat(20_000));
    let (s, page) = post(&mut b, &path, &[("to", "declined"), ("text", &long)]).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains(&format!("{long}</textarea>")),
        "the text is kept"
    );
    assert!(page.contains("This is too long (at most "));
    let r = app.store.referral(&rid).await.unwrap();
    assert_eq!(r.status.as_str(), "pending", "nothing was answered");
}
