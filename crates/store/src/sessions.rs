//! Signing in and staying signed in: sign-in failures and lockout, sessions, the second
//! factor (TOTP) and personal access tokens.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::db::args;
use crate::users::{USER_COLUMNS, user_from};
use crate::writer::{Reply, Write, new_id};
use crate::{Actor, Store, StoreError, User, from_micros, micros};

/// Failed sign-ins before an account is locked, and for how long.
pub const MAX_FAILURES: i64 = 5;
pub const LOCKOUT_MINUTES: i64 = 15;

/// What a personal access token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenScope {
    /// Reads only (GET, and searches).
    Read,
    ReadWrite,
}

impl TokenScope {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::ReadWrite => "read_write",
        }
    }
}
/// A signed-in session.
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    /// Made by the store from the session it found; see [`Actor`].
    actor: Actor,
    pub csrf: String,
    pub second_factor: bool,
    pub created_at: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    pub reauth_at: DateTime<Utc>,
    /// A short, non-secret label for listing sessions.
    pub label: String,
}

impl Session {
    /// Who acts in this session.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
}

/// The account behind a bearer token, and what the token may do.
#[derive(Debug, Clone)]
pub struct Bearer {
    pub user: User,
    pub scope: TokenScope,
    /// Made by the store from the token it found; see [`Actor`].
    actor: Actor,
}

impl Bearer {
    /// Who acts with this token.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
}

/// The writes of signing in, sessions, the second factor and tokens.
pub(crate) enum SessionCommand {
    LoginFailure(String),
    StartSession {
        token_hash: Vec<u8>,
        user_id: String,
        username: String,
        second_factor: bool,
        csrf: String,
    },
    TouchSession(Vec<u8>),
    EndSessions {
        user_id: Option<String>,
        token_hash: Option<Vec<u8>>,
        keep: Option<Vec<u8>>,
    },
    PassSecondFactor(Vec<u8>),
    Reauthenticated(Vec<u8>),
    SetTotp(String, Vec<u8>),
    /// Answers whether the step was still unused.
    UseTotpStep(String, i64, Reply<bool>),
    CreateToken {
        token_hash: Vec<u8>,
        user_id: String,
        label: String,
        scope: TokenScope,
        expires_at: Option<i64>,
    },
    RevokeTokens(String),
}

impl SessionCommand {
    pub(crate) async fn apply(&self, w: &mut Write<'_>) -> Result<(), StoreError> {
        let now = w.now;
        match self {
            SessionCommand::LoginFailure(username) => {
                let row =
                    w.tx.row(
                        "SELECT failures FROM login_failures WHERE username = $1",
                        args![username.as_str()],
                    )
                    .await?;
                let failures = row.map(|r| r.i64(0)).transpose()?.unwrap_or(0) + 1;
                let locked_until = if failures >= MAX_FAILURES {
                    now + LOCKOUT_MINUTES * 60_000_000
                } else {
                    0
                };
                w.tx
                    .exec(
                        "INSERT INTO login_failures (username, failures, locked_until, last_at) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, \
                         locked_until = excluded.locked_until, last_at = excluded.last_at",
                        args![username.as_str(), failures, locked_until, now],
                    )
                    .await?;
                w.audit(
                    "signin.failure",
                    "signin",
                    json!({"failures": failures, "locked": locked_until > 0}),
                )
                .await?;
                Ok(())
            }
            SessionCommand::StartSession {
                token_hash,
                user_id,
                username,
                second_factor,
                csrf,
            } => {
                w.tx.exec(
                    "DELETE FROM login_failures WHERE username = $1",
                    args![username.as_str()],
                )
                .await?;
                w.tx
                    .exec(
                        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen, reauth_at, second_factor, csrf) \
                         VALUES ($1, $2, $3, $3, $3, $4, $5)",
                        args![token_hash.clone(), user_id.as_str(), now, i64::from(*second_factor), csrf.as_str()],
                    )
                    .await?;
                w.audit(
                    "session.start",
                    user_id,
                    json!({"second_factor": second_factor}),
                )
                .await?;
                Ok(())
            }
            SessionCommand::TouchSession(h) => {
                w.tx.exec(
                    "UPDATE sessions SET last_seen = $1 WHERE token_hash = $2",
                    args![now, h.clone()],
                )
                .await?;
                Ok(())
            }
            SessionCommand::EndSessions {
                user_id,
                token_hash,
                keep,
            } => {
                let n = match (user_id, token_hash) {
                    (_, Some(h)) => {
                        w.tx.exec(
                            "DELETE FROM sessions WHERE token_hash = $1",
                            args![h.clone()],
                        )
                        .await?
                    }
                    (Some(u), None) => {
                        let keep = keep.clone().unwrap_or_default();
                        w.tx.exec(
                            "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
                            args![u.as_str(), keep],
                        )
                        .await?
                    }
                    (None, None) => 0,
                };
                w.audit("session.end", &w.actor.id.clone(), json!({"sessions": n}))
                    .await?;
                Ok(())
            }
            SessionCommand::PassSecondFactor(h) => {
                w.tx.exec(
                    "UPDATE sessions SET second_factor = 1, reauth_at = $1 WHERE token_hash = $2",
                    args![now, h.clone()],
                )
                .await?;
                w.audit("session.second_factor", &w.actor.id.clone(), json!({}))
                    .await?;
                Ok(())
            }
            SessionCommand::Reauthenticated(h) => {
                w.tx.exec(
                    "UPDATE sessions SET reauth_at = $1 WHERE token_hash = $2",
                    args![now, h.clone()],
                )
                .await?;
                w.audit("session.reauthenticate", &w.actor.id.clone(), json!({}))
                    .await?;
                Ok(())
            }
            SessionCommand::SetTotp(user, sealed) => {
                w.tx.exec(
                    "UPDATE users SET totp_sealed = $1, totp_last_step = 0 WHERE id = $2",
                    args![sealed.clone(), user.as_str()],
                )
                .await?;
                w.audit("user.totp_enrol", user, json!({})).await?;
                Ok(())
            }
            SessionCommand::UseTotpStep(user, step, reply) => {
                let n = w
                    .tx
                    .exec(
                        "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
                        args![*step, user.as_str()],
                    )
                    .await?;
                reply.keep(n == 1);
                Ok(())
            }
            SessionCommand::RevokeTokens(user) => {
                let n = w
                    .tx
                    .exec(
                        "UPDATE access_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
                        args![now, user.as_str()],
                    )
                    .await?;
                w.audit("token.revoke", user, json!({ "tokens": n }))
                    .await?;
                Ok(())
            }
            SessionCommand::CreateToken {
                token_hash,
                user_id,
                label,
                scope,
                expires_at,
            } => {
                let label = pelita_domain::text::clean("label", label, 100, false)?;
                let id = new_id();
                w.tx
                    .exec(
                        "INSERT INTO access_tokens (token_hash, id, user_id, label, scope, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        args![token_hash.clone(), id.as_str(), user_id.as_str(), label, scope.as_str(), now, *expires_at],
                    )
                    .await?;
                w.audit(
                    "token.create",
                    user_id,
                    json!({"token": id, "expires_at": expires_at}),
                )
                .await?;
                Ok(())
            }
        }
    }
}

