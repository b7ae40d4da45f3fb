//! Scores the quote extractor against the PolNeAR v1.0 dev split (84 US election articles with
//! brat attribution annotations), read at run time from the `polnear-dev` folder of
//! `../shared/eval`; the data is never copied into the repository.
//!
//! Gold: every `E` relation with a `Content` span (plus its `Content2` parts, if any) is one gold
//! quote; its speaker is the relation's `Source` text. PolNeAR annotates every attribution,
//! beliefs and paraphrase included, so recall here is a floor, not a target. Offsets in the `.ann`
//! files count Unicode characters (checked on files with curly quotes), so predicted byte spans are
//! converted to characters before comparing. Some texts have several annotators; per text, only
//! the first `.ann` file in sorted file-name order is used.
//!
//! Scoring: coverage = characters of a gold content (all its parts) inside a predicted span, over
//! the gold content's length. A gold quote is found at threshold t when some prediction covers at
//! least t of it (recall); a prediction is correct when it covers at least t of some gold quote
//! (precision). Speaker accuracy is judged on gold quotes found at 30%, using the prediction that
//! covers most of it (see [`same_speaker`] for the matching rule). PolNeAR does not resolve
//! pronoun sources, so a gold source made only of pronouns ("he", "They") is resolved the standard
//! way, by the annotation itself: to the nearest preceding gold source of the same article that is
//! not a pronoun, and for a personal pronoun ("he", "she", "I") one that names someone, so "he"
//! is not read as "The party's rules" (see [`antecedent_source`]). A relative "who" stands for
//! the phrase right before it in the text ("an architect, who said")
//! (see [`relative_antecedent`]). Only when neither applies does the text heuristic of
//! [`resolve_source`] (the nearest capitalised name before it) apply.
//!
//! This module owns the reading of PolNeAR and the arithmetic; it does not change the extractor.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use regex::Regex;

use crate::corpus::{ArticleError, parse_article};
use crate::extract::quotes::{Quote, QuoteKind, extract_quotes};

/// Where the texts and annotations sit inside the `polnear-dev` folder.
const TEXT_DIR: &str = "data/dev/text";
const ANN_DIR: &str = "data/dev/attributions";

/// The two coverage thresholds reported.
const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// Throughput is timed over repeated passes until this much time has gone by.
const MIN_TIMING: Duration = Duration::from_secs(1);
const MAX_TIMING_PASSES: usize = 20;

/// Words that never make two names the same person.
const STOP_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "for",
    "in",
    "on",
    "at",
    "to",
    "by",
    "with",
    "from",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "president",
    "former",
];

/// Gold sources made only of these are resolved to a name in the text before them.
const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "his",
    "hers",
    "their",
    "theirs",
    "i",
    "me",
    "my",
    "we",
    "us",
    "our",
    "you",
    "your",
    "it",
    "its",
    "who",
    "whom",
    "which",
    "himself",
    "herself",
    "themselves",
];

/// Pronouns that stand for one person, whose antecedent must name someone.
const PERSONAL_PRONOUNS: &[&str] = &[
    "he", "she", "him", "her", "his", "hers", "himself", "herself", "i", "me", "my",
];

/// Pronouns that open a relative clause about a speaker and stand for the phrase right before
/// it. "which" and "that" are left out: they as often stand for a whole clause.
const RELATIVE_PRONOUNS: &[&str] = &["who", "whom"];

/// Capitalised adjectives of party and nation that describe a speaker without naming one.
const NOT_NAME_ADJECTIVES: &[&str] = &[
    "republican",
    "republicans",
    "democratic",
    "democrat",
    "democrats",
    "libertarian",
    "gop",
    "american",
    "americans",
    "u.s",
];

/// Capitalised words that open a run without being part of a name ("But Clinton said").
const NOT_NAME_WORDS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "this",
    "that",
    "these",
    "those",
    "there",
    "then",
    "still",
    "also",
    "meanwhile",
    "now",
    "asked",
    "according",
];

/// Runs of capitalised words, the candidates for a pronoun's antecedent.
static CAPITALISED_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.\-]*)*").expect("valid regex")
});

