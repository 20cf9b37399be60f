//! Work typed but not yet saved: a form posted after its author's session had expired, kept
//! for them to send once they sign in again, and drafts of long forms saved while they type.
//!
//! Both belong to one account (the actor who kept them; reads name the same actor), are
//! sealed — with the child's key when they concern a case, bound to the person and the record,
//! so erasure both deletes them and leaves any copy unreadable; with the system key otherwise —
//! and expire: a kept form after [`KEPT_HOURS`], a draft after [`DRAFT_DAYS`]. Expired rows are
//! never read and are deleted at the next write of their kind.
//!
//! Keeping a form, sending or discarding it, starting and ending a draft are audited; the saves
//! of a draft that already exists are not (bookkeeping like a session's last-seen time: one
//! event every 15 seconds of typing would bury the chain).

use chrono::{DateTime, Utc};
use pelita_domain::DomainError;
use serde_json::json;

use crate::crypto::ChildKey;
use crate::db::args;
use crate::writer::{Reply, Write};
use crate::{Actor, Store, StoreError, from_micros, micros};

/// How long a form posted after its session expired is kept: a working day.
pub const KEPT_HOURS: i64 = 8;
/// How long a draft is kept after its last save.
pub const DRAFT_DAYS: i64 = 7;
/// The largest form kept or drafted, as its fields' JSON (the web refuses larger bodies).
pub const MAX_KEPT_BYTES: usize = 64 * 1024;
/// Kept forms per person: the newest; a sixth replaces the oldest.
pub const MAX_KEPT_PER_USER: i64 = 5;
/// The longest path a kept form is sent back to.
const MAX_PATH: usize = 512;

/// A form kept after its session expired, as its author reads it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub id: String,
    /// Where it was posted (a local path).
    pub path: String,
    /// The fields as posted, in order, without the old session's CSRF token.
    pub fields: Vec<(String, String)>,
    pub kept_at: DateTime<Utc>,
    /// The case its path names, when it names one.
    pub case_id: Option<String>,
}

/// A draft of a long form, as its author reads it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub fields: Vec<(String, String)>,
    pub saved_at: DateTime<Utc>,
}

/// The writes of kept forms and drafts.
pub(crate) enum DraftCommand {
    Keep {
        case_id: Option<String>,
        payload: Payload,
        reply: Reply<String>,
    },
    /// Deleted: sent again (`used`) or discarded; answers whether there was one.
    DropKept {
        id: String,
        used: bool,
        reply: Reply<bool>,
    },
    Save {
        case_id: String,
        form: String,
        plain: Vec<u8>,
    },
    /// Deleted: the form was saved (`saved`) or the draft discarded; answers whether there
    /// was one.
    Discard {
        case_id: String,
        form: String,
        saved: bool,
        reply: Reply<bool>,
    },
}

/// A kept form before sealing, with the id the store chose for it (the seal binds it).
pub(crate) struct Payload {
    id: String,
    plain: Vec<u8>,
    fields: usize,
}

impl DraftCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        // Work kept for someone is theirs: the operator and the system keep none.
        if w.actor.is_operator() {
            return Err(StoreError::Forbidden);
        }
        match self {
            DraftCommand::Keep {
                case_id,
                payload,
                reply,
            } => reply.keep(w.keep(case_id.as_deref(), payload).await?),
            DraftCommand::DropKept { id, used, reply } => reply.keep(w.drop_kept(id, *used).await?),
            DraftCommand::Save {
                case_id,
                form,
                plain,
            } => w.save_draft(case_id, form, plain).await?,
            DraftCommand::Discard {
                case_id,
                form,
                saved,
                reply,
            } => reply.keep(w.discard_draft(case_id, form, *saved).await?),
        }
        Ok(())
    }
}

fn kept_field(user: &str, id: &str) -> String {
    format!("kept/{user}/{id}")
}

fn draft_field(user: &str, form: &str) -> String {
    format!("draft/{user}/{form}")
}

