//! Name search across spelling variants and scripts, among the children the reader may see,
//! ranked with what the searcher knows; case references; the index rebuilt with new keys.

use pelita_domain::age::AgeRange;
use pelita_domain::matching::TokenFit;
use pelita_domain::search::{Fit, Hints, Reason};
use pelita_store::{Found, Reader};

use crate::*;

both!(
    search_finds_spelling_variants_and_scripts,
    a_worker_finds_her_agencys_child_among_many_of_that_name_elsewhere,
    search_reaches_only_children_the_reader_sees,
    hints_order_children_of_the_same_name_and_say_why,
    old_spellings_find_children_written_today_and_back,
    a_latin_query_finds_a_child_written_in_bengali_or_thaana_and_back,
    a_case_reference_finds_its_case_for_those_who_may_open_it,
    the_duplicate_check_counts_children_held_elsewhere_apart,
    the_index_is_rebuilt_when_its_keys_change,
);

async fn search_finds_spelling_variants_and_scripts(env: &Env) {
    let agency = env.agency("DSS").await;
    let birth = BirthDate::Year { year: 2011 };
    let mut ids = std::collections::HashMap::new();
    for (given, family) in [
        ("Muhammad Rakib", "Hossain"),
        ("Abdul Rahman", "Ismail"),
        ("Nur Aisyah", "Putri"),
        ("Rafiq", "Islam"),
        ("Siti", "Rahayu"),
    ] {
        let r = env
            .store
            .register_child(
                &worker(),
                registration(&agency, identity(given, Some(family), birth)),
            )
            .await
            .unwrap();
        ids.insert(given, r.child_id);
    }
    let mut bn = identity("রাকিব", Some("হোসেন"), birth);
    bn.names.given.latin = Some(name("Rakib"));
    let bn = env
        .store
        .register_child(&worker(), registration(&agency, bn))
        .await
        .unwrap();
    let dv = env
        .store
        .register_child(
            &worker(),
            registration(&agency, identity("ޢާއިޝަތު", Some("ޒާހިރު"), birth)),
        )
        .await
        .unwrap();

    let top = |q: &'static str| async move { env.store.search_names(q, 10).await.unwrap() };
    assert_eq!(
        top("Mohd Rakib Hussain").await[0].child_id,
        ids["Muhammad Rakib"]
    );
    assert_eq!(top("Abdurrahman").await[0].child_id, ids["Abdul Rahman"]);
    assert_eq!(top("Noor Aishah").await[0].child_id, ids["Nur Aisyah"]);
    assert_eq!(
        top("Raki").await.iter().filter(|m| m.score > 0.85).count(),
        2,
        "prefix"
    );
    let by_script = top("রাকিব").await;
    assert_eq!(by_script[0].child_id, bn.child_id);
    assert!(by_script[0].reference.is_some());
    assert_eq!(top("ޢާއިޝަތު").await[0].child_id, dv.child_id);
    assert!(top("Zulkarnain").await.is_empty());
    assert!(top("   ").await.is_empty());

    // A worker of the agency finds them too, with names, and why.
    let me = env.account("ani", Role::CaseWorker, &agency).await;
    let reader = reader_of(env, &me).await;
    let found = env
        .store
        .find_children(&reader, "Mohd Rakib Hussain", &Hints::default(), 10)
        .await
        .unwrap();
    assert_eq!(found.found[0].child_id, ids["Muhammad Rakib"]);
    assert_eq!(
        found.found[0].name.as_deref(),
        Some("Muhammad Rakib Hossain")
    );
    assert_eq!(found.found[0].reasons, [Reason::Name(TokenFit::Variant)]);
}

async fn reader_of(env: &Env, id: &str) -> Reader {
    Reader::from(&env.store.user(id).await.unwrap())
}

async fn register_many(env: &Env, agency: &str, given: &str, family: &str, n: usize) {
    for _ in 0..n {
        env.store
            .register_child(
                &worker(),
                registration(
                    agency,
                    identity(given, Some(family), BirthDate::Year { year: 2014 }),
                ),
            )
            .await
            .unwrap();
    }
}