/// Why the evaluation could not run; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum QuoteEvalError {
    /// The folder (or its text or annotation subfolder) cannot be listed.
    #[error(
        "{dir}: cannot list: {source}; pass the polnear-dev folder of ../shared/eval (it holds data/dev/text and data/dev/attributions)"
    )]
    Dir {
        dir: PathBuf,
        source: std::io::Error,
    },
    /// The annotation folder holds no `.ann` file.
    #[error("{dir}: no .ann files; pass the polnear-dev folder of ../shared/eval")]
    NoAnnotations { dir: PathBuf },
    /// A text or annotation file cannot be read as UTF-8 text.
    #[error("{file}: cannot read: {source}; check the file is the unmodified PolNeAR one")]
    Read {
        file: PathBuf,
        source: std::io::Error,
    },
    /// An annotation file has no text beside it.
    #[error(
        "{ann}: no text {text} beside it; annotation files are named after their text's stem plus `_<annotator>.ann`"
    )]
    MissingText { ann: PathBuf, text: PathBuf },
    /// A line of an annotation file is not brat standoff as PolNeAR writes it.
    #[error(
        "{file}:{line}: {reason}; expected `T<n>\\t<Type> <start> <end>[;<start> <end>]\\t<text>` or `E<n>\\tAttribution:T<a> Source:T<s> Cue:T<c> Content:T<x>`"
    )]
    BadLine {
        file: String,
        line: usize,
        reason: String,
    },
    /// An annotated span lies beyond the end of its text.
    #[error(
        "{file}:{line}: span {start}..{end} is outside the {chars}-character text; the annotation belongs to another version of the text"
    )]
    OutOfRange {
        file: String,
        line: usize,
        start: usize,
        end: usize,
        chars: usize,
    },
    /// The extractor's article parser rejected a text.
    #[error(transparent)]
    Article(#[from] ArticleError),
}

/// The figures of one run; rates are fractions in 0..=1.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteScore {
    pub articles: usize,
    /// Gold attributions with a Content span.
    pub gold: usize,
    /// Quotes the extractor returned.
    pub predicted: usize,
    pub p30: f64,
    pub r30: f64,
    pub f30: f64,
    pub p80: f64,
    pub r80: f64,
    pub f80: f64,
    /// Share of judged quotes whose predicted speaker matches the gold source.
    pub speaker_acc: f64,
    /// Gold quotes found at 30% that have a (resolvable) gold source.
    pub speaker_judged: usize,
    /// Text bytes through `parse_article` + `extract_quotes`, in MB (10^6 bytes) per second.
    pub mb_per_s: f64,
}

impl fmt::Display for QuoteScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pc = |x: f64| x * 100.0;
        write!(
            f,
            "quotes  PolNeAR dev  {} articles  gold {}  pred {}  P/R/F1@30 {:.1}/{:.1}/{:.1}  @80 {:.1}/{:.1}/{:.1}  speaker {:.1}% ({})  {:.2} MB/s",
            self.articles,
            self.gold,
            self.predicted,
            pc(self.p30),
            pc(self.r30),
            pc(self.f30),
            pc(self.p80),
            pc(self.r80),
            pc(self.f80),
            pc(self.speaker_acc),
            self.speaker_judged,
            self.mb_per_s,
        )
    }
}

/// One gold attribution, in character offsets of its article text.
#[derive(Debug, Clone, PartialEq)]
struct GoldQuote {
    content: Vec<Range<usize>>,
    source: Option<GoldSource>,
    /// The annotated cue words, kept for `EVAL_VERBOSE` listings only.
    cue: Option<String>,
}

/// The annotated source phrase and where it starts (characters).
#[derive(Debug, Clone, PartialEq)]
struct GoldSource {
    text: String,
    start: usize,
}

/// A predicted quote reduced to what is scored, in character offsets.
#[derive(Debug, Clone, PartialEq)]
struct Prediction {
    span: Range<usize>,
    speaker: Option<String>,
    /// Shown in `EVAL_VERBOSE` listings, to see which kind of quote and which cue a false
    /// one has.
    kind: QuoteKind,
    cue: Option<String>,
}

/// Running counts over articles.
#[derive(Debug, Default, Clone, PartialEq)]
struct Tally {
    gold: usize,
    predicted: usize,
    found: [usize; 2],
    correct: [usize; 2],
    speaker_judged: usize,
    speaker_right: usize,
}

/// Reads the dev split under `polnear_dir`, runs the extractor on every annotated text and scores it.
pub fn evaluate_quotes(polnear_dir: &Path) -> Result<QuoteScore, QuoteEvalError> {
    let pairs = annotated_texts(polnear_dir)?;
    let mut docs = Vec::with_capacity(pairs.len());
    for (text_path, ann_path) in &pairs {
        let text = read(text_path)?;
        let ann = read(ann_path)?;
        let gold = parse_ann(&ann, &text, &ann_path.display().to_string())?;
        docs.push((text_path.display().to_string(), text, gold));
    }

    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    let mut tally = Tally::default();
    let start = Instant::now();
    for (name, text, gold) in &docs {
        let quotes = extract_quotes(&parse_article(name, text)?);
        let preds = predictions(text, &quotes);
        score_article(gold, &preds, text, &mut tally);
        if verbose {
            list_errors(name, gold, &preds, text);
        }
    }
    let mut elapsed = start.elapsed();
    let mut passes = 1;
    while elapsed < MIN_TIMING && passes < MAX_TIMING_PASSES {
        let start = Instant::now();
        for (name, text, _) in &docs {
            std::hint::black_box(extract_quotes(&parse_article(name, text)?));
        }
        elapsed += start.elapsed();
        passes += 1;
    }
    let bytes: usize = docs.iter().map(|(_, text, _)| text.len()).sum();
    let mb_per_s = (bytes * passes) as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9);
    Ok(score_of(&tally, docs.len(), mb_per_s))
}

