//! The warm-start cache: an unchanged corpus loads without extracting or indexing anything and
//! answers exactly as a cold load does; a changed, added or removed file re-extracts only itself;
//! a damaged cache is only a slower start.

use quotebot::cache::Cache;
use quotebot::console::answer;
use quotebot::library::{Library, LoadOptions, load_library, load_library_with};
use quotebot::progress::{Progress, Stage};
use rand::SeedableRng;
use rand::rngs::StdRng;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Counts what a load reports: articles extracted, and whether it indexed.
#[derive(Default)]
struct Seen(Mutex<Vec<(Stage, usize)>>);

impl Progress for Seen {
    fn start(&self, stage: Stage, _total: usize) {
        self.0.lock().unwrap().push((stage, 0));
    }
    fn add(&self, n: usize) {
        self.0.lock().unwrap().last_mut().unwrap().1 += n;
    }
    fn finish(&self) {}
}

impl Seen {
    fn extracted(&self) -> usize {
        self.count(Stage::Extracting)
    }
    fn indexed(&self) -> bool {
        self.0
            .lock()
            .unwrap()
            .iter()
            .any(|(s, _)| *s == Stage::Indexing)
    }
    fn count(&self, stage: Stage) -> usize {
        self.0
            .lock()
            .unwrap()
            .iter()
            .filter(|(s, _)| *s == stage)
            .map(|(_, n)| n)
            .sum()
    }
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quotebot-warm-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn seed_copy(name: &str) -> PathBuf {
    let dir = temp(name);
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for e in std::fs::read_dir(corpus).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    dir
}

fn load(dir: &Path, cache: &Cache) -> (Library, Seen) {
    let seen = Seen::default();
    let lib = load_library_with(
        dir,
        &LoadOptions {
            cache: Some(cache),
            progress: &seen,
        },
    )
    .unwrap();
    (lib, seen)
}

/// What a user would see for a few commands: the rendered pages.
fn answers(lib: &Library) -> Vec<String> {
    [
        "/quote topic:sovereignty",
        "/quote speaker:Xi Jinping",
        "/claim topic:\"internet users\"",
        "/claim sort:value",
        "/source text:China-US relationship sees benefits in cooperation",
        "/speakers",
        "/articles",
    ]
    .iter()
    .map(|line| {
        let reply = answer(lib, line, &mut StdRng::seed_from_u64(3)).unwrap();
        format!("{:?}", reply.pages)
    })
    .collect()
}

/// Every command answers `a` exactly as it answers `b`; on a difference, shows where.
fn same_answers(a: &Library, b: &Library) {
    for (x, y) in answers(a).iter().zip(answers(b)) {
        if *x != y {
            let at = x.bytes().zip(y.bytes()).take_while(|(p, q)| p == q).count();
            let near = |s: &str| {
                s.get(at.saturating_sub(120)..(at + 120).min(s.len()))
                    .unwrap_or("")
                    .to_string()
            };
            panic!(
                "answers differ at byte {at}:\n{}\n---\n{}",
                near(x),
                near(&y)
            );
        }
    }
}

#[test]
fn an_unchanged_corpus_starts_warm_and_answers_as_a_cold_load_does() {
    let dir = seed_copy("same");
    let cache = Cache::new(temp("same-cache"));
    let cold = load_library(&dir).unwrap();

    let (first, seen) = load(&dir, &cache);
    assert_eq!(seen.extracted(), 5);
    assert!(seen.indexed());
    let (warm, seen) = load(&dir, &cache);
    assert_eq!(seen.extracted(), 0, "nothing extracted on a warm start");
    assert!(!seen.indexed(), "the index is opened, not built");

    assert!(!cold.quotes.is_empty() && !cold.claims.is_empty());
    assert!(warm.quotes == cold.quotes, "the same quotes");
    assert!(warm.claims == cold.claims, "the same claims");
    same_answers(&warm, &cold);
    same_answers(&first, &cold);
}

#[test]
fn a_changed_added_or_removed_file_re_extracts_only_itself() {
    let dir = seed_copy("change");
    let cache = Cache::new(temp("change-cache"));
    load(&dir, &cache);

    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let text = std::fs::read_to_string(&files[2]).unwrap();
    std::fs::write(
        &files[2],
        text + "\n\"We counted every last vote,\" said Jane Doe.\n",
    )
    .unwrap();
    let (lib, seen) = load(&dir, &cache);
    assert_eq!(seen.extracted(), 1, "only the changed file");
    assert!(seen.indexed());
    assert!(
        lib.quotes
            .iter()
            .any(|q| q.text.contains("every last vote"))
    );

    std::fs::write(
        dir.join("zz-new.txt"),
        "A new piece\n\nTurnout was 71 percent, officials said.\n",
    )
    .unwrap();
    let (lib, seen) = load(&dir, &cache);
    assert_eq!(seen.extracted(), 1, "only the added file");
    assert_eq!(lib.articles.len(), 6);

    std::fs::remove_file(&files[0]).unwrap();
    let (lib, seen) = load(&dir, &cache);
    assert_eq!(seen.extracted(), 0, "a removal extracts nothing");
    assert!(seen.indexed(), "but the index changes");
    assert_eq!(lib.articles.len(), 5);
    same_answers(&lib, &load_library(&dir).unwrap());
}

#[test]
fn a_damaged_cache_only_costs_a_cold_start() {
    let dir = seed_copy("damaged");
    let cache_dir = temp("damaged-cache");
    let cache = Cache::new(&cache_dir);
    load(&dir, &cache);
    std::fs::write(cache_dir.join("extractions.bin"), b"\x01\x02garbage").unwrap();
    for e in std::fs::read_dir(&cache_dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            for f in std::fs::read_dir(&p).unwrap() {
                let f = f.unwrap().path();
                if f.extension().is_some_and(|x| x == "json") {
                    std::fs::write(&f, b"{ not json").unwrap();
                }
            }
        }
    }
    let (lib, seen) = load(&dir, &cache);
    assert_eq!(seen.extracted(), 5);
    assert!(seen.indexed());
    same_answers(&lib, &load_library(&dir).unwrap());

