//! The `quotebot` command line: parses arguments, picks the shell, maps errors to exit codes.
//! Everything it runs lives in the library.

use anyhow::Context;
use clap::{Parser, Subcommand};
use quotebot::cache::Cache;
use quotebot::config::Config;
use quotebot::console;
use quotebot::corpus::{self, Article};
use quotebot::discord;
use quotebot::export::export;
use quotebot::extract::extract_corpus;
use quotebot::library::{Library, LoadOptions, SharedLibrary, load_library_with};
use quotebot::progress;
use quotebot::reload::{self, Reloader};
use quotebot::store::Store;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// `println!` that returns the write error instead of panicking, so `quotebot eval | head`
/// ends quietly when the reader closes the pipe.
macro_rules! out {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*).context("writing to stdout")?
    };
}

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
    /// Validate a corpus: every bad file with its name, line and reason, and metadata a card
    /// would miss; exits 1 when any file cannot be loaded.
    Check,
    /// Score the extractors on public annotated data (PolNeAR for quotes; quantulum3 and
    /// Recognizers-Text for numbers): one line of figures per set.
    Eval {
        /// The folder holding polnear-dev/ and numbers/.
        #[arg(long, default_value = "../shared/eval")]
        data: PathBuf,
    },
    /// Write a synthetic corpus of N varied articles (deterministic for a seed), for measuring.
    GenCorpus {
        #[arg(long)]
        articles: usize,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Measure extraction throughput, cold start, query latency and peak memory at several
    /// corpus sizes (generated under --work when missing).
    Bench {
        /// Corpus sizes in articles.
        #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
        sizes: Vec<usize>,
        /// Where generated corpora are kept between runs.
        #[arg(long, default_value = "target/bench-corpus")]
        work: PathBuf,
        /// Queries per command for the latency percentiles.
        #[arg(long, default_value_t = 300)]
        rounds: usize,
    },
    /// One measurement in a fresh process (used by `bench`, so memory peaks do not mix).
    #[command(hide = true)]
    BenchLoad {
        #[arg(long)]
        rounds: usize,
        /// Load through this cache folder (a warm start when it already holds the corpus).
        #[arg(long)]
        cache: Option<PathBuf>,
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
    let result = (|| match cli.command {
        Some(Command::Console) => {
            let config = Config::from_lookup(|k| std::env::var(k).ok())?;
            serve_corpus(&corpus, &config).and_then(|r| run_console(&r))
        }
        Some(Command::Ask { line, page }) => {
            let config = Config::from_lookup(|k| std::env::var(k).ok())?;
            let cache = cached_in(&config, &corpus);
            let options = LoadOptions {
                cache: cache.as_ref(),
                ..LoadOptions::default()
            };
            open_library(&corpus, &options).and_then(|lib| run_ask(&lib, &line, page))
        }
        Some(Command::Extract { files }) => run_extract(&files),
        Some(Command::Export) => run_export(&corpus),
        Some(Command::Check) => run_check(&corpus),
        Some(Command::Eval { data }) => run_eval(&data),
        Some(Command::GenCorpus {
            articles,
            out,
            seed,
        }) => {
            let bytes = quotebot::bench::write_corpus(&out, articles, seed)
                .context("writing the corpus")?;
            eprintln!(
                "wrote {articles} articles ({:.1} MB) to {}",
                bytes as f64 / 1e6,
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Bench {
            sizes,
            work,
            rounds,
        }) => run_bench(&sizes, &work, rounds),
        Some(Command::BenchLoad { rounds, cache }) => {
            run_bench_load(&corpus, rounds, cache.as_deref())
        }
        None => run_default(&corpus),
    })();
    match result {
        Ok(code) => code,
        // The reader of our output went away (`| head`): nothing is wrong, and no one to tell.
        Err(e) if is_closed_pipe(&e) => ExitCode::SUCCESS,
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
fn open_library(corpus: &std::path::Path, options: &LoadOptions) -> anyhow::Result<Library> {
    let started = Instant::now();
    let lib = load_library_with(corpus, options)?;
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

/// The cache of this corpus, unless caching is off.
fn cached_in(config: &Config, corpus: &std::path::Path) -> Option<Cache> {
    config
        .cache_dir
        .as_deref()
        .map(|root| Cache::for_corpus(root, corpus))
}

/// Loads the corpus for a long-running shell (through the cache, showing progress) and starts
/// what reloads it without a restart: SIGHUP, and the folder watcher when configured.
fn serve_corpus(corpus: &std::path::Path, config: &Config) -> anyhow::Result<Arc<Reloader>> {
    let cache = cached_in(config, corpus);
    let progress = progress::for_stderr();
    let options = LoadOptions {
        cache: cache.as_ref(),
        progress: progress.as_ref(),
    };
    let shared = Arc::new(SharedLibrary::new(Arc::new(open_library(
        corpus, &options,
    )?)));
    let reloader = Arc::new(Reloader::new(corpus, shared).with_cache(cache));
    reload::triggers::spawn(reloader.clone(), config.corpus_watch)
        .context("starting the corpus reloader")?;
    Ok(reloader)
}

fn run_default(corpus: &std::path::Path) -> anyhow::Result<ExitCode> {
    let config = Config::from_lookup(|k| std::env::var(k).ok())?;
    let Some(token) = config.token.clone() else {
        eprintln!(
            "No DISCORD_TOKEN set: opening the local console over {} (type /help).",
            corpus.display()
        );
        let reloader = serve_corpus(corpus, &config)?;
        return run_console(&reloader);
    };
    let store = Store::open(&config.database_path)?;
    let reloader = serve_corpus(corpus, &config)?;
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(discord::run(
        &config,
        &token,
        reloader,
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

fn run_console(reloader: &Reloader) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    let prompt = stdin.is_terminal();
    console::run(reloader, stdin.lock(), std::io::stdout().lock(), prompt)
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

fn run_check(corpus: &std::path::Path) -> anyhow::Result<ExitCode> {
    let loaded = corpus::load_dir(corpus)?;
    for e in &loaded.errors {
        out!("error: {e}");
    }
    let mut warnings = 0;
    for a in &loaded.articles {
        let mut missing = Vec::new();
        if a.title.is_none() {
            missing.push("title");
        }
        if a.source.is_none() {
            missing.push("source");
        }
        if a.published.is_none() {
            missing.push("published");
        }
        if !missing.is_empty() {
            warnings += 1;
            out!(
                "warning: {}: no {} found; add it as front matter (see README, The corpus)",
                a.file,
                missing.join(", ")
            );
        }
    }
    out!(
        "checked {}: {} articles loaded, {} errors, {} warnings",
        corpus.display(),
        loaded.articles.len(),
        loaded.errors.len(),
        warnings
    );
    Ok(if loaded.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
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

fn run_bench(sizes: &[usize], work: &std::path::Path, rounds: usize) -> anyhow::Result<ExitCode> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    out!("machine: {cores} cores");
    let (quotes, claims, both) = quotebot::bench::extraction_mb_per_s(2000, 1);
    out!(
        "extraction on one core: quotes {quotes:.1} MB/s, claims {claims:.1} MB/s, together {both:.1} MB/s"
    );
    out!(
        "articles  corpus MB  cold s  first s  warm s  RSS MB cold/warm  RSS/corpus cold/warm  quotes  claims  p50/p99 ms (warm): quote | claim | source | autocomplete"
    );
    let exe = std::env::current_exe()?;
    // One load in a fresh process, so peaks of memory do not mix.
    let load = |dir: &std::path::Path, cache: Option<&std::path::Path>| {
        let mut cmd = std::process::Command::new(&exe);
        cmd.args([
            "--corpus",
            &dir.display().to_string(),
            "bench-load",
            "--rounds",
            &rounds.to_string(),
        ])
        .env("RUST_LOG", "warn");
        if let Some(c) = cache {
            cmd.args(["--cache", &c.display().to_string()]);
        }
        let out = cmd.output().context("running a bench process")?;
        anyhow::ensure!(
            out.status.success(),
            "bench-load failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok::<serde_json::Value, anyhow::Error>(serde_json::from_slice(&out.stdout)?)
    };
    for &n in sizes {
        let dir = work.join(n.to_string());
        let have = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        if have != n {
            let _ = std::fs::remove_dir_all(&dir);
            quotebot::bench::write_corpus(&dir, n, 1).context("writing the bench corpus")?;
        }
        let corpus_bytes: u64 = std::fs::read_dir(&dir)?
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum();
        let cache = work.join(format!("cache-{n}"));
        let _ = std::fs::remove_dir_all(&cache);
        let cold = load(&dir, None)?;
        let first = load(&dir, Some(&cache))?;
        let warm = load(&dir, Some(&cache))?;
        let lat = |k: &str| {
            format!(
                "{:.2}/{:.2}",
                warm[k][0].as_f64().unwrap_or(0.0),
                warm[k][1].as_f64().unwrap_or(0.0)
            )
        };
        let secs = |m: &serde_json::Value| m["load_s"].as_f64().unwrap_or(0.0);
        let rss = |m: &serde_json::Value| m["rss"].as_f64().unwrap_or(0.0);
        out!(
            "{n:>8}  {:>9.1}  {:>6.2}  {:>7.2}  {:>6.2}  {:>8.0}/{:<8.0}  {:>9.2}/{:<9.2}  {:>6}  {:>6}  {} | {} | {} | {}",
            corpus_bytes as f64 / 1e6,
            secs(&cold),
            secs(&first),
            secs(&warm),
            rss(&cold) / 1e6,
            rss(&warm) / 1e6,
            rss(&cold) / corpus_bytes.max(1) as f64,
            rss(&warm) / corpus_bytes.max(1) as f64,
            warm["quotes"],
            warm["claims"],
            lat("quote"),
            lat("claim"),
            lat("source"),
            lat("autocomplete"),
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn run_bench_load(
    corpus: &std::path::Path,
    rounds: usize,
    cache: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let cache = cache.map(Cache::new);
    let options = LoadOptions {
        cache: cache.as_ref(),
        ..LoadOptions::default()
    };
    let lib = load_library_with(corpus, &options)?;
    let load_s = started.elapsed().as_secs_f64();
    let mut report = serde_json::json!({
        "load_s": load_s,
        "quotes": lib.quotes.len(),
        "claims": lib.claims.len(),
    });
    for (name, p50, p99) in quotebot::bench::query_latencies(&lib, rounds) {
        report[name] = serde_json::json!([p50, p99]);
    }
    report["rss"] = serde_json::json!(quotebot::bench::peak_rss_bytes());
    out!("{report}");
    Ok(ExitCode::SUCCESS)
}

fn run_eval(data: &std::path::Path) -> anyhow::Result<ExitCode> {
    let quotes = quotebot::eval::quotes::evaluate_quotes(&data.join("polnear-dev"))
        .context("quote evaluation")?;
    out!("{quotes}");
    for set in quotebot::eval::numbers::evaluate_numbers(&data.join("numbers"))
        .context("number evaluation")?
    {
        out!("{set}");
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

/// Whether an error comes from writing to a pipe whose reader has closed it.
fn is_closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
