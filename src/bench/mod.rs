//! Measurements at scale, run by `quotebot bench` (never by the tests): a synthetic corpus,
//! extraction throughput, cold start, query latency percentiles and peak memory. Timings are
//! reported, not asserted.

pub mod generate;

use crate::commands::{self, spec::Suggest, suggest::suggestions};
use crate::corpus::parse_article;
use crate::extract::claims::extract_claims_in_sentence;
use crate::extract::quotes::extract_quotes;
use crate::library::Library;
use crate::text::sentences::split_sentences;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use rayon::prelude::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// Writes `n` generated articles into `dir` (created), returning the bytes written.
pub fn write_corpus(dir: &Path, n: usize, seed: u64) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    (0..n)
        .into_par_iter()
        .map(|i| {
            let text = generate::article(seed, i);
            std::fs::write(dir.join(format!("{i:07}.txt")), &text)?;
            Ok(text.len() as u64)
        })
        .sum()
}

/// Extraction throughput on one core in MB/s, over `n` generated articles (parsing excluded: it
/// is I/O-side cleaning): quotes alone, claims alone, and both together.
pub fn extraction_mb_per_s(n: usize, seed: u64) -> (f64, f64, f64) {
    let articles: Vec<_> = (0..n)
        .map(|i| {
            parse_article("gen.txt", &generate::article(seed, i)).expect("generated articles parse")
        })
        .collect();
    let mb: f64 = articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
    let started = Instant::now();
    let quotes: usize = articles.iter().map(|a| extract_quotes(a).len()).sum();
    let quote_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut claims = 0;
    for a in &articles {
        for p in &a.paragraphs {
            for s in split_sentences(&p.text) {
                claims += extract_claims_in_sentence(&p.text[s]).len();
            }
        }
    }
    let claim_secs = started.elapsed().as_secs_f64();
    assert!(
        quotes > 0 && claims > 0,
        "the generated corpus has quotes and claims"
    );
    (
        mb / quote_secs,
        mb / claim_secs,
        mb / (quote_secs + claim_secs),
    )
}

/// Percentiles of a set of durations, in milliseconds.
pub fn percentiles(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let at =
        |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1e3;
    (at(0.50), at(0.99))
}

/// Latency of `/quote`, `/claim`, `/source` and speaker autocomplete over `rounds` queries each.
pub fn query_latencies(lib: &Library, rounds: usize) -> Vec<(&'static str, f64, f64)> {
    let mut rng = StdRng::seed_from_u64(11);
    let topics: Vec<String> = lib.topics.iter().take(200).cloned().collect();
    let topic = |rng: &mut StdRng| {
        topics
            .get(rng.random_range(0..topics.len().max(1)))
            .cloned()
            .unwrap_or_else(|| "internet".into())
    };
    let mut time = |name: &'static str,
                    make: &mut dyn FnMut(&mut StdRng) -> Vec<(String, String)>| {
        let samples: Vec<Duration> = (0..rounds)
            .map(|_| {
                let options = make(&mut rng);
                let started = Instant::now();
                let _ = commands::run(lib, name, &options, &mut StdRng::seed_from_u64(1));
                started.elapsed()
            })
            .collect();
        let (p50, p99) = percentiles(samples);
        (name, p50, p99)
    };
    let mut out = vec![
        time("quote", &mut |r| vec![("topic".into(), topic(r))]),
        time("claim", &mut |r| vec![("topic".into(), topic(r))]),
    ];
    let sample_quotes: Vec<String> = (0..rounds.min(lib.quotes.len()))
        .map(|i| {
            lib.quotes[(i * 7919) % lib.quotes.len()]
                .text
                .split_whitespace()
                .take(12)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut n = 0;
    out.push(time("source", &mut |_| {
        n += 1;
        vec![(
            "text".into(),
            sample_quotes
                .get(n % sample_quotes.len().max(1))
                .cloned()
                .unwrap_or_default(),
        )]
    }));
    let prefixes: Vec<String> = lib
        .speakers
        .iter()
        .take(200)
        .map(|s| s.name.chars().take(3).collect())
        .collect();
    let samples: Vec<Duration> = (0..rounds)
        .map(|i| {
            let started = Instant::now();
            let _ = suggestions(lib, Suggest::Speakers, &prefixes[i % prefixes.len().max(1)]);
            started.elapsed()
        })
        .collect();
    let (p50, p99) = percentiles(samples);
    out.push(("autocomplete", p50, p99));
    out
}

/// Peak resident memory of this process so far, in bytes (Linux; 0 elsewhere).
pub fn peak_rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}
