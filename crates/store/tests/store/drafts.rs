//! Work typed but not yet saved: forms kept after a session expired, and drafts of long forms.

use crate::*;
use pelita_store::{DRAFT_DAYS, KEPT_HOURS, MAX_KEPT_BYTES, MAX_KEPT_PER_USER};

both!(
    a_kept_form_is_sealed_for_its_author_alone_and_goes_once_sent,
    a_kept_form_expires_after_a_working_day_and_is_deleted_at_the_next_keep,
    only_the_newest_kept_forms_of_a_person_stay,
    a_form_naming_no_case_is_kept_with_the_system_key,
    a_draft_is_one_per_person_case_and_form_replaced_at_each_save,
    a_draft_expires_and_is_deleted_when_the_form_is_saved,
    drafts_and_kept_forms_belong_to_accounts_and_have_limits,
    erasure_deletes_the_childs_kept_forms_and_drafts,
);

/// What a worker typed during an interview: personal data that must never be plaintext.
const TYPED: &str = "Zulaikha spoke of her uncle Kertawijaya";

fn fields(text: &str) -> Vec<(String, String)> {
    vec![
        ("section".into(), "family".into()),
        ("text".into(), text.into()),
    ]
}

/// Two case workers of one agency, their actors, and a child's case and child.
async fn two_workers(env: &Env) -> (Actor, Actor, String, String) {
    let agency = env.agency("DSS").await;
    let nadia = env.account("nadia", Role::CaseWorker, &agency).await;
    let rahim = env.account("rahim", Role::CaseWorker, &agency).await;
    let r = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("Zulaikha", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    (
        env.store.act_as(&nadia).await.unwrap(),
        env.store.act_as(&rahim).await.unwrap(),
        r.case_id,
        r.child_id,
    )
}

/// A family note `actor` was sending on `case` when the session expired, kept: its id.
async fn keep_note(env: &Env, actor: &Actor, case: &str) -> String {
    env.store
        .keep_submission(
            actor,
            Some(case),
            &format!("/cases/{case}/notes"),
            fields(TYPED),
        )
        .await
        .unwrap()
}

/// The form kept for `actor` under `id`, if it is still there for them.
async fn kept_for(env: &Env, actor: &Actor, id: &str) -> Option<pelita_store::Kept> {
    env.store.kept_submission(actor, id).await.unwrap()
}

/// `actor`'s draft of `form` on `case`, if there is one.
async fn draft_of(env: &Env, actor: &Actor, case: &str, form: &str) -> Option<pelita_store::Draft> {
    env.store.draft(actor, case, form).await.unwrap()
}

/// A count by raw SQL, as someone reading the database would.
async fn count(env: &Env, sql: &str) -> i64 {
    use sqlx::Row;
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    if env.pg.is_some() {
        let mut c = sqlx::PgConnection::connect(&env.url).await.unwrap();
        sqlx::query(sql).fetch_one(&mut c).await.unwrap().get(0)
    } else {
        let mut c = sqlx::SqliteConnection::connect(&env.url).await.unwrap();
        sqlx::query(sql).fetch_one(&mut c).await.unwrap().get(0)
    }
}

async fn a_kept_form_is_sealed_for_its_author_alone_and_goes_once_sent(env: &Env) {
    let (nadia, rahim, case, _) = two_workers(env).await;
    let path = format!("/cases/{case}/notes");
    let id = keep_note(env, &nadia, &case).await;
    assert!(id.len() >= 43, "an opaque, unguessable id: {id}");
    assert!(!id.contains(&case) && !id.contains(nadia.id()));
    let kept = kept_for(env, &nadia, &id).await.unwrap();
    assert_eq!(
        (
            kept.path.as_str(),
            kept.fields.clone(),
            kept.case_id.as_deref()
        ),
        (path.as_str(), fields(TYPED), Some(case.as_str()))
    );
    assert_eq!(kept.kept_at, today());
    if env.pg.is_none() {
        assert!(
            !contains(&sqlite_bytes(env), "Kertawijaya"),
            "plaintext kept"
        );
    }
    let event = env.last_event().await;
    assert_eq!(
        (event.action.as_str(), event.actor.as_str()),
        ("submission.keep", nadia.id())
    );
    assert!(!event.detail.contains("Kertawijaya"), "{}", event.detail);

    // Another person learns nothing of it, and cannot send or discard it.
    assert_eq!(kept_for(env, &rahim, &id).await, None);
    assert_eq!(env.store.latest_kept(&rahim).await.unwrap(), None);
    assert!(!env.store.drop_kept(&rahim, &id, true).await.unwrap());
    assert_eq!(
        env.store.latest_kept(&nadia).await.unwrap().as_deref(),
        Some(id.as_str())
    );

    // Sent again: gone, audited once.
    assert!(env.store.drop_kept(&nadia, &id, true).await.unwrap());
    assert_eq!(env.last_event().await.action, "submission.resume");
    assert_eq!(kept_for(env, &nadia, &id).await, None);
    assert_eq!(env.store.latest_kept(&nadia).await.unwrap(), None);
    assert!(!env.store.drop_kept(&nadia, &id, true).await.unwrap());
    assert_eq!(count(env, "SELECT count(*) FROM kept_submissions").await, 0);

    // Discarded: gone the same way, audited as a discard.
    let other = keep_note(env, &nadia, &case).await;
    assert!(env.store.drop_kept(&nadia, &other, false).await.unwrap());
    assert_eq!(env.last_event().await.action, "submission.discard");
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        None
    );
}

