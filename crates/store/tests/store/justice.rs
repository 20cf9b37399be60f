//! Child justice: proceedings, diversion, detention, sealing.

use crate::*;

use pelita_domain::justice::Stage;
use pelita_domain::justice::proceeding::{
    Agreement, DiversionAssessment, DiversionOutcome, Forum, NewDetention, NewProceeding, Offence,
};
use pelita_store::{AgreementEvent, ContactKind, DetentionChange, EndReason, ProceedingRecord};

both!(
    the_detention_register_keeps_the_order_and_its_clocks,
    proceedings_open_only_from_the_minimum_age_and_go_formal_only_after_diversion,
    diversion_agreements_are_kept_completed_or_breached,
    detention_needs_the_minimum_age_and_its_clocks_allow_only_release_once_expired,
    sealed_justice_records_open_on_a_court_order_for_thirty_days,
    a_jurisdictions_rule_is_overridden_by_an_administrator_with_a_reason,
    family_contacts_are_dated_and_listed_newest_first,
);

async fn the_detention_register_keeps_the_order_and_its_clocks(env: &Env) {
    use pelita_domain::justice::Stage;
    use pelita_domain::justice::proceeding::NewDetention;
    use pelita_store::{DetentionChange, EndReason};
    let agency = env.agency("DSS").await; // Indonesia
    let reg = registration(
        &agency,
        identity(
            "Rizky",
            None,
            BirthDate::Exact {
                date: d(2010, 3, 4),
            },
        ),
    );
    let case = env
        .store
        .register_child(&worker(), reg)
        .await
        .unwrap()
        .case_id;
    let n = |s: &str| NoteText::parse(s).unwrap();
    let detention = |stage, days_ago: i64| NewDetention {
        stage,
        started_at: today() - chrono::TimeDelta::days(days_ago),
        order: name("SP.Han/12/XI/2026"),
        legal_basis: n("UU SPPA art. 32"),
        alternatives: n("Return to the parents: not safe"),
        best_interests: n("Away from the network"),
        place: n("LPAS Jakarta"),
        separated_from_adults: true,
        parents_notified: true,
    };
    // Indonesia detains only for an offence punishable by 7 years or more (SPPA art. 32(2)).
    use pelita_domain::justice::proceeding::{Forum, NewProceeding, Offence};
    let proceeding = |years| NewProceeding {
        forum: Forum::ChildrenCourt,
        offence: Offence {
            description: n("Carried messages for the group"),
            on: d(2026, 11, 1),
            max_penalty_years: Some(years),
            repeat: false,
        },
        legal_aid: true,
        parents_notified: true,
    };
    env.store
        .open_proceeding(&worker(), &case, proceeding(6))
        .await
        .unwrap();
    assert!(
        env.store
            .start_detention(&worker(), &case, detention(Stage::Investigation, 10))
            .await
            .is_err(),
        "an offence punishable by 6 years does not allow detention"
    );
    env.store
        .open_proceeding(&worker(), &case, proceeding(7))
        .await
        .unwrap();
    let first = env
        .store
        .start_detention(&worker(), &case, detention(Stage::Investigation, 10))
        .await
        .unwrap();
    env.store
        .change_detention(&worker(), &first, DetentionChange::End(EndReason::Released))
        .await
        .unwrap();
    assert!(
        env.store
            .change_detention(&worker(), &first, DetentionChange::Review)
            .await
            .is_err(),
        "an ended episode does not change"
    );
    env.store
        .start_detention(&worker(), &case, detention(Stage::Prosecution, 2))
        .await
        .unwrap();
    // The open episode is a task for the agency's supervisors; the register remembers the
    // first detention.
    assert!(
        env.store
            .open_detentions_for("someone", None)
            .await
            .unwrap()
            .is_empty()
    );
    let open = env
        .store
        .open_detentions_for("someone", Some(&agency))
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
    let (episode, _, _) = &open[0];
    assert_eq!(episode.stage, Stage::Prosecution);
    assert_eq!(
        episode.first_detention_at,
        today() - chrono::TimeDelta::days(10)
    );
    let read = env
        .store
        .read_sections(&[grant(&case, Section::Justice)])
        .await
        .unwrap()
        .justice
        .unwrap();
    assert_eq!(read.1.len(), 2);
    assert!(matches!(&read.1[0].details, Some(Readable::Present(x)) if x.place == "LPAS Jakarta"));

    // The indicators, from the register's facts: one child detained (pre-sentence), family
    // contact this week, and one of two episodes past its limit before it ended.
    use pelita_store::ContactKind;
    assert!(
        env.store
            .record_family_contact(&worker(), &case, d(2026, 12, 25), ContactKind::Visit)
            .await
            .is_err(),
        "not in the future"
    );
    env.store
        .record_family_contact(&worker(), &case, d(2026, 11, 27), ContactKind::Visit)
        .await
        .unwrap();
    let i = env.store.justice_indicators(Some(&agency)).await.unwrap();
    assert_eq!(
        (
            i.children_in_detention,
            i.children_in_pre_sentence_detention
        ),
        (1, 1)
    );
    assert_eq!(i.pct_family_contact_3_months, Some(100.0));
    assert_eq!(i.pct_limit_reached_without_release, Some(50.0));
    assert_eq!(i.pct_not_separated_from_adults, Some(0.0));
    assert_eq!(
        env.store
            .justice_indicators(Some("elsewhere"))
            .await
            .unwrap()
            .children_in_detention,
        0
    );

    // Expungement on a court order: nothing of the justice records can be read again, and on
    // SQLite not one byte of their ciphertext is left in the database or its WAL.
    env.store
        .add_note(
            &worker(),
            &case,
            Section::Justice,
            n("Hearing set for Monday"),
        )
        .await
        .unwrap();
    let sealed: Vec<Vec<u8>> = if env.pg.is_none() {
        let mut conn = sqlx::SqliteConnection::connect(&env.url).await.unwrap();
        let rows: Vec<(Vec<u8>,)> = sqlx::query_as(
            "SELECT record_sealed FROM detentions UNION ALL SELECT body_sealed FROM case_notes \
             WHERE section = 'justice'",
        )
        .fetch_all(&mut conn)
        .await
        .unwrap();
        conn.close().await.unwrap();
        rows.into_iter().map(|r| r.0).collect()
    } else {
        Vec::new()
    };
    env.store
        .expunge_justice(&admin(), &case, n("Court order 44/Pid.Sus-Anak/2026"))
        .await
        .unwrap();
    let after = env
        .store
        .read_sections(&[grant(&case, Section::Justice)])
        .await
        .unwrap();
    assert_eq!(after.justice.map(|(p, d)| (p.len(), d.len())), Some((0, 0)));
    assert!(after.notes.is_empty(), "justice notes are gone");
    if env.pg.is_none() {
        let bytes = sqlite_bytes(env);
        assert_eq!(sealed.len(), 3);
        for s in &sealed {
            assert!(
                !bytes
                    .windows(s.len().min(48))
                    .any(|w| w == &s[..s.len().min(48)]),
                "expunged ciphertext still in the file"
            );
        }
    }
    assert!(
        env.store
            .audit_events(5)
            .await
            .unwrap()
            .iter()
            .any(|e| e.action == "justice.expunge")
    );
}

