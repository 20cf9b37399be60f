//! Accounts and agencies: creating them, and what an administrator or the account's owner
//! changes (password, language, role, second factor, access).

use pelita_domain::case::CaseReference;
use pelita_domain::role::Role;
use serde_json::json;

use crate::db::{Row, args};
use crate::writer::{Reply, Write, new_id};
use crate::{Actor, NewAgency, NewUser, Store, StoreError, User};

/// The writes to accounts and agencies.
pub(crate) enum UserCommand {
    CreateAgency(NewAgency, Reply<String>),
    CreateUser(NewUser, Reply<String>),
    /// The account, the new hash, and the session to keep (the owner's own, signed in).
    SetPassword(String, String, Option<Vec<u8>>),
    SetLanguage(String, String),
    SetDisabled(String, bool),
    ResetSecondFactor(String),
    SetRole(String, Role),
}

impl UserCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        let now = w.now;
        match self {
            UserCommand::CreateAgency(a, reply) => {
                reply.keep(w.create_agency(a).await?);
                Ok(())
            }
            UserCommand::CreateUser(u, reply) => {
                reply.keep(w.create_user(u).await?);
                Ok(())
            }
            UserCommand::SetPassword(user, hash, keep) => {
                w.change_user(
                    user,
                    "UPDATE users SET password_hash = $1 WHERE id = $2",
                    args![hash.as_str(), user.as_str()],
                    false,
                )
                .await?;
                // Whoever knew the old password is signed out with it, in the same
                // transaction: every session of the account but the one that changed it.
                let ended =
                    w.tx.exec(
                        "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
                        args![user.as_str(), keep.clone().unwrap_or_default()],
                    )
                    .await?;
                w.audit("user.password", user, json!({ "sessions_ended": ended }))
                    .await?;
                Ok(())
            }
            UserCommand::SetLanguage(user, lang) => {
                w.change_user(
                    user,
                    "UPDATE users SET language = $1 WHERE id = $2",
                    args![lang.as_str(), user.as_str()],
                    false,
                )
                .await?;
                w.audit("user.language", user, json!({ "language": lang.as_str() }))
                    .await?;
                Ok(())
            }
            UserCommand::ResetSecondFactor(user) => {
                w.change_user(
                    user,
                    "UPDATE users SET totp_sealed = NULL, totp_last_step = 0 WHERE id = $1",
                    args![user.as_str()],
                    true,
                )
                .await?;
                w.audit("user.totp_reset", user, json!({})).await?;
                Ok(())
            }
            UserCommand::SetRole(user, role) => {
                w.change_user(
                    user,
                    "UPDATE users SET role = $1 WHERE id = $2",
                    args![role.as_str(), user.as_str()],
                    true,
                )
                .await?;
                w.audit("user.role", user, json!({ "role": role.as_str() }))
                    .await?;
                Ok(())
            }
            UserCommand::SetDisabled(user, disabled) => {
                w.change_user(
                    user,
                    "UPDATE users SET disabled = $1 WHERE id = $2",
                    args![i64::from(*disabled), user.as_str()],
                    *disabled,
                )
                .await?;
                if *disabled {
                    w.tx
                        .exec("UPDATE access_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL", args![now, user.as_str()])
                        .await?;
                }
                w.audit("user.disabled", user, json!({"disabled": disabled}))
                    .await?;
                Ok(())
            }
        }
    }
}

pub(crate) fn user_from(r: &Row, at: usize) -> Result<User, StoreError> {
    Ok(User {
        id: r.text(at)?,
        username: r.text(at + 1)?,
        display_name: r.text(at + 2)?,
        role: Role::parse(&r.text(at + 3)?).ok_or(StoreError::Corrupt)?,
        agency_id: r.opt_text(at + 4)?,
        disabled: r.i64(at + 5)? != 0,
    })
}

pub(crate) const USER_COLUMNS: &str =
    "u.id, u.username, u.display_name, u.role, u.agency_id, u.disabled";

impl Store {
    pub async fn create_agency(&self, actor: &Actor, a: NewAgency) -> Result<String, StoreError> {
        self.ask(actor, |reply| UserCommand::CreateAgency(a, reply))
            .await
    }