/// Pairs each annotated text with its first annotator's file (sorted by file name).
fn annotated_texts(polnear_dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, QuoteEvalError> {
    let ann_dir = polnear_dir.join(ANN_DIR);
    let text_dir = polnear_dir.join(TEXT_DIR);
    let entries = std::fs::read_dir(&ann_dir).map_err(|source| QuoteEvalError::Dir {
        dir: ann_dir.clone(),
        source,
    })?;
    let mut anns: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    if anns.is_empty() {
        return Err(QuoteEvalError::NoAnnotations { dir: ann_dir });
    }
    let mut first: BTreeMap<String, PathBuf> = BTreeMap::new();
    for ann in anns {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let text_stem = stem.rsplit_once('_').map_or(stem, |(s, _)| s).to_string();
        first.entry(text_stem).or_insert(ann);
    }
    first
        .into_iter()
        .map(|(stem, ann)| {
            let text = text_dir.join(format!("{stem}.txt"));
            if text.is_file() {
                Ok((text, ann))
            } else {
                Err(QuoteEvalError::MissingText { ann, text })
            }
        })
        .collect()
}

fn read(path: &Path) -> Result<String, QuoteEvalError> {
    std::fs::read_to_string(path).map_err(|source| QuoteEvalError::Read {
        file: path.to_path_buf(),
        source,
    })
}

/// Reads one brat `.ann` file into gold quotes; `text` is the article it annotates.
fn parse_ann(ann: &str, text: &str, file: &str) -> Result<Vec<GoldQuote>, QuoteEvalError> {
    let chars = text.chars().count();
    let bad = |line: usize, reason: String| QuoteEvalError::BadLine {
        file: file.to_string(),
        line,
        reason,
    };
    // T id -> (parts, covered text)
    let mut spans: HashMap<&str, (Vec<Range<usize>>, &str)> = HashMap::new();
    let mut relations = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let n = i + 1;
        if let Some(rest) = line.strip_prefix('T') {
            let mut fields = line.splitn(3, '\t');
            let (id, middle, covered) = (fields.next(), fields.next(), fields.next());
            let (Some(id), Some(middle)) = (id, middle) else {
                return Err(bad(
                    n,
                    format!("text-bound line T{rest} has no tab-separated offsets"),
                ));
            };
            let Some((_, offsets)) = middle.split_once(' ') else {
                return Err(bad(n, format!("`{middle}` has no offsets after the type")));
            };
            let mut parts = Vec::new();
            for part in offsets.split(';') {
                let pair: Vec<&str> = part.split_whitespace().collect();
                let [Ok(start), Ok(end)] =
                    [0, 1].map(|k| pair.get(k).unwrap_or(&"").parse::<usize>())
                else {
                    return Err(bad(n, format!("`{part}` is not `<start> <end>`")));
                };
                if pair.len() != 2 || start > end || end > chars {
                    return Err(QuoteEvalError::OutOfRange {
                        file: file.to_string(),
                        line: n,
                        start,
                        end,
                        chars,
                    });
                }
                parts.push(start..end);
            }
            spans.insert(id, (parts, covered.unwrap_or_default()));
        } else if line.starts_with('E') {
            let Some((_, args)) = line.split_once('\t') else {
                return Err(bad(n, "relation line has no tab".into()));
            };
            let mut roles = Vec::new();
            for arg in args.split_whitespace() {
                let Some((role, id)) = arg.split_once(':') else {
                    return Err(bad(n, format!("`{arg}` is not `Role:T<n>`")));
                };
                roles.push((role, id));
            }
            relations.push((n, roles));
        }
        // Notes, attributes and blank lines carry nothing scored.
    }

    let mut gold = Vec::new();
    for (n, roles) in relations {
        let mut content = Vec::new();
        let mut source = None;
        let mut cue = None;
        for (role, id) in roles {
            let wanted = matches!(role, "Content" | "Content2" | "Source" | "Cue");
            if !wanted {
                continue;
            }
            let Some((parts, covered)) = spans.get(id) else {
                return Err(bad(n, format!("{role}:{id} names no T line of this file")));
            };
            if role == "Cue" {
                cue = Some(covered.to_string());
            } else if role == "Source" {
                source = Some(GoldSource {
                    text: covered.to_string(),
                    start: parts.first().map_or(0, |p| p.start),
                });
            } else {
                content.extend(parts.iter().cloned());
            }
        }
        if !content.is_empty() {
            gold.push(GoldQuote {
                content,
                source,
                cue,
            });
        }
    }
    Ok(gold)
}

/// Converts the extractor's byte spans into character spans of `text`.
fn predictions(text: &str, quotes: &[Quote]) -> Vec<Prediction> {
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let char_of = |byte: usize| starts.partition_point(|&s| s < byte);
    quotes
        .iter()
        .map(|q| {
            let (start, end) = as_written(text, q);
            Prediction {
                span: char_of(start)..char_of(end),
                speaker: q.speaker.clone(),
                kind: q.kind,
                cue: q.cue.clone(),
            }
        })
        .collect()
}

