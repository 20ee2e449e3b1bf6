//! `coachbook_rank(search_fts, skip, prefixes)`: an FTS5 auxiliary function that scores a
//! row with BM25 as FTS5's own `bm25()` does (k1 = 1.2, b = 0.75, the same IDF formula),
//! with changes to how the IDF is found that keep every query fast on a ten-year practice.
//!
//! Why: `bm25()` counts every document of every phrase on its first call, however few rows
//! the query then reads. On the huge demo practice (940,000 documents) a query with "team"
//! in it costs ~8 ms in that count alone, "the" ~25 ms, a rare phrase of common words ~10 ms
//! (every document with all its words is checked), a prefix like `conv*` ~5 ms (FTS5
//! merges the lists of every word it matches — again). So:
//! - a plain word's documents are counted only up to [`DF_CAP`] (~0.2 ms at most); words
//!   more common than that all get the IDF of `DF_CAP` documents: "common";
//! - phrases of several words and prefixes are not counted: they get the IDF of
//!   `min(DF_CAP, rows / 10)` documents;
//! - a query of one phrase counts nothing: its IDF is the same for every row.
//!
//! Only column 0 (`body`) counts. The first `skip` phrases of the query are ignored: the
//! scope filters (client, kind) that `search` puts in front of the user's query. `prefixes`
//! has one character per remaining phrase, `p` for a prefix. Registered on every
//! connection by `store::connection` (the one place that opens them). This is the only
//! `unsafe` code in the crate: the FTS5 extension API is C.

use rusqlite::Connection;
use rusqlite::ffi;
use std::os::raw::{c_int, c_void};
use std::ptr;

pub const FUNCTION: &str = "coachbook_rank";
/// Documents counted per phrase for its IDF.
pub const DF_CAP: i64 = 5_000;
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Per-query values, computed on the first row and kept by FTS5 as the cursor's aux data.
struct QueryStats {
    skip: usize,
    idf: Vec<f64>,
    avgdl: f64,
    /// Scratch space for one row's phrase frequencies.
    freq: Vec<f64>,
}

fn sqlite_error(rc: c_int, message: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some(message.to_string()))
}

/// Registers `coachbook_rank` with the FTS5 module of `conn`.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    // SAFETY: `handle()` is the live connection; the statement is prepared, bound, stepped
    // and finalized here, on this thread; FTS5 writes the API pointer into `api` during the
    // step (the documented way to get it: `SELECT fts5(?)` with a bound "fts5_api_ptr").
    unsafe {
        let db = conn.handle();
        let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let rc = ffi::sqlite3_prepare_v2(
            db,
            c"SELECT fts5(?1)".as_ptr(),
            -1,
            &mut stmt,
            ptr::null_mut(),
        );
        if rc != ffi::SQLITE_OK {
            return Err(sqlite_error(
                rc,
                "FTS5 is not available in this SQLite build",
            ));
        }
        let mut api: *mut ffi::fts5_api = ptr::null_mut();
        ffi::sqlite3_bind_pointer(
            stmt,
            1,
            (&mut api as *mut *mut ffi::fts5_api).cast::<c_void>(),
            c"fts5_api_ptr".as_ptr(),
            None,
        );
        ffi::sqlite3_step(stmt);
        ffi::sqlite3_finalize(stmt);
        if api.is_null() || (*api).iVersion < 2 {
            return Err(sqlite_error(
                ffi::SQLITE_ERROR,
                "FTS5 extension API version 2 is needed",
            ));
        }
        let Some(create) = (*api).xCreateFunction else {
            return Err(sqlite_error(
                ffi::SQLITE_ERROR,
                "FTS5 has no xCreateFunction",
            ));
        };
        let rc = create(
            api,
            c"coachbook_rank".as_ptr(),
            ptr::null_mut(),
            Some(rank),
            None,
        );
        if rc != ffi::SQLITE_OK {
            return Err(sqlite_error(rc, "cannot register coachbook_rank"));
        }
    }
    Ok(())
}

unsafe extern "C" fn rank(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    n_val: c_int,
    vals: *mut *mut ffi::sqlite3_value,
) {
    // A panic must not unwind into C.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: FTS5 calls us with a valid API table and context for the current row,
        // and `vals` holding `n_val` values.
        unsafe { score(api, fts, n_val, vals) }
    }));
    // SAFETY: `ctx` is the live function context of this call.
    unsafe {
        match outcome {
            Ok(Ok(s)) => ffi::sqlite3_result_double(ctx, s),
            Ok(Err(rc)) => ffi::sqlite3_result_error_code(ctx, rc),
            Err(_) => ffi::sqlite3_result_error(ctx, c"coachbook_rank failed".as_ptr(), -1),
        }
    }
}

fn ok(rc: c_int) -> Result<(), c_int> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rc)
    }
}

macro_rules! method {
    ($api:expr, $name:ident) => {
        $api.$name.ok_or(ffi::SQLITE_MISUSE)?
    };
}

unsafe extern "C" fn free_stats(p: *mut c_void) {
    if !p.is_null() {
        // SAFETY: `p` came from `Box::into_raw` in `stats` and FTS5 frees it once.
        drop(unsafe { Box::from_raw(p.cast::<QueryStats>()) });
    }
}

