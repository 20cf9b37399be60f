//! Password rules (OWASP ASVS 5.0 §6.2): at least 12 characters, at most 128, any Unicode, no
//! composition rules, and not a known common or breached password.

use std::collections::HashSet;
use std::sync::LazyLock;

pub const MIN_CHARS: usize = 12;
pub const MAX_CHARS: usize = 128;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/common-passwords.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("use at least 12 characters")]
    TooShort,
    #[error("use at most 128 characters")]
    TooLong,
    #[error("this password is too common; choose another")]
    Common,
}

impl PasswordError {
    pub fn code(self) -> &'static str {
        match self {
            PasswordError::TooShort => "password-short",
            PasswordError::TooLong => "password-long",
            PasswordError::Common => "password-common",
        }
    }
}

/// Checks a new password. Length counts characters, not bytes, so a Bengali or Thaana
/// passphrase is measured as its writer sees it.
pub fn check(password: &str) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    let lower = password.to_lowercase();
    let one_char = lower.chars().all(|c| lower.starts_with(c));
    if one_char || COMMON.contains(lower.as_str()) {
        return Err(PasswordError::Common);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_counted_in_characters() {
        assert_eq!(check("short pass"), Err(PasswordError::TooShort));
        assert_eq!(check(&"x1".repeat(65)), Err(PasswordError::TooLong));
        // Twelve Bengali characters are more than twelve bytes but are twelve characters.
        assert!(check("আমারসোনারবাংলা").is_ok());
        assert!(check("ކުޑަކުދިންގެރައްކާތެރިކަން").is_ok());
    }

    #[test]
    fn common_passwords_are_refused_whatever_the_case() {
        for p in [
            "Password1234",
            "123456789012",
            "QWERTYUIOPAS",
            "aaaaaaaaaaaaaa",
            "Pelita123456",
        ] {
            assert_eq!(check(p), Err(PasswordError::Common), "{p}");
        }
    }

    #[test]
    fn no_composition_rules() {
        assert!(check("tiga kucing tidur di atap").is_ok());
    }
}
