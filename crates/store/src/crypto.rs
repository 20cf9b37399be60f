//! Field encryption with a data key per child, wrapped by the deployment key.
//!
//! Destroying a child's wrapped key makes every field sealed with it unreadable: that is how
//! erasure, sealing and expungement work without hunting for copies.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use zeroize::Zeroize;

use crate::StoreError;

const KEY_FILE_TAG: &str = "pelita-key-1";
const NONCE: usize = 24;
/// First byte of every sealed value, so the format can change later.
const FORMAT: u8 = 1;
/// Sealed with the wrapping key at first start; decrypting it proves the key is the right one.
pub(crate) const KEY_CHECK: &[u8] = b"pelita deployment key check";

/// The deployment key: 32 random bytes, in a key file (mode 0600) or `PELITA_KEY`.
#[derive(Clone)]
pub struct DeploymentKey([u8; 32]);

impl Drop for DeploymentKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl DeploymentKey {
    pub fn generate() -> DeploymentKey {
        DeploymentKey(XChaCha20Poly1305::generate_key(&mut OsRng).into())
    }

    /// The text written to a key file or given in `PELITA_KEY`.
    pub fn encode(&self) -> String {
        format!("{KEY_FILE_TAG}:{}", B64.encode(self.0))
    }

    pub fn decode(text: &str) -> Result<DeploymentKey, StoreError> {
        let bad = || StoreError::BadKeyFile;
        let b64 = text
            .trim()
            .strip_prefix(KEY_FILE_TAG)
            .and_then(|r| r.strip_prefix(':'));
        let mut bytes = B64.decode(b64.ok_or_else(bad)?).map_err(|_| bad())?;
        let key: [u8; 32] = bytes.as_slice().try_into().map_err(|_| bad())?;
        bytes.zeroize();
        Ok(DeploymentKey(key))
    }
}

/// Keys derived from the deployment key, one per purpose, so no key does two jobs.
pub(crate) struct Keys {
    wrap: XChaCha20Poly1305,
    /// Seals deployment secrets that belong to no child (second-factor secrets).
    system: XChaCha20Poly1305,
    pub(crate) index: [u8; 32],
    pub(crate) audit: [u8; 32],
}

impl Drop for Keys {
    fn drop(&mut self) {
        self.index.zeroize();
        self.audit.zeroize();
    }
}

fn seal_with(cipher: &XChaCha20Poly1305, aad: &[u8], plain: &[u8]) -> Vec<u8> {
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let ct = cipher
        .encrypt(&nonce, Payload { msg: plain, aad })
        .expect("encryption with a valid key cannot fail");
    let mut out = Vec::with_capacity(1 + NONCE + ct.len());
    out.push(FORMAT);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ct);
    out
}

fn open_with(cipher: &XChaCha20Poly1305, aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < 1 + NONCE || sealed[0] != FORMAT {
        return None;
    }
    let nonce = XNonce::from_slice(&sealed[1..1 + NONCE]);
    cipher
        .decrypt(
            nonce,
            Payload {
                msg: &sealed[1 + NONCE..],
                aad,
            },
        )
        .ok()
}

impl Keys {
    pub(crate) fn derive(key: &DeploymentKey) -> Keys {
        let mut wrap = blake3::derive_key("pelita 2026 child key wrapping", &key.0);
        let mut system = blake3::derive_key("pelita 2026 system secrets", &key.0);
        let keys = Keys {
            wrap: XChaCha20Poly1305::new(Key::from_slice(&wrap)),
            system: XChaCha20Poly1305::new(Key::from_slice(&system)),
            index: blake3::derive_key("pelita 2026 name index", &key.0),
            audit: blake3::derive_key("pelita 2026 audit chain", &key.0),
        };
        wrap.zeroize();
        system.zeroize();
        keys
    }

    pub(crate) fn seal_system(&self, what: &str, plain: &[u8]) -> Vec<u8> {
        seal_with(&self.system, what.as_bytes(), plain)
    }

    pub(crate) fn open_system(&self, what: &str, sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        open_with(&self.system, what.as_bytes(), sealed).ok_or(StoreError::Corrupt)
    }