impl Store {
    // ---- sign-in ----

    /// (failures, locked until) for a username, whether or not the account exists.
    pub async fn login_state(
        &self,
        username: &str,
    ) -> Result<(i64, Option<DateTime<Utc>>), StoreError> {
        let row = self
            .pools
            .row(
                "SELECT failures, locked_until FROM login_failures WHERE username = $1",
                args![username],
            )
            .await?;
        Ok(match row {
            Some(r) => {
                let until = r.i64(1)?;
                (
                    r.i64(0)?,
                    (until > micros(self.now())).then(|| from_micros(until)),
                )
            }
            None => (0, None),
        })
    }

    pub async fn record_login_failure(&self, username: &str) -> Result<(), StoreError> {
        self.submit(
            &Actor::operator("signin"),
            SessionCommand::LoginFailure(username.to_owned()),
        )
        .await?;
        Ok(())
    }

    /// Starts a session for `user`; returns the token for the cookie (never stored) and the
    /// session's CSRF token. Clears the sign-in failure count.
    pub async fn start_session(
        &self,
        user: &User,
        second_factor: bool,
    ) -> Result<(String, String), StoreError> {
        let token = crate::random_token();
        let csrf = crate::random_token();
        self.submit(
            &Actor::account(&user.id, user.role),
            SessionCommand::StartSession {
                token_hash: self.keys.token_hash(&token),
                user_id: user.id.clone(),
                username: user.username.clone(),
                second_factor,
                csrf: csrf.clone(),
            },
        )
        .await?;
        Ok((token, csrf))
    }

