//! The web application over HTTP, against a real SQLite store: one test binary (one link), a
//! module per feature, every test starting from the same [`fixture`].

mod fixture;

mod abroad;
mod access;
mod admin;
mod api;
mod assessment;
mod auth;
mod case;
mod conference;
mod consent;
mod family;
mod i18n;
mod interview;
mod justice;
mod plan;
mod referral;
mod refused_forms;
mod register;
mod resume;
mod scripts_and_phones;
mod search;
mod serve;
mod work;
mod write_policy;