/// The case: a common name shared by many children of other agencies, registered
/// first; one of the reader's agency. A deployment-wide top list filtered afterwards gave her
/// nothing.
async fn a_worker_finds_her_agencys_child_among_many_of_that_name_elsewhere(env: &Env) {
    let elsewhere = env.agency("ELSE").await;
    let mine = env.agency("MINE").await;
    register_many(env, &elsewhere, "Siti", "Rahayu", 70).await;
    let hers = env
        .store
        .register_child(
            &worker(),
            registration(
                &mine,
                identity("Siti", Some("Rahayu"), BirthDate::Year { year: 2014 }),
            ),
        )
        .await
        .unwrap();
    // The deployment's first twenty are all children of the other agency…
    let deployment = env.store.search_names("Siti Rahayu", 20).await.unwrap();
    assert_eq!(deployment.len(), 20);
    assert!(deployment.iter().all(|m| m.child_id != hers.child_id));
    // …but she searches among hers: one word or two, she finds her child, and only hers.
    let ani = env.account("ani", Role::CaseWorker, &mine).await;
    let ani = reader_of(env, &ani).await;
    for q in ["Siti Rahayu", "Siti", "Rahayu"] {
        let found = env
            .store
            .find_children(&ani, q, &Hints::default(), 10)
            .await
            .unwrap();
        let ids: Vec<&str> = found.found.iter().map(|f| f.case_id.as_str()).collect();
        assert_eq!(ids, [hers.case_id.as_str()], "{q}");
        assert!(!found.more);
    }
    // A worker of the other agency sees twenty of hers and is told there are more.
    let budi = env.account("budi", Role::CaseWorker, &elsewhere).await;
    let budi = reader_of(env, &budi).await;
    let theirs = env
        .store
        .find_children(&budi, "Siti", &Hints::default(), 20)
        .await
        .unwrap();
    assert_eq!(theirs.found.len(), 20);
    assert!(theirs.found.iter().all(|f| f.case_id != hers.case_id));
    assert!(theirs.more, "70 equal names, 60 compared");
}

/// Need-to-know decides whom a search reaches: a psychologist of the agency reaches only the
/// children whose team she is on, a security liaison only those she handed over (and then
/// the minimal identity), an auditor nobody by name.
async fn search_reaches_only_children_the_reader_sees(env: &Env) {
    let agency = env.agency("DSS").await;
    let case = env
        .store
        .register_child(
            &worker(),
            registration(
                &agency,
                identity("Kartini", Some("Wulandari"), BirthDate::Year { year: 2012 }),
            ),
        )
        .await
        .unwrap()
        .case_id;
    let found = |who: String| async move {
        let r = reader_of(env, &who).await;
        env.store
            .find_children(&r, "Kartini Wulandari", &Hints::default(), 10)
            .await
            .unwrap()
            .found
    };
    let psy = env.account("psy", Role::Psychologist, &agency).await;
    assert!(
        found(psy.clone()).await.is_empty(),
        "same agency, not on the team"
    );
    env.store
        .add_team_member(&worker(), &case, &psy)
        .await
        .unwrap();
    assert_eq!(found(psy).await[0].case_id, case);

    let security = env.agency_in("SEC", Sector::Security).await;
    let liaison = env
        .account("liaison", Role::SecurityLiaison, &security)
        .await;
    assert!(found(liaison.clone()).await.is_empty());
    env.store
        .set_handed_over_by(&worker(), &case, &liaison)
        .await
        .unwrap();
    let seen = found(liaison).await;
    assert_eq!(seen[0].name.as_deref(), Some("Kartini Wulandari"));

    let auditor = env.account("audit", Role::Auditor, &agency).await;
    assert!(found(auditor).await.is_empty(), "break-glass is no search");
    let other = env.agency("OTHER").await;
    let stranger = env.account("stranger", Role::CaseWorker, &other).await;
    assert!(found(stranger).await.is_empty());
}

