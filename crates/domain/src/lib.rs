//! Pelita's domain: the rules of the 2024 conclusions on children associated with terrorist and
//! armed groups, as pure types and functions. No I/O, no async, no database, no clock: time is
//! always passed in, so every rule can be tested at any date.

#[macro_use]
mod keyed;

pub mod age;
pub mod agency;
pub mod assessment;
pub mod case;
pub mod conference;
pub mod consent;
pub mod dates;
pub mod error;
pub mod family;
pub mod followup;
pub mod identity;
pub mod interview;
pub mod journey;
pub mod justice;
pub mod matching;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod password;
pub mod plan;
pub mod policy;
pub mod referral;
pub mod repatriation;
pub mod role;
pub mod search;
pub mod task;
pub mod terminology;
pub mod text;

pub use error::DomainError;
