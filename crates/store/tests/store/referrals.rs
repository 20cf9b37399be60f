//! Referrals: the consent gate, the sections a referral may share, and the answer that only
//! the receiving agency gives.

use pelita_domain::consent::{Decision, Entry, Giver, Purpose};
use pelita_domain::referral::ReferralStatus;
use pelita_store::{NewReferral, Reader};

use crate::*;

both!(
    a_referral_leaves_only_through_the_consent_gate,
    the_receiving_agency_answers_and_reads_only_what_was_shared,
);

fn referral(to: &str, sections: Vec<Section>, why: Option<&str>) -> NewReferral {
    NewReferral {
        to_agency: to.into(),
        sections,
        reason: note("Needs a paediatric check near home"),
        override_justification: why.map(note),
    }
}

/// The child (12) and the caregiver agree to a referral to health services.
async fn consent_to_health(env: &Env, case: &str) {
    for giver in [Giver::Child, Giver::Caregiver] {
        let entry = Entry {
            purpose: Purpose::Referral(Sector::Health),
            giver,
            decision: Decision::Given,
            on: d(2026, 11, 20),
            expires: None,
        };
        env.store
            .record_consent(&worker(), case, entry, None)
            .await
            .unwrap();
    }
}

async fn a_referral_leaves_only_through_the_consent_gate(env: &Env) {
    let home = env.agency("DSS").await;
    let clinic = env.agency_in("CLNC", Sector::Health).await;
    let police = env.agency_in("POL", Sector::Security).await;
    let case = env
        .case(&home, "Amina", BirthDate::Year { year: 2014 })
        .await;
    let supervisor = Actor::operator_in("supervisor-1", Role::Supervisor);
    let health = vec![Section::Health];
    let refused = |r: Result<String, StoreError>| match r {
        Err(StoreError::Domain(e)) => e,
        other => panic!("expected a refusal, got {other:?}"),
    };

    // No consent: refused, whoever asks without a written override.
    let before = env.store.counts().await.unwrap();
    assert_eq!(
        refused(
            env.store
                .refer(&worker(), &case, referral(&clinic, health.clone(), None))
                .await
        ),
        DomainError::ConsentRequired
    );
    // A case worker cannot set consent aside, however well argued.
    let why = "The caregiver cannot be reached for weeks";
    assert_eq!(
        refused(
            env.store
                .refer(
                    &worker(),
                    &case,
                    referral(&clinic, health.clone(), Some(why))
                )
                .await
        ),
        DomainError::OverrideNotAllowed
    );
    // A supervisor can, in writing of at least 20 characters: 19 are not enough.
    let nineteen = "Caregiver not found";
    assert_eq!(nineteen.chars().count(), 19);
    assert_eq!(
        refused(
            env.store
                .refer(
                    &supervisor,
                    &case,
                    referral(&clinic, health.clone(), Some(nineteen))
                )
                .await
        ),
        DomainError::OverrideNotAllowed
    );
    // Never to a security service, never to the case's own agency, never an empty referral,
    // never the status section or a section the receiving profession does not read.
    let not_for_health = Section::ALL
        .into_iter()
        .find(|s| {
            *s != Section::Status && !pelita_store::shareable_with(Sector::Health).contains(s)
        })
        .expect("a section health services do not read");
    for (to, sections, field) in [
        (&police, health.clone(), "to_agency"),
        (&home, health.clone(), "to_agency"),
        (&clinic, vec![], "sections"),
        (&clinic, vec![Section::Status], "sections"),
        (&clinic, vec![Section::Health, not_for_health], "sections"),
    ] {
        assert_eq!(
            refused(
                env.store
                    .refer(&supervisor, &case, referral(to, sections, Some(why)))
                    .await
            ),
            DomainError::Invalid { field },
        );
    }
    assert_eq!(env.store.counts().await.unwrap(), before, "nothing written");
    assert!(env.store.referrals_of_case(&case).await.unwrap().is_empty());

    // Twenty characters: the override goes through, sealed and named.
    let twenty = "Caregiver not found.";
    assert_eq!(twenty.chars().count(), 20);
    let overridden = env
        .store
        .refer(
            &supervisor,
            &case,
            referral(&clinic, health.clone(), Some(twenty)),
        )
        .await
        .unwrap();
    let r = env.store.referral(&overridden).await.unwrap();
    assert_eq!(r.override_by.as_deref(), Some("system:supervisor-1"));
    assert_eq!(
        r.override_justification,
        Some(Readable::Present(note(twenty)))
    );

    // With the child's and the caregiver's agreement the worker refers; a justification given
    // then is no override and is not kept.
    consent_to_health(env, &case).await;
    let id = env
        .store
        .refer(
            &worker(),
            &case,
            referral(&clinic, health.clone(), Some(why)),
        )
        .await
        .unwrap();
    let r = env.store.referral(&id).await.unwrap();
    assert_eq!(
        (r.status, r.sections.clone(), r.to_agency.clone()),
        (ReferralStatus::Pending, health.clone(), clinic.clone())
    );
    assert_eq!(r.override_by, None);
    assert_eq!(r.override_justification, None);
    assert_eq!(
        r.reason,
        Readable::Present(note("Needs a paediatric check near home"))
    );
    assert_eq!(r.created_by, "system:worker-1");
    let to_clinic: Vec<String> = env
        .store
        .referrals_to(&clinic)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(to_clinic, [overridden, id]);
    let creates = env
        .audited()
        .await
        .iter()
        .filter(|a| *a == "referral.create")
        .count();
    assert_eq!(creates, 2);
}

