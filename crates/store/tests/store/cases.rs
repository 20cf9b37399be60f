//! Registration, case references, victim status, the lifecycle and notes, refused input.

use crate::*;

both!(
    registers_and_reads_back_names_in_any_script,
    case_references_count_per_agency_and_year,
    circumstances_recognise_victim_status_for_good,
    lifecycle_and_notes,
    bad_input_changes_nothing,
    a_victims_case_is_never_deleted_replaced_or_rekeyed,
);

async fn registers_and_reads_back_names_in_any_script(env: &Env) {
    let agency = env.agency("DSS").await;
    let mut id = identity(
        "নুসরাত",
        Some("জাহান"),
        BirthDate::Month {
            year: 2011,
            month: 4,
        },
    );
    id.names.given = NamePart::with_latin(name("নুসরাত"), name("Nusrat"));
    id.names.aliases.push(NamePart::new(name("ޢާއިޝަތު")));
    let r = env
        .store
        .register_child(&worker(), registration(&agency, id.clone()))
        .await
        .unwrap();
    assert_eq!(identity_of(env, &r.case_id).await, Readable::Present(id));
    let case = case_of(env, &r.case_id).await;
    assert_eq!(case.case.status, CaseStatus::Registered);
    assert_eq!(case.child_id, r.child_id);
    // The priority's reason is free text of the plan section: the status read leaves it out,
    // a plan grant reads it, and the read is logged as one of the plan.
    assert_eq!(case.case.priority.reason, "");
    assert_eq!(
        env.store
            .read_priority_reason(&grant(&r.case_id, Section::Plan))
            .await
            .unwrap(),
        "needs school re-entry"
    );
    assert!(matches!(
        env.store
            .read_priority_reason(&grant(&r.case_id, Section::Status))
            .await,
        Err(StoreError::Conflict(_))
    ));
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert!(log.iter().any(|e| e.section == "plan"));
}

async fn case_references_count_per_agency_and_year(env: &Env) {
    let a = env.agency("DSW").await;
    let b = env.agency("KPAI").await;
    let birth = BirthDate::Year { year: 2012 };
    let mut refs = Vec::new();
    for ag in [&a, &a, &b] {
        let r = env
            .store
            .register_child(&worker(), registration(ag, identity("Siti", None, birth)))
            .await;
        refs.push(r.unwrap().reference.to_string());
    }
    env.clock
        .set(Utc.with_ymd_and_hms(2027, 1, 2, 0, 0, 0).unwrap());
    let r = env
        .store
        .register_child(&worker(), registration(&a, identity("Siti", None, birth)))
        .await;
    refs.push(r.unwrap().reference.to_string());
    assert_eq!(
        refs,
        [
            "DSW-2026-00001",
            "DSW-2026-00002",
            "KPAI-2026-00001",
            "DSW-2027-00001"
        ]
    );
    let id = env
        .store
        .case_id_by_reference("DSW-2026-00002")
        .await
        .unwrap();
    assert_eq!(case_of(env, &id).await.case.reference.number, 2);
}

async fn circumstances_recognise_victim_status_for_good(env: &Env) {
    let agency = env.agency("DSS").await;
    let r = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("Rakib", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    assert!(
        !case_of(env, &r.case_id)
            .await
            .case
            .victim_status()
            .is_recognised()
    );
    env.store
        .record_circumstances(&worker(), &r.case_id, circumstances())
        .await
        .unwrap();
    assert!(
        case_of(env, &r.case_id)
            .await
            .case
            .victim_status()
            .is_recognised()
    );
    let read = env
        .store
        .read_circumstances(&grant(&r.case_id, Section::Circumstances))
        .await;
    assert_eq!(read.unwrap(), Readable::Present(Some(circumstances())));
    for role in Role::ALL {
        let actor = Actor::operator_in(&format!("u-{role}"), role);
        let err = env
            .store
            .remove_victim_status(&actor, &r.case_id)
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Domain(DomainError::VictimStatusIsPermanent)
            ),
            "{role}"
        );
    }
    assert!(
        case_of(env, &r.case_id)
            .await
            .case
            .victim_status()
            .is_recognised()
    );
    // Not even SQL around the application can undo it.
    let undo = env
        .try_sql(&format!(
            "UPDATE cases SET victim_since = NULL WHERE id = '{}'",
            r.case_id
        ))
        .await;
    assert!(undo.is_err(), "the database let victim status be removed");
}

