//! Quotation marks: finds the quoted stretches of a paragraph, straight or curly, tolerating the
//! mismatched marks real articles contain (a quote closed with an opening curly mark, a paragraph
//! opened with a closing one), the doubled apostrophes of some archives (`''Yes,'' he said.`), and
//! quotes left open at the paragraph's end (they continue in the next paragraph).

/// A quoted stretch: `open` is the byte offset of the opening mark, `close` that of the closing mark
/// (the paragraph's length when the quote runs on), `inner` the text between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    pub open: usize,
    pub close: usize,
    pub inner_start: usize,
    pub inner_end: usize,
    /// True when the paragraph ended before the quote was closed.
    pub runs_on: bool,
    /// Bytes of the closing mark (two for `''`, none when the quote runs on).
    pub close_len: usize,
}

impl Quoted {
    /// The byte offset just past the closing mark.
    pub fn after(&self) -> usize {
        self.close + self.close_len
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Straight,
    Curly,
    Guillemet,
}

/// Whether a paragraph opens with a quotation mark (of any of the shapes [`find_quoted`] reads).
pub fn opens_with_mark(text: &str) -> bool {
    text.starts_with(['"', '“', '”']) || text.starts_with("''")
}

/// The quoted stretches of `text`, in order. Single quotes are not read: they double as
/// apostrophes, and news uses them for quotes nested inside double ones; two in a row are a
/// double mark, as archives that cannot store curly marks write it.
pub fn find_quoted(text: &str) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<(Mark, usize, usize)> = None; // mark, offset, inner start
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let mut next = chars.peek().map(|&(_, n)| n);
        let mut after = i + c.len_utf8();
        // `''` reads as one straight double mark.
        let c = if c == '\'' && next == Some('\'') {
            chars.next();
            next = chars.peek().map(|&(_, n)| n);
            after += 1;
            '"'
        } else {
            c
        };
        match (c, open) {
            ('"', None) if next.is_some_and(|n| !n.is_whitespace()) => {
                open = Some((Mark::Straight, i, after));
            }
            ('“', None) => open = Some((Mark::Curly, i, after)),
            // A paragraph opened with a closing mark: a converter swapped it.
            ('”', None) if i == 0 && next.is_some_and(|n| !n.is_whitespace()) => {
                open = Some((Mark::Curly, i, after));
            }
            ('«', None) => open = Some((Mark::Guillemet, i, after)),
            ('"' | '”', Some((_, o, s))) | ('»', Some((Mark::Guillemet, o, s))) => {
                push(&mut out, o, s, i, after - i);
                open = None;
            }
            ('“', Some((_, o, s))) => {
                // An opening mark followed by punctuation or space, or glued to the word before it,
                // closes the quote: writers and converters swap the curly marks.
                let closes = next.is_none_or(|n| {
                    n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | '?' | '!')
                }) || prev.is_some_and(|p| !p.is_whitespace());
                if closes {
                    push(&mut out, o, s, i, after - i);
                    open = None;
                } else {
                    // A fresh opening mark: the previous quote was never closed.
                    push(&mut out, o, s, i, 0);
                    open = Some((Mark::Curly, i, after));
                }
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some((_, o, s)) = open {
        push(&mut out, o, s, text.len(), 0);
    }
    out
}

/// Records a quote closed by a mark of `close_len` bytes at `close`; 0 means it runs on.
fn push(out: &mut Vec<Quoted>, open: usize, inner_start: usize, close: usize, close_len: usize) {
    if close > inner_start {
        out.push(Quoted {
            open,
            close,
            inner_start,
            inner_end: close,
            runs_on: close_len == 0,
            close_len,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<&str> {
        find_quoted(text)
            .iter()
            .map(|q| &text[q.inner_start..q.inner_end])
            .collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(inners(r#""One," he said. “Two.”"#), ["One,", "Two."]);
    }

    #[test]
    fn opening_mark_used_as_closer() {
        assert_eq!(
            inners("“A basic framework is in place. “, she added."),
            ["A basic framework is in place. "]
        );
    }

    #[test]
    fn quote_running_past_the_paragraph() {
        let q = find_quoted("He said: “We will go on");
        assert_eq!(q.len(), 1);
        assert!(q[0].runs_on);
    }

    #[test]
    fn doubled_apostrophes_are_a_double_mark() {
        let text = "''Tell that to the janitor,'' Mr. Biden said. It's ''fine.''";
        assert_eq!(inners(text), ["Tell that to the janitor,", "fine."]);
        let q = find_quoted(text)[0];
        assert_eq!(&text[q.after()..q.after() + 4], " Mr.");
    }

    #[test]
    fn a_closing_mark_opening_a_paragraph_opens_the_quote() {
        assert_eq!(
            inners("”Fear. I am afraid.” ― Ana Ruiz"),
            ["Fear. I am afraid."]
        );
    }

    #[test]
    fn a_lone_straight_mark_before_a_space_opens_nothing() {
        assert!(find_quoted("a 5\" screen and more").is_empty());
    }
}
