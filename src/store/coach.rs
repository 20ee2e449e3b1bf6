use super::Store;
use crate::Result;
use crate::model::{Coach, Logo};
use rusqlite::{Connection, params};

pub(crate) fn get(conn: &Connection) -> Result<Coach> {
    Ok(conn.query_row(
        "SELECT name, credentials, logo_mime, logo FROM coach WHERE id = 1",
        [],
        |r| {
            let mime: Option<String> = r.get(2)?;
            let bytes: Option<Vec<u8>> = r.get(3)?;
            Ok(Coach {
                name: r.get(0)?,
                credentials: r.get(1)?,
                logo: mime
                    .zip(bytes)
                    .map(|(mime, bytes)| Logo::from_bytes(mime, &bytes)),
            })
        },
    )?)
}

pub(crate) fn put(conn: &Connection, coach: &Coach) -> Result<()> {
    let logo = match &coach.logo {
        Some(logo) => Some((logo.mime.clone(), logo.bytes()?)),
        None => None,
    };
    let (mime, bytes) = logo.unzip();
    conn.execute(
        "UPDATE coach SET name = ?1, credentials = ?2, logo_mime = ?3, logo = ?4 WHERE id = 1",
        params![coach.name, coach.credentials, mime, bytes],
    )?;
    Ok(())
}

impl Store {
    pub fn coach(&self) -> Result<Coach> {
        get(&self.conn)
    }

    pub fn set_coach(&mut self, coach: &Coach) -> Result<()> {
        coach.validate()?;
        self.write(|tx| put(tx, coach))
    }
}
