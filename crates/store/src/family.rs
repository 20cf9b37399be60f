//! The child's household and family members (the family section), sealed with the child's
//! key. Where the child lives is kept in the clear as well, for the family-based care
//! indicator.

use chrono::{DateTime, Utc};
use pelita_domain::family::Household;
use pelita_domain::policy::{Grant, Section};
use serde_json::json;

use crate::db::args;
use crate::writer::Write;
use crate::{Actor, Readable, Store, StoreError, from_micros};

#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdRecord {
    pub household: Readable<Household>,
    pub updated_by: String,
    pub updated_at: DateTime<Utc>,
}

/// The writes of the family section.
pub(crate) enum FamilyCommand {
    SaveHousehold(String, Box<pelita_domain::family::Household>),
}

impl FamilyCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        match self {
            FamilyCommand::SaveHousehold(case, h) => w.save_household(case, h).await?,
        }
        Ok(())
    }
}

impl Store {
    /// Saves the household (replacing the previous record; its history is in the audit chain).
    pub async fn save_household(
        &self,
        actor: &Actor,
        case_id: &str,
        h: Household,
    ) -> Result<(), StoreError> {
        h.validate()?;
        self.submit(
            actor,
            FamilyCommand::SaveHousehold(case_id.into(), Box::new(h)),
        )
        .await?;
        Ok(())
    }

    /// The household through a grant for the family section; the read is logged.
    pub async fn read_household(
        &self,
        grant: &Grant,
    ) -> Result<Option<HouseholdRecord>, StoreError> {
        Store::expect(grant, Section::Family)?;
        self.log_access(&[grant]).await?;
        let key = self.case_key(grant.case_id()).await?;
        self.household(grant.case_id(), &key).await
    }

    pub(crate) async fn household(
        &self,
        case_id: &str,
        key: &Result<crate::crypto::ChildKey, i64>,
    ) -> Result<Option<HouseholdRecord>, StoreError> {
        let Some(r) = self
            .pools
            .row(
                "SELECT household_sealed, updated_by, updated_at FROM households WHERE case_id = $1",
                args![case_id],
            )
            .await?
        else {
            return Ok(None);
        };
        let household = match key {
            Ok(k) => Readable::Present(
                serde_json::from_slice(&k.open(&format!("household/{case_id}"), &r.bytes(0)?)?)
                    .map_err(|_| StoreError::Corrupt)?,
            ),
            Err(at) => Readable::Erased {
                at: from_micros(*at),
            },
        };
        Ok(Some(HouseholdRecord {
            household,
            updated_by: r.text(1)?,
            updated_at: from_micros(r.i64(2)?),
        }))
    }
}

impl Write<'_> {
    pub(crate) async fn save_household(
        &mut self,
        case_id: &str,
        h: &Household,
    ) -> Result<(), StoreError> {
        let (_, _, key) = self.load_case(case_id).await?;
        let sealed = key.seal(
            &format!("household/{case_id}"),
            &serde_json::to_vec(h).expect("households serialise"),
        );
        let living = h.living.map(|l| l.as_str().to_owned());
        let updated = self
            .tx
            .exec(
                "UPDATE households SET living = $1, household_sealed = $2, updated_by = $3, \
                 updated_at = $4 WHERE case_id = $5",
                args![
                    living.clone(),
                    sealed.clone(),
                    self.actor.id.as_str(),
                    self.now,
                    case_id
                ],
            )
            .await?;
        if updated == 0 {
            self.tx
                .exec(
                    "INSERT INTO households (case_id, living, household_sealed, updated_by, updated_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                    args![case_id, living.clone(), sealed, self.actor.id.as_str(), self.now],
                )
                .await?;
        }
        self.audit(
            "household.save",
            case_id,
            json!({"members": h.members.len(), "caregivers": h.caregivers().count(),
                   "living": living}),
        )
        .await?;
        Ok(())
    }
}
