//! `coachbook export`: the whole practice as JSON, or as a folder of Markdown files.

use super::Ctx;
use coachbook::{Error, Result};
use coachbook::{export, paths};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The JSON file (`-` for standard output)
    #[arg(required_unless_present = "markdown", conflicts_with = "markdown")]
    file: Option<PathBuf>,
    /// Write Markdown instead: one folder per client, one file per session
    #[arg(long, value_name = "DIR")]
    markdown: Option<PathBuf>,
    /// With --markdown: include the coach's private notes
    #[arg(long)]
    include_private: bool,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut impl Write) -> Result<()> {
    let include_private = args.include_private;
    if include_private && args.markdown.is_none() {
        return Err(Error::invalid(
            "--include-private",
            "goes with --markdown (a JSON export always holds private notes)",
        ));
    }
    // Refused before the practice is opened (the writers check again).
    match (&args.markdown, &args.file) {
        (Some(dir), _) => {
            paths::check_output(&ctx.db, dir, paths::Output::MarkdownExport, "--markdown")?;
        }
        (None, Some(f)) if f != Path::new("-") => {
            paths::check_output(&ctx.db, f, paths::Output::JsonExport, "FILE")?;
        }
        _ => {}
    }
    let store = ctx.open()?;
    if store.is_encrypted() {
        eprintln!(
            "Warning: the database is encrypted, but this export is plain text: \
             anyone who can read it can read every note."
        );
    }
    if let Some(dir) = args.markdown {
        let started = std::time::Instant::now();
        let s =
            export::export_markdown(&store, &dir, &export::MarkdownOptions { include_private })?;
        writeln!(
            out,
            "Exported {} sessions of {} clients as Markdown to {} in {:.1} s",
            s.sessions,
            s.clients,
            dir.display(),
            started.elapsed().as_secs_f64()
        )?;
        eprintln!(
            "{}",
            if include_private {
                "Plain text with private notes: keep it safe."
            } else {
                "Private notes left out (add --include-private for the coach's own archive)."
            }
        );
        return Ok(());
    }
    let Some(file) = args.file else {
        return Err(Error::invalid(
            "FILE",
            "give a file, `-`, or --markdown DIR",
        ));
    };
    let json = export::export_json(&store, coachbook::time::now())?;
    if file == Path::new("-") {
        out.write_all(json.as_bytes())?;
    } else {
        let dest = paths::check_output(&ctx.db, &file, paths::Output::JsonExport, "FILE")?;
        coachbook::private::write_atomically(dest.path(), json.as_bytes())?;
        eprintln!(
            "Exported to {} — plain text: it holds private notes, keep it safe.",
            file.display()
        );
    }
    Ok(())
}
