//! The `quotebot` command line: parses arguments, picks the shell, maps errors to exit codes.
//! Everything it runs lives in the library.

use anyhow::Context;
use clap::{Parser, Subcommand};
use quotebot::config::Config;
use quotebot::console;
use quotebot::corpus::{self, Article};
use quotebot::discord;
use quotebot::export::export;
use quotebot::extract::extract_corpus;
use quotebot::library::{Library, load_library};
use quotebot::store::Store;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "quotebot",
    version,
    about = "Who said what, when and where, across a corpus of news articles"
)]
struct Cli {
    /// The corpus folder (default: $CORPUS_DIR, else ./corpus).
    #[arg(long, global = true)]
    corpus: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Answer slash commands typed in the terminal (/quote topic:sovereignty, /help).
    Console,
    /// Answer one slash command and exit (non-zero on a user error, message on stderr).
    Ask {
        /// The command line, e.g. '/quote topic:sovereignty'.
        line: String,
        /// Which page of a long answer to print (1 = first).
        #[arg(long, default_value_t = 1)]
        page: usize,
    },
    /// Clean and extract arbitrary text files (front matter honoured); prints JSON on stdout.
    Extract {
        /// Article files (.txt or .md, UTF-8).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the JSON of every article, quote and claim in the corpus.
    Export,
    /// Score the extractors on public annotated data (PolNeAR for quotes; quantulum3 and
    /// Recognizers-Text for numbers): one line of figures per set.
    Eval {
        /// The folder holding polnear-dev/ and numbers/.
        #[arg(long, default_value = "../shared/eval")]
        data: PathBuf,
    },
}

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let corpus = corpus_dir(cli.corpus);
    let result = match cli.command {
        Some(Command::Console) => open_library(&corpus).and_then(run_console),
        Some(Command::Ask { line, page }) => {
            open_library(&corpus).and_then(|lib| run_ask(&lib, &line, page))
        }
        Some(Command::Extract { files }) => run_extract(&files),
        Some(Command::Export) => run_export(&corpus),
        Some(Command::Eval { data }) => run_eval(&data),
        None => run_default(&corpus),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The corpus folder: `--corpus`, else CORPUS_DIR, else ./corpus.
fn corpus_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os("CORPUS_DIR")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(|| PathBuf::from("corpus"))
}

/// Loads and indexes the corpus, logging what was loaded and how long it took.
fn open_library(corpus: &std::path::Path) -> anyhow::Result<Library> {
    let started = Instant::now();
    let lib = load_library(corpus)?;
    for w in &lib.warnings {
        tracing::warn!("{w}");
    }
    tracing::info!(
        articles = lib.articles.len(),
        quotes = lib.quotes.len(),
        claims = lib.claims.len(),
        speakers = lib.speakers.len(),
        warnings = lib.warnings.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "corpus loaded from {}",
        corpus.display()
    );
    Ok(lib)
}

fn run_default(corpus: &std::path::Path) -> anyhow::Result<ExitCode> {
    let config = Config::from_lookup(|k| std::env::var(k).ok())?;
    let Some(token) = config.token.clone() else {
        eprintln!(
            "No DISCORD_TOKEN set: opening the local console over {} (type /help).",
            corpus.display()
        );
        return open_library(corpus).and_then(run_console);
    };
    let store = Store::open(&config.database_path)?;
    let lib = Arc::new(open_library(corpus)?);
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(discord::run(
        &config,
        &token,
        lib,
        store,
        discord::Settings::default(),
        shutdown_signal(),
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(%e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(%e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

fn run_console(lib: Library) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    let prompt = stdin.is_terminal();
    console::run(&lib, stdin.lock(), std::io::stdout().lock(), prompt)
        .context("console input/output")?;
    Ok(ExitCode::SUCCESS)
}

fn run_ask(lib: &Library, line: &str, page: usize) -> anyhow::Result<ExitCode> {
    match console::answer(lib, line, &mut rand::rng()) {
        Ok(reply) => {
            let page = page.clamp(1, reply.pages.len()) - 1;
            let mut out = std::io::stdout().lock();
            console::write_page(&mut out, &reply, page).context("writing to stdout")?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::from(1))
        }
    }
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
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_export(corpus: &std::path::Path) -> anyhow::Result<ExitCode> {
    let loaded = corpus::load_dir(corpus)?;
    for e in &loaded.errors {
        eprintln!("error: {e}");
    }
    print_json(&loaded.articles)?;
    Ok(if loaded.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn run_eval(data: &std::path::Path) -> anyhow::Result<ExitCode> {
    let quotes = quotebot::eval::quotes::evaluate_quotes(&data.join("polnear-dev"))
        .context("quote evaluation")?;
    println!("{quotes}");
    for set in quotebot::eval::numbers::evaluate_numbers(&data.join("numbers"))
        .context("number evaluation")?
    {
        println!("{set}");
    }
    Ok(ExitCode::SUCCESS)
}

fn print_json(articles: &[Article]) -> anyhow::Result<()> {
    let extraction = extract_corpus(articles);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &export(articles, &extraction))
        .context("writing JSON to stdout")?;
    writeln!(out).context("writing JSON to stdout")?;
    Ok(())
}