    /// Hash of a bearer secret (session or access token) as stored: a database copy opens
    /// nothing.
    pub(crate) fn token_hash(&self, token: &str) -> Vec<u8> {
        let mut h = blake3::Hasher::new_keyed(&self.index);
        h.update(b"token\0");
        h.update(token.as_bytes());
        h.finalize().as_bytes().to_vec()
    }

    pub(crate) fn key_check(&self) -> Vec<u8> {
        seal_with(&self.wrap, b"key-check", KEY_CHECK)
    }

    pub(crate) fn verify_key_check(&self, sealed: &[u8]) -> bool {
        open_with(&self.wrap, b"key-check", sealed).as_deref() == Some(KEY_CHECK)
    }

    /// A new data key for a child, and its wrapped form for the database.
    pub(crate) fn new_child_key(&self, child: &str) -> (ChildKey, Vec<u8>) {
        let key: [u8; 32] = XChaCha20Poly1305::generate_key(&mut OsRng).into();
        let wrapped = seal_with(&self.wrap, child.as_bytes(), &key);
        (ChildKey::new(child, key), wrapped)
    }

    pub(crate) fn unwrap_child_key(
        &self,
        child: &str,
        wrapped: &[u8],
    ) -> Result<ChildKey, StoreError> {
        let mut bytes =
            open_with(&self.wrap, child.as_bytes(), wrapped).ok_or(StoreError::Corrupt)?;
        let key: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::Corrupt)?;
        bytes.zeroize();
        Ok(ChildKey::new(child, key))
    }

    /// Keyed hash of a search key: equal names give equal hashes, and without the deployment
    /// key the hashes say nothing.
    pub(crate) fn index_hash(&self, kind: &str, value: &str) -> i64 {
        let mut h = blake3::Hasher::new_keyed(&self.index);
        h.update(kind.as_bytes());
        h.update(&[0]);
        h.update(value.as_bytes());
        i64::from_le_bytes(h.finalize().as_bytes()[..8].try_into().expect("8 bytes"))
    }
}

/// A child's data key. Every field is bound to the child and the field name, so ciphertext
/// moved to another child or column does not decrypt.
pub(crate) struct ChildKey {
    child: String,
    cipher: XChaCha20Poly1305,
}

impl ChildKey {
    fn new(child: &str, mut key: [u8; 32]) -> ChildKey {
        let cipher = XChaCha20Poly1305::new(Key::from_slice(&key));
        key.zeroize();
        ChildKey {
            child: child.to_owned(),
            cipher,
        }
    }

    fn aad(&self, field: &str) -> Vec<u8> {
        [self.child.as_bytes(), b"/", field.as_bytes()].concat()
    }

    pub(crate) fn seal(&self, field: &str, plain: &[u8]) -> Vec<u8> {
        seal_with(&self.cipher, &self.aad(field), plain)
    }

    pub(crate) fn open(&self, field: &str, sealed: &[u8]) -> Result<Vec<u8>, StoreError> {
        open_with(&self.cipher, &self.aad(field), sealed).ok_or(StoreError::Corrupt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_file_round_trips_and_rejects_garbage() {
        let k = DeploymentKey::generate();
        let back = DeploymentKey::decode(&format!("{}\n", k.encode())).unwrap();
        assert_eq!(back.0, k.0);
        assert!(DeploymentKey::decode("pelita-key-1:AAAA").is_err());
        assert!(DeploymentKey::decode("").is_err());
    }

    #[test]
    fn sealed_fields_are_bound_to_child_and_field() {
        let keys = Keys::derive(&DeploymentKey::generate());
        let (k, wrapped) = keys.new_child_key("c1");
        let sealed = k.seal("names", "Nusrat".as_bytes());
        assert!(!sealed.windows(6).any(|w| w == b"Nusrat"));
        let again = keys.unwrap_child_key("c1", &wrapped).unwrap();
        assert_eq!(again.open("names", &sealed).unwrap(), b"Nusrat");
        assert!(again.open("notes", &sealed).is_err());
        assert!(keys.unwrap_child_key("c2", &wrapped).is_err());
        let other = Keys::derive(&DeploymentKey::generate());
        assert!(other.unwrap_child_key("c1", &wrapped).is_err());
        assert!(!other.verify_key_check(&keys.key_check()));
    }
}
