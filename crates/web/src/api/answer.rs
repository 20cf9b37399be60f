//! Typed bodies of the API's answers, so the document's response schemas come from what the
//! handlers actually send.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelita_domain::terminology::Finding;
use serde::Serialize;
use utoipa::ToSchema;

/// What a 201 names: the new record's id.
#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: String,
}

/// 201 with the new record's id.
pub fn created(id: impl Into<String>) -> Response {
    (StatusCode::CREATED, Json(Created { id: id.into() })).into_response()
}

/// A registered child: the case it opened.
#[derive(Serialize, ToSchema)]
pub struct Registered {
    pub case_id: String,
    pub child_id: String,
    pub reference: String,
}

/// A note added, with what the terminology guard found in it.
#[derive(Serialize, ToSchema)]
pub struct NoteAdded {
    pub id: String,
    #[schema(value_type = Vec<Object>)]
    pub terminology: Vec<Finding>,
}
