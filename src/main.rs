//! The `dossier` command: open the reader on files and folders, or export
//! an analysed article as JSON, JSON lines or text.

use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use dossier::tui::theme::ColorChoice;
use dossier::tui::{Exit, Opening, Options as ReaderOptions};
use dossier::{export, library};

/// A keyboard-driven terminal reader for saved news articles: cleaned text
/// beside panels of who is in the article, what they said and where they
/// stand.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, args_conflicts_with_subcommands = true)]
struct Cli {
    /// Articles and folders to open (default: ./articles, else the data
    /// folder). One folder opens its library; files open in the reader.
    paths: Vec<PathBuf>,
    /// Scroll with the mouse wheel and select with clicks.
    #[arg(long)]
    mouse: bool,
    /// Colours: auto (as the terminal says; NO_COLOR turns them off),
    /// always, or never (bold, underline and reverse only).
    #[arg(long, value_enum, value_name = "WHEN")]
    color: Option<ColorWhen>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the analysed article(s) without the reader.
    Export {
        /// A file, a folder (with --format jsonl or text), or - for stdin.
        path: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Wrap width for --format text.
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..))]
        width: u16,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export {
            path,
            format,
            width,
        }) => run_export(&path, format, width.into()),
        None => {
            let color = cli.color.map(|c| match c {
                ColorWhen::Auto => ColorChoice::Auto,
                ColorWhen::Always => ColorChoice::Always,
                ColorWhen::Never => ColorChoice::Never,
            });
            let options = ReaderOptions {
                mouse: cli.mouse,
                color,
            };
            run_reader(cli.paths, options)
        }
    }
}

fn fail(message: impl std::fmt::Display) {
    eprintln!("dossier: {message}");
}

fn run_export(path: &Path, format: Format, width: usize) -> ExitCode {
    let is_dir = path != Path::new("-") && path.is_dir();
    if is_dir && format == Format::Json {
        fail(format_args!(
            "{}: is a folder; use --format jsonl for one object per article",
            dossier::ingest::sanitize::display_path(path)
        ));
        return ExitCode::from(2);
    }
    if is_dir {
        return export_folder(path, format, width);
    }
    let article = match dossier::load(path) {
        Ok(a) => a,
        Err(e) => {
            fail(e);
            return ExitCode::from(1);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match format {
        Format::Json | Format::Jsonl => {
            export::write_json(&article, format == Format::Jsonl, &mut out)
        }
        Format::Text => out.write_all(export::to_text(&article, width).as_bytes()),
    };
    // a closed pipe (the reader of our output went away) is not an error
    let _ = written
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    ExitCode::SUCCESS
}

fn render(article: &dossier::Article, format: Format, width: usize) -> String {
    match format {
        Format::Json => export::to_json(article),
        Format::Jsonl => export::to_json_line(article),
        Format::Text => export::to_text(article, width),
    }
}

/// Every article of a folder in path order, through the library's scan and
/// cache; a file that fails is reported on stderr and the rest goes on.
fn export_folder(path: &Path, format: Format, width: usize) -> ExitCode {
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let cache = dossier::storage::cache_dir();
    let lines = format == Format::Jsonl;
    let walked = library::articles::each(path, cache.as_deref(), lines, |found| {
        let text = match found.map(|f| (f, format)) {
            Ok((f, Format::Jsonl)) => f.into_json_line(),
            Ok((f, _)) => match f.into_article() {
                Ok(a) => render(&a, format, width),
                Err(e) => {
                    fail(format_args!(
                        "{}: {e}",
                        dossier::ingest::sanitize::display_path(path)
                    ));
                    failed = true;
                    return ControlFlow::Continue(());
                }
            },
            Err(e) => {
                let _ = out.flush();
                fail(e);
                failed = true;
                return ControlFlow::Continue(());
            }
        };
        if writeln!(out, "{text}").is_err() {
            // the reader of our output went away (a closed pipe): stop quietly
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    match walked {
        // the cache's messages: the export itself went through
        Ok(notices) => notices.iter().for_each(fail),
        Err(e) => {
            fail(e);
            return ExitCode::from(1);
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One folder (or none: the default one) opens the library's list; files,
/// or several paths, open in the reader one after another.
fn run_reader(paths: Vec<PathBuf>, options: ReaderOptions) -> ExitCode {
    let folder = match paths.as_slice() {
        [] => match library::default_folder() {
            Ok(p) => Some(p),
            Err(e) => {
                fail(e);
                return ExitCode::from(1);
            }
        },
        [one] if one.is_dir() => Some(one.clone()),
        _ => None,
    };
    if folder.is_some()
        && let Err(e) = dossier::tui::check_terminal()
    {
        // before the library starts analysing the folder for nothing
        fail(format_args!("terminal: {e}"));
        return ExitCode::from(1);
    }
    let opening = match folder {
        Some(root) => match library::Library::open(&root, &library::Places::from_env()) {
            Ok(lib) => Opening::Folder(Box::new(lib)),
            Err(e) => {
                fail(e);
                return ExitCode::from(1);
            }
        },
        None => match load_files(&paths) {
            Some((articles, errors)) => Opening::Articles { articles, errors },
            None => return ExitCode::from(1),
        },
    };
    match dossier::tui::open(opening, options) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        // the shell's convention for a process ended by a signal
        Ok(Exit::Signal(signal)) => ExitCode::from(128u8.saturating_add(signal as u8)),
        Err(e) => {
            fail(format_args!("terminal: {e}"));
            ExitCode::from(1)
        }
    }
}

/// Read and analyse the articles of `paths` (folders' files included);
/// the problems as lines. `None` (reported) when no article could be read.
fn load_files(paths: &[PathBuf]) -> Option<(Vec<dossier::Article>, Vec<String>)> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            match library::scan(p) {
                Ok(scan) => {
                    files.extend(scan.files);
                    errors.extend(scan.errors.into_iter().map(|e| e.to_string()));
                }
                Err(e) => errors.push(e.to_string()),
            }
        } else {
            files.push(p.clone());
        }
    }
    let mut articles = Vec::new();
    for f in &files {
        match dossier::load(f) {
            Ok(a) => articles.push(a),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if articles.is_empty() {
        for e in &errors {
            fail(e);
        }
        if errors.is_empty() {
            let shown: Vec<String> = paths
                .iter()
                .map(|p| dossier::ingest::sanitize::display_path(p))
                .collect();
            fail(format_args!("{}: no articles found", shown.join(", ")));
        }
        return None;
    }
    Some((articles, errors))
}