async fn a_kept_form_expires_after_a_working_day_and_is_deleted_at_the_next_keep(env: &Env) {
    let (nadia, _, case, _) = two_workers(env).await;
    let id = keep_note(env, &nadia, &case).await;
    let limit = today() + chrono::Duration::hours(KEPT_HOURS);
    env.clock.set(limit - chrono::Duration::seconds(1));
    assert!(kept_for(env, &nadia, &id).await.is_some());
    env.clock.set(limit);
    assert_eq!(kept_for(env, &nadia, &id).await, None);
    assert_eq!(env.store.latest_kept(&nadia).await.unwrap(), None);
    // The next keep deletes what expired, not only hides it: two rows, not three.
    let id = keep_note(env, &nadia, &case).await;
    env.clock.set(limit + chrono::Duration::hours(1));
    env.store
        .keep_submission(&nadia, None, "/register", fields("another"))
        .await
        .unwrap();
    assert_eq!(count(env, "SELECT count(*) FROM kept_submissions").await, 2);
    assert!(kept_for(env, &nadia, &id).await.is_some());
}

async fn only_the_newest_kept_forms_of_a_person_stay(env: &Env) {
    let (nadia, rahim, case, _) = two_workers(env).await;
    let path = format!("/cases/{case}/notes");
    let theirs = env
        .store
        .keep_submission(&rahim, Some(&case), &path, fields("his"))
        .await
        .unwrap();
    let mut ids = Vec::new();
    for i in 0..=MAX_KEPT_PER_USER {
        env.clock.set(today() + chrono::Duration::seconds(i));
        ids.push(
            env.store
                .keep_submission(&nadia, Some(&case), &path, fields(&format!("note {i}")))
                .await
                .unwrap(),
        );
    }
    assert_eq!(kept_for(env, &nadia, &ids[0]).await, None);
    for id in &ids[1..] {
        assert!(kept_for(env, &nadia, id).await.is_some());
    }
    assert_eq!(
        env.store.latest_kept(&nadia).await.unwrap().as_deref(),
        ids.last().map(String::as_str)
    );
    assert!(
        kept_for(env, &rahim, &theirs).await.is_some(),
        "one person's forms do not push out another's"
    );
}

