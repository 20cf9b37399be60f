//! The household: sealed in the family section, replaced whole on each save.

use pelita_domain::family::{Household, Kinship, Living, MAX_MEMBERS, Member};

use crate::*;

both!(a_household_is_saved_whole_within_its_limits);

fn member(given: &str, kinship: Kinship, caregiver: bool) -> Member {
    Member {
        name: name(given),
        kinship,
        caregiver,
        lives_with_child: true,
        no_contact: false,
        note: None,
    }
}

async fn a_household_is_saved_whole_within_its_limits(env: &Env) {
    let agency = env.agency("DSS").await;
    let case = env
        .case(&agency, "Amina", BirthDate::Year { year: 2012 })
        .await;
    let read = || async {
        env.store
            .read_household(&grant(&case, Section::Family))
            .await
            .unwrap()
    };
    assert_eq!(read().await, None);
    // Forty members are a household; forty-one are refused, and nothing is saved.
    let full = Household {
        living: Some(Living::WithRelatives),
        members: (0..MAX_MEMBERS)
            .map(|_| member("Siti", Kinship::AuntOrUncle, false))
            .collect(),
    };
    let mut too_many = full.clone();
    too_many
        .members
        .push(member("Budi", Kinship::AuntOrUncle, false));
    assert!(matches!(
        env.store.save_household(&worker(), &case, too_many).await,
        Err(StoreError::Domain(DomainError::TooLong {
            field: "members",
            ..
        }))
    ));
    assert_eq!(read().await, None);
    env.store
        .save_household(&worker(), &case, full.clone())
        .await
        .unwrap();
    assert_eq!(read().await.unwrap().household, Readable::Present(full));
    // A second save replaces the first.
    let aunt = Household {
        living: Some(Living::WithRelatives),
        members: vec![member("Siti", Kinship::AuntOrUncle, true)],
    };
    env.store
        .save_household(&worker(), &case, aunt.clone())
        .await
        .unwrap();
    let record = read().await.unwrap();
    assert_eq!(record.household, Readable::Present(aunt));
    assert_eq!(record.updated_by, "system:worker-1");
    // Only a family grant opens it.
    assert!(
        env.store
            .read_household(&grant(&case, Section::Health))
            .await
            .is_err()
    );
    let saves = env
        .audited()
        .await
        .iter()
        .filter(|a| *a == "household.save")
        .count();
    assert_eq!(saves, 2);
}
