//! Front matter: the optional `---` block of `key: value` lines at the top of an article that sets
//! its metadata. Owns the accepted keys and their validation; never reads files.

use crate::text::dates::PartialDate;

/// Keys a front-matter block may set.
pub const KEYS: &[&str] = &["title", "source", "author", "published", "url", "id"];

/// Metadata given explicitly by front matter; every field optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub id: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
}

/// Why a front-matter block was refused, with the 1-based line it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    /// The opening `---` has no closing `---` line.
    #[error(
        "line {line}: front matter opened here is never closed; add a line with only `---` after the last key"
    )]
    Unclosed { line: usize },
    /// A line inside the block is not `key: value`.
    #[error(
        "line {line}: expected `key: value` in front matter, found `{text}` (if the front matter ended above, close it with a line of `---`)"
    )]
    NotKeyValue { line: usize, text: String },
    /// A key that quotebot does not know (probably a typo).
    #[error("line {line}: unknown front-matter key `{key}`; use one of: {}", KEYS.join(", "))]
    UnknownKey { line: usize, key: String },
    /// A date that is not ISO.
    #[error("line {line}: `published: {value}` is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")]
    BadDate { line: usize, value: String },
    /// A url that is not http(s).
    #[error("line {line}: `url: {value}` must start with http:// or https://")]
    BadUrl { line: usize, value: String },
}

/// Splits `text` into its front matter and the byte offset where the body starts.
/// Text without a leading `---` line has no front matter and its body starts at 0.
pub fn split_front_matter(text: &str) -> Result<(FrontMatter, usize), FrontMatterError> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end]
        .trim_start_matches('\u{feff}')
        .trim_end()
        != "---"
    {
        return Ok((FrontMatter::default(), 0));
    }
    let mut fm = FrontMatter::default();
    let mut offset = first_line_end;
    // Line 1 is the opening `---`.
    for (line_no, line) in (2..).zip(text[first_line_end..].split_inclusive('\n')) {
        offset += line.len();
        let trimmed = line.trim();
        if trimmed == "---" {
            return Ok((fm, offset));
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return Err(FrontMatterError::NotKeyValue {
                line: line_no,
                text: trimmed.chars().take(80).collect(),
            });
        };
        let key = key.trim().to_lowercase();
        let value = unquote(value.trim());
        let value = (!value.is_empty() && value != "null").then(|| value.to_string());
        match key.as_str() {
            "id" => fm.id = value,
            "title" => fm.title = value,
            "source" => fm.source = value,
            "author" => fm.author = value,
            "url" => {
                if let Some(v) = &value
                    && !(v.starts_with("http://") || v.starts_with("https://"))
                {
                    return Err(FrontMatterError::BadUrl {
                        line: line_no,
                        value: v.clone(),
                    });
                }
                fm.url = value;
            }
            "published" | "date" => {
                fm.published = match value {
                    None => None,
                    Some(v) => {
                        Some(PartialDate::parse_iso(&v).ok_or(FrontMatterError::BadDate {
                            line: line_no,
                            value: v,
                        })?)
                    }
                }
            }
            _ => return Err(FrontMatterError::UnknownKey { line: line_no, key }),
        }
    }
    Err(FrontMatterError::Unclosed { line: 1 })
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return &value[1..value.len() - 1];
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_body_offset() {
        let text = "---\ntitle: \"A: b\"\npublished: 2019-10\nurl: https://x.example/a\n---\nBody";
        let (fm, body) = split_front_matter(text).unwrap();
        assert_eq!(fm.title.as_deref(), Some("A: b"));
        assert_eq!(fm.published.unwrap().to_string(), "2019-10");
        assert_eq!(&text[body..], "Body");
    }

    #[test]
    fn no_front_matter_means_body_at_zero() {
        assert_eq!(split_front_matter("Title\n---\n").unwrap().1, 0);
    }

    #[test]
    fn errors_name_the_line() {
        let err = split_front_matter("---\ntitle: x\nauthr: y\n---\n").unwrap_err();
        assert_eq!(
            err,
            FrontMatterError::UnknownKey {
                line: 3,
                key: "authr".into()
            }
        );
        assert!(matches!(
            split_front_matter("---\ntitle x\n---\n"),
            Err(FrontMatterError::NotKeyValue { line: 2, .. })
        ));
        assert!(matches!(
            split_front_matter("---\ntitle: x\n"),
            Err(FrontMatterError::Unclosed { line: 1 })
        ));
        assert!(matches!(
            split_front_matter("---\npublished: soon\n---\n"),
            Err(FrontMatterError::BadDate { line: 2, .. })
        ));
    }
}