fn offence(on: NaiveDate, years: u32) -> Offence {
    Offence {
        description: note("Carried messages for the group"),
        on,
        max_penalty_years: Some(years),
        repeat: false,
    }
}

fn proceeding(forum: Forum, o: Offence) -> NewProceeding {
    NewProceeding {
        forum,
        offence: o,
        legal_aid: true,
        parents_notified: true,
    }
}

fn detention(stage: Stage, started_at: chrono::DateTime<Utc>) -> NewDetention {
    NewDetention {
        stage,
        started_at,
        order: name("SP.Han/12/XI/2026"),
        legal_basis: note("UU SPPA art. 32"),
        alternatives: note("Return to the parents: not safe"),
        best_interests: note("Away from the network"),
        place: note("LPAS Jakarta"),
        separated_from_adults: true,
        parents_notified: true,
    }
}

fn diversion(on: NaiveDate, outcome: DiversionOutcome) -> DiversionAssessment {
    DiversionAssessment {
        on,
        outcome,
        note: note("Family conference held with the victim"),
    }
}

/// A child born on `birth` exactly, registered in Indonesia.
async fn child_born(env: &Env, agency: &str, birth: NaiveDate) -> String {
    env.case(agency, "Rizky", BirthDate::Exact { date: birth })
        .await
}