async fn the_receiving_agency_answers_and_reads_only_what_was_shared(env: &Env) {
    let home = env.agency("DSS").await;
    let clinic = env.agency_in("CLNC", Sector::Health).await;
    let case = env
        .case(&home, "Amina", BirthDate::Year { year: 2014 })
        .await;
    consent_to_health(env, &case).await;
    let nurse_id = env.account("nurse", Role::Health, &clinic).await;
    let colleague_id = env.account("colleague", Role::CaseWorker, &home).await;
    let nurse = env.store.act_as(&nurse_id).await.unwrap();
    let colleague = env.store.act_as(&colleague_id).await.unwrap();
    let reader = Reader::from(&env.store.user(&nurse_id).await.unwrap());
    env.store
        .add_note(
            &worker(),
            &case,
            Section::Health,
            note("Asthma, uses an inhaler"),
        )
        .await
        .unwrap();
    let refer = || async {
        env.store
            .refer(
                &worker(),
                &case,
                referral(&clinic, vec![Section::Health], None),
            )
            .await
            .unwrap()
    };
    let meta = || async { env.store.case_meta(&case).await.unwrap() };
    let status = |id: String| async move { env.store.referral(&id).await.unwrap().status };

    // Pending: the clinic reads nothing of the child.
    let first = refer().await;
    assert!(
        meta()
            .await
            .authorize(&reader, Section::Health, None)
            .is_err()
    );
    // Answered by the receiving agency only: not by the sending agency's own staff.
    assert!(matches!(
        env.store
            .move_referral(&colleague, &first, ReferralStatus::Accepted, None)
            .await,
        Err(StoreError::Forbidden)
    ));
    // A pending referral is not completed.
    assert!(matches!(
        env.store
            .move_referral(
                &nurse,
                &first,
                ReferralStatus::Completed,
                Some(note("done"))
            )
            .await,
        Err(StoreError::Domain(DomainError::InvalidTransition { .. }))
    ));
    assert_eq!(status(first.clone()).await, ReferralStatus::Pending);
    env.store
        .move_referral(&nurse, &first, ReferralStatus::Accepted, None)
        .await
        .unwrap();
    assert_eq!(status(first.clone()).await, ReferralStatus::Accepted);
    assert_eq!(
        env.store.referral(&first).await.unwrap().answered_by,
        Some(nurse_id.clone())
    );
    // Accepted: the shared section opens, and only it.
    let m = meta().await;
    assert_eq!(m.shares, vec![(clinic.clone(), vec![Section::Health])]);
    let grant = m.authorize(&reader, Section::Health, None).unwrap();
    let notes = env.store.read_notes(&grant).await.unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0].body,
        Readable::Present(note("Asthma, uses an inhaler"))
    );
    for section in [
        Section::Identity,
        Section::Circumstances,
        Section::Psychosocial,
    ] {
        assert!(
            m.authorize(&reader, section, None).is_err(),
            "{section:?} was not shared"
        );
    }
    // Accepted once: not again, not declined afterwards.
    assert!(
        env.store
            .move_referral(&nurse, &first, ReferralStatus::Accepted, None)
            .await
            .is_err()
    );
    assert!(
        env.store
            .move_referral(&nurse, &first, ReferralStatus::Declined, Some(note("no")))
            .await
            .is_err()
    );
    // Completed with feedback only; then the clinic's access ends with the referral.
    assert!(matches!(
        env.store
            .move_referral(&nurse, &first, ReferralStatus::Completed, None)
            .await,
        Err(StoreError::Domain(DomainError::ReasonRequired))
    ));
    env.store
        .move_referral(
            &nurse,
            &first,
            ReferralStatus::Completed,
            Some(note("Check done; inhaler renewed")),
        )
        .await
        .unwrap();
    let done = env.store.referral(&first).await.unwrap();
    assert_eq!(done.status, ReferralStatus::Completed);
    assert_eq!(
        done.feedback,
        Some(Readable::Present(note("Check done; inhaler renewed")))
    );
    assert!(
        meta()
            .await
            .authorize(&reader, Section::Health, None)
            .is_err()
    );

    // Declined: a reason is required, and the clinic never reads anything.
    let second = refer().await;
    assert!(matches!(
        env.store
            .move_referral(&nurse, &second, ReferralStatus::Declined, None)
            .await,
        Err(StoreError::Domain(DomainError::ReasonRequired))
    ));
    assert_eq!(status(second.clone()).await, ReferralStatus::Pending);
    env.store
        .move_referral(
            &nurse,
            &second,
            ReferralStatus::Declined,
            Some(note("No paediatrician until March")),
        )
        .await
        .unwrap();
    let declined = env.store.referral(&second).await.unwrap();
    assert_eq!(declined.status, ReferralStatus::Declined);
    assert_eq!(
        declined.answer,
        Some(Readable::Present(note("No paediatrician until March")))
    );
    assert!(
        meta()
            .await
            .authorize(&reader, Section::Health, None)
            .is_err()
    );
    let moves = env
        .audited()
        .await
        .iter()
        .filter(|a| *a == "referral.move")
        .count();
    assert_eq!(moves, 3, "accepted, completed, declined");
}
