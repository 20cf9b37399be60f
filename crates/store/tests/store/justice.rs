//! Child justice: proceedings, diversion, detention, sealing.

use crate::*;

both!(the_detention_register_keeps_the_order_and_its_clocks,);

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