async fn lifecycle_and_notes(env: &Env) {
    let agency = env.agency("DSS").await;
    let r = env
        .store
        .register_child(
            &worker(),
            registration(
                &agency,
                identity("Amina", None, BirthDate::Year { year: 2010 }),
            ),
        )
        .await
        .unwrap();
    // "Assessed" stands on an assessment (the rule's own test is in plans.rs).
    assert!(matches!(
        env.store
            .move_case(&worker(), &r.case_id, CaseStatus::Assessed, None)
            .await,
        Err(StoreError::Domain(DomainError::StatusNeedsRecords { .. }))
    ));
    assess(env, &r.case_id).await;
    assert_eq!(status_of(env, &r.case_id).await, CaseStatus::Assessed);
    let skip = env
        .store
        .move_case(&worker(), &r.case_id, CaseStatus::InProgress, None)
        .await;
    assert!(matches!(
        skip,
        Err(StoreError::Domain(DomainError::InvalidTransition { .. }))
    ));
    // Closure is a supervisor's decision, with a reason; it schedules follow-ups at 3, 6 and
    // 12 months; reopening cancels those not yet done.
    let supervisor = Actor::operator_in("supervisor-1", Role::Supervisor);
    let by_worker = env
        .store
        .move_case(
            &worker(),
            &r.case_id,
            CaseStatus::Closed,
            Some("done".into()),
        )
        .await;
    assert!(matches!(
        by_worker,
        Err(StoreError::Domain(DomainError::SupervisorOnly))
    ));
    let no_reason = env
        .store
        .move_case(&supervisor, &r.case_id, CaseStatus::Closed, None)
        .await;
    assert!(matches!(
        no_reason,
        Err(StoreError::Domain(DomainError::ReasonRequired))
    ));
    env.store
        .move_case(
            &supervisor,
            &r.case_id,
            CaseStatus::Closed,
            Some("reunified".into()),
        )
        .await
        .unwrap();
    let due: Vec<_> = env
        .store
        .followups(&r.case_id)
        .await
        .unwrap()
        .iter()
        .map(|f| f.due_on)
        .collect();
    assert_eq!(due, vec![d(2027, 2, 28), d(2027, 5, 28), d(2027, 11, 28)]);
    let first = env.store.followups(&r.case_id).await.unwrap()[0].id.clone();
    let outcome = pelita_domain::followup::Outcome {
        living_with_family_or_family_based_care: Some(true),
        in_school_or_training: Some(true),
        child_view: Some(NoteText::parse("I like my new school").unwrap()),
        ..Default::default()
    };
    env.store
        .record_followup(&worker(), &first, outcome.clone())
        .await
        .unwrap();
    assert!(
        env.store
            .record_followup(&worker(), &first, outcome.clone())
            .await
            .is_err(),
        "a follow-up is recorded once"
    );
    env.store
        .move_case(&worker(), &r.case_id, CaseStatus::Registered, None)
        .await
        .unwrap();
    let left = env.store.followups(&r.case_id).await.unwrap();
    assert_eq!(
        left.len(),
        1,
        "the pending follow-ups went with the reopening"
    );
    assert_eq!(left[0].outcome, Some(Readable::Present(outcome)));
    let case = case_of(env, &r.case_id).await;
    assert_eq!(
        (case.case.status, case.case.reopened),
        (CaseStatus::Registered, 1)
    );

    let body = NoteText::parse("Visited the family; the child asked about school.").unwrap();
    env.store
        .add_note(&worker(), &r.case_id, Section::Family, body.clone())
        .await
        .unwrap();
    let none = env
        .store
        .read_notes(&grant(&r.case_id, Section::Health))
        .await;
    assert!(none.unwrap().is_empty(), "notes stay in their section");
    let notes = env
        .store
        .read_notes(&grant(&r.case_id, Section::Family))
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].body, Readable::Present(body));
    assert_eq!(notes[0].author, "system:worker-1");

    let user = env
        .store
        .create_user(
            &admin(),
            NewUser {
                username: "sari".into(),
                display_name: "Sari".into(),
                role: Role::CaseWorker,
                agency_id: Some(agency.clone()),
                password_hash: pelita_store::hash_password("correct horse battery"),
            },
        )
        .await
        .unwrap();
    env.store
        .assign(&admin(), &r.case_id, Some(user.clone()))
        .await
        .unwrap();
    assert_eq!(
        case_of(env, &r.case_id).await.case.assigned_worker,
        Some(user)
    );
    let (u, hash) = env.store.user_by_username("sari").await.unwrap().unwrap();
    assert_eq!(u.role, Role::CaseWorker);
    assert!(pelita_store::verify_password(
        "correct horse battery",
        &hash
    ));
    assert!(!pelita_store::verify_password("wrong", &hash));
}

async fn bad_input_changes_nothing(env: &Env) {
    let agency = env.agency("DSS").await;
    let before = env.store.counts().await.unwrap();
    let future = identity(
        "Dewi",
        None,
        BirthDate::Exact {
            date: d(2027, 1, 1),
        },
    );
    let e = env
        .store
        .register_child(&worker(), registration(&agency, future))
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Domain(DomainError::DateInFuture)));
    let bad_month = identity(
        "Dewi",
        None,
        BirthDate::Month {
            year: 2012,
            month: 13,
        },
    );
    let e = env
        .store
        .register_child(&worker(), registration(&agency, bad_month))
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Domain(DomainError::ImpossibleDate)));
    let e = env
        .store
        .register_child(
            &worker(),
            registration("no-such-agency", identity("Dewi", None, BirthDate::Unknown)),
        )
        .await
        .unwrap_err();
    assert!(e.is_refusal());
    let e = env
        .store
        .move_case(&worker(), "no-such-case", CaseStatus::Assessed, None)
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::NotFound));
    let e = env
        .store
        .create_agency(
            &admin(),
            NewAgency {
                code: "dss".into(),
                name: "Again".into(),
                sector: Sector::Health,
                jurisdiction: "ID".into(),
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Conflict(_)));
    assert_eq!(
        env.store.counts().await.unwrap(),
        before,
        "a refused write changed something"
    );
    assert_eq!(
        env.store
            .verify_audit(&|_, _| {})
            .await
            .unwrap()
            .first_break,
        None
    );
}

