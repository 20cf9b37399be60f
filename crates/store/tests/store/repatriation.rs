//! Children abroad: travel, origin, best interests, repatriation and reception.

use crate::*;

both!(repatriation_is_decided_child_by_child_on_best_interests);

async fn repatriation_is_decided_child_by_child_on_best_interests(env: &Env) {
    use pelita_domain::conference::{
        Conference, Decision, DecisionKind, Participant, ParticipantRole,
    };
    use pelita_domain::plan::Views;
    use pelita_domain::repatriation::best_interests::{
        Assessment, AssessmentDepth, Determination, PanelMember, Question, Record,
    };
    use pelita_domain::repatriation::origin::{
        BirthAbroad, BirthRegistration, Country, Document, DocumentKind, NationalityStatus, Origin,
        Verification, VerificationMethod, VerificationResult,
    };
    use pelita_domain::repatriation::reception::{Admission, Block, Release};
    use pelita_domain::repatriation::workflow::{Phase, Placement, Standing, Step};
    use pelita_domain::task::ResponseTimes;
    use pelita_store::RepatriationChange as Change;
    let agency = env.agency("MGF").await;
    let n = |s: &str| NoteText::parse(s).unwrap();
    let sari = env
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
    let mut cases = Vec::new();
    for given in ["Aminath", "Hassan"] {
        let mut reg = registration(
            &agency,
            identity(given, None, BirthDate::Year { year: 2017 }),
        );
        reg.assigned_to = Some(sari.clone());
        cases.push(env.store.register_child(&worker(), reg).await.unwrap());
    }
    let (a, b) = (cases[0].case_id.clone(), cases[1].case_id.clone());
    let change = |case: &str, c: Change| {
        let case = case.to_owned();
        async move { env.store.change_repatriation(&worker(), &case, c).await }
    };
    let refused = |r: Result<Option<String>, StoreError>, e: DomainError| match r {
        Err(StoreError::Domain(got)) => assert_eq!(got, e),
        other => panic!("expected {e:?}, got {other:?}"),
    };
    // Siblings travel together: one group, each child's own file.
    change(&a, Change::Open { with: None }).await.unwrap();
    change(
        &b,
        Change::Open {
            with: Some(a.clone()),
        },
    )
    .await
    .unwrap();
    let record = |case: &str| {
        let case = case.to_owned();
        async move {
            env.store
                .read_abroad(&grant(&case, Section::Circumstances))
                .await
                .unwrap()
        }
    };
    assert_eq!(record(&a).await.file.unwrap().group, vec![b.clone()]);

    // Born abroad, DNA-verified: identity and nationality documented.
    let origin = Origin {
        born_abroad: Some(BirthAbroad {
            country: Country::Syria,
            place: Some(name("al-Hol camp")),
            documents: None,
        }),
        nationality: NationalityStatus::Confirmed,
        nationality_country: Some(Country::Maldives),
        birth_registration: BirthRegistration::NotRegistered,
        verifications: vec![Verification {
            method: VerificationMethod::Dna,
            result: VerificationResult::Confirmed,
            verified_by: name("Police forensic laboratory"),
            verified_on: d(2026, 1, 5),
        }],
        ..Origin::default()
    };
    change(&a, Change::SaveOrigin(origin.clone()))
        .await
        .unwrap();
    let before = env.store.repatriation_indicators(None).await.unwrap();
    assert_eq!(before.children, 2);
    assert_eq!(before.pct_identity_or_nationality_documented, Some(50.0));
    assert_eq!(before.pct_birth_registered, Some(0.0));
    // The brother's record saved twice: the second save replaces the first.
    let mut his = Origin {
        nationality: NationalityStatus::Disputed,
        ..Origin::default()
    };
    change(&b, Change::SaveOrigin(his.clone())).await.unwrap();
    his.documents.push(Document {
        kind: DocumentKind::Passport,
        held: true,
        issued_by: Some(Country::Maldives),
    });
    change(&b, Change::SaveOrigin(his.clone())).await.unwrap();
    let documented = env.store.repatriation_indicators(None).await.unwrap();
    assert_eq!(
        documented.pct_identity_or_nationality_documented,
        Some(100.0)
    );
    assert_eq!(
        record(&b).await.origin.unwrap().origin,
        Readable::Present(his)
    );

    // A conference cannot decide repatriation before a best-interests assessment, nor
    // separation from the mother before a panel has determined it.
    let conference = |kind: DecisionKind, on: NaiveDate| Conference {
        held_on: on,
        participants: vec![
            Participant {
                name: name("Aisha"),
                organisation: None,
                role: ParticipantRole::ChildProtectionLead,
            },
            Participant {
                name: name("Ibrahim"),
                organisation: None,
                role: ParticipantRole::CaseWorker,
            },
        ],
        minutes: n("Return discussed with the family"),
        child_views: Views::Recorded(n("wants to live with grandmother")),
        decisions: vec![Decision {
            kind,
            text: n("decided"),
            best_interests: n("safety, family unity and schooling at home"),
            dissent: vec![],
        }],
        tasks: vec![],
    };
    let times = ResponseTimes::default();
    let conf = |case: &str, kind, on| {
        let case = case.to_owned();
        let c = conference(kind, on);
        async move {
            env.store
                .record_conference(&worker(), &case, c, &times)
                .await
        }
    };
    match conf(&a, DecisionKind::Repatriation, d(2026, 1, 10)).await {
        Err(StoreError::Domain(DomainError::BestInterestsAssessmentRequired)) => {}
        other => panic!("repatriation without an assessment: {other:?}"),
    }
    let bia = Record::Assessment(Assessment {
        depth: AssessmentDepth::Comprehensive,
        done_on: d(2026, 1, 8),
        child_views: Views::Recorded(n("wants to go to school")),
        findings: n("healthy; close to her brother"),
        recommendation: n("return with her brother"),
    });
    change(&a, Change::BestInterests(bia)).await.unwrap();
    conf(&a, DecisionKind::Repatriation, d(2026, 1, 10))
        .await
        .unwrap();
    match conf(&a, DecisionKind::SeparationFromParent, d(2026, 1, 10)).await {
        Err(StoreError::Domain(DomainError::PanelDeterminationRequired)) => {}
        other => panic!("separation without a panel: {other:?}"),
    }
    let member = |who: &str| PanelMember {
        name: name(who),
        organisation: name("NRC"),
        role: name("psychologist"),
        undertaking: true,
    };
    let panel = Record::Determination(Determination {
        question: Question::SeparationFromParent,
        decided_on: d(2026, 1, 9),
        members: vec![member("Aisha"), member("Ibrahim"), member("Mariyam")],
        child_views: Views::Recorded(n("wants to stay with her brother")),
        reasoning: n("the mother faces charges; the grandmother keeps the siblings together"),
        outcome: n("kinship care with the grandmother"),
        dissent: vec![],
        review_on: d(2026, 7, 9),
    });
    change(&a, Change::BestInterests(panel)).await.unwrap();
    conf(&a, DecisionKind::SeparationFromParent, d(2026, 1, 10))
        .await
        .unwrap();

    // The sister's decision does not carry her brother across the border.
    refused(
        change(&b, Change::Arrive(d(2026, 1, 20))).await,
        DomainError::RepatriationDecisionRequired,
    );
    refused(
        change(
            &a,
            Change::Mark {
                step: Step::HealthCheck,
                on: d(2026, 1, 20),
                note: None,
            },
        )
        .await,
        DomainError::PhaseNotReached,
    );
    change(
        &a,
        Change::Mark {
            step: Step::FamilyUnity,
            on: d(2026, 1, 9),
            note: Some(n("siblings travel together")),
        },
    )
    .await
    .unwrap();
    change(&a, Change::Arrive(d(2026, 1, 20))).await.unwrap();
    change(
        &a,
        Change::Mark {
            step: Step::HealthCheck,
            on: d(2026, 1, 20),
            note: None,
        },
    )
    .await
    .unwrap();
    let status = |case: &str| {
        let g = policy::authorize(
            "liaison-1",
            Role::SecurityLiaison,
            Relationship::HandedOverBy,
            case,
            Section::Status,
            None,
        )
        .unwrap();
        async move { env.store.repatriation_status(&g).await.unwrap() }
    };
    assert_eq!(
        status(&a).await.unwrap().standing,
        Standing::In(Phase::AtBorder)
    );
    assert_eq!(
        status(&b).await.unwrap().standing,
        Standing::In(Phase::BeforeBorder)
    );

    // The brother's return is not pursued for now: nothing more is recorded until it resumes.
    change(
        &b,
        Change::End {
            on: d(2026, 1, 21),
            reason: n("His identity could not be verified before the flight"),
        },
    )
    .await
    .unwrap();
    assert_eq!(status(&b).await.unwrap().standing, Standing::NotPursued);
    refused(
        change(
            &b,
            Change::Mark {
                step: Step::FamilyUnity,
                on: d(2026, 1, 22),
                note: None,
            },
        )
        .await,
        DomainError::RepatriationEnded,
    );
    assert!(matches!(
        record(&b).await.file.unwrap().end_reason,
        Some(Readable::Present(_))
    ));
    change(&b, Change::Resume).await.unwrap();
    assert_eq!(
        status(&b).await.unwrap().standing,
        Standing::In(Phase::BeforeBorder)
    );

    // Reception centre, a review, then the move to family-based care after 40 days.
    let stay = change(
        &a,
        Change::Admit(Admission {
            centre: name("National Reintegration Centre"),
            block: Block::Families,
            admitted_on: d(2026, 1, 20),
            review_every_days: 30,
            planned_release: d(2026, 7, 20),
        }),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        status(&a).await.unwrap().standing,
        Standing::In(Phase::AfterBorder)
    );
    // One stay at a time, and from a centre the child leaves through the stay's release.
    let again = Admission {
        centre: name("Another centre"),
        block: Block::Children,
        admitted_on: d(2026, 1, 21),
        review_every_days: 30,
        planned_release: d(2026, 6, 1),
    };
    refused(
        change(&a, Change::Admit(again)).await,
        DomainError::Invalid { field: "open_stay" },
    );
    refused(
        change(&a, Change::Place(Placement::Family, d(2026, 1, 22))).await,
        DomainError::Invalid { field: "open_stay" },
    );
    let reviews = || {
        let (ag, sari) = (agency.clone(), sari.clone());
        async move {
            env.store
                .my_tasks(&sari, Some(&ag), false, false, &times)
                .await
                .unwrap()
                .into_iter()
                .filter(|t| t.kind == pelita_domain::task::TaskKind::ReceptionReview)
                .count()
        }
    };
    assert_eq!(
        reviews().await,
        1,
        "the overdue review is in the worker's work"
    );
    assert_eq!(record(&a).await.stays[0].next_review, Some(d(2026, 2, 19)));
    let refused_release = change(
        &a,
        Change::Release {
            stay: stay.clone(),
            release: Release {
                on: d(2026, 1, 1),
                to: Placement::Family,
                note: None,
            },
        },
    )
    .await;
    assert!(refused_release.is_err(), "released before admission");
    change(
        &a,
        Change::Release {
            stay: stay.clone(),
            release: Release {
                on: d(2026, 3, 1),
                to: Placement::FamilyBasedCare,
                note: None,
            },
        },
    )
    .await
    .unwrap();
    assert_eq!(reviews().await, 0, "no review after release");
    let after = env.store.repatriation_indicators(None).await.unwrap();
    assert_eq!(after.arrived, 1);
    assert_eq!(after.placed_in_family_or_community, 1);
    assert_eq!(after.days_arrival_to_placement_median, Some(40.0));
    assert_eq!(after.separation_decisions, 1);
    assert_eq!(after.pct_assessed_before_separation_decision, Some(100.0));
    let read = record(&a).await;
    assert_eq!(read.origin.unwrap().origin, Readable::Present(origin));
    assert_eq!(read.best_interests.len(), 2);
    assert_eq!(read.stays[0].next_review, None, "no reviews after release");
    let progress = read.file.unwrap().progress;
    for step in [
        Step::IdentityVerification,
        Step::NationalityVerification,
        Step::BestInterestsAssessment,
        Step::Decision,
        Step::Arrival,
        Step::Reception,
    ] {
        assert!(
            progress.done.contains_key(&step),
            "{step:?} follows from its record"
        );
    }
    let actions: Vec<String> = env
        .store
        .audit_events(100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for x in [
        "origin.save",
        "repatriation.open",
        "best_interests.assessment",
        "best_interests.determination",
        "repatriation.arrival",
        "reception.admit",
        "reception.release",
    ] {
        assert!(actions.iter().any(|y| y == x), "{x} is audited");
    }
    // Erasing the child leaves no readable record abroad.
    env.store
        .erase_child(&admin(), &cases[0].child_id, "court order 7/2026")
        .await
        .unwrap();
    assert!(matches!(
        record(&a).await.origin.unwrap().origin,
        Readable::Erased { .. }
    ));
}
