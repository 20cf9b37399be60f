//! Reads. Sealed fields are opened with the child's key; an erased child reads as erased.

use pelita_domain::agency::Sector;
use pelita_domain::case::{
    Case, CaseReference, CaseStatus, Circumstances, Priority, PriorityLevel, VictimStatus,
};
use pelita_domain::identity::ChildIdentity;
use pelita_domain::role::Role;
use pelita_domain::text::NoteText;

use crate::crypto::ChildKey;
use crate::db::{Row, args};
use crate::{
    Agency, CaseRecord, ChildRecord, NoteRecord, Readable, Store, StoreError, User, from_micros,
};

/// The priority's reason, sealed with the child's key; empty without the key (erased).
pub(crate) fn open_priority(
    key: Option<&ChildKey>,
    sealed: Option<Vec<u8>>,
) -> Result<String, StoreError> {
    match (key, sealed) {
        (Some(k), Some(sealed)) => {
            String::from_utf8(k.open("priority", &sealed)?).map_err(|_| StoreError::Corrupt)
        }
        _ => Ok(String::new()),
    }
}

/// Builds the domain case from columns: reference, status, priority, priority_sealed, agency_id,
/// assigned_to, victim_since, reopened. Without a key (erased child) the reason reads empty.
pub(crate) fn case_from_row(row: &Row, key: Option<&ChildKey>) -> Result<Case, StoreError> {
    let reference = CaseReference::parse(&row.text(0)?).ok_or(StoreError::Corrupt)?;
    let status = CaseStatus::parse(&row.text(1)?).ok_or(StoreError::Corrupt)?;
    let level = PriorityLevel::parse(&row.text(2)?).ok_or(StoreError::Corrupt)?;
    let reason = open_priority(key, row.opt_bytes(3)?)?;
    let victim = match row.opt_i64(6)? {
        Some(us) => VictimStatus::Recognised {
            since: from_micros(us),
        },
        None => VictimStatus::NotRecorded,
    };
    Ok(Case::restore(
        reference,
        status,
        Priority { level, reason },
        row.text(4)?,
        row.opt_text(5)?,
        victim,
        row.i64(7)?.max(0) as u32,
    ))
}