async fn a_form_naming_no_case_is_kept_with_the_system_key(env: &Env) {
    let (nadia, rahim, _, _) = two_workers(env).await;
    let id = env
        .store
        .keep_submission(&nadia, None, "/register", fields(TYPED))
        .await
        .unwrap();
    let kept = kept_for(env, &nadia, &id).await.unwrap();
    assert_eq!((kept.path.as_str(), kept.case_id), ("/register", None));
    assert_eq!(kept.fields, fields(TYPED));
    assert_eq!(kept_for(env, &rahim, &id).await, None);
    // A path naming a case that does not exist is kept as naming none.
    let id = env
        .store
        .keep_submission(
            &nadia,
            Some("no-such-case"),
            "/cases/no-such-case/notes",
            fields("x"),
        )
        .await
        .unwrap();
    let kept = kept_for(env, &nadia, &id).await.unwrap();
    assert_eq!(kept.case_id, None);
    if env.pg.is_none() {
        assert!(
            !contains(&sqlite_bytes(env), "Kertawijaya"),
            "plaintext kept"
        );
    }
}

async fn a_draft_is_one_per_person_case_and_form_replaced_at_each_save(env: &Env) {
    let (nadia, rahim, case, _) = two_workers(env).await;
    let other = env
        .case(&env.agency("KL").await, "Amina", BirthDate::Unknown)
        .await;
    let before = env.audited().await.len();
    env.store
        .save_draft(&nadia, &case, "assessment", &fields(TYPED))
        .await
        .unwrap();
    env.clock.set(today() + chrono::Duration::seconds(15));
    let later = fields("Zulaikha spoke of school");
    env.store
        .save_draft(&nadia, &case, "assessment", &later)
        .await
        .unwrap();
    let d = draft_of(env, &nadia, &case, "assessment").await.unwrap();
    assert_eq!(
        (d.fields, d.saved_at),
        (later, today() + chrono::Duration::seconds(15))
    );
    // Started once in the chain; the saves that follow are bookkeeping.
    let audited = env.audited().await;
    assert_eq!(audited.len(), before + 1, "{audited:?}");
    assert_eq!(audited[0], "draft.start");
    assert!(!env.last_event().await.detail.contains("Zulaikha"));
    // Another person, form or case has none.
    assert_eq!(draft_of(env, &rahim, &case, "assessment").await, None);
    assert_eq!(draft_of(env, &nadia, &case, "plan").await, None);
    assert_eq!(draft_of(env, &nadia, &other, "assessment").await, None);
    assert!(
        !env.store
            .discard_draft(&rahim, &case, "assessment", false)
            .await
            .unwrap()
    );
    assert!(draft_of(env, &nadia, &case, "assessment").await.is_some());
    if env.pg.is_none() {
        assert!(
            !contains(&sqlite_bytes(env), "Zulaikha spoke"),
            "plaintext draft"
        );
    }
    // Discarded: gone, audited.
    assert!(
        env.store
            .discard_draft(&nadia, &case, "assessment", false)
            .await
            .unwrap()
    );
    assert_eq!(env.last_event().await.action, "draft.end");
    assert_eq!(draft_of(env, &nadia, &case, "assessment").await, None);
}

async fn a_draft_expires_and_is_deleted_when_the_form_is_saved(env: &Env) {
    let (nadia, _, case, _) = two_workers(env).await;
    env.store
        .save_draft(&nadia, &case, "plan", &fields(TYPED))
        .await
        .unwrap();
    let limit = today() + chrono::Duration::days(DRAFT_DAYS);
    env.clock.set(limit - chrono::Duration::seconds(1));
    assert!(draft_of(env, &nadia, &case, "plan").await.is_some());
    env.clock.set(limit);
    assert_eq!(draft_of(env, &nadia, &case, "plan").await, None);
    // A save starts a fresh one (the expired one deleted first).
    env.store
        .save_draft(&nadia, &case, "plan", &fields("fresh"))
        .await
        .unwrap();
    assert_eq!(env.last_event().await.action, "draft.start");
    assert_eq!(count(env, "SELECT count(*) FROM drafts").await, 1);
    // The form saved: the draft is gone.
    assert!(
        env.store
            .discard_draft(&nadia, &case, "plan", true)
            .await
            .unwrap()
    );
    let e = env.last_event().await;
    assert_eq!(e.action, "draft.end");
    assert!(e.detail.contains("\"saved\":true"), "{}", e.detail);
    assert_eq!(count(env, "SELECT count(*) FROM drafts").await, 0);
}