    pub async fn session(&self, token: &str) -> Result<Option<Session>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, s.csrf, s.second_factor, s.created_at, s.last_seen, s.reauth_at, s.token_hash \
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1"
        );
        let Some(r) = self
            .pools
            .row(&sql, args![self.keys.token_hash(token)])
            .await?
        else {
            return Ok(None);
        };
        let user = user_from(&r, 0)?;
        Ok(Some(Session {
            actor: Actor::account(&user.id, user.role),
            user,
            csrf: r.text(6)?,
            second_factor: r.i64(7)? != 0,
            created_at: from_micros(r.i64(8)?),
            last_seen: from_micros(r.i64(9)?),
            reauth_at: from_micros(r.i64(10)?),
            label: label(&r.bytes(11)?),
        }))
    }

    pub async fn sessions_of(
        &self,
        user_id: &str,
    ) -> Result<Vec<(String, DateTime<Utc>, DateTime<Utc>)>, StoreError> {
        self.pools
            .rows(
                "SELECT token_hash, created_at, last_seen FROM sessions WHERE user_id = $1 ORDER BY last_seen DESC",
                args![user_id],
            )
            .await?
            .iter()
            .map(|r| Ok((label(&r.bytes(0)?), from_micros(r.i64(1)?), from_micros(r.i64(2)?))))
            .collect()
    }

    pub fn session_label(&self, token: &str) -> String {
        label(&self.keys.token_hash(token))
    }

    pub async fn touch_session(&self, token: &str) -> Result<(), StoreError> {
        let h = self.keys.token_hash(token);
        self.submit(&Actor::operator("session"), SessionCommand::TouchSession(h))
            .await?;
        Ok(())
    }

    pub async fn end_session(&self, actor: &Actor, token: &str) -> Result<(), StoreError> {
        let h = self.keys.token_hash(token);
        self.submit(
            actor,
            SessionCommand::EndSessions {
                user_id: None,
                token_hash: Some(h),
                keep: None,
            },
        )
        .await?;
        Ok(())
    }

    pub async fn end_other_sessions(
        &self,
        actor: &Actor,
        keep_token: &str,
    ) -> Result<(), StoreError> {
        let keep = self.keys.token_hash(keep_token);
        let cmd = SessionCommand::EndSessions {
            user_id: Some(actor.id.clone()),
            token_hash: None,
            keep: Some(keep),
        };
        self.submit(actor, cmd).await?;
        Ok(())
    }

    pub async fn pass_second_factor(&self, actor: &Actor, token: &str) -> Result<(), StoreError> {
        let h = self.keys.token_hash(token);
        self.submit(actor, SessionCommand::PassSecondFactor(h))
            .await?;
        Ok(())
    }

    pub async fn mark_reauthenticated(&self, actor: &Actor, token: &str) -> Result<(), StoreError> {
        let h = self.keys.token_hash(token);
        self.submit(actor, SessionCommand::Reauthenticated(h))
            .await?;
        Ok(())
    }

    /// The user's TOTP secret and the last time step used, when enrolled.
    pub async fn totp(&self, user_id: &str) -> Result<Option<(Vec<u8>, i64)>, StoreError> {
        let row = self
            .pools
            .row(
                "SELECT totp_sealed, totp_last_step FROM users WHERE id = $1",
                args![user_id],
            )
            .await?
            .ok_or(StoreError::NotFound)?;
        match row.opt_bytes(0)? {
            Some(sealed) => Ok(Some((
                self.keys.open_system(&format!("totp/{user_id}"), &sealed)?,
                row.i64(1)?,
            ))),
            None => Ok(None),
        }
    }

    pub async fn set_totp(
        &self,
        actor: &Actor,
        user_id: &str,
        secret: &[u8],
    ) -> Result<(), StoreError> {
        let sealed = self.keys.seal_system(&format!("totp/{user_id}"), secret);
        self.submit(actor, SessionCommand::SetTotp(user_id.to_owned(), sealed))
            .await?;
        Ok(())
    }

    /// Accepts a TOTP time step once: false when it (or a later one) was already used.
    pub async fn use_totp_step(
        &self,
        actor: &Actor,
        user_id: &str,
        step: i64,
    ) -> Result<bool, StoreError> {
        self.ask(actor, |reply| {
            SessionCommand::UseTotpStep(user_id.to_owned(), step, reply)
        })
        .await
    }

    /// A personal access token for the API; the secret is returned once and only its hash kept.
    pub async fn create_token(
        &self,
        actor: &Actor,
        user_id: &str,
        label: &str,
        scope: TokenScope,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<String, StoreError> {
        let secret = format!("pelita_{}", crate::random_token());
        self.submit(
            actor,
            SessionCommand::CreateToken {
                token_hash: self.keys.token_hash(&secret),
                user_id: user_id.to_owned(),
                label: label.to_owned(),
                scope,
                expires_at: expires_at.map(micros),
            },
        )
        .await?;
        Ok(secret)
    }

    /// Revokes every token of a user at once.
    pub async fn revoke_tokens(&self, actor: &Actor, user_id: &str) -> Result<(), StoreError> {
        self.submit(actor, SessionCommand::RevokeTokens(user_id.to_owned()))
            .await?;
        Ok(())
    }

    /// The active user behind a bearer token, and what the token may do, unless it expired or
    /// was revoked.
    pub async fn token_user(&self, secret: &str) -> Result<Option<Bearer>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS}, t.scope FROM access_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) \
             AND u.disabled = 0"
        );
        let row = self
            .pools
            .row(
                &sql,
                args![self.keys.token_hash(secret), micros(self.now())],
            )
            .await?;
        row.map(|r| {
            let scope = if r.text(6)? == "read" {
                TokenScope::Read
            } else {
                TokenScope::ReadWrite
            };
            let user = user_from(&r, 0)?;
            Ok(Bearer {
                actor: Actor::account(&user.id, user.role),
                user,
                scope,
            })
        })
        .transpose()
    }
}

fn label(hash: &[u8]) -> String {
    hash.iter().take(4).map(|b| format!("{b:02x}")).collect()
}
