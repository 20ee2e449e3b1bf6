//! Files and folders Coachbook creates are the coach's alone: on Unix every file is 0600 and
//! every folder 0700, whatever the umask (the practice, its WAL and shared-memory index,
//! backups, settings, exports, reports and temporary files). SQLite creates `-wal`, `-shm`
//! and `-journal` with the mode of the database file, so a database is created here first,
//! empty and private, and SQLite then opens the existing file.
//!
//! Temporary and probe files get random names and are created with `create_new` (O_EXCL)
//! and O_NOFOLLOW: a file or symlink planted under a guessed name makes the creation fail
//! instead of writing through it.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Owner read and write: what every file Coachbook creates gets.
pub const FILE_MODE: u32 = 0o600;
/// Owner only: what every folder Coachbook creates gets.
pub const DIR_MODE: u32 = 0o700;

/// Creates `path`, which must not exist yet (not even as a dangling symlink), private.
pub fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// A new private file named `{prefix}{random}{suffix}` in `dir`.
pub fn create_temp_in(dir: &Path, prefix: &str, suffix: &str) -> io::Result<(PathBuf, File)> {
    // A clash with an existing name (planted or left over) is retried with another name.
    let mut last = None;
    for _ in 0..8 {
        let random = uuid::Uuid::new_v4().simple().to_string();
        let path = dir.join(format!("{prefix}{}{suffix}", &random[..16]));
        match create_new(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// `create_dir_all`, the folders it creates private. Existing folders are left as they are
/// (a coach's Documents folder is theirs to set).
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(DIR_MODE);
    }
    builder.create(dir)
}

/// The folder `path` is in ("." for a bare file name).
pub fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Makes a rename in `dir` durable (not possible on every platform; the data is whole
/// either way).
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Replaces `dest` whole or not at all: a private temporary file beside it, written,
/// synced, renamed over `dest`, and the folder synced. On any error nothing is left behind
/// and an existing `dest` is untouched. A symlink at `dest` is replaced, never written
/// through.
pub fn write_atomically(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_of(dest);
    let name = dest
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let (tmp, mut file) = create_temp_in(dir, &prefix, ".partial")?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, dest));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(dir);
    Ok(())
}

/// Takes group and other permissions off `path` if it has any (a practice written by an
/// older Coachbook under umask 022). A missing file, a file of another user or a read-only
/// disk is left as it is: reading it is still allowed, and the open says the rest.
pub fn tighten(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // symlink_metadata: never change the mode of whatever a link points to.
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            return false;
        };
        if !meta.is_file() || meta.permissions().mode() & 0o077 == 0 {
            return false;
        }
        let mode = meta.permissions().mode() & 0o700;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// `path` with `suffix` appended to its name (`coachbook.db` → `coachbook.db-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::symlink_metadata(path)
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn files_and_folders_are_private_whatever_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        create_dir_all(&nested).unwrap();
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&nested), 0o700);
        let out = nested.join("report.pdf");
        write_atomically(&out, b"%PDF").unwrap();
        assert_eq!(mode(&out), 0o600);
        assert_eq!(
            std::fs::read_dir(&nested).unwrap().count(),
            1,
            "no temp file left"
        );
    }

    #[test]
    fn a_planted_symlink_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let link = dir.path().join("probe");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(create_new(&link).is_err());
        // Replacing a symlink swaps the link itself, the file it pointed to is untouched.
        write_atomically(&link, b"new").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert_eq!(std::fs::read(&link).unwrap(), b"new");
    }

    #[test]
    fn tightening_removes_group_and_other_bits_only() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("practice.db");
        std::fs::write(&f, b"x").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(tighten(&f));
        assert_eq!(mode(&f), 0o600);
        assert!(!tighten(&f), "already private");
    }
}