async fn hints_order_children_of_the_same_name_and_say_why(env: &Env) {
    let agency = env.agency("DSS").await;
    let register = async |sex: Sex, year: i32| {
        let mut id = identity("Siti", Some("Rahayu"), BirthDate::Year { year });
        id.sex = sex;
        env.store
            .register_child(&worker(), registration(&agency, id))
            .await
            .unwrap()
            .case_id
    };
    // On 2026-11-28 a child born in 2009 is 16 or 17; in 2014, 11 or 12.
    let older = register(Sex::Female, 2009).await;
    let boy = register(Sex::Male, 2014).await;
    let girl = register(Sex::Female, 2014).await;
    let ani = env.account("ani", Role::CaseWorker, &agency).await;
    let ani = reader_of(env, &ani).await;
    let search = async |hints: Hints| {
        env.store
            .find_children(&ani, "Siti Rahayu", &hints, 10)
            .await
            .unwrap()
            .found
    };
    let order = |found: &[Found]| found.iter().map(|f| f.case_id.clone()).collect::<Vec<_>>();
    // Without hints the three tie; with them the girl of twelve comes first, then the boy of
    // twelve, then the girl of sixteen.
    let hints = Hints {
        sex: Some(Sex::Female),
        age: Some(AgeRange {
            min: 12,
            max: Some(12),
        }),
        place: Some("ID".into()),
    };
    let found = search(hints).await;
    assert_eq!(order(&found), [girl.clone(), older.clone(), boy.clone()]);
    assert_eq!(
        found[0].reasons,
        [
            Reason::Name(TokenFit::Exact),
            Reason::Sex(Fit::Same),
            Reason::Age(Fit::Same),
            Reason::Place(Fit::Same)
        ]
    );
    assert!(found[0].compatible && !found[1].compatible && !found[2].compatible);
    assert!(found[1].reasons.contains(&Reason::Age(Fit::Differs)));
    assert!(found[2].reasons.contains(&Reason::Sex(Fit::Differs)));
    // A year of birth as the searcher typed it; the boy first when she says "male".
    let by_year = Hints {
        sex: Some(Sex::Male),
        age: Hints::parse_age("2014", today().date_naive()).unwrap(),
        place: None,
    };
    assert_eq!(order(&search(by_year).await)[..2], [boy, girl]);
    let plain = search(Hints::default()).await;
    assert_eq!(plain.len(), 3);
    assert!(
        plain
            .iter()
            .all(|f| f.reasons == [Reason::Name(TokenFit::Exact)])
    );
}

async fn old_spellings_find_children_written_today_and_back(env: &Env) {
    let agency = env.agency("DSS").await;
    let case = async |given: &str, family: &str| {
        env.store
            .register_child(
                &worker(),
                registration(
                    &agency,
                    identity(given, Some(family), BirthDate::Year { year: 2012 }),
                ),
            )
            .await
            .unwrap()
            .case_id
    };
    let suyono = case("Suyono", "Cahyadi").await;
    let jusuf = case("Jusuf", "Soebardjo").await;
    let chairul = case("Chairul", "Anwar").await;
    let ani = env.account("ani", Role::CaseWorker, &agency).await;
    let ani = reader_of(env, &ani).await;
    for (query, expected) in [
        ("Soejono Tjahjadi", &suyono),
        ("Yusuf Subarjo", &jusuf),
        ("Khairul Anwar", &chairul),
    ] {
        let found = env
            .store
            .find_children(&ani, query, &Hints::default(), 3)
            .await
            .unwrap()
            .found;
        assert_eq!(&found[0].case_id, expected, "{query}");
        assert_eq!(
            found[0].reasons,
            [Reason::Name(TokenFit::OldSpelling)],
            "{query}"
        );
    }
}

/// Names recorded only in Bengali or Thaana script are found by the Latin spelling a worker
/// types, and the reverse; the child written as typed comes first, the one in the other script
/// next, with a lower score.
async fn a_latin_query_finds_a_child_written_in_bengali_or_thaana_and_back(env: &Env) {
    let agency = env.agency("DSS").await;
    let case = async |given: &str, family: &str| {
        env.store
            .register_child(
                &worker(),
                registration(
                    &agency,
                    identity(given, Some(family), BirthDate::Year { year: 2012 }),
                ),
            )
            .await
            .unwrap()
            .case_id
    };
    let bn = case("মোহাম্মদ রাকিব", "আক্তার").await;
    let dv = case("ޢާއިޝަތު", "ޒާހިރު").await;
    let latin_bn = case("Mohammad Rakib", "Akter").await;
    let latin_dv = case("Aishath", "Zahir").await;
    case("Rahim", "Hossain").await;
    let ani = env.account("ani", Role::CaseWorker, &agency).await;
    let ani = reader_of(env, &ani).await;
    for (query, first, second) in [
        ("Md Rakib Akhter", &latin_bn, &bn),
        ("মোহাম্মদ রাকিব আক্তার", &bn, &latin_bn),
        ("Aishath Zahir", &latin_dv, &dv),
        ("ޢާއިޝަތު ޒާހިރު", &dv, &latin_dv),
        // A one-word query: the name as typed first, then its other script, not ties.
        ("রাকিব", &bn, &latin_bn),
        ("Aishath", &latin_dv, &dv),
    ] {
        let found = env
            .store
            .find_children(&ani, query, &Hints::default(), 10)
            .await
            .unwrap()
            .found;
        assert_eq!(found.len(), 2, "{query}");
        assert_eq!(&found[0].case_id, first, "{query}");
        assert_eq!(&found[1].case_id, second, "{query}");
        assert!(found[0].score > found[1].score, "{query}");
        assert_eq!(
            found[1].reasons,
            [Reason::Name(TokenFit::Variant)],
            "{query}"
        );
    }
}