/// The case's proceedings, read through a grant for the justice section.
async fn proceedings(env: &Env, case: &str) -> Vec<ProceedingRecord> {
    env.store
        .read_sections(&[grant(case, Section::Justice)])
        .await
        .unwrap()
        .justice
        .map(|(p, _)| p)
        .unwrap_or_default()
}

async fn proceeding_of(env: &Env, case: &str, id: &str) -> ProceedingRecord {
    proceedings(env, case)
        .await
        .into_iter()
        .find(|p| p.id == id)
        .unwrap()
}

fn domain_error<T: std::fmt::Debug>(r: Result<T, StoreError>) -> DomainError {
    match r {
        Err(StoreError::Domain(e)) => e,
        other => panic!("expected a rule's refusal, got {other:?}"),
    }
}

async fn proceedings_open_only_from_the_minimum_age_and_go_formal_only_after_diversion(env: &Env) {
    let agency = env.agency("DSS").await; // Indonesia: 12
    let sup = env.account("sup", Role::Supervisor, &agency).await;
    // Twelve on 15 June 2026.
    let case = child_born(env, &agency, d(2014, 6, 15)).await;
    let open = |p: NewProceeding| {
        let case = case.clone();
        async move { env.store.open_proceeding(&worker(), &case, p).await }
    };
    // The day before the twelfth birthday the child is below the minimum age: refused, with
    // nothing recorded. An offence dated tomorrow is no offence yet.
    assert_eq!(
        domain_error(open(proceeding(Forum::ChildrenCourt, offence(d(2026, 6, 14), 5))).await),
        DomainError::BelowMinimumAge
    );
    assert_eq!(
        domain_error(
            open(proceeding(
                Forum::ChildrenCourt,
                offence(d(2026, 11, 29), 5)
            ))
            .await
        ),
        DomainError::DateInFuture
    );
    assert!(proceedings(env, &case).await.is_empty());
    // An age only estimated is read protectively: born "in 2014" could be 11 in November 2026.
    let estimated = env
        .case(&agency, "Dewi", BirthDate::Year { year: 2014 })
        .await;
    assert_eq!(
        domain_error(
            env.store
                .open_proceeding(
                    &worker(),
                    &estimated,
                    proceeding(Forum::ChildrenCourt, offence(d(2026, 11, 1), 5))
                )
                .await
        ),
        DomainError::BelowMinimumAge
    );
    assert!(proceedings(env, &estimated).await.is_empty());

    // On the birthday itself the gate opens. Under 7 years' penalty Indonesia makes diversion
    // mandatory: "not eligible" is refused, and the formal track waits for an attempt.
    let id = open(proceeding(Forum::ChildrenCourt, offence(d(2026, 6, 15), 6)))
        .await
        .unwrap();
    let p = proceeding_of(env, &case, &id).await;
    assert_eq!((p.status.as_str(), p.forum), ("open", Forum::ChildrenCourt));
    assert_eq!(p.offence, Readable::Present(offence(d(2026, 6, 15), 6)));
    assert_eq!(p.opened_by, "system:worker-1");
    assert_eq!(
        domain_error(env.store.go_formal(&worker(), &id).await),
        DomainError::DiversionFirst
    );
    let today = today().date_naive();
    assert_eq!(
        domain_error(
            env.store
                .record_diversion(
                    &worker(),
                    &id,
                    diversion(today, DiversionOutcome::NotEligible)
                )
                .await
        ),
        DomainError::Invalid { field: "outcome" }
    );
    assert_eq!(
        domain_error(
            env.store
                .record_diversion(
                    &worker(),
                    &id,
                    diversion(today + chrono::Days::new(1), DiversionOutcome::NotAgreed)
                )
                .await
        ),
        DomainError::DateInFuture
    );
    assert_eq!(proceeding_of(env, &case, &id).await.diversion, None);
    env.store
        .record_diversion(
            &worker(),
            &id,
            diversion(today, DiversionOutcome::NotAgreed),
        )
        .await
        .unwrap();
    env.store.go_formal(&worker(), &id).await.unwrap();
    let p = proceeding_of(env, &case, &id).await;
    assert_eq!(p.status, "formal");
    assert_eq!(
        p.diversion,
        Some(Readable::Present(diversion(
            today,
            DiversionOutcome::NotAgreed
        )))
    );
    assert!(matches!(
        env.store
            .record_diversion(&worker(), &id, diversion(today, DiversionOutcome::Agreed))
            .await,
        Err(StoreError::Conflict(_))
    ));
    // At 7 years diversion is no longer mandatory: "not eligible" is an answer.
    let seven = open(proceeding(Forum::ChildrenCourt, offence(d(2026, 10, 1), 7)))
        .await
        .unwrap();
    env.store
        .record_diversion(
            &worker(),
            &seven,
            diversion(today, DiversionOutcome::NotEligible),
        )
        .await
        .unwrap();
    env.store.go_formal(&worker(), &seven).await.unwrap();
    // Anything but a children's court alerts the agency's supervisors.
    assert!(
        env.store
            .alerts(&sup)
            .await
            .unwrap()
            .iter()
            .all(|a| a.kind != "forum")
    );
    open(proceeding(Forum::AdultCourt, offence(d(2026, 10, 2), 7)))
        .await
        .unwrap();
    assert!(
        env.store
            .alerts(&sup)
            .await
            .unwrap()
            .iter()
            .any(|a| a.kind == "forum")
    );
    let actions = env.audited().await;
    for a in [
        "proceeding.open",
        "proceeding.diversion",
        "proceeding.formal",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} is audited");
    }
}