/// A quote's byte span with the marks and the closing punctuation the extractor trims from the
/// words it shows (`“These are strange days,”` is shown as `These are strange days`): the
/// annotators mark the quote as written, so it is scored as written.
fn as_written(text: &str, q: &Quote) -> (usize, usize) {
    const MARKS: &[char] = &['"', '“', '”', '\'', '‘', '’'];
    const CLOSING: &[char] = &[',', '.', ';', ':', '?', '!', '"', '“', '”', '\'', '’'];
    let (mut start, mut end) = (q.span.start, q.span.end);
    if matches!(q.kind, QuoteKind::Indirect | QuoteKind::Position) {
        return (start, end);
    }
    for _ in 0..2 {
        match text[..start].chars().next_back() {
            Some(c) if MARKS.contains(&c) => start -= c.len_utf8(),
            _ => break,
        }
    }
    for _ in 0..3 {
        match text[end..].chars().next() {
            Some(c) if CLOSING.contains(&c) => end += c.len_utf8(),
            _ => break,
        }
    }
    (start, end)
}

/// Share of `gold` (all parts) that `pred` covers, in 0..=1.
fn coverage(pred: &Range<usize>, gold: &[Range<usize>]) -> f64 {
    let total: usize = gold.iter().map(|g| g.end - g.start).sum();
    if total == 0 {
        return 0.0;
    }
    let inside: usize = gold
        .iter()
        .map(|g| pred.end.min(g.end).saturating_sub(pred.start.max(g.start)))
        .sum();
    inside as f64 / total as f64
}

/// The most of any gold quote that `pred` covers, in 0..=1: how a prediction is judged correct.
fn best_coverage(pred: &Prediction, gold: &[GoldQuote]) -> f64 {
    gold.iter()
        .map(|g| coverage(&pred.span, &g.content))
        .fold(0.0, f64::max)
}

