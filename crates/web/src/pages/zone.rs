//! Where the reader works, in time: the zone of their agency's jurisdiction (with its
//! overrides), and the day it is there. Pages show times and prefill dates in it, so a worker
//! in Jakarta at 06:00 gets her own date, not UTC's yesterday (nor a `max` that refuses it).

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::auth::Ctx;

/// The reader's zone (set on the request's `Tr`); UTC for an account of no agency (an
/// administrator, an auditor).
pub async fn zone(ctx: &Ctx) -> Tz {
    ctx.t.zone()
}

/// Today where the reader works.
pub async fn today(ctx: &Ctx) -> NaiveDate {
    ctx.store.now().with_timezone(&zone(ctx).await).date_naive()
}
