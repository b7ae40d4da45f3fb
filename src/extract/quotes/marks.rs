//! Quotation marks: finds the quoted stretches of a paragraph, straight or curly, tolerating the
//! mismatched marks real articles contain (a quote closed with an opening curly mark, a paragraph
//! opened with a closing one), the doubled apostrophes of some archives (`''Yes,'' he said.`), and
//! quotes left open at the paragraph's end (they continue in the next paragraph), and the single
//! marks British and Australian papers quote with (`‘We will,’ she said.`), told apart from
//! apostrophes.

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
    text.starts_with(['"', '“', '”']) || text.starts_with("''") || opens_single(text, 0)
}

/// The quoted stretches of `text`, in order. Double marks are the quotation marks, single ones
/// nest inside them (American style); two apostrophes in a row are a double mark, as archives
/// that cannot store curly marks write it. A paragraph quoted with single marks, whose double
/// marks (if any) all sit inside them, is read by its single marks (British style).
pub fn find_quoted(text: &str) -> Vec<Quoted> {
    let double = find_double_quoted(text);
    if !text.contains(['\'', '‘', '’']) {
        return double;
    }
    let single = find_single_quoted(text);
    let nested = |d: &Quoted| {
        single
            .iter()
            .any(|s| s.open < d.open && d.after() <= s.after())
    };
    if !single.is_empty() && double.iter().all(nested) {
        single
    } else {
        double
    }
}

/// Words an apostrophe opens by standing for left-out letters ('em, 'til): no quotation.
const ELISIONS: &[&str] = &[
    "em", "tis", "twas", "til", "till", "cause", "n", "bout", "round", "cos", "ol",
];

/// Whether a single mark at `at` opens a quotation: a left mark, or a straight one, standing
/// before a word (not inside one, as in "don't") that is no elision ('em) or decade ('90s).
fn opens_single(text: &str, at: usize) -> bool {
    let mut chars = text[at..].chars();
    let mark = chars.next();
    if !matches!(mark, Some('\'' | '‘')) {
        return false;
    }
    let prev = text[..at].chars().next_back();
    if prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '\'' | '’' | '‘')) {
        return false;
    }
    let rest = chars.as_str();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let first = rest.chars().next();
    let decade =
        word.len() == 3 && word.ends_with('s') && word[..2].bytes().all(|b| b.is_ascii_digit());
    first.is_some_and(|c| c.is_alphanumeric() || matches!(c, '…' | '.' | '"' | '“'))
        && !ELISIONS.contains(&word.as_str())
        && !decade
}

/// Whether a single mark at `at` can close a quotation: a right or straight mark after a
/// word or punctuation, with no letter right after it ("don't", "Clinton’s" are apostrophes).
fn closes_single(text: &str, at: usize) -> bool {
    let mut chars = text[at..].chars();
    if !matches!(chars.next(), Some('\'' | '’')) {
        return false;
    }
    let prev = text[..at].chars().next_back();
    let next = chars.next();
    prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
}

/// Whether a closing mark at `at` may as well be the apostrophe of a plural possessive
/// ("the workers' union", "the Joneses’ house"): after an "s" and before a lowercase word.
fn may_be_possessive(text: &str, at: usize) -> bool {
    let mark = text[at..].chars().next().map_or(0, char::len_utf8);
    text[..at].ends_with(['s', 'S'])
        && text[at + mark..]
            .strip_prefix(' ')
            .is_some_and(|word| word.starts_with(char::is_lowercase))
}