/// Counts the rows of one phrase, stopping at `DF_CAP`.
unsafe extern "C" fn count_row(
    _api: *const ffi::Fts5ExtensionApi,
    _fts: *mut ffi::Fts5Context,
    user: *mut c_void,
) -> c_int {
    // SAFETY: `user` is the `i64` counter `stats` passes to xQueryPhrase.
    let n = unsafe { &mut *user.cast::<i64>() };
    *n += 1;
    if *n >= DF_CAP {
        ffi::SQLITE_DONE // stops xQueryPhrase early; it returns SQLITE_OK
    } else {
        ffi::SQLITE_OK
    }
}

/// The per-query values, computed once and then kept as aux data.
unsafe fn stats<'a>(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    n_val: c_int,
    vals: *mut *mut ffi::sqlite3_value,
) -> Result<&'a mut QueryStats, c_int> {
    // SAFETY (whole function): `fts` is the current FTS5 context; `vals` holds `n_val` values.
    unsafe {
        let existing = method!(api, xGetAuxdata)(fts, 0).cast::<QueryStats>();
        if !existing.is_null() {
            return Ok(&mut *existing);
        }
        let skip = if n_val > 0 && !vals.is_null() {
            ffi::sqlite3_value_int(*vals).max(0) as usize
        } else {
            0
        };
        let prefixes: Vec<bool> = if n_val > 1 && !vals.is_null() {
            let text = ffi::sqlite3_value_text(*vals.add(1));
            let len = ffi::sqlite3_value_bytes(*vals.add(1)).max(0) as usize;
            if text.is_null() {
                Vec::new()
            } else {
                std::slice::from_raw_parts(text, len)
                    .iter()
                    .map(|b| *b == b'p')
                    .collect()
            }
        } else {
            Vec::new()
        };
        let n_phrase = method!(api, xPhraseCount)(fts).max(0) as usize;
        let mut n_row: i64 = 0;
        ok(method!(api, xRowCount)(fts, &mut n_row))?;
        let mut n_token: i64 = 0;
        ok(method!(api, xColumnTotalSize)(fts, 0, &mut n_token))?;
        let avgdl = if n_row > 0 && n_token > 0 {
            n_token as f64 / n_row as f64
        } else {
            1.0
        };
        // FTS5's own formula, floored the same way.
        let idf_of = |hits: i64| {
            let v = ((n_row as f64 - hits as f64 + 0.5) / (hits as f64 + 0.5)).ln();
            if v > 0.0 { v } else { 1e-6 }
        };
        let estimated = idf_of(DF_CAP.min(n_row / 10).max(1));
        let several = n_phrase.saturating_sub(skip) > 1;
        let mut idf = vec![0.0; n_phrase];
        for (i, slot) in idf.iter_mut().enumerate().skip(skip) {
            let prefix = prefixes.get(i - skip).copied().unwrap_or(false);
            let one_word = method!(api, xPhraseSize)(fts, i as c_int) == 1;
            *slot = if several && one_word && !prefix {
                let mut hits: i64 = 0;
                ok(method!(api, xQueryPhrase)(
                    fts,
                    i as c_int,
                    (&mut hits as *mut i64).cast::<c_void>(),
                    Some(count_row),
                ))?;
                idf_of(hits)
            } else {
                estimated
            };
        }
        let boxed = Box::into_raw(Box::new(QueryStats {
            skip,
            idf,
            avgdl,
            freq: vec![0.0; n_phrase],
        }));
        // On failure xSetAuxdata itself calls `free_stats`.
        ok(method!(api, xSetAuxdata)(
            fts,
            boxed.cast::<c_void>(),
            Some(free_stats),
        ))?;
        Ok(&mut *boxed)
    }
}

unsafe fn score(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    n_val: c_int,
    vals: *mut *mut ffi::sqlite3_value,
) -> Result<f64, c_int> {
    if api.is_null() {
        return Err(ffi::SQLITE_MISUSE);
    }
    // SAFETY (whole function): checked non-null above; FTS5 owns the table for the call.
    unsafe {
        let api = &*api;
        let s = stats(api, fts, n_val, vals)?;
        s.freq.iter_mut().for_each(|f| *f = 0.0);
        let mut n_inst: c_int = 0;
        ok(method!(api, xInstCount)(fts, &mut n_inst))?;
        for i in 0..n_inst {
            let (mut phrase, mut col, mut off) = (0, 0, 0);
            ok(method!(api, xInst)(fts, i, &mut phrase, &mut col, &mut off))?;
            let p = phrase.max(0) as usize;
            if col == 0 && p >= s.skip && p < s.freq.len() {
                s.freq[p] += 1.0;
            }
        }
        let mut dl: c_int = 0;
        ok(method!(api, xColumnSize)(fts, 0, &mut dl))?;
        let norm = K1 * (1.0 - B + B * f64::from(dl) / s.avgdl);
        Ok(s.freq
            .iter()
            .zip(&s.idf)
            .filter(|(f, _)| **f > 0.0)
            .map(|(f, idf)| idf * (f * (K1 + 1.0)) / (f + norm))
            .sum())
    }
}