    pub async fn create_user(&self, actor: &Actor, u: NewUser) -> Result<String, StoreError> {
        self.ask(actor, |reply| UserCommand::CreateUser(u, reply))
            .await
    }

    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.username");
        self.pools
            .rows(&sql, args![])
            .await?
            .iter()
            .map(|r| user_from(r, 0))
            .collect()
    }

    pub async fn user(&self, id: &str) -> Result<User, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
        user_from(
            &self
                .pools
                .row(&sql, args![id])
                .await?
                .ok_or(StoreError::NotFound)?,
            0,
        )
    }

    pub async fn user_language(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .pools
            .row("SELECT language FROM users WHERE id = $1", args![id])
            .await?
            .map(|r| r.opt_text(0))
            .transpose()?
            .flatten())
    }

    /// What every page needs of its reader, in one read on the request's path: the language
    /// they chose (none: the browser's) and the zone they work in — their agency's
    /// jurisdiction's, or the deployment's override of it; none for an account of no agency.
    pub async fn reader_settings(
        &self,
        id: &str,
    ) -> Result<(Option<String>, Option<chrono_tz::Tz>), StoreError> {
        let Some(r) = self
            .pools
            .row(
                "SELECT u.language, a.jurisdiction, (SELECT o.value FROM jurisdiction_overrides o \
                 WHERE o.code = a.jurisdiction AND o.key = 'time_zone') \
                 FROM users u LEFT JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1",
                args![id],
            )
            .await?
        else {
            return Ok((None, None));
        };
        let zone = match (r.opt_text(1)?, r.opt_text(2)?) {
            (_, Some(overridden)) => overridden.parse().ok(),
            (Some(code), None) => pelita_domain::justice::Jurisdiction::for_code(&code)
                .tz()
                .ok(),
            (None, None) => None,
        };
        Ok((r.opt_text(0)?, zone))
    }

    /// Sets an account's password and ends its sessions, all but `keep` (the session of the
    /// owner who changed it); an administrator's reset ends them all.
    pub async fn set_password(
        &self,
        actor: &Actor,
        user_id: &str,
        hash: String,
        keep: Option<&str>,
    ) -> Result<(), StoreError> {
        let keep = keep.map(|t| self.keys.token_hash(t));
        self.submit(
            actor,
            UserCommand::SetPassword(user_id.to_owned(), hash, keep),
        )
        .await?;
        Ok(())
    }

    pub async fn set_language(
        &self,
        actor: &Actor,
        user_id: &str,
        lang: &str,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            UserCommand::SetLanguage(user_id.to_owned(), lang.to_owned()),
        )
        .await?;
        Ok(())
    }

    /// Clears a user's second factor (a lost phone): they enrol again at their next sign-in.
    /// Their sessions end.
    pub async fn reset_second_factor(
        &self,
        actor: &Actor,
        user_id: &str,
    ) -> Result<(), StoreError> {
        self.submit(actor, UserCommand::ResetSecondFactor(user_id.to_owned()))
            .await?;
        Ok(())
    }

    /// Changes a user's role; their sessions end so the new role applies at once.
    pub async fn set_role(
        &self,
        actor: &Actor,
        user_id: &str,
        role: Role,
    ) -> Result<(), StoreError> {
        self.submit(actor, UserCommand::SetRole(user_id.to_owned(), role))
            .await?;
        Ok(())
    }

    /// Disabling a user ends their sessions and tokens at once.
    pub async fn set_disabled(
        &self,
        actor: &Actor,
        user_id: &str,
        disabled: bool,
    ) -> Result<(), StoreError> {
        self.submit(
            actor,
            UserCommand::SetDisabled(user_id.to_owned(), disabled),
        )
        .await?;
        Ok(())
    }

    /// The account `user_id` as the database knows it, to act as: for the operator's tools
    /// (demo data, the benchmark, tests), never for a request (a test in `pelita-web` keeps it
    /// so). An unknown or disabled account cannot act.
    pub async fn act_as(&self, user_id: &str) -> Result<Actor, StoreError> {
        let user = self.user(user_id).await?;
        if user.disabled {
            return Err(StoreError::Forbidden);
        }
        Ok(Actor::account(&user.id, user.role))
    }
}

impl Write<'_> {
    async fn create_agency(&mut self, a: &NewAgency) -> Result<String, StoreError> {
        let code = CaseReference::agency_code(&a.code)?;
        let name = pelita_domain::text::clean("agency name", &a.name, 200, false)?;
        let id = new_id();
        let taken = self
            .tx
            .row(
                "SELECT 1 FROM agencies WHERE code = $1",
                args![code.as_str()],
            )
            .await?;
        if taken.is_some() {
            return Err(StoreError::Conflict("an agency with that code exists"));
        }
        self.tx
            .exec(
                "INSERT INTO agencies (id, code, name, sector, jurisdiction, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                args![
                    id.as_str(),
                    code.as_str(),
                    name,
                    a.sector.as_str(),
                    a.jurisdiction.as_str(),
                    self.now
                ],
            )
            .await?;
        self.audit(
            "agency.create",
            &id,
            json!({"code": code, "sector": a.sector.as_str()}),
        )
        .await?;
        Ok(id)
    }

    async fn create_user(&mut self, u: &NewUser) -> Result<String, StoreError> {
        let username = pelita_domain::text::clean("username", &u.username, 64, false)?;
        let display = pelita_domain::text::clean("display name", &u.display_name, 200, false)?;
        let taken = self
            .tx
            .row(
                "SELECT 1 FROM users WHERE username = $1",
                args![username.as_str()],
            )
            .await?;
        if taken.is_some() {
            return Err(StoreError::Conflict("that username is taken"));
        }
        let id = new_id();
        self.tx
            .exec(
                "INSERT INTO users (id, username, display_name, role, agency_id, password_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                args![id.as_str(), username, display, u.role.as_str(), u.agency_id.clone(), u.password_hash.as_str(), self.now],
            )
            .await?;
        self.audit(
            "user.create",
            &id,
            json!({"role": u.role.as_str(), "agency": u.agency_id}),
        )
        .await?;
        Ok(id)
    }

    /// Changes a user's account; `NotFound` when there is no such user. With `end_sessions`
    /// the user is signed out everywhere (a role, a second factor or access changed).
    async fn change_user(
        &mut self,
        user: &str,
        sql: &str,
        args: Vec<crate::db::Val>,
        end_sessions: bool,
    ) -> Result<(), StoreError> {
        if self.tx.exec(sql, args).await? == 0 {
            return Err(StoreError::NotFound);
        }
        if end_sessions {
            self.tx
                .exec("DELETE FROM sessions WHERE user_id = $1", args![user])
                .await?;
        }
        Ok(())
    }
}
