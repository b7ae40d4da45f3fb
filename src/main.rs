//! The `quotebot` command line: parses arguments, picks the shell, maps errors to exit codes.
//! Everything it runs lives in the library.

use anyhow::Context;
use clap::{Parser, Subcommand};
use quotebot::corpus::{self, Article};
use quotebot::export::export;
use quotebot::extract::extract_corpus;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "quotebot", version, about = "Who said what, when and where, across a corpus of news articles")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Clean and extract arbitrary text files (front matter honoured); prints JSON on stdout.
    Extract {
        /// Article files (.txt or .md, UTF-8).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the JSON of every article, quote and claim in the corpus.
    Export {
        /// The corpus folder (default: $CORPUS_DIR, else ./corpus).
        #[arg(long)]
        corpus: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { files }) => run_extract(&files),
        Some(Command::Export { corpus }) => run_export(corpus),
        None => run_export(None),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn corpus_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os("CORPUS_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("corpus"))
}

/// Extracts the given files; a bad file is reported on stderr and the rest still extracted.
fn run_extract(files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut articles: Vec<Article> = Vec::new();
    let mut failed = 0;
    for path in files {
        match corpus::load_file(path) {
            Ok(a) => articles.push(a),
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    print_json(&articles)?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn run_export(corpus: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let loaded = corpus::load_dir(&corpus_dir(corpus))?;
    for e in &loaded.errors {
        eprintln!("error: {e}");
    }
    print_json(&loaded.articles)?;
    Ok(if loaded.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn print_json(articles: &[Article]) -> anyhow::Result<()> {
    let extraction = extract_corpus(articles);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &export(articles, &extraction)).context("writing JSON to stdout")?;
    writeln!(out).context("writing JSON to stdout")?;
    Ok(())
}