impl Store {
    /// The child's key, or the time of erasure.
    pub(crate) async fn key_of(&self, child_id: &str) -> Result<Result<ChildKey, i64>, StoreError> {
        let row = self
            .pools
            .row(
                "SELECT wrapped_key, erased_at FROM children WHERE id = $1",
                args![child_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(match row.opt_bytes(0)? {
            Some(w) => Ok(self.keys.unwrap_child_key(child_id, &w)?),
            None => Err(row.opt_i64(1)?.unwrap_or(0)),
        })
    }

    /// The key of the child of a case, in one query: what every sealed part of a case is
    /// opened with.
    pub(crate) async fn case_key(
        &self,
        case_id: &str,
    ) -> Result<Result<ChildKey, i64>, StoreError> {
        let row = self
            .pools
            .row(
                "SELECT ch.id, ch.wrapped_key, ch.erased_at FROM cases c \
                 JOIN children ch ON ch.id = c.child_id WHERE c.id = $1",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(match row.opt_bytes(1)? {
            Some(w) => Ok(self.keys.unwrap_child_key(&row.text(0)?, &w)?),
            None => Err(row.opt_i64(2)?.unwrap_or(0)),
        })
    }

    /// A child's identity from its stored columns: wrapped key, sealed identity, erasure time.
    pub(crate) fn open_identity(
        &self,
        child_id: &str,
        wrapped: Option<Vec<u8>>,
        sealed: Option<Vec<u8>>,
        erased_at: Option<i64>,
    ) -> Result<Readable<ChildIdentity>, StoreError> {
        Ok(match (wrapped, sealed) {
            (Some(w), Some(sealed)) => {
                let plain = self
                    .keys
                    .unwrap_child_key(child_id, &w)?
                    .open("identity", &sealed)?;
                Readable::Present(serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt)?)
            }
            _ => Readable::Erased {
                at: from_micros(erased_at.unwrap_or(0)),
            },
        })
    }

    pub(crate) async fn child(&self, child_id: &str) -> Result<ChildRecord, StoreError> {
        let row = self
            .pools
            .row(
                "SELECT wrapped_key, identity_sealed, created_at, erased_at FROM children WHERE id = $1",
                args![child_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let identity = self.open_identity(
            child_id,
            row.opt_bytes(0)?,
            row.opt_bytes(1)?,
            row.opt_i64(3)?,
        )?;
        Ok(ChildRecord {
            id: child_id.to_owned(),
            identity,
            created_at: from_micros(row.i64(2)?),
        })
    }

    pub(crate) async fn case(&self, case_id: &str) -> Result<CaseRecord, StoreError> {
        let row = self
            .pools
            .row(
                "SELECT reference, status, priority, priority_sealed, agency_id, assigned_to, victim_since, \
                 reopened, child_id, circumstances_sealed, version, created_at, updated_at \
                 FROM cases WHERE id = $1",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        let child_id = row.text(8)?;
        let key = self.key_of(&child_id).await?;
        Ok(CaseRecord {
            id: case_id.to_owned(),
            case: case_from_row(&row, key.as_ref().ok())?,
            child_id,
            version: row.i64(10)?,
            created_at: from_micros(row.i64(11)?),
            updated_at: from_micros(row.i64(12)?),
        })
    }

    pub(crate) async fn circumstances(
        &self,
        case_id: &str,
    ) -> Result<Readable<Option<Circumstances>>, StoreError> {
        let row = self
            .pools
            .row(
                "SELECT child_id, circumstances_sealed FROM cases WHERE id = $1",
                args![case_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(match self.key_of(&row.text(0)?).await? {
            Ok(k) => Readable::Present(match row.opt_bytes(1)? {
                Some(sealed) => Some(
                    serde_json::from_slice::<Circumstances>(&k.open("circumstances", &sealed)?)
                        .map_err(|_| StoreError::Corrupt)?,
                ),
                None => None,
            }),
            Err(at) => Readable::Erased {
                at: from_micros(at),
            },
        })
    }

    /// The children erased in this deployment (ids only), to repeat after restoring an older
    /// backup.
    pub async fn erasures(&self) -> Result<Vec<String>, StoreError> {
        self.pools
            .rows("SELECT child_id FROM erasures ORDER BY erased_at", args![])
            .await?
            .iter()
            .map(|r| r.text(0))
            .collect()
    }

    pub async fn case_id_by_reference(&self, reference: &str) -> Result<String, StoreError> {
        self.pools
            .row(
                "SELECT id FROM cases WHERE reference = $1",
                args![reference],
            )
            .await?
            .ok_or(StoreError::NotFound)?
            .text(0)
    }

    pub async fn cases_of_child(&self, child_id: &str) -> Result<Vec<String>, StoreError> {
        self.pools
            .rows(
                "SELECT id FROM cases WHERE child_id = $1 ORDER BY created_at",
                args![child_id],
            )
            .await?
            .iter()
            .map(|r| r.text(0))
            .collect()
    }

    pub(crate) async fn notes(
        &self,
        case_id: &str,
        key: &Result<crate::crypto::ChildKey, i64>,
    ) -> Result<Vec<NoteRecord>, StoreError> {
        let rows = self
            .pools
            .rows(
                "SELECT id, author, body_sealed, created_at, section FROM case_notes WHERE case_id = $1 ORDER BY created_at, id",
                args![case_id],
            )
            .await?;
        rows.iter()
            .map(|r| {
                let id = r.text(0)?;
                let body = match (key, r.opt_bytes(2)?) {
                    (Ok(k), Some(sealed)) => {
                        let plain = k.open(&format!("note/{id}"), &sealed)?;
                        let text = String::from_utf8(plain).map_err(|_| StoreError::Corrupt)?;
                        Readable::Present(NoteText::parse(&text).map_err(|_| StoreError::Corrupt)?)
                    }
                    (Err(at), _) => Readable::Erased {
                        at: from_micros(*at),
                    },
                    (Ok(_), None) => return Err(StoreError::Corrupt),
                };
                Ok(NoteRecord {
                    id,
                    author: r.text(1)?,
                    body,
                    created_at: from_micros(r.i64(3)?),
                    section: pelita_domain::policy::Section::parse(&r.text(4)?)
                        .ok_or(StoreError::Corrupt)?,
                })
            })
            .collect()
    }

    pub async fn agencies(&self) -> Result<Vec<Agency>, StoreError> {
        let rows = self
            .pools
            .rows(
                "SELECT id, code, name, sector, jurisdiction FROM agencies ORDER BY code",
                args![],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(Agency {
                    id: r.text(0)?,
                    code: r.text(1)?,
                    name: r.text(2)?,
                    sector: Sector::parse(&r.text(3)?).ok_or(StoreError::Corrupt)?,
                    jurisdiction: r.text(4)?,
                })
            })
            .collect()
    }

    /// A user and their password hash, for sign-in.
    pub async fn user_by_username(
        &self,
        username: &str,
    ) -> Result<Option<(User, String)>, StoreError> {
        let Some(r) = self
            .pools
            .row(
                "SELECT id, username, display_name, role, agency_id, disabled, password_hash \
                 FROM users WHERE username = $1",
                args![username],
            )
            .await?
        else {
            return Ok(None);
        };
        let user = User {
            id: r.text(0)?,
            username: r.text(1)?,
            display_name: r.text(2)?,
            role: Role::parse(&r.text(3)?).ok_or(StoreError::Corrupt)?,
            agency_id: r.opt_text(4)?,
            disabled: r.i64(5)? != 0,
        };
        Ok(Some((user, r.text(6)?)))
    }

    /// Counts for status pages and progress: (children, cases, audit events).
    pub async fn counts(&self) -> Result<(i64, i64, i64), StoreError> {
        let r = self
            .pools
            .row(
                "SELECT (SELECT count(*) FROM children), (SELECT count(*) FROM cases), \
                 (SELECT coalesce(max(seq), 0) FROM audit_head)",
                args![],
            )
            .await?
            .ok_or(StoreError::Corrupt)?;
        Ok((r.i64(0)?, r.i64(1)?, r.i64(2)?))
    }

    /// Cheap liveness check for `/healthz`.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.pools.row("SELECT 1", args![]).await?;
        Ok(())
    }
}