async fn a_case_reference_finds_its_case_for_those_who_may_open_it(env: &Env) {
    let agency = env.agency("DSS").await;
    let r = env
        .store
        .register_child(
            &worker(),
            registration(
                &agency,
                identity("Dewi", Some("Lestari"), BirthDate::Year { year: 2013 }),
            ),
        )
        .await
        .unwrap();
    let reference = r.reference.to_string();
    let typed = format!(
        "{} {} {}",
        r.reference.agency_code.to_lowercase(),
        r.reference.year,
        r.reference.number
    );
    let ani = env.account("ani", Role::CaseWorker, &agency).await;
    let find = async |who: &str, text: &str| {
        let reader = reader_of(env, who).await;
        env.store
            .find_children(&reader, text, &Hints::default(), 10)
            .await
            .unwrap()
            .found
    };
    for text in [reference.as_str(), typed.as_str()] {
        let found = find(&ani, text).await;
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].case_id, r.case_id);
        assert_eq!(found[0].name.as_deref(), Some("Dewi Lestari"));
        assert_eq!(found[0].reasons, [Reason::Reference]);
    }
    // The name shown is a read of identity, logged.
    let log = env.store.access_log_for_case(&r.case_id).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.reader == ani && e.section == "identity")
    );
    // A psychologist of the agency opens the case (its status) but not the name.
    let psy = env.account("psy", Role::Psychologist, &agency).await;
    let found = find(&psy, &reference).await;
    assert_eq!((found.len(), found[0].name.as_deref()), (1, None));
    // Elsewhere the reference finds nothing, exactly as one that does not exist.
    let other = env.agency("OTHER").await;
    let stranger = env.account("stranger", Role::CaseWorker, &other).await;
    assert!(find(&stranger, &reference).await.is_empty());
    let unknown = format!("{}-{}-99999", r.reference.agency_code, r.reference.year);
    assert!(find(&ani, &unknown).await.is_empty());
}

async fn the_duplicate_check_counts_children_held_elsewhere_apart(env: &Env) {
    let mine = env.agency("MINE").await;
    let other = env.agency("OTHER").await;
    // Her agency's namesakes, registered first, do not crowd out the matches elsewhere.
    register_many(env, &mine, "Nur", "Hidayah", 70).await;
    register_many(env, &other, "Nur", "Hidayah", 3).await;
    let ani = env.account("ani", Role::CaseWorker, &mine).await;
    let ani = reader_of(env, &ani).await;
    let hints = Hints {
        sex: Some(Sex::Female),
        age: Some(AgeRange {
            min: 12,
            max: Some(12),
        }),
        place: None,
    };
    let d = env
        .store
        .duplicates(
            &ani,
            &["Noor Hidayah".to_owned(), String::new()],
            &hints,
            10,
        )
        .await
        .unwrap();
    assert_eq!(d.visible.len(), 10);
    assert_eq!(d.visible[0].name.as_deref(), Some("Nur Hidayah"));
    assert!(d.visible[0].compatible);
    assert_eq!(d.elsewhere.len(), 3);
    assert!(d.elsewhere.iter().all(|f| f.name.is_none()));
    assert!(
        d.elsewhere
            .iter()
            .all(|f| f.reference.starts_with("OTHER-"))
    );
}

async fn the_index_is_rebuilt_when_its_keys_change(env: &Env) {
    let agency = env.agency("DSS").await;
    let case = env
        .case(&agency, "Jusuf", BirthDate::Year { year: 2012 })
        .await;
    // An index written by an earlier release's keys (here: none at all).
    env.tamper("DELETE FROM name_index; DELETE FROM meta WHERE key = 'name_keys_version'")
        .await;
    assert!(env.store.search_names("Jusuf", 5).await.unwrap().is_empty());
    let reopened = Store::open(StoreConfig {
        url: env.url.clone(),
        key: env.key.clone(),
        readers: 1,
        clock: env.clock.clone(),
    })
    .await
    .unwrap();
    let found = reopened.search_names("Yusuf", 5).await.unwrap();
    assert_eq!(found[0].case_id.as_deref(), Some(case.as_str()));
    reopened.close().await;
}