/// The prediction that covers most of `gold`, and how much: how a gold quote is judged found,
/// and whose speaker is judged.
fn best_prediction<'p>(gold: &GoldQuote, preds: &'p [Prediction]) -> Option<(f64, &'p Prediction)> {
    preds
        .iter()
        .map(|p| (coverage(&p.span, &gold.content), p))
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

/// Adds one article's counts to `tally`; `text` is used to resolve pronoun sources.
fn score_article(gold: &[GoldQuote], preds: &[Prediction], text: &str, tally: &mut Tally) {
    tally.gold += gold.len();
    tally.predicted += preds.len();
    for pred in preds {
        let best = best_coverage(pred, gold);
        for (k, t) in THRESHOLDS.iter().enumerate() {
            tally.correct[k] += usize::from(best >= *t);
        }
    }
    for g in gold {
        let best = best_prediction(g, preds);
        let Some((cov, pred)) = best else { continue };
        for (k, t) in THRESHOLDS.iter().enumerate() {
            tally.found[k] += usize::from(cov >= *t);
        }
        if cov < THRESHOLDS[0] {
            continue;
        }
        let Some(source) = &g.source else { continue };
        let Some(name) = judged_name(source, gold, text) else {
            continue;
        };
        let name = name.as_str();
        tally.speaker_judged += 1;
        let right = pred
            .speaker
            .as_deref()
            .is_some_and(|s| same_speaker(s, name));
        tally.speaker_right += usize::from(right);
    }
}

/// Prints one article's misses, false quotes and wrong speakers to stderr, for `EVAL_VERBOSE=1`.
fn list_errors(name: &str, gold: &[GoldQuote], preds: &[Prediction], text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let show = |span: &Range<usize>| -> String {
        let s: String = chars[span.start..span.end.min(chars.len())]
            .iter()
            .collect();
        let s = s.replace('\n', " ");
        if s.chars().count() > 160 {
            s.chars().take(160).collect::<String>() + "…"
        } else {
            s
        }
    };
    let file = name.rsplit('/').next().unwrap_or(name);
    for g in gold {
        let best = best_prediction(g, preds);
        let source = g.source.as_ref().map_or("-", |s| s.text.as_str());
        let cue = g.cue.as_deref().unwrap_or("-");
        match best {
            Some((cov, _)) if (THRESHOLDS[0]..THRESHOLDS[1]).contains(&cov) => {
                eprintln!(
                    "PARTIAL {file} cov={cov:.2} parts={} :: {}",
                    g.content.len(),
                    show(&g.content[0])
                );
            }
            Some((cov, pred)) if cov >= THRESHOLDS[0] => {
                let predicted = pred.speaker.as_deref().unwrap_or("-");
                let judged = g.source.as_ref().and_then(|s| judged_name(s, gold, text));
                if let Some(name) = judged
                    && !same_speaker(predicted, &name)
                {
                    let resolved = if name == source {
                        String::new()
                    } else {
                        format!(" (read as {name})")
                    };
                    eprintln!(
                        "SPEAKER {file} [{cue}] gold={source}{resolved} pred={predicted} :: {}",
                        show(&g.content[0])
                    );
                }
            }
            _ => eprintln!(
                "MISS {file} [{cue}] src={source} :: {}",
                show(&g.content[0])
            ),
        }
    }
    for p in preds {
        let best = best_coverage(p, gold);
        if best < THRESHOLDS[0] {
            eprintln!(
                "FALSE {file} kind={:?} cue={} speaker={} :: {}",
                p.kind,
                p.cue.as_deref().unwrap_or("-"),
                p.speaker.as_deref().unwrap_or("-"),
                show(&p.span)
            );
        } else {
            eprintln!(
                "RIGHT {file} kind={:?} cue={}",
                p.kind,
                p.cue.as_deref().unwrap_or("-")
            );
        }
    }
}

fn score_of(tally: &Tally, articles: usize, mb_per_s: f64) -> QuoteScore {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |p: f64, r: f64| {
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let p = tally.correct.map(|c| ratio(c, tally.predicted));
    let r = tally.found.map(|c| ratio(c, tally.gold));
    QuoteScore {
        articles,
        gold: tally.gold,
        predicted: tally.predicted,
        p30: p[0],
        r30: r[0],
        f30: f1(p[0], r[0]),
        p80: p[1],
        r80: r[1],
        f80: f1(p[1], r[1]),
        speaker_acc: ratio(tally.speaker_right, tally.speaker_judged),
        speaker_judged: tally.speaker_judged,
        mb_per_s,
    }
}

/// The name a gold source is judged by: the annotators' own antecedent for a pronoun, else
/// the nearest name before it in `text`; `None` when a pronoun has neither (not judged).
fn judged_name(source: &GoldSource, gold: &[GoldQuote], text: &str) -> Option<String> {
    let before: String = text.chars().take(source.start).collect();
    relative_antecedent(&source.text, &before)
        .map(str::to_string)
        .or_else(|| antecedent_source(source, gold))
        .or_else(|| resolve_source(&source.text, &before).map(str::to_string))
}

/// The phrase a relative pronoun source ("who") stands for: the words right before
/// it, back to the punctuation before the comma that opens the relative clause ("Few people,
/// an architect, who said" gives "an architect"). `None` for any other source, or when no such
/// phrase precedes it.
fn relative_antecedent<'a>(source: &str, before: &'a str) -> Option<&'a str> {
    if !RELATIVE_PRONOUNS.contains(&source.trim().to_lowercase().as_str()) {
        return None;
    }
    let clause_open = before.trim_end().strip_suffix(',')?;
    let start = clause_open
        .rfind([',', ';', ':', '(', '.', '!', '?', '—', '"', '“', '”'])
        .map_or(0, |i| {
            i + clause_open[i..].chars().next().map_or(1, char::len_utf8)
        });
    let phrase = clause_open[start..].trim();
    (!phrase.is_empty() && phrase.split_whitespace().count() <= 12).then_some(phrase)
}

/// Whether a gold source names someone: a capitalised word that is not only the phrase's
/// opening function word ("The party's rules" names nobody; "the Clinton campaign" does) and
/// not a party or nationality adjective ("The Republican nominee" names nobody either).
fn names_someone(source: &str) -> bool {
    source
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
        .enumerate()
        .any(|(i, w)| {
            let lower = w.trim_end_matches('.').to_lowercase();
            w.starts_with(char::is_uppercase)
                && !(i == 0
                    && (STOP_WORDS.contains(&lower.as_str())
                        || NOT_NAME_WORDS.contains(&lower.as_str())))
                && !PRONOUNS.contains(&lower.as_str())
                && !NOT_NAME_ADJECTIVES.contains(&lower.as_str())
        })
}

/// Whether a source phrase is made only of pronouns ("he", "His campaign" is not).
fn is_pronoun_source(source: &str) -> bool {
    let mut tokens = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .peekable();
    tokens.peek().is_some() && tokens.all(|t| PRONOUNS.contains(&t.to_lowercase().as_str()))
}

/// The annotators' own coreference for a pronoun source: the nearest gold source of the same
/// article that starts before it and is not itself a pronoun. `None` for a source that is not a
/// pronoun, or when no such source precedes it.
fn antecedent_source(source: &GoldSource, gold: &[GoldQuote]) -> Option<String> {
    if !is_pronoun_source(&source.text) {
        return None;
    }
    let personal = source
        .text
        .split(|c: char| !c.is_alphanumeric())
        .any(|t| PERSONAL_PRONOUNS.contains(&t.to_lowercase().as_str()));
    gold.iter()
        .filter_map(|g| g.source.as_ref())
        .filter(|s| s.start < source.start && !is_pronoun_source(&s.text))
        .filter(|s| !personal || names_someone(&s.text))
        .max_by_key(|s| s.start)
        .map(|s| s.text.clone())
}

