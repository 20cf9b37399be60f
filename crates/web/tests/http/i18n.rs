//! Pages in every language, right to left for Dhivehi.

use crate::fixture::*;

#[tokio::test]
async fn pages_render_in_every_language_and_dhivehi_is_right_to_left() {
    let app = Fixture::new()
        .agency("DSS", Sector::ChildProtection)
        .user("sari", Role::CaseWorker, "DSS")
        .case("ޢާއިޝަތު", "sari")
        .build()
        .await;
    let case = app.case_id("ޢާއިޝަތު");
    for (lang, dir) in [
        ("en", "ltr"),
        ("id", "ltr"),
        ("ms", "ltr"),
        ("bn", "ltr"),
        ("dv", "rtl"),
        ("fil", "ltr"),
    ] {
        let mut b = Browser::new(&app);
        b.lang = lang;
        b.sign_in("sari", PASSWORD).await;
        for path in [
            "/work".to_owned(),
            "/register".to_owned(),
            "/search".to_owned(),
            "/profile".to_owned(),
            format!("/cases/{case}"),
        ] {
            let (s, _, page) = b.get(&path).await;
            assert_eq!(s, StatusCode::OK, "{lang} {path}");
            assert!(
                page.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{lang} {path}"
            );
            assert!(!page.contains("{ $"), "{lang} {path}: unresolved placeable");
            assert!(page.len() < 60_000, "{lang} {path}: {} bytes", page.len());
        }
    }
    // A chosen language wins over the browser's.
    let mut b = app.signed_in("sari").await;
    let csrf = b.csrf().await;
    b.post("/profile/language", &[("csrf", &csrf), ("language", "dv")])
        .await;
    let (_, _, page) = b.get("/work").await;
    assert!(page.contains("dir=\"rtl\""));
}