async fn drafts_and_kept_forms_belong_to_accounts_and_have_limits(env: &Env) {
    let (nadia, _, case, _) = two_workers(env).await;
    let path = format!("/cases/{case}/notes");
    assert_forbidden(
        env.store
            .save_draft(&worker(), &case, "plan", &fields("x"))
            .await,
    );
    assert_forbidden(
        env.store
            .keep_submission(&admin(), Some(&case), &path, fields("x"))
            .await,
    );
    let huge = fields(&"x".repeat(MAX_KEPT_BYTES));
    for result in [
        env.store
            .save_draft(&nadia, &case, "plan", &huge)
            .await
            .map(|_| ()),
        env.store
            .keep_submission(&nadia, Some(&case), &path, huge.clone())
            .await
            .map(|_| ()),
    ] {
        assert!(
            matches!(result, Err(StoreError::Domain(DomainError::TooLong { .. }))),
            "{result:?}"
        );
    }
    for (form, path) in [("Plan", path.as_str()), ("plan", "https://evil.example/")] {
        let result = if form == "Plan" {
            env.store
                .save_draft(&nadia, &case, form, &fields("x"))
                .await
        } else {
            env.store
                .keep_submission(&nadia, None, path, fields("x"))
                .await
                .map(|_| ())
        };
        assert!(
            matches!(result, Err(StoreError::Domain(DomainError::Invalid { .. }))),
            "{result:?}"
        );
    }
    assert!(matches!(
        env.store
            .save_draft(&nadia, "no-such-case", "plan", &fields("x"))
            .await,
        Err(StoreError::NotFound)
    ));
}

async fn erasure_deletes_the_childs_kept_forms_and_drafts(env: &Env) {
    let (nadia, _, case, child) = two_workers(env).await;
    let path = format!("/cases/{case}/notes");
    let kept = keep_note(env, &nadia, &case).await;
    env.store
        .save_draft(&nadia, &case, "assessment", &fields(TYPED))
        .await
        .unwrap();
    // Another child's work, and a form that names no case, are not this erasure's.
    let other = env
        .case(&env.agency("KL").await, "Amina", BirthDate::Unknown)
        .await;
    env.store
        .save_draft(&nadia, &other, "assessment", &fields("Amina's answers"))
        .await
        .unwrap();
    let unrelated = env
        .store
        .keep_submission(&nadia, None, "/search", fields("a name"))
        .await
        .unwrap();

    env.store
        .erase_child(&admin(), &child, "court order 12/2026")
        .await
        .unwrap();
    assert_eq!(kept_for(env, &nadia, &kept).await, None);
    assert_eq!(draft_of(env, &nadia, &case, "assessment").await, None);
    let q = |t: &str| format!("SELECT count(*) FROM {t} WHERE case_id = '{case}'");
    assert_eq!(count(env, &q("kept_submissions")).await, 0, "rows left");
    assert_eq!(count(env, &q("drafts")).await, 0, "rows left");
    assert!(draft_of(env, &nadia, &other, "assessment").await.is_some());
    assert!(kept_for(env, &nadia, &unrelated).await.is_some());
    // Nothing more is kept or drafted for the erased child.
    assert!(matches!(
        env.store
            .save_draft(&nadia, &case, "assessment", &fields("x"))
            .await,
        Err(StoreError::Erased)
    ));
    assert!(matches!(
        env.store
            .keep_submission(&nadia, Some(&case), &path, fields("x"))
            .await,
        Err(StoreError::Erased)
    ));
}
