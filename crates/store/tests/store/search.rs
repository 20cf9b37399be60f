//! Name search across spelling variants and scripts.

use crate::*;

both!(search_finds_spelling_variants_and_scripts);

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
    // With what is known of a new child, a different sex or an impossible age is not "likely".
    use pelita_domain::age::AgeRange;
    let hint = |sex, min, max| pelita_store::MatchHint {
        sex,
        age: AgeRange {
            min,
            max: Some(max),
        },
    };
    let found = |h| async move {
        env.store
            .match_names("Muhammad Rakib Hossain", 3, Some(h))
            .await
            .unwrap()
    };
    let same = found(hint(Sex::Female, 14, 16)).await;
    assert_eq!(
        (same[0].child_id.as_str(), same[0].compatible),
        (ids["Muhammad Rakib"].as_str(), Some(true))
    );
    assert_eq!(
        found(hint(Sex::Male, 14, 16)).await[0].compatible,
        Some(false),
        "sex ignored"
    );
    assert_eq!(
        found(hint(Sex::Female, 3, 4)).await[0].compatible,
        Some(false),
        "age ignored"
    );
    assert_eq!(
        found(hint(Sex::NotRecorded, 14, 16)).await[0].compatible,
        Some(true)
    );
    assert!(top("   ").await.is_empty());
}
