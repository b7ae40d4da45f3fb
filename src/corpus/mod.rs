//! The corpus: articles as read from disk, their metadata and cleaned paragraphs. `parse_article`
//! is pure (text in, `Article` out); `load_file` and `load_dir` are the only I/O, and report each
//! bad file without losing the good ones.

pub mod clean;
pub mod front_matter;
pub mod metadata;

pub use clean::{Paragraph, ParagraphKind};

use crate::text::dates::PartialDate;
use front_matter::{FrontMatterError, split_front_matter};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// An article with the metadata that front matter gave or the text showed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Article {
    /// Stable identifier: the front-matter `id`, else the file name without extension.
    pub id: String,
    /// The path as given by the caller.
    pub file: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
    /// The file's whole text, front matter included: spans index into it.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
}

/// Why one article could not be read; each names what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file could not be opened or read (also a symbolic link that leads nowhere or in a loop).
    #[error(
        "{file}: cannot read: {source}; check that it is a readable file (a symbolic link must lead to one)"
    )]
    Io {
        file: String,
        source: std::io::Error,
    },
    /// The bytes are not UTF-8 text (nor UTF-16 with a byte-order mark).
    #[error(
        "{file}: line {line}: not UTF-8 text (invalid byte at offset {offset}); save the article as UTF-8"
    )]
    NotUtf8 {
        file: String,
        line: usize,
        offset: usize,
    },
    /// Larger than any news article.
    #[error(
        "{file}: {bytes} bytes is too large for one article (the limit is 16 MiB); split it into articles"
    )]
    TooLarge { file: String, bytes: u64 },
    /// Valid UTF-8 with NUL bytes: a binary file, not text.
    #[error(
        "{file}: line {line}: binary data (a NUL byte at offset {offset}), not an article; remove it from the corpus folder"
    )]
    Binary {
        file: String,
        line: usize,
        offset: usize,
    },
    /// Nothing but whitespace (or front matter only).
    #[error("{file}: the article has no text; add its body or remove the file")]
    Empty { file: String },
    /// Front matter present but malformed.
    #[error("{file}: {source}")]
    FrontMatter {
        file: String,
        source: FrontMatterError,
    },
}

/// Parses one article from its text; `file` is only used to name it.
pub fn parse_article(file: &str, text: &str) -> Result<Article, ArticleError> {
    let (fm, body_start) =
        split_front_matter(text).map_err(|source| ArticleError::FrontMatter {
            file: file.to_string(),
            source,
        })?;
    if text[body_start..].trim().is_empty() {
        return Err(ArticleError::Empty {
            file: file.to_string(),
        });
    }
    let lines = clean::lines(text, body_start);
    let paragraphs = clean::paragraphs(text, body_start);
    let detected = metadata::detect(&lines, &paragraphs);
    let id = fm.id.unwrap_or_else(|| {
        Path::new(file)
            .file_stem()
            .map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned())
    });
    Ok(Article {
        id,
        file: file.to_string(),
        title: fm.title.or(detected.title),
        source: fm.source.or(detected.source),
        author: fm.author.or(detected.author),
        published: fm.published.or(detected.published),
        url: fm.url,
        text: text.to_string(),
        paragraphs,
    })
}

/// The largest article read; anything bigger is not one news article.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads and parses one file.
pub fn load_file(path: &Path) -> Result<Article, ArticleError> {
    parse_bytes(path, read_bytes(path)?)
}

/// The bytes of an article file, refusing a file too large to be one article.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ArticleError> {
    let file = path.display().to_string();
    let io = |source| ArticleError::Io {
        file: file.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge { file, bytes: size });
    }
    std::fs::read(path).map_err(io)
}

/// Decodes and parses the bytes read from `path`.
pub fn parse_bytes(path: &Path, bytes: Vec<u8>) -> Result<Article, ArticleError> {
    let file = path.display().to_string();
    let text = decode(&file, bytes)?;
    parse_article(&file, &text)
}

