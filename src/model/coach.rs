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
/// The widest and tallest logo accepted, in pixels: a report prints it ~3 cm wide, and the
/// decoder's memory grows with width × height (a small file can claim millions of pixels).
pub const LOGO_MAX_SIDE: u32 = 4096;

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
    /// Decodes and checks the image: the text's length before decoding it, then the type
    /// against its first bytes and the size its header claims — all before anything
    /// decodes the pixels.
    pub fn bytes(&self) -> Result<Vec<u8>> {
        use base64::Engine;
        // Base64 is 4 characters for 3 bytes: a longer text cannot be a 2 MB image.
        if self.data.len() > LOGO_MAX_BYTES.div_ceil(3) * 4 {
            return Err(Error::invalid("coach.logo.data", "must be at most 2 MB"));
        }
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
        let size = match self.mime.as_str() {
            "image/png" => super::image_size::png(&bytes),
            _ => super::image_size::jpeg(&bytes),
        };
        let Some((w, h)) = size else {
            return Err(Error::invalid(
                "coach.logo.data",
                format!("is not a whole {} image (no size in its header)", self.mime),
            ));
        };
        if w == 0 || h == 0 || w > LOGO_MAX_SIDE || h > LOGO_MAX_SIDE {
            return Err(Error::invalid(
                "coach.logo.data",
                format!(
                    "is {w} × {h} pixels; a logo can be at most {LOGO_MAX_SIDE} × {LOGO_MAX_SIDE}"
                ),
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
