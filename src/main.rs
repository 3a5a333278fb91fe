//! The `dossier` command: open the reader on files and folders, or export
//! an analysed article as JSON, JSON lines or text.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use dossier::tui::theme::ColorChoice;
use dossier::tui::{Exit, Options as ReaderOptions};
use dossier::{export, library};

/// A keyboard-driven terminal reader for saved news articles: cleaned text
/// beside panels of who is in the article, what they said and where they
/// stand.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, args_conflicts_with_subcommands = true)]
struct Cli {
    /// Articles and folders to open (default: ./articles, else the data folder).
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
    let files = if is_dir {
        match library::scan(path) {
            Ok(scan) => {
                for e in &scan.errors {
                    fail(e);
                }
                scan.files
            }
            Err(e) => {
                fail(e);
                return ExitCode::from(1);
            }
        }
    } else {
        vec![path.to_path_buf()]
    };
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in &files {
        let article = match dossier::load(file) {
            Ok(a) => a,
            Err(e) => {
                fail(e);
                failed = true;
                continue;
            }
        };
        let text = match format {
            Format::Json => export::to_json(&article),
            Format::Jsonl => export::to_json_line(&article),
            Format::Text => export::to_text(&article, width),
        };
        if writeln!(out, "{text}").is_err() {
            // the reader of our output went away (a closed pipe): stop quietly
            return ExitCode::SUCCESS;
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_reader(paths: Vec<PathBuf>, options: ReaderOptions) -> ExitCode {
    let paths = if paths.is_empty() {
        match library::default_folder() {
            Ok(p) => vec![p],
            Err(e) => {
                fail(e);
                return ExitCode::from(1);
            }
        }
    } else {
        paths
    };
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in &paths {
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
        return ExitCode::from(1);
    }
    match dossier::tui::run(articles, errors, options) {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        // the shell's convention for a process ended by a signal
        Ok(Exit::Signal(signal)) => ExitCode::from(128u8.saturating_add(signal as u8)),
        Err(e) => {
            fail(format_args!("terminal: {e}"));
            ExitCode::from(1)
        }
    }
}