/// Article bytes as text: UTF-8 (a byte-order mark is kept, so offsets stay those of the file),
/// or UTF-16 with its byte-order mark (offsets are then those of the UTF-8 text). Errors give
/// the line and byte offset in the file, so the bad byte can be found in an editor.
pub fn decode(file: &str, bytes: Vec<u8>) -> Result<String, ArticleError> {
    let not_text = |line: usize, offset: usize| ArticleError::NotUtf8 {
        file: file.to_string(),
        line,
        offset,
    };
    let utf16 = |be: bool| {
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if be {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        let mut text = String::with_capacity(bytes.len());
        let (mut line, mut offset) = (1, 2);
        for c in char::decode_utf16(units) {
            let c = c.map_err(|_| not_text(line, offset))?;
            offset += 2 * c.len_utf16();
            line += usize::from(c == '\n');
            text.push(c);
        }
        Ok(text)
    };
    let text = match bytes.get(..2) {
        Some([0xff, 0xfe]) => utf16(false)?,
        Some([0xfe, 0xff]) => utf16(true)?,
        _ => String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            not_text(line_at(e.as_bytes(), offset), offset)
        })?,
    };
    if let Some(offset) = text.find('\0') {
        return Err(ArticleError::Binary {
            file: file.to_string(),
            line: line_at(text.as_bytes(), offset),
            offset,
        });
    }
    Ok(text)
}

/// The 1-based line of byte `offset`.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count()
}

/// The result of loading a folder: the articles that loaded and the files that did not.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<ArticleError>,
}

/// Why a corpus folder could not be listed at all.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The folder is missing or unreadable.
    #[error(
        "corpus folder {dir}: {source}; set CORPUS_DIR or pass --corpus with a folder of .txt/.md articles"
    )]
    Dir {
        dir: PathBuf,
        source: std::io::Error,
    },
}

/// Extensions read as articles.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md"];

/// Loads every `.txt` and `.md` file in `dir` (not recursive), in name order.
/// Ids that collide get a numeric suffix so every article stays addressable.
pub fn load_dir(dir: &Path) -> Result<Loaded, CorpusError> {
    load_dir_with(dir, &load_file)
}

/// [`load_dir`], each listed file read through `read` (which a cache may answer for).
pub fn load_dir_with(
    dir: &Path,
    read: &(dyn Fn(&Path) -> Result<Article, ArticleError> + Sync),
) -> Result<Loaded, CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|source| CorpusError::Dir {
        dir: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            // A symbolic link that leads nowhere (or in a loop) is kept, to be reported as
            // unreadable rather than silently left out.
            (p.is_file() || (p.is_symlink() && std::fs::metadata(p).is_err()))
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e))
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case("README.md"))
        })
        .collect();
    paths.sort();
    // Reading and parsing are independent per file: use every core, keep the name order.
    let results: Vec<Result<Article, ArticleError>> = paths.par_iter().map(|p| read(p)).collect();
    let mut loaded = Loaded::default();
    let mut ids = std::collections::HashSet::new();
    for result in results {
        match result {
            Ok(mut article) => {
                let base = article.id.clone();
                let mut n = 2;
                while !ids.insert(article.id.clone()) {
                    article.id = format!("{base}-{n}");
                    n += 1;
                }
                loaded.articles.push(article);
            }
            Err(e) => loaded.errors.push(e),
        }
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_wins_over_detection() {
        let text = "---\ntitle: Given\npublished: 2019-10\n---\nDetected Title Here\n\nBy Tang Lan\n\nSaturday 26 September 2015\n\nBody.\n";
        let a = parse_article("x/a.txt", text).unwrap();
        assert_eq!(a.id, "a");
        assert_eq!(a.title.as_deref(), Some("Given"));
        assert_eq!(a.published.unwrap().to_string(), "2019-10");
        assert_eq!(a.author.as_deref(), Some("Tang Lan"));
    }

    #[test]
    fn empty_and_front_matter_only_are_errors() {
        assert!(matches!(
            parse_article("e.txt", "  \n"),
            Err(ArticleError::Empty { .. })
        ));
        assert!(matches!(
            parse_article("e.txt", "---\ntitle: x\n---\n"),
            Err(ArticleError::Empty { .. })
        ));
        let err = parse_article("e.txt", "---\ntitle x\n---\nBody").unwrap_err();
        assert_eq!(
            err.to_string(),
            "e.txt: line 2: expected `key: value` in front matter, found `title x` (if the front \
             matter ended above, close it with a line of `---`)"
        );
    }
}