    // A cache folder that cannot be written (here: a file stands where it should be).
    let blocked = temp("blocked").join("cache");
    std::fs::write(&blocked, b"a file, not a folder").unwrap();
    let (lib, seen) = load(&dir, &Cache::new(&blocked));
    assert_eq!(seen.extracted(), 5);
    same_answers(&lib, &load_library(&dir).unwrap());
}

#[test]
fn articles_sharing_an_id_load_warm_as_they_load_cold() {
    let dir = temp("same-id");
    let cache = Cache::new(temp("same-id-cache"));
    let piece = |n: u32| {
        format!(
            "---\nid: shared\ntitle: Piece {n}\n---\nPiece {n}\n\n\"We will open {n} new schools,\" said Jane Doe, the minister.\n"
        )
    };
    std::fs::write(dir.join("a.txt"), piece(1)).unwrap();
    std::fs::write(dir.join("b.txt"), piece(2)).unwrap();
    let (first, _) = load(&dir, &cache);
    let ids: Vec<&str> = first.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["shared", "shared-2"]);
    // The first file goes: the second is `shared` again, warm as cold.
    std::fs::remove_file(dir.join("a.txt")).unwrap();
    let (warm, seen) = load(&dir, &cache);
    assert_eq!(
        seen.extracted(),
        1,
        "its id changed, so its quotes' ids did"
    );
    let cold = load_library(&dir).unwrap();
    assert_eq!(warm.articles, cold.articles);
    assert!(warm.quotes == cold.quotes);
    let (again, seen) = load(&dir, &cache);
    assert_eq!(seen.extracted(), 0);
    assert_eq!(again.articles, cold.articles);
}