/// Fields as stored: a JSON list of pairs, within the size limit.
fn encode(fields: &[(String, String)]) -> Result<Vec<u8>, StoreError> {
    let plain = serde_json::to_vec(fields).expect("strings serialise");
    if plain.len() > MAX_KEPT_BYTES {
        return Err(DomainError::TooLong {
            field: "form",
            max: MAX_KEPT_BYTES,
        }
        .into());
    }
    Ok(plain)
}

/// A form's name as drafts know it: a short lowercase word (`assessment`, `plan` …).
fn check_form(form: &str) -> Result<(), StoreError> {
    let ok = (1..=40).contains(&form.len())
        && form
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(DomainError::Invalid { field: "form" }.into())
    }
}

/// A path on this site: one leading slash, printable ASCII (anything else stays
/// percent-encoded), not too long.
fn check_path(path: &str) -> Result<(), StoreError> {
    let ok = path.len() <= MAX_PATH
        && path.starts_with('/')
        && !path.starts_with("//")
        && path.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    if ok {
        Ok(())
    } else {
        Err(DomainError::Invalid { field: "path" }.into())
    }
}

impl Store {
    /// Keeps a form posted after `actor`'s session expired, for them alone, for
    /// [`KEPT_HOURS`]; answers its opaque id. `case_id` is the case its path names (by the case
    /// or one of its records), which seals it with the child's key; a case that does not exist
    /// is not one. The oldest of more than [`MAX_KEPT_PER_USER`] is deleted.
    pub async fn keep_submission(
        &self,
        actor: &Actor,
        case_id: Option<&str>,
        path: &str,
        fields: Vec<(String, String)>,
    ) -> Result<String, StoreError> {
        check_path(path)?;
        encode(&fields)?;
        let count = fields.len();
        let plain = serde_json::to_vec(&json!({"path": path, "fields": fields}))
            .expect("strings serialise");
        let payload = Payload {
            id: crate::random_token(),
            plain,
            fields: count,
        };
        self.ask(actor, |reply| DraftCommand::Keep {
            case_id: case_id.map(str::to_owned),
            payload,
            reply,
        })
        .await
    }