async fn diversion_agreements_are_kept_completed_or_breached(env: &Env) {
    let agency = env.agency("DSS").await;
    let case = child_born(env, &agency, d(2010, 3, 4)).await;
    let today = today().date_naive();
    let agreement = Agreement {
        conditions: note("Weekly mentoring; school every day"),
        monitor: note("Community counsellor (PK Bapas)"),
        until: d(2027, 5, 28),
    };
    let agreement = &agreement;
    let agreed = || {
        let case = case.clone();
        async move {
            let id = env
                .store
                .open_proceeding(
                    &worker(),
                    &case,
                    proceeding(Forum::ChildrenCourt, offence(d(2026, 11, 1), 4)),
                )
                .await
                .unwrap();
            // No agreement before a diversion assessment reached one.
            assert!(matches!(
                env.store
                    .set_agreement(&worker(), &id, agreement.clone())
                    .await,
                Err(StoreError::Conflict(_))
            ));
            env.store
                .record_diversion(&worker(), &id, diversion(today, DiversionOutcome::Agreed))
                .await
                .unwrap();
            env.store
                .set_agreement(&worker(), &id, agreement.clone())
                .await
                .unwrap();
            id
        }
    };

    // Kept to the end: the proceedings end in diversion, and nothing more happens to them.
    let kept = agreed().await;
    let p = proceeding_of(env, &case, &kept).await;
    assert_eq!(p.status, "diversion");
    assert_eq!(p.agreement, Some(Readable::Present(agreement.clone())));
    assert_eq!(
        domain_error(env.store.go_formal(&worker(), &kept).await),
        DomainError::DiversionFirst,
        "an agreement in force keeps the child out of formal proceedings"
    );
    assert!(
        env.store
            .agreement_event(
                &worker(),
                &kept,
                AgreementEvent::Completed,
                today + chrono::Days::new(1)
            )
            .await
            .is_err(),
        "not in the future"
    );
    env.store
        .agreement_event(&worker(), &kept, AgreementEvent::Completed, today)
        .await
        .unwrap();
    let p = proceeding_of(env, &case, &kept).await;
    assert_eq!(
        (p.status.as_str(), p.completed_on),
        ("diverted", Some(today))
    );
    assert!(matches!(
        env.store
            .agreement_event(&worker(), &kept, AgreementEvent::Breached, today)
            .await,
        Err(StoreError::Conflict(_))
    ));

    // Breached: the law's seven days to act run from the breach, and formal proceedings may
    // resume.
    let breached = agreed().await;
    env.store
        .agreement_event(
            &worker(),
            &breached,
            AgreementEvent::Breached,
            d(2026, 11, 25),
        )
        .await
        .unwrap();
    let p = proceeding_of(env, &case, &breached).await;
    assert_eq!(
        (p.breach_on, p.breach_action_due),
        (Some(d(2026, 11, 25)), Some(d(2026, 12, 2)))
    );
    assert!(matches!(
        env.store
            .agreement_event(&worker(), &breached, AgreementEvent::Completed, today)
            .await,
        Err(StoreError::Conflict(_))
    ));
    env.store.go_formal(&worker(), &breached).await.unwrap();
    assert_eq!(proceeding_of(env, &case, &breached).await.status, "formal");
    let actions = env.audited().await;
    for a in ["proceeding.agreement", "proceeding.agreement_event"] {
        assert!(actions.iter().any(|x| x == a), "{a} is audited");
    }
}

