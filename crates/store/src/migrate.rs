//! Schema migrations per backend, embedded in the binary and applied at start.

use std::borrow::Cow;

use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AssertSqlSafe, SqlSafeStr};

use crate::StoreError;
use crate::db::Pools;

const SQLITE: &[(i64, &str, &str)] = &[
    (
        1,
        "foundation",
        include_str!("../migrations/sqlite/0001_foundation.sql"),
    ),
    (2, "web", include_str!("../migrations/sqlite/0002_web.sql")),
    (
        3,
        "consent",
        include_str!("../migrations/sqlite/0003_consent.sql"),
    ),
    (
        4,
        "referrals",
        include_str!("../migrations/sqlite/0004_referrals.sql"),
    ),
    (
        5,
        "assessments",
        include_str!("../migrations/sqlite/0005_assessments.sql"),
    ),
    (
        6,
        "plans",
        include_str!("../migrations/sqlite/0006_plans.sql"),
    ),
    (
        7,
        "followups",
        include_str!("../migrations/sqlite/0007_followups.sql"),
    ),
    (
        8,
        "conferences",
        include_str!("../migrations/sqlite/0008_conferences.sql"),
    ),
    (
        9,
        "interviews",
        include_str!("../migrations/sqlite/0009_interviews.sql"),
    ),
    (
        10,
        "justice",
        include_str!("../migrations/sqlite/0010_justice.sql"),
    ),
    (
        11,
        "repatriation",
        include_str!("../migrations/sqlite/0011_repatriation.sql"),
    ),
    (
        12,
        "repatriation_end",
        include_str!("../migrations/sqlite/0012_repatriation_end.sql"),
    ),
    (
        13,
        "victim_case_kept",
        include_str!("../migrations/sqlite/0013_victim_case_kept.sql"),
    ),
    (
        14,
        "sealed_justifications_and_refusals",
        include_str!("../migrations/sqlite/0014_sealed_justifications.sql"),
    ),
    (
        15,
        "erasure_reason",
        include_str!("../migrations/sqlite/0015_erasure_reason.sql"),
    ),
    (
        16,
        "search_scope",
        include_str!("../migrations/sqlite/0016_search_scope.sql"),
    ),
    (
        17,
        "kept_work",
        include_str!("../migrations/sqlite/0017_kept_work.sql"),
    ),
];
const POSTGRES: &[(i64, &str, &str)] = &[
    (
        1,
        "foundation",
        include_str!("../migrations/postgres/0001_foundation.sql"),
    ),
    (
        2,
        "web",
        include_str!("../migrations/postgres/0002_web.sql"),
    ),
    (
        3,
        "consent",
        include_str!("../migrations/postgres/0003_consent.sql"),
    ),
    (
        4,
        "referrals",
        include_str!("../migrations/postgres/0004_referrals.sql"),
    ),
    (
        5,
        "assessments",
        include_str!("../migrations/postgres/0005_assessments.sql"),
    ),
    (
        6,
        "plans",
        include_str!("../migrations/postgres/0006_plans.sql"),
    ),
    (
        7,
        "followups",
        include_str!("../migrations/postgres/0007_followups.sql"),
    ),
    (
        8,
        "conferences",
        include_str!("../migrations/postgres/0008_conferences.sql"),
    ),
    (
        9,
        "interviews",
        include_str!("../migrations/postgres/0009_interviews.sql"),
    ),
    (
        10,
        "justice",
        include_str!("../migrations/postgres/0010_justice.sql"),
    ),
    (
        11,
        "repatriation",
        include_str!("../migrations/postgres/0011_repatriation.sql"),
    ),
    (
        12,
        "repatriation_end",
        include_str!("../migrations/postgres/0012_repatriation_end.sql"),
    ),
    (
        13,
        "victim_case_kept",
        include_str!("../migrations/postgres/0013_victim_case_kept.sql"),
    ),
    (
        14,
        "sealed_justifications_and_refusals",
        include_str!("../migrations/postgres/0014_sealed_justifications.sql"),
    ),
    (
        15,
        "erasure_reason",
        include_str!("../migrations/postgres/0015_erasure_reason.sql"),
    ),
    (
        16,
        "search_scope",
        include_str!("../migrations/postgres/0016_search_scope.sql"),
    ),
    (
        17,
        "kept_work",
        include_str!("../migrations/postgres/0017_kept_work.sql"),
    ),
];

fn migrator(list: &[(i64, &'static str, &'static str)]) -> Migrator {
    Migrator::with_migrations(
        list.iter()
            .map(|&(version, description, sql)| {
                Migration::new(
                    version,
                    Cow::Borrowed(description),
                    MigrationType::Simple,
                    AssertSqlSafe(sql).into_sql_str(),
                    false,
                )
            })
            .collect(),
    )
}

pub(crate) async fn run(pools: &Pools) -> Result<(), StoreError> {
    match pools {
        Pools::Sqlite { write, .. } => migrator(SQLITE).run(write).await?,
        Pools::Pg(p) => migrator(POSTGRES).run(p).await?,
    }
    Ok(())
}