    /// A form kept for `actor`, unless it expired, was used or is someone else's.
    pub async fn kept_submission(
        &self,
        actor: &Actor,
        id: &str,
    ) -> Result<Option<Kept>, StoreError> {
        let Some(r) = self
            .pools
            .row(
                "SELECT body_sealed, case_id, created_at FROM kept_submissions \
                 WHERE id = $1 AND user_id = $2 AND expires_at > $3",
                args![id, actor.id(), micros(self.now())],
            )
            .await?
        else {
            return Ok(None);
        };
        let case_id = r.opt_text(1)?;
        let field = kept_field(actor.id(), id);
        let Some(plain) = self
            .open_for(case_id.as_deref(), &field, &r.bytes(0)?)
            .await?
        else {
            return Ok(None);
        };
        #[derive(serde::Deserialize)]
        struct Body {
            path: String,
            fields: Vec<(String, String)>,
        }
        let body: Body = serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt)?;
        Ok(Some(Kept {
            id: id.to_owned(),
            path: body.path,
            fields: body.fields,
            kept_at: from_micros(r.i64(2)?),
            case_id,
        }))
    }

    /// The id of the newest form kept for `actor`, if one is waiting.
    pub async fn latest_kept(&self, actor: &Actor) -> Result<Option<String>, StoreError> {
        self.pools
            .row(
                "SELECT id FROM kept_submissions WHERE user_id = $1 AND expires_at > $2 \
                 ORDER BY created_at DESC, id DESC LIMIT 1",
                args![actor.id(), micros(self.now())],
            )
            .await?
            .map(|r| r.text(0))
            .transpose()
    }

    /// Deletes a form kept for `actor`: sent again (`used`) or discarded. False when there
    /// was none (already used, expired, someone else's).
    pub async fn drop_kept(&self, actor: &Actor, id: &str, used: bool) -> Result<bool, StoreError> {
        self.ask(actor, |reply| DraftCommand::DropKept {
            id: id.to_owned(),
            used,
            reply,
        })
        .await
    }

    /// Saves `actor`'s draft of `form` on a case (replacing the last one) for [`DRAFT_DAYS`].
    pub async fn save_draft(
        &self,
        actor: &Actor,
        case_id: &str,
        form: &str,
        fields: &[(String, String)],
    ) -> Result<(), StoreError> {
        check_form(form)?;
        let plain = encode(fields)?;
        self.submit(
            actor,
            DraftCommand::Save {
                case_id: case_id.to_owned(),
                form: form.to_owned(),
                plain,
            },
        )
        .await
    }

    /// `actor`'s draft of `form` on a case, unless it expired.
    pub async fn draft(
        &self,
        actor: &Actor,
        case_id: &str,
        form: &str,
    ) -> Result<Option<Draft>, StoreError> {
        let Some(r) = self
            .pools
            .row(
                "SELECT fields_sealed, saved_at FROM drafts \
                 WHERE user_id = $1 AND case_id = $2 AND form = $3 AND expires_at > $4",
                args![actor.id(), case_id, form, micros(self.now())],
            )
            .await?
        else {
            return Ok(None);
        };
        let field = draft_field(actor.id(), form);
        let Some(plain) = self.open_for(Some(case_id), &field, &r.bytes(0)?).await? else {
            return Ok(None);
        };
        Ok(Some(Draft {
            fields: serde_json::from_slice(&plain).map_err(|_| StoreError::Corrupt)?,
            saved_at: from_micros(r.i64(1)?),
        }))
    }

    /// Deletes `actor`'s draft of `form` on a case: the form was saved (`saved`) or the draft
    /// discarded. False when there was none.
    pub async fn discard_draft(
        &self,
        actor: &Actor,
        case_id: &str,
        form: &str,
        saved: bool,
    ) -> Result<bool, StoreError> {
        self.ask(actor, |reply| DraftCommand::Discard {
            case_id: case_id.to_owned(),
            form: form.to_owned(),
            saved,
            reply,
        })
        .await
    }

    /// Opens a kept form or draft: with the child's key when it concerns a case (`None` once
    /// the child is erased), with the system key otherwise.
    async fn open_for(
        &self,
        case_id: Option<&str>,
        field: &str,
        sealed: &[u8],
    ) -> Result<Option<Vec<u8>>, StoreError> {
        match case_id {
            Some(case) => match self.case_key(case).await? {
                Ok(key) => key.open(field, sealed).map(Some),
                Err(_erased) => Ok(None),
            },
            None => self.keys.open_system(field, sealed).map(Some),
        }
    }
}