/// Item 12 of issue 13: victim status held against UPDATE, but `REPLACE INTO cases` (a delete
/// and an insert) cleared it. Every path that could change the column is refused by the
/// database itself, whatever SQL reaches it. Removing any of migration 0013's triggers makes
/// one of these statements succeed and this test fail.
async fn a_victims_case_is_never_deleted_replaced_or_rekeyed(env: &Env) {
    let agency = env.agency("DSS").await;
    let mut reg = registration(&agency, identity("Rakib", None, BirthDate::Unknown));
    reg.circumstances = Some(circumstances());
    let victim = env.store.register_child(&worker(), reg).await.unwrap();
    let other = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("Amina", None, BirthDate::Unknown)),
        )
        .await
        .unwrap();
    let (v, o) = (&victim.case_id, &other.case_id);
    let without = case_without_victim_status(v);
    let copy_of_victim_as_other = format!(
        "SELECT '{o}', child_id, agency_id, reference || '-x', status, priority, priority_sealed, \
         assigned_to, NULL, circumstances_sealed, reopened, version, created_at, updated_at \
         FROM cases WHERE id = '{v}'"
    );
    let mut attempts = vec![
        format!("DELETE FROM cases WHERE id = '{v}'"),
        format!("DELETE FROM cases WHERE id = '{o}'"),
        "DELETE FROM cases".to_owned(),
        format!("UPDATE cases SET id = 'moved' WHERE id = '{v}'"),
        format!("UPDATE cases SET reference = 'DSS-1999-00001' WHERE id = '{v}'"),
        format!("UPDATE cases SET victim_since = NULL WHERE id = '{v}'"),
        // One by one, in one transaction: the delete is refused, so the insert never comes.
        format!(
            "BEGIN; CREATE TEMP TABLE keep AS {without}; DELETE FROM cases WHERE id = '{v}'; \
             INSERT INTO cases ({CASE_COLUMNS}) SELECT * FROM keep; COMMIT"
        ),
    ];
    if env.pg.is_some() {
        attempts.extend([
            "TRUNCATE cases CASCADE".to_owned(),
            format!(
                "INSERT INTO cases ({CASE_COLUMNS}) {without} \
                 ON CONFLICT (id) DO UPDATE SET victim_since = NULL"
            ),
            format!(
                "INSERT INTO cases ({CASE_COLUMNS}) {without} \
                 ON CONFLICT (id) DO UPDATE SET victim_since = excluded.victim_since"
            ),
            format!(
                "MERGE INTO cases c USING (SELECT '{v}' AS id) s ON c.id = s.id \
                 WHEN MATCHED THEN DELETE"
            ),
        ]);
    } else {
        attempts.extend([
            format!("REPLACE INTO cases ({CASE_COLUMNS}) {without}"),
            format!("INSERT OR REPLACE INTO cases ({CASE_COLUMNS}) {without}"),
            // With delete triggers on for REPLACE, which a connection may choose.
            format!(
                "PRAGMA recursive_triggers = ON; REPLACE INTO cases ({CASE_COLUMNS}) {without}"
            ),
            // Onto the victim's reference from another row: REPLACE deletes the victim's case.
            format!(
                "REPLACE INTO cases ({CASE_COLUMNS}) SELECT 'new-case', child_id, agency_id, \
                 reference, status, priority, priority_sealed, assigned_to, NULL, \
                 circumstances_sealed, reopened, version, created_at, updated_at \
                 FROM cases WHERE id = '{v}'"
            ),
            format!(
                "UPDATE OR REPLACE cases SET reference = '{}' WHERE id = '{o}'",
                victim.reference
            ),
            format!(
                "INSERT INTO cases ({CASE_COLUMNS}) {without} \
                 ON CONFLICT (id) DO UPDATE SET victim_since = NULL"
            ),
            format!("INSERT OR REPLACE INTO cases ({CASE_COLUMNS}) {copy_of_victim_as_other}"),
        ]);
    }
    for sql in &attempts {
        let r = env.try_sql(sql).await;
        assert!(r.is_err(), "the database let this through: {sql}");
    }
    let case = case_of(env, v).await;
    assert!(case.case.victim_status().is_recognised());
    assert_eq!(case.case.reference, victim.reference);
    assert!(env.store.case_meta(o).await.is_ok());
    // The store's own writes still change cases in place.
    assess(env, v).await;
    env.store
        .record_circumstances(&worker(), o, circumstances())
        .await
        .unwrap();
    assert!(case_of(env, o).await.case.victim_status().is_recognised());
    assert_eq!(env.store.verify_state().await.unwrap(), vec![]);
}