async fn detention_needs_the_minimum_age_and_its_clocks_allow_only_release_once_expired(env: &Env) {
    let agency = env.agency("DSS").await; // Indonesia: detention from 14, 7 years' penalty
    let at = |y, m, day, h, min| Utc.with_ymd_and_hms(y, m, day, h, min, 0).unwrap();
    let detentions = |case: String| async move {
        env.store
            .read_sections(&[grant(&case, Section::Justice)])
            .await
            .unwrap()
            .justice
            .map(|(_, d)| d)
            .unwrap_or_default()
    };
    // Fourteen today, 28 November 2026.
    let young = child_born(env, &agency, d(2012, 11, 28)).await;
    let start = |case: &str, d: NewDetention| {
        let case = case.to_owned();
        async move { env.store.start_detention(&worker(), &case, d).await }
    };
    // No proceedings, so no offence punishable by 7 years: refused.
    assert_eq!(
        domain_error(
            start(
                &young,
                detention(Stage::Investigation, at(2026, 11, 28, 3, 0))
            )
            .await
        ),
        DomainError::Required {
            field: "max_penalty_years"
        }
    );
    env.store
        .open_proceeding(
            &worker(),
            &young,
            proceeding(Forum::ChildrenCourt, offence(d(2026, 11, 1), 7)),
        )
        .await
        .unwrap();
    // Yesterday the child was 13: not detained, whatever the order says.
    assert_eq!(
        domain_error(
            start(
                &young,
                detention(Stage::Investigation, at(2026, 11, 27, 3, 0))
            )
            .await
        ),
        DomainError::BelowMinimumAge
    );
    assert_eq!(
        domain_error(
            start(
                &young,
                detention(Stage::Investigation, at(2026, 11, 28, 10, 0))
            )
            .await
        ),
        DomainError::DateInFuture
    );
    assert!(detentions(young.clone()).await.is_empty());
    start(
        &young,
        detention(Stage::Investigation, at(2026, 11, 28, 3, 0)),
    )
    .await
    .unwrap();

    // Investigation in Indonesia: 7 days, the first counted, ending at midnight in Jakarta
    // (17:00 UTC). Started on 22 November: the limit is 28 November 17:00 UTC, still ahead
    // at 09:30; started on 21 November, it passed yesterday.
    let older = |given: &'static str| {
        let agency = agency.clone();
        async move {
            let case = env
                .case(
                    &agency,
                    given,
                    BirthDate::Exact {
                        date: d(2010, 3, 4),
                    },
                )
                .await;
            env.store
                .open_proceeding(
                    &worker(),
                    &case,
                    proceeding(Forum::ChildrenCourt, offence(d(2026, 11, 1), 7)),
                )
                .await
                .unwrap();
            case
        }
    };
    let in_time = older("Rizky").await;
    let late = older("Bayu").await;
    let running = start(
        &in_time,
        detention(Stage::Investigation, at(2026, 11, 22, 3, 0)),
    )
    .await
    .unwrap();
    let expired = start(
        &late,
        detention(Stage::Investigation, at(2026, 11, 21, 3, 0)),
    )
    .await
    .unwrap();
    let change = |id: &str, c: DetentionChange| {
        let id = id.to_owned();
        async move { env.store.change_detention(&worker(), &id, c).await }
    };
    let extension = || DetentionChange::Extend(note("Prosecutor's order B-12/2026"));
    // Past the limit the law releases the child: no extension, no review, no transfer.
    assert_eq!(
        domain_error(change(&expired, extension()).await),
        DomainError::Invalid { field: "extension" }
    );
    for c in [
        DetentionChange::Review,
        DetentionChange::End(EndReason::Transferred),
    ] {
        assert_eq!(
            domain_error(change(&expired, c).await),
            DomainError::Invalid { field: "change" }
        );
    }
    let d_late = &detentions(late.clone()).await[0];
    assert_eq!(
        (d_late.extended_at, d_late.last_review_at, d_late.ended_at),
        (None, None, None),
        "the refusals changed nothing"
    );
    change(&expired, DetentionChange::End(EndReason::Released))
        .await
        .unwrap();
    assert_eq!(
        detentions(late.clone()).await[0].end_reason.as_deref(),
        Some("released")
    );

    // Before the limit: reviewed and extended, once, by 8 days.
    change(&running, DetentionChange::Review).await.unwrap();
    change(&running, extension()).await.unwrap();
    assert!(matches!(
        change(&running, extension()).await,
        Err(StoreError::Conflict(_))
    ));
    let d_run = &detentions(in_time.clone()).await[0];
    assert_eq!(d_run.extended_at, Some(today()));
    assert_eq!(d_run.last_review_at, Some(today()));
    // The extended limit: 6 December, midnight in Jakarta. A minute before, a review; a
    // minute after, only release.
    env.clock.set(at(2026, 12, 6, 16, 59));
    change(&running, DetentionChange::Review).await.unwrap();
    env.clock.set(at(2026, 12, 6, 17, 1));
    assert_eq!(
        domain_error(change(&running, DetentionChange::Review).await),
        DomainError::Invalid { field: "change" }
    );
    change(&running, DetentionChange::End(EndReason::Released))
        .await
        .unwrap();
    assert!(matches!(
        change(&running, DetentionChange::Review).await,
        Err(StoreError::Conflict(_))
    ));
    let changes = env
        .audited()
        .await
        .iter()
        .filter(|a| *a == "detention.change")
        .count();
    assert_eq!(changes, 5);
}

