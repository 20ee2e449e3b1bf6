use super::validate;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// The coach's profile: heads every report page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Coach {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub credentials: String,
    #[serde(default)]
    pub logo: Option<Logo>,
}

/// A PNG or JPEG image, base64 in JSON, bytes in the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Logo {
    pub mime: String,
    /// Base64 (standard alphabet, padded).
    pub data: String,
}

pub const LOGO_MAX_BYTES: usize = 2 * 1024 * 1024;

impl Coach {
    pub fn validate(&self) -> Result<()> {
        validate::short("coach.name", &self.name)?;
        validate::short("coach.credentials", &self.credentials)?;
        if let Some(logo) = &self.logo {
            logo.bytes()?;
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self == &Coach::default()
    }
}

impl Logo {
    /// Decodes and checks the image: the type must match its first bytes.
    pub fn bytes(&self) -> Result<Vec<u8>> {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&self.data)
            .map_err(|_| Error::invalid("coach.logo.data", "must be base64"))?;
        if bytes.len() > LOGO_MAX_BYTES {
            return Err(Error::invalid("coach.logo.data", "must be at most 2 MB"));
        }
        let matches = match self.mime.as_str() {
            "image/png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "image/jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
            _ => {
                return Err(Error::invalid(
                    "coach.logo.mime",
                    "must be image/png or image/jpeg",
                ));
            }
        };
        if !matches {
            return Err(Error::invalid(
                "coach.logo.data",
                format!("is not a {} image", self.mime),
            ));
        }
        Ok(bytes)
    }

    pub fn from_bytes(mime: String, bytes: &[u8]) -> Logo {
        use base64::Engine;
        Logo {
            mime,
            data: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }
}