/// Lower-cased tokens of at least two characters that are not stop words.
fn name_tokens(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|t| !STOP_WORDS.contains(&t.as_str()))
}

/// Whether the predicted speaker and the gold source share a name token ("Mr. Trump" and
/// "Donald J. Trump"; "aides" and "campaign aides").
fn same_speaker(predicted: &str, gold: &str) -> bool {
    let gold_tokens: Vec<String> = name_tokens(gold).collect();
    // A description made only of stop words ("the president") is the same speaker only when
    // it is the same description.
    if gold_tokens.is_empty() {
        let plain = |s: &str| {
            s.trim()
                .trim_end_matches([',', '.'])
                .to_lowercase()
                .trim_start_matches("the ")
                .to_string()
        };
        return !gold.trim().is_empty() && plain(predicted) == plain(gold);
    }
    name_tokens(predicted).any(|t| gold_tokens.contains(&t))
}

/// The name a gold source stands for. PolNeAR does not resolve pronoun sources ("he", "she",
/// "they", "I"...), so a source made only of pronouns is replaced by the nearest capitalised name
/// before it in the text (`before`): the last run of capitalised words, less leading function
/// words ("But", "The"), that has two or more words or does not open a sentence (a lone
/// sentence-initial capital is too often an ordinary word). `None` when no such name precedes it:
/// the quote is then not judged for its speaker.
fn resolve_source<'a>(source: &'a str, before: &'a str) -> Option<&'a str> {
    let all_pronouns = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .all(|t| PRONOUNS.contains(&t.to_lowercase().as_str()));
    if !all_pronouns || source.trim().is_empty() {
        return Some(source);
    }
    CAPITALISED_RUN
        .find_iter(before)
        .filter_map(|m| name_in_run(before, m.start(), m.as_str()))
        .last()
}