async fn sealed_justice_records_open_on_a_court_order_for_thirty_days(env: &Env) {
    use pelita_domain::policy::write::{self, Change, Standing};
    let agency = env.agency("DSS").await;
    let lead = env.account("lead", Role::CaseWorker, &agency).await;
    let mut reg = registration(
        &agency,
        identity(
            "Rizky",
            None,
            BirthDate::Exact {
                date: d(2010, 3, 4),
            },
        ),
    );
    reg.assigned_to = Some(lead.clone());
    let case = env
        .store
        .register_child(&worker(), reg)
        .await
        .unwrap()
        .case_id;
    let id = env
        .store
        .open_proceeding(
            &worker(),
            &case,
            proceeding(Forum::ChildrenCourt, offence(d(2026, 11, 1), 7)),
        )
        .await
        .unwrap();
    assert!(!env.store.justice_seal(&case).await.unwrap().sealed);
    // Closed: the justice records are sealed and the justice read shows none of them.
    let supervisor = Actor::operator_in("supervisor-1", Role::Supervisor);
    env.store
        .move_case(
            &supervisor,
            &case,
            CaseStatus::Closed,
            Some("reunified".into()),
        )
        .await
        .unwrap();
    let seal = env.store.justice_seal(&case).await.unwrap();
    assert!(seal.sealed && !seal.readable(today()));
    assert!(proceedings(env, &case).await.is_empty());
    // A court order opens them for thirty days: readable until the last minute, not at the
    // thirtieth day's end.
    env.store
        .open_sealed_justice(
            &Actor::operator_in("judge-1", Role::Justice),
            &case,
            note("PN Jakarta 12/2026"),
        )
        .await
        .unwrap();
    let seal = env.store.justice_seal(&case).await.unwrap();
    let until = today() + chrono::TimeDelta::days(30);
    assert_eq!(seal.opened_until, Some(until));
    assert_eq!(proceedings(env, &case).await[0].id, id);
    env.clock.set(until - chrono::TimeDelta::minutes(1));
    assert!(
        env.store
            .justice_seal(&case)
            .await
            .unwrap()
            .readable(env.store.now())
    );
    assert_eq!(proceedings(env, &case).await.len(), 1);
    env.clock.set(until);
    assert!(
        !env.store
            .justice_seal(&case)
            .await
            .unwrap()
            .readable(env.store.now())
    );
    assert!(proceedings(env, &case).await.is_empty());
    assert!(
        env.audited()
            .await
            .iter()
            .any(|a| a == "justice.open_sealed")
    );
    // Expungement is not the lead worker's to order: refused, and nothing is destroyed.
    assert!(!write::may_change(
        Role::CaseWorker,
        Change::Expunge,
        Standing::Lead
    ));
    let lead = env.store.act_as(&lead).await.unwrap();
    assert!(matches!(
        env.store
            .expunge_justice(&lead, &case, note("Court order 9/2026"))
            .await,
        Err(StoreError::Forbidden)
    ));
    env.clock.set(today());
    env.store
        .open_sealed_justice(
            &Actor::operator_in("judge-1", Role::Justice),
            &case,
            note("PN Jakarta 13/2026"),
        )
        .await
        .unwrap();
    assert_eq!(proceedings(env, &case).await.len(), 1);
}

