//! While an encrypted practice is open, the process holds decrypted pages, notes being
//! edited and the passphrase in memory. A core dump would write all of it to disk in plain
//! text (`/var/lib/systemd/coredump`, or `core` in the working folder), outside the
//! encryption. So for an encrypted practice the app and the CLI switch core dumps off:
//!
//! - `setrlimit(RLIMIT_CORE, 0)`: no core file; inherited by processes started afterwards
//!   (the app's WebKit processes, when the practice was encrypted at launch);
//! - `prctl(PR_SET_DUMPABLE, 0)` on Linux: also stops core-dump helpers that ignore the
//!   limit, and other processes of the same user from attaching a debugger or reading
//!   `/proc/<pid>/mem`.
//!
//! Both through `libc` (already in the tree: rusqlite, Tauri and most crates use it): two
//! system calls need no crate of their own.

/// Switches core dumps off for this process for good (a dump cannot be switched back on
/// once memory held notes). Idempotent. Errors are reported, the caller decides.
pub fn disable_core_dumps() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let none = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: setrlimit reads the struct we pass; no pointer is kept.
        if unsafe { libc::setrlimit(libc::RLIMIT_CORE, &none) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        #[cfg(target_os = "linux")]
        // SAFETY: PR_SET_DUMPABLE takes plain integers.
        if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Whether this process may write a core dump: `(core size limit, dumpable)`. For tests
/// and the diagnostics the app shows.
pub fn core_dump_state() -> (u64, bool) {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit writes into the struct we own.
        // rlim_t is u64 on Linux, other widths elsewhere.
        #[allow(clippy::unnecessary_cast)]
        let cur = if unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) } == 0 {
            limit.rlim_cur as u64
        } else {
            0
        };
        #[cfg(target_os = "linux")]
        // SAFETY: PR_GET_DUMPABLE takes no pointer.
        let dumpable = unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) } == 1;
        #[cfg(not(target_os = "linux"))]
        let dumpable = cur > 0;
        (cur, dumpable)
    }
    #[cfg(not(unix))]
    {
        (0, true)
    }
}

/// Files and folders created from now on by anything in this process (WebKit's storage, a
/// library's cache) are the user's alone. Coachbook's own files do not rely on it: they
/// are created private explicitly ([`crate::private`]).
pub fn private_umask() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-creation mask.
    unsafe {
        libc::umask(0o077);
    }
}