/// The stretches of `text` quoted with single marks. An opening mark goes with the first
/// closing mark after it, except that a plural possessive's apostrophe gives way to a later
/// closing mark; a quote still open at the paragraph's end runs on only when the paragraph or
/// a sentence opened with it (otherwise the mark was an apostrophe: "rock 'n' roll").
fn find_single_quoted(text: &str) -> Vec<Quoted> {
    let marks: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| matches!(c, '\'' | '‘' | '’'))
        .map(|(i, _)| i)
        .collect();
    // For each mark, the first closing mark from it on, and the first that is no possessive:
    // one pass from the end, so a paragraph of many marks stays linear.
    let mut next_closer = vec![None; marks.len() + 1];
    let mut next_plain_closer = vec![None; marks.len() + 1];
    for (j, &m) in marks.iter().enumerate().rev() {
        let closes = closes_single(text, m);
        next_closer[j] = if closes { Some(m) } else { next_closer[j + 1] };
        next_plain_closer[j] = if closes && !may_be_possessive(text, m) {
            Some(m)
        } else {
            next_plain_closer[j + 1]
        };
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < marks.len() {
        let open = marks[k];
        if !opens_single(text, open) {
            k += 1;
            continue;
        }
        let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
        match next_plain_closer[k + 1].or(next_closer[k + 1]) {
            Some(close) => {
                push(
                    &mut out,
                    open,
                    inner_start,
                    close,
                    text[close..].chars().next().map_or(1, char::len_utf8),
                );
                k = marks.partition_point(|&m| m <= close);
            }
            None => {
                // A new sentence may open it too: "..., said Penrose. ‘We think ..." and the
                // quote goes on in the next paragraph.
                let opens_sentence = text[..open].ends_with(char::is_whitespace)
                    && text[..open].trim_end().ends_with(['.', '?', '!']);
                if open == 0 || opens_sentence {
                    push(&mut out, open, inner_start, text.len(), 0);
                }
                break;
            }
        }
    }
    out.retain(|q| text[q.inner_start..q.inner_end].contains(char::is_alphanumeric));
    out
}

/// The stretches of `text` quoted with double marks (straight, curly, doubled apostrophes or
/// guillemets).
fn find_double_quoted(text: &str) -> Vec<Quoted> {
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
    fn single_marks_quote_when_the_paragraph_has_no_double_ones() {
        let text = "‘We are seeing unprecedented demand,’ said Dr Jones. ‘Staff are exhausted.’";
        assert_eq!(
            inners(text),
            [
                "We are seeing unprecedented demand,",
                "Staff are exhausted."
            ]
        );
        let straight = "He said: 'This is the worst crisis in the health service's history.'";
        assert_eq!(
            inners(straight),
            ["This is the worst crisis in the health service's history."]
        );
    }

    #[test]
    fn apostrophes_are_no_single_marks() {
        for text in [
            "Clinton’s plan isn’t new, the workers’ union said.",
            "They danced to rock 'n' roll in the '90s.",
            "It was the Joneses' house, and 'em folks were there",
        ] {
            assert!(inners(text).is_empty(), "{text}: {:?}", inners(text));
        }
    }

    #[test]
    fn a_plural_possessive_inside_single_marks_does_not_close_them() {
        let text = "‘It protects the workers’ rights,’ she said.";
        assert_eq!(inners(text), ["It protects the workers’ rights,"]);
    }

    #[test]
    fn double_marks_nested_in_single_ones_stay_inside() {
        let text = "‘He called it “a disgrace” on air,’ she said.";
        assert_eq!(inners(text), ["He called it “a disgrace” on air,"]);
        // American style: single marks nest inside double ones.
        let text = "“He called it ‘a disgrace’ on air,” she said.";
        assert_eq!(inners(text), ["He called it ‘a disgrace’ on air,"]);
    }

    #[test]
    fn an_unclosed_single_mark_runs_on_only_from_a_paragraph_or_sentence_start() {
        let q = find_quoted("‘We will go on and on");
        assert_eq!(q.len(), 1);
        assert!(q[0].runs_on);
        assert!(find_quoted("the 'other side of the story").is_empty());
        let q = find_quoted("‘A deal,’ said Penrose. ‘We think it will last");
        assert_eq!(q.len(), 2);
        assert!(q[1].runs_on);
    }

    #[test]
    fn a_lone_straight_mark_before_a_space_opens_nothing() {
        assert!(find_quoted("a 5\" screen and more").is_empty());
    }
}