/// The name inside one capitalised run starting at byte `at` of `text`, if it is one.
fn name_in_run<'a>(text: &str, at: usize, run: &'a str) -> Option<&'a str> {
    let mut rest = run;
    let mut dropped = false;
    while let Some(word) = rest.split_whitespace().next() {
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !(NOT_NAME_WORDS.contains(&bare.as_str())
            || PRONOUNS.contains(&bare.as_str())
            || STOP_WORDS.contains(&bare.as_str()))
        {
            break;
        }
        rest = rest[word.len()..].trim_start();
        dropped = true;
    }
    if rest.is_empty() {
        return None;
    }
    let words = rest.split_whitespace().count();
    // Quotation marks are looked through: `win,” Trump` does not open a sentence, `.” Trump` does.
    let opens_sentence = text[..at]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '\''))
        .chars()
        .last()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':'));
    (words >= 2 || dropped || !opens_sentence).then_some(rest.trim_end_matches(['.', '’', '\'']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pred(span: Range<usize>, speaker: Option<&str>) -> Prediction {
        Prediction {
            span,
            speaker: speaker.map(str::to_string),
            kind: QuoteKind::Direct,
            cue: None,
        }
    }

    fn gold(content: &[Range<usize>], source: Option<(&str, usize)>) -> GoldQuote {
        GoldQuote {
            content: content.to_vec(),
            source: source.map(|(text, start)| GoldSource {
                text: text.to_string(),
                start,
            }),
            cue: None,
        }
    }

    /// A gold content of one part (a literal `[a..b]` reads as a range-to-array mistake to clippy).
    fn one(part: Range<usize>) -> [Range<usize>; 1] {
        [part]
    }

    #[test]
    fn coverage_counts_overlap_over_gold_length() {
        assert_eq!(coverage(&(0..10), &one(0..10)), 1.0);
        assert_eq!(coverage(&(5..20), &one(0..10)), 0.5);
        assert_eq!(coverage(&(20..30), &one(0..10)), 0.0);
        // A prediction longer than the gold still covers all of it.
        assert_eq!(coverage(&(0..100), &one(40..50)), 1.0);
    }

    #[test]
    fn coverage_sums_the_parts_of_a_discontinuous_gold_span() {
        // Parts of 10 and 30 characters; the prediction covers the first and 10 of the second.
        assert_eq!(coverage(&(0..30), &[0..10, 20..50]), 0.5);
        assert_eq!(coverage(&(100..200), &[0..10, 20..50]), 0.0);
    }

    #[test]
    fn thresholds_decide_found_and_correct_separately() {
        let text = "x".repeat(300);
        let golds = [gold(&one(0..100), None), gold(&one(200..300), None)];
        // Covers 50% of the first gold (found at 30, not at 80) and 90% of the second.
        let preds = [
            pred(50..100, None),
            pred(200..290, None),
            pred(110..190, None),
        ];
        let mut tally = Tally::default();
        score_article(&golds, &preds, &text, &mut tally);
        assert_eq!(tally.found, [2, 1]);
        assert_eq!(tally.correct, [2, 1]);
        let score = score_of(&tally, 1, 0.0);
        assert!((score.p30 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(score.r30, 1.0);
        assert!((score.f80 - 2.0 * (1.0 / 3.0) * 0.5 / (1.0 / 3.0 + 0.5)).abs() < 1e-9);
    }

    #[test]
    fn speaker_is_judged_on_the_best_covering_prediction() {
        let text = "Jane Doe said the plan works. ".repeat(4);
        let golds = [gold(&one(14..28), Some(("Jane Doe", 0)))];
        let preds = [pred(0..16, Some("John Smith")), pred(10..29, Some("Doe"))];
        let mut tally = Tally::default();
        score_article(&golds, &preds, &text, &mut tally);
        assert_eq!((tally.speaker_judged, tally.speaker_right), (1, 1));
    }

    #[test]
    fn quotes_without_source_or_not_found_are_not_judged_for_speaker() {
        let text = "y".repeat(100);
        let golds = [
            gold(&one(0..10), None),
            gold(&one(50..60), Some(("Jane Doe", 40))),
        ];
        let preds = [
            pred(0..10, Some("Jane Doe")),
            pred(58..70, Some("Jane Doe")),
        ];
        let mut tally = Tally::default();
        score_article(&golds, &preds, &text, &mut tally);
        assert_eq!(tally.found, [1, 1]);
        assert_eq!(tally.speaker_judged, 0);
    }

    #[test]
    fn speakers_match_on_a_shared_name_token_only() {
        assert!(same_speaker("Donald Trump", "Mr. Trump"));
        assert!(same_speaker("campaign aides", "aides"));
        assert!(!same_speaker("Mike Pence", "Mr. Trump"));
        // Stop words and one-letter initials are no evidence.
        assert!(!same_speaker("The Post", "the Times"));
        assert!(!same_speaker("Donald J. Trump", "Michael J. Fox"));
        // Descriptions of stop words only are judged as whole phrases.
        assert!(same_speaker("the president", "The president"));
        assert!(!same_speaker("the president", "the former president"));
    }

    #[test]
    fn pronoun_sources_resolve_to_the_nearest_capitalised_name_before_them() {
        let before = "Hillary Clinton spoke first. Then Donald Trump took the stage. But ";
        assert_eq!(resolve_source("he", before), Some("Donald Trump"));
        // A lone capital opening a sentence is not a name; one after a function word is.
        assert_eq!(resolve_source("She", "Clinton waved. Yesterday "), None);
        assert_eq!(
            resolve_source("She", "Clinton waved. But Clinton "),
            Some("Clinton")
        );
        assert_eq!(
            resolve_source("she", "a crowd cheered for Clinton, and "),
            Some("Clinton")
        );
        // Names pass through untouched.
        assert_eq!(
            resolve_source("the Clinton campaign", "Trump "),
            Some("the Clinton campaign")
        );
        assert_eq!(resolve_source("they", "no names here"), None);
    }

    #[test]
    fn pronoun_sources_take_the_nearest_named_gold_source_before_them() {
        let golds = [
            gold(&one(0..5), Some(("Hillary Clinton", 0))),
            gold(&one(10..15), Some(("Mr. Trump", 20))),
            gold(&one(40..45), Some(("he", 30))),
            gold(&one(50..55), Some(("Clinton", 60))),
        ];
        let source = |i: usize| golds[i].source.as_ref().unwrap();
        assert_eq!(
            antecedent_source(source(2), &golds).as_deref(),
            Some("Mr. Trump")
        );
        // Names are not resolved, and a pronoun with no named source before it falls back.
        assert_eq!(antecedent_source(source(3), &golds), None);
        let alone = [gold(&one(0..5), Some(("She", 0)))];
        assert_eq!(
            antecedent_source(alone[0].source.as_ref().unwrap(), &alone),
            None
        );
        // Judged through the annotation even when the text before names someone else.
        let text = "Hillary Clinton said x. Mr. Trump said y. Then Mike Pence smiled. he said z.";
        let golds = [
            gold(&one(21..22), Some(("Mr. Trump", 24))),
            gold(&one(73..74), Some(("he", 66))),
        ];
        let preds = [pred(73..74, Some("Donald Trump"))];
        let mut tally = Tally::default();
        score_article(&golds, &preds, text, &mut tally);
        assert_eq!((tally.speaker_judged, tally.speaker_right), (1, 1));
    }

    #[test]
    fn personal_pronouns_skip_gold_sources_that_name_nobody() {
        let golds = [
            gold(&one(0..5), Some(("Don Fowler", 0))),
            gold(&one(10..15), Some(("The party's existing rules", 20))),
            gold(&one(30..35), Some(("The Republican nominee", 25))),
            gold(&one(40..45), Some(("he", 38))),
            gold(&one(50..55), Some(("they", 48))),
        ];
        let source = |i: usize| golds[i].source.as_ref().unwrap();
        assert_eq!(
            antecedent_source(source(3), &golds).as_deref(),
            Some("Don Fowler")
        );
        // A group pronoun still takes the nearest source, named or not.
        assert_eq!(
            antecedent_source(source(4), &golds).as_deref(),
            Some("The Republican nominee")
        );
        assert!(names_someone("the Clinton campaign"));
        assert!(names_someone("Mr. Trump"));
        assert!(!names_someone("The party's existing rules"));
        assert!(!names_someone("one questioner"));
    }

    #[test]
    fn a_relative_who_stands_for_the_phrase_before_its_comma() {
        let before = "Few people, an architect, who";
        let before = &before[..before.len() - "who".len()];
        assert_eq!(relative_antecedent("who", before), Some("an architect"));
        assert_eq!(
            relative_antecedent("who", "stars like Patti LaBelle and Stevie Wonder, "),
            Some("stars like Patti LaBelle and Stevie Wonder")
        );
        // No comma before it, or another pronoun: not a relative clause to read.
        assert_eq!(relative_antecedent("who", "people "), None);
        assert_eq!(relative_antecedent("he", "an architect, "), None);
    }

    #[test]
    fn predicted_byte_spans_become_character_spans() {
        let text = "“Yes,” she said. “No.”";
        let quote = |start: usize, end: usize| Quote {
            id: String::new(),
            article: String::new(),
            text: text[start..end].to_string(),
            speaker: None,
            speaker_title: None,
            kind: crate::extract::quotes::QuoteKind::Direct,
            cue: None,
            said_on: None,
            occasion: None,
            place: None,
            span: crate::extract::quotes::Span { start, end },
        };
        let second = text.rfind('“').unwrap();
        let preds = predictions(text, &[quote(0, "“Yes,”".len()), quote(second, text.len())]);
        assert_eq!(preds[0].span, 0..6);
        assert_eq!(preds[1].span, 17..22);
    }

    const SAMPLE_TEXT: &str = "“We will win,” Trump said. He added that polls lie.";
    const SAMPLE_ANN: &str = "T1\tContent 0 14\t“We will win,”\n\
        T2\tSource 15 20\tTrump\n\
        T3\tCue 21 25\tsaid\n\
        T4\tAttribution 21 25\tsaid\n\
        E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n\
        T5\tSource 27 29\tHe\n\
        T6\tContent 36 40;41 50\tthat polls lie\n\
        T7\tAttribution 30 35\tadded\n\
        E2\tAttribution:T7 Source:T5 Content:T6\n\
        T8\tCue 30 35\tadded\n\
        E3\tAttribution-no-source:T8 Cue:T8\n";

    #[test]
    fn ann_offsets_are_characters_and_relations_without_content_are_dropped() {
        let gold = parse_ann(SAMPLE_ANN, SAMPLE_TEXT, "sample.ann").unwrap();
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].content, one(0..14));
        let first: String = SAMPLE_TEXT.chars().take(14).collect();
        assert_eq!(first, "“We will win,”");
        let source = gold[0].source.as_ref().unwrap();
        assert_eq!((source.text.as_str(), source.start), ("Trump", 15));
        assert_eq!(gold[1].content, vec![36..40, 41..50]);
        let before: String = SAMPLE_TEXT.chars().take(27).collect();
        assert_eq!(
            resolve_source(&gold[1].source.as_ref().unwrap().text, &before),
            Some("Trump")
        );
    }

    #[test]
    fn bad_ann_lines_name_the_file_and_line() {
        let err = parse_ann("T1\tContent 0 x\tfoo\n", "foo", "a.ann").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("a.ann:1: `0 x` is not `<start> <end>`"),
            "{err}"
        );
        let err = parse_ann("T1\tContent 0 9\tfoo\n", "foo", "a.ann").unwrap_err();
        assert!(
            matches!(
                err,
                QuoteEvalError::OutOfRange {
                    line: 1,
                    chars: 3,
                    ..
                }
            ),
            "{err}"
        );
        let err = parse_ann("E1\tAttribution:T1 Content:T9\n", "foo", "a.ann").unwrap_err();
        assert!(
            err.to_string()
                .contains("a.ann:1: Content:T9 names no T line"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_folder_says_which_folder_to_pass() {
        let err = evaluate_quotes(Path::new("/nonexistent/polnear")).unwrap_err();
        assert!(
            err.to_string()
                .contains("pass the polnear-dev folder of ../shared/eval"),
            "{err}"
        );
    }

    /// Prints the figures on the real dev split; run with `-- --ignored --nocapture`.
    #[test]
    #[ignore = "needs ../shared/eval/polnear-dev"]
    fn eval_quotes_report() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear-dev");
        if !dir.is_dir() {
            eprintln!("skipping: {} is missing", dir.display());
            return;
        }
        let score = evaluate_quotes(&dir).unwrap();
        println!("{score}");
        assert_eq!(score.articles, 84);
    }
}
