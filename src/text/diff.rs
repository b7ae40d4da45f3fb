//! Word alignment between a pasted text and an original: where in the original the pasted words
//! best fit, how similar they are, and which words differ. Used by the misquote check. Quadratic
//! in words, so callers bound both texts.

/// A word with its byte range in the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub surface: &'a str,
    /// Lowercased letters and digits only: "China-U.S." and "china-us" both give "chinaus".
    pub key: String,
    pub start: usize,
    pub end: usize,
}

/// The words of `text`, punctuation trimmed from their ends.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let start_in = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if !trimmed.is_empty() {
            let start = offset + start_in;
            out.push(Word {
                surface: trimmed,
                key: trimmed
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect(),
                start,
                end: start + trimmed.len(),
            });
        }
        offset += raw.len();
    }
    out
}

/// One difference between pasted and original wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Original words the paste replaced with others.
    Replaced { original: String, pasted: String },
    /// Original words the paste left out, inside the matched stretch.
    Omitted(String),
    /// Words in the paste that the original does not have.
    Added(String),
    /// Same word, written differently ("China-US" for "China-U.S.").
    Spelled { original: String, pasted: String },
}

/// How a pasted text lines up with one original.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Byte range in the original that the paste corresponds to.
    pub start: usize,
    pub end: usize,
    /// 0..=1: matched words over the words of both stretches.
    pub similarity: f64,
    /// Share of the pasted words found in order in the original.
    pub coverage: f64,
    pub changes: Vec<Change>,
}

impl Alignment {
    /// The wording is the original's, word for word (spelling and punctuation aside).
    pub fn is_exact(&self) -> bool {
        self.changes
            .iter()
            .all(|c| matches!(c, Change::Spelled { .. }))
    }
}

/// Aligns `pasted` against `original`; `None` when they share no word.
pub fn align(pasted: &str, original: &str) -> Option<Alignment> {
    let p = words(pasted);
    let o = words(original);
    if p.is_empty() || o.is_empty() {
        return None;
    }
    // Longest common subsequence of word keys.
    let (n, m) = (p.len(), o.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if p[i].key == o[j].key {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let matched = table[at(0, 0)] as usize;
    if matched == 0 {
        return None;
    }
    // Walk the table, collecting matched pairs.
    let mut pairs = Vec::with_capacity(matched);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if p[i].key == o[j].key {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let (first_o, last_o) = (pairs[0].1, pairs[pairs.len() - 1].1);
    let span_words = last_o - first_o + 1;
    let similarity = 2.0 * matched as f64 / (n + span_words) as f64;
    let mut changes = Vec::new();
    let join = |ws: &[Word<'_>]| ws.iter().map(|w| w.surface).collect::<Vec<_>>().join(" ");
    let (mut pi, mut oj) = (0, first_o);
    for &(i, j) in pairs.iter().chain(std::iter::once(&(n, last_o + 1))) {
        let pasted_gap = &p[pi..i];
        let original_gap = &o[oj..j];
        match (pasted_gap.is_empty(), original_gap.is_empty()) {
            (true, true) => {}
            (false, true) => changes.push(Change::Added(join(pasted_gap))),
            (true, false) => changes.push(Change::Omitted(join(original_gap))),
            (false, false) => changes.push(Change::Replaced {
                original: join(original_gap),
                pasted: join(pasted_gap),
            }),
        }
        if i < n && p[i].surface != o[j].surface && !p[i].surface.eq_ignore_ascii_case(o[j].surface)
        {
            changes.push(Change::Spelled {
                original: o[j].surface.to_string(),
                pasted: p[i].surface.to_string(),
            });
        }
        pi = i + 1;
        oj = j + 1;
    }
    Some(Alignment {
        start: o[first_o].start,
        end: o[last_o].end,
        similarity,
        coverage: matched as f64 / n as f64,
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_words_with_other_punctuation() {
        let a = align(
            "China-US relationship sees benefits",
            "\"China-U.S. relationship sees benefits in cooperation\"",
        )
        .unwrap();
        assert!(a.is_exact());
        assert_eq!(
            a.changes,
            [Change::Spelled {
                original: "China-U.S".into(),
                pasted: "China-US".into()
            }]
        );
        assert!((a.similarity - 1.0).abs() < 1e-9);
    }

    #[test]
    fn replaced_omitted_and_added_words() {
        let a = align(
            "we must build a safe open internet now",
            "we need to build a safe, open and peaceful cyberspace",
        )
        .unwrap();
        assert!(!a.is_exact());
        assert!(a.changes.contains(&Change::Replaced {
            original: "need to".into(),
            pasted: "must".into()
        }));
        assert!(
            a.changes.contains(&Change::Added("internet now".into())),
            "{:?}",
            a.changes
        );
        assert!(a.similarity < 1.0 && a.similarity > 0.4);
    }

    #[test]
    fn nothing_in_common() {
        assert_eq!(align("alpha beta", "gamma delta"), None);
    }
}