impl Write<'_> {
    /// The key of the child of a case, when the case exists (`Erased` once it was erased).
    async fn key_of_case(&mut self, case_id: &str) -> Result<Option<ChildKey>, StoreError> {
        let Some(r) = self
            .tx
            .row("SELECT child_id FROM cases WHERE id = $1", args![case_id])
            .await?
        else {
            return Ok(None);
        };
        let (_, key) = self.child_key(&r.text(0)?).await?;
        Ok(Some(key))
    }

    /// Deletes what expired, of both kinds, so nothing outlives its time by more than the
    /// next write.
    async fn purge_expired(&mut self) -> Result<(), StoreError> {
        for sql in [
            "DELETE FROM kept_submissions WHERE expires_at <= $1",
            "DELETE FROM drafts WHERE expires_at <= $1",
        ] {
            self.tx.exec(sql, args![self.now]).await?;
        }
        Ok(())
    }

    async fn keep(&mut self, case_id: Option<&str>, p: &Payload) -> Result<String, StoreError> {
        self.purge_expired().await?;
        let user = self.actor.id.clone();
        let field = kept_field(&user, &p.id);
        let (case_id, sealed) = match case_id {
            Some(c) => match self.key_of_case(c).await? {
                Some(key) => (Some(c.to_owned()), key.seal(&field, &p.plain)),
                None => (None, self.keys.seal_system(&field, &p.plain)),
            },
            None => (None, self.keys.seal_system(&field, &p.plain)),
        };
        self.tx
            .exec(
                "INSERT INTO kept_submissions (id, user_id, case_id, body_sealed, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                args![
                    p.id.as_str(),
                    user.as_str(),
                    case_id.clone(),
                    sealed,
                    self.now,
                    self.now + KEPT_HOURS * 3_600_000_000
                ],
            )
            .await?;
        self.tx
            .exec(
                "DELETE FROM kept_submissions WHERE user_id = $1 AND id NOT IN \
                 (SELECT id FROM kept_submissions WHERE user_id = $1 \
                  ORDER BY created_at DESC, id DESC LIMIT $2)",
                args![user.as_str(), MAX_KEPT_PER_USER],
            )
            .await?;
        self.audit(
            "submission.keep",
            &user,
            json!({"kept": p.id, "case": case_id, "fields": p.fields}),
        )
        .await?;
        Ok(p.id.clone())
    }

    async fn drop_kept(&mut self, id: &str, used: bool) -> Result<bool, StoreError> {
        let user = self.actor.id.clone();
        let n = self
            .tx
            .exec(
                "DELETE FROM kept_submissions WHERE id = $1 AND user_id = $2",
                args![id, user.as_str()],
            )
            .await?;
        if n == 0 {
            return Ok(false);
        }
        let action = if used {
            "submission.resume"
        } else {
            "submission.discard"
        };
        self.audit(action, &user, json!({"kept": id})).await?;
        Ok(true)
    }

    async fn save_draft(
        &mut self,
        case_id: &str,
        form: &str,
        plain: &[u8],
    ) -> Result<(), StoreError> {
        self.purge_expired().await?;
        let user = self.actor.id.clone();
        let key = self
            .key_of_case(case_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        let sealed = key.seal(&draft_field(&user, form), plain);
        let expires = self.now + DRAFT_DAYS * 86_400_000_000;
        let updated = self
            .tx
            .exec(
                "UPDATE drafts SET fields_sealed = $1, saved_at = $2, expires_at = $3 \
                 WHERE user_id = $4 AND case_id = $5 AND form = $6",
                args![
                    sealed.clone(),
                    self.now,
                    expires,
                    user.as_str(),
                    case_id,
                    form
                ],
            )
            .await?;
        if updated == 0 {
            self.tx
                .exec(
                    "INSERT INTO drafts (user_id, case_id, form, fields_sealed, saved_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    args![user.as_str(), case_id, form, sealed, self.now, expires],
                )
                .await?;
            self.audit("draft.start", &user, json!({"case": case_id, "form": form}))
                .await?;
        }
        Ok(())
    }

    async fn discard_draft(
        &mut self,
        case_id: &str,
        form: &str,
        saved: bool,
    ) -> Result<bool, StoreError> {
        let user = self.actor.id.clone();
        let n = self
            .tx
            .exec(
                "DELETE FROM drafts WHERE user_id = $1 AND case_id = $2 AND form = $3",
                args![user.as_str(), case_id, form],
            )
            .await?;
        if n == 0 {
            return Ok(false);
        }
        self.audit(
            "draft.end",
            &user,
            json!({"case": case_id, "form": form, "saved": saved}),
        )
        .await?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::{check_form, check_path};

    #[test]
    fn only_local_paths_and_plain_form_names_are_kept() {
        for ok in ["/cases/abc/notes", "/register", "/proceedings/x?y=1"] {
            assert!(check_path(ok).is_ok(), "{ok}");
        }
        for bad in [
            "cases/abc",
            "//evil.example/x",
            "/a\\b",
            "/a b",
            "https://evil.example/",
            "",
        ] {
            assert!(check_path(bad).is_err(), "{bad}");
        }
        assert!(check_path(&format!("/{}", "a".repeat(512))).is_err());
        assert!(check_form("assessment").is_ok());
        for bad in ["", "Plan", "plan/x", "a b", &"x".repeat(41)] {
            assert!(check_form(bad).is_err(), "{bad}");
        }
    }
}
