//! Administration of accounts: roles and a lost second factor, after the administrator's password.

use crate::fixture::*;

#[tokio::test]
async fn administrators_change_roles_and_reset_a_lost_second_factor_after_confirming_their_password()
 {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("sari", Role::CaseWorker, "DSS")
        .user("admin", Role::Administrator, None)
        .build()
        .await;
    let (agency, sari) = (app.agency_id("DSS"), app.user_id("sari"));
    app.store
        .set_totp(&operator(), &sari, b"12345678901234567890")
        .await
        .unwrap();
    let mut s = app.signed_in("sari").await;
    let mut a = app.signed_in("admin").await;
    let csrf = a.csrf().await;
    let (status, _, _) = a
        .post(
            "/admin/users/disable",
            &[
                ("csrf", &csrf),
                ("user_id", &sari),
                ("action", "reset_second_factor"),
                ("admin_password", "wrong password!"),
            ],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no re-authentication"
    );
    assert!(app.store.totp(&sari).await.unwrap().is_some());
    a.post(
        "/admin/users/disable",
        &[
            ("csrf", &csrf),
            ("user_id", &sari),
            ("action", "reset_second_factor"),
            ("admin_password", PASSWORD),
        ],
    )
    .await;
    assert!(app.store.totp(&sari).await.unwrap().is_none());
    assert_eq!(
        s.get("/work").await.0,
        StatusCode::SEE_OTHER,
        "sessions survive a reset"
    );
    a.post(
        "/admin/users/disable",
        &[
            ("csrf", &csrf),
            ("user_id", &sari),
            ("action", "set_role"),
            ("role", "supervisor"),
            ("admin_password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(app.store.user(&sari).await.unwrap().role, Role::Supervisor);
    // The administrator sees no case content.
    let case = app.child(&agency, &sari, "Amina").await;
    assert_eq!(
        a.get(&format!("/cases/{case}")).await.0,
        StatusCode::FORBIDDEN
    );
}