async fn a_jurisdictions_rule_is_overridden_by_an_administrator_with_a_reason(env: &Env) {
    use pelita_domain::justice::OverrideKey;
    let agency = env.agency("DSS").await;
    let clerk = env.account("clerk", Role::CaseWorker, &agency).await;
    let clerk = env.store.act_as(&clerk).await.unwrap();
    let administrator = env.account("root", Role::Administrator, &agency).await;
    let administrator = env.store.act_as(&administrator).await.unwrap();
    let why = "Constitutional Court ruling 1/2026";
    assert_eq!(env.store.jurisdiction("ID").await.unwrap().macr.value, 12);
    // Thirteen on the day of the offence: prosecutable at 12.
    let thirteen = child_born(env, &agency, d(2013, 1, 1)).await;
    let o = || proceeding(Forum::ChildrenCourt, offence(d(2026, 11, 1), 5));
    env.store
        .open_proceeding(&worker(), &thirteen, o())
        .await
        .unwrap();
    // Refused, and the rule unchanged: not an administrator; a reason of 19 characters; an
    // age past 18.
    assert!(matches!(
        env.store
            .override_rule(&clerk, "ID", OverrideKey::Macr, "14", why)
            .await,
        Err(StoreError::Forbidden)
    ));
    assert_eq!(
        domain_error(
            env.store
                .override_rule(
                    &administrator,
                    "ID",
                    OverrideKey::Macr,
                    "14",
                    "Court ruling 1/2026"
                )
                .await
        ),
        DomainError::ReasonRequired
    );
    assert_eq!(
        domain_error(
            env.store
                .override_rule(&administrator, "ID", OverrideKey::Macr, "19", why)
                .await
        ),
        DomainError::Invalid { field: "value" }
    );
    assert_eq!(env.store.jurisdiction("ID").await.unwrap().macr.value, 12);
    env.store
        .override_rule(&administrator, "ID", OverrideKey::Macr, "14", why)
        .await
        .unwrap();
    let j = env.store.jurisdiction_of(&thirteen).await.unwrap();
    assert_eq!(j.code, "ID");
    assert_eq!(j.macr.value, 14);
    assert!(j.macr.source.starts_with(why), "{}", j.macr.source);
    // The gate applies the new value at once.
    assert_eq!(
        domain_error(env.store.open_proceeding(&worker(), &thirteen, o()).await),
        DomainError::BelowMinimumAge
    );
    assert_eq!(proceedings(env, &thirteen).await.len(), 1);
    assert!(
        env.audited()
            .await
            .iter()
            .any(|a| a == "jurisdiction.override")
    );
}

async fn family_contacts_are_dated_and_listed_newest_first(env: &Env) {
    let agency = env.agency("DSS").await;
    let case = child_born(env, &agency, d(2010, 3, 4)).await;
    let today = today().date_naive();
    assert!(matches!(
        env.store
            .record_family_contact(
                &worker(),
                &case,
                today + chrono::Days::new(1),
                ContactKind::Call
            )
            .await,
        Err(StoreError::Domain(DomainError::DateInFuture))
    ));
    assert!(env.store.family_contacts(&case).await.unwrap().is_empty());
    env.store
        .record_family_contact(&worker(), &case, d(2026, 11, 1), ContactKind::Letter)
        .await
        .unwrap();
    env.store
        .record_family_contact(&worker(), &case, today, ContactKind::Call)
        .await
        .unwrap();
    assert_eq!(
        env.store.family_contacts(&case).await.unwrap(),
        [
            (today, "call".to_owned()),
            (d(2026, 11, 1), "letter".to_owned())
        ]
    );
    let contacts = env
        .audited()
        .await
        .iter()
        .filter(|a| *a == "justice.family_contact")
        .count();
    assert_eq!(contacts, 2);
}
