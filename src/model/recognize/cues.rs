//! The rules that decide whether a candidate match counts: word boundaries for
//! every name, and cues for names that are also ordinary words.

use std::ops::Range;

use super::Candidate;
use super::words::is_cue_word;

/// How far back (in lines) a list item looks for its heading.
const HEADING_LOOKBACK: usize = 12;
/// Words either side of a name searched for a cue word.
const CUE_WINDOW: usize = 3;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when the match at `range` is a whole name in `text`, not part of a
/// longer word, file name, domain or hyphenated compound ("go-to").
pub(super) fn on_boundaries(text: &str, range: &Range<usize>, ambiguous: bool) -> bool {
    let name = &text[range.clone()];
    let mut before = text[..range.start].chars().rev();
    let mut after = text[range.end..].chars();
    let prev = before.next();
    let next = after.next();
    let first_is_word = name.chars().next().is_some_and(is_word_char);
    let last_is_word = name.chars().next_back().is_some_and(is_word_char);
    if prev.is_some_and(is_word_char) && (first_is_word || name.starts_with('.')) {
        return false;
    }
    if first_is_word && prev == Some('.') && before.next().is_some_and(is_word_char) {
        return false;
    }
    if last_is_word {
        if !ambiguous && glued_version(name, &text[range.end..]) {
            return true;
        }
        if next.is_some_and(|c| is_word_char(c) || c == '+' || c == '#') {
            return false;
        }
        if next == Some('.') && after.clone().next().is_some_and(is_word_char) {
            return false;
        }
    }
    if ambiguous {
        let joined = |c: Option<char>, beyond: Option<char>| {
            matches!(c, Some('-' | '\'' | '@' | '&')) && beyond.is_some_and(is_word_char)
        };
        if joined(prev, before.next()) || joined(next, after.next()) {
            return false;
        }
    }
    true
}

/// A version number written onto a name that ends in a letter: "CSS3",
/// "python3.12", "Spring Boot3". Only digits and dots follow, up to a
/// non-word character.
fn glued_version(name: &str, rest: &str) -> bool {
    if !name.ends_with(|c: char| c.is_ascii_alphabetic())
        || !rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let run = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let version = rest[..run].trim_end_matches('.');
    !rest[version.len()..].starts_with(|c: char| is_word_char(c) || c == '+' || c == '#')
}

/// Bytes either side of a match looked at for its line: a text pasted as one
/// enormous line must not make each match cost the whole text.
pub(super) const LINE_REACH: usize = 400;

/// The byte `at - reach` (clamped), moved back to a character boundary.
pub(super) fn floor_boundary(text: &str, at: usize, reach: usize) -> usize {
    let mut i = at.saturating_sub(reach);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte `at + reach` (clamped), moved on to a character boundary.
fn ceil_boundary(text: &str, at: usize, reach: usize) -> usize {
    let mut i = at.saturating_add(reach).min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The line containing byte `at` (at most [`LINE_REACH`] bytes either side):
/// its start and end.
pub(super) fn line_bounds(text: &str, at: usize) -> (usize, usize) {
    let lo = floor_boundary(text, at, LINE_REACH);
    let hi = ceil_boundary(text, at, LINE_REACH);
    let start = text[lo..at].rfind('\n').map_or(lo, |i| lo + i + 1);
    let end = text[at..hi].find('\n').map_or(hi, |i| at + i);
    (start, end)
}

/// Alphabetic words of `s`.
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty())
}

/// The word after the match, if the next thing on the line is a word.
fn next_word(text: &str, end: usize) -> Option<&str> {
    let rest = &text[end..];
    let rest = rest.trim_start_matches([' ', '\t']);
    let w: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (!w.is_empty()).then_some(w)
}

/// True when a lower-case prose word follows ("go to", "rust is"), which makes
/// list and cue-word evidence unsafe; "and", "or" and cue words are fine.
fn prose_follows(text: &str, end: usize) -> bool {
    next_word(text, end).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !matches!(w, "and" | "or" | "with" | "for")
            && !is_cue_word(w)
    })
}

/// A version number right after: "Go 1.22", "Swift 5.9", "Rust v1".
fn version_follows(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    let rest = rest.strip_prefix(['v', 'V']).unwrap_or(rest);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let after = &rest[digits..];
    text[end..].trim_start_matches(' ').starts_with(['v', 'V'])
        || after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// A bare whole number after the name, as in a date or an event ("Spring
/// 2019", "Expo 2025", "Apollo 11"): not a version, and it makes the name a
/// name of something else.
fn number_follows(text: &str, end: usize, proper: bool) -> bool {
    let rest = text[end..].strip_prefix(' ').unwrap_or("");
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let after = &rest[digits..];
    let bare = digits > 0
        && !(after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        && !after.starts_with(|c: char| c.is_alphanumeric());
    let year = digits == 4 && rest.starts_with(['1', '2']);
    bare && (year || proper)
}

/// A cue word within a few words either side on the same line.
fn cue_word_near(text: &str, range: &Range<usize>) -> bool {
    let (start, end) = line_bounds(text, range.start);
    let before = words(&text[start..range.start]).rev().take(CUE_WINDOW);
    let after = words(&text[range.end..end]).take(CUE_WINDOW);
    before.chain(after).any(is_cue_word)
}

/// A heading with a cue word: "Languages: Go, C" on the line itself, or a
/// heading line ("Programming languages:", "## Tech stack") above a list.
fn heading_cue(text: &str, range: &Range<usize>) -> bool {
    let (start, _) = line_bounds(text, range.start);
    if let Some(colon) = text[start..range.start].find(':') {
        return words(&text[start..start + colon]).any(is_cue_word);
    }
    let above = floor_boundary(text, start, HEADING_LOOKBACK * LINE_REACH);
    let mut lines = text[above..start].lines().rev().take(HEADING_LOOKBACK);
    lines.any(|l| {
        let l = l.trim();
        let heading = l.ends_with(':') || l.starts_with('#');
        heading && words(l).any(is_cue_word)
    }) && is_list_line(&text[start..line_bounds(text, range.start).1])
}

/// A bullet, a table cell or a short line: the shape of a list, not prose.
fn is_list_line(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['-', '*', '•', '·', '|', '+'])
        || t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(['.', ')'])
        || words(t).count() <= 4
        || line.contains(',') && !line.contains(". ")
}

/// Written exactly as the catalog writes it, in a place where case means
/// something: not a sentence's first word followed by prose, not inside a
/// Title Case phrase ("Head Chef"), not in a line without lower case.
fn case_cue(text: &str, range: &Range<usize>, name: &str, proper: bool) -> bool {
    let found = &text[range.clone()];
    if proper || number_follows(text, range.end, proper) {
        return false;
    }
    // A name written all in lower case ("optimism", an id) says nothing by
    // its case; one letter ("C", "R") is too often a grade or an initial.
    if found != name
        || name.chars().filter(|c| c.is_alphabetic()).count() < 2
        || !name.chars().any(char::is_uppercase)
    {
        return false;
    }
    let (start, end) = line_bounds(text, range.start);
    if !text[start..end].chars().any(char::is_lowercase) {
        // In capitals throughout, case tells something only of an acronym
        // the catalog writes in capitals and no word ("JS/TS" on a line of
        // its own), and only in a list.
        let acronym = name.chars().all(|c| !c.is_lowercase()) && !super::words::is_ordinary(name);
        return acronym && is_list_line(&text[start..end]);
    }
    let mut chars = name.chars();
    let title_case =
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase());
    if !title_case {
        return true;
    }
    // "the Flux architecture", "a Swift response": a capitalised word before
    // a lower-case noun reads as an adjective of prose, not a product.
    if next_word(text, range.end).is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        && prose_follows(text, range.end)
        && text[range.end..].starts_with(' ')
    {
        return false;
    }
    let before = text[..range.start].trim_end_matches([' ', '\t']);
    let sentence_start = before.is_empty()
        || before.ends_with(['.', '!', '?', '\n', '"', '“'])
        || before[start.min(before.len())..]
            .trim_start()
            .chars()
            .all(|c| !c.is_alphanumeric());
    if sentence_start && prose_follows(text, range.end) {
        return false;
    }
    // An acronym beside the name ("React JSX", "Swift API") is another
    // technical term, not a word of a Title Case phrase ("Head Chef").
    let capitalised = |w: Option<&str>| {
        w.is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
        })
    };
    let prev_word = text[..range.start]
        .strip_suffix(' ')
        .and_then(|s| s.rsplit(|c: char| !c.is_alphabetic()).next())
        .filter(|w| !w.is_empty());
    let next_word = text[range.end..]
        .strip_prefix(' ')
        .and_then(|s| s.split(|c: char| !c.is_alphabetic()).next())
        .filter(|w| !w.is_empty());
    !(capitalised(prev_word) && !sentence_start || capitalised(next_word))
}

/// "written in C", "using R", "with Go": the name exactly as the catalog
/// writes it, after a word that introduces a tool, and ending the phrase.
fn tool_phrase(text: &str, range: &Range<usize>, name: &str, proper: bool) -> bool {
    let mut before = text[..range.start]
        .strip_suffix(' ')
        .unwrap_or("")
        .rsplit(|c: char| !c.is_alphabetic());
    let prev = before.next().unwrap_or("");
    let tool_word = if proper {
        // "lives in Phoenix", "lunch with Ruby": only using a thing is a cue.
        matches!(prev, "using" | "use")
    } else {
        matches!(
            prev,
            "in" | "using"
                | "use"
                | "with"
                | "read"
                | "write"
                | "writes"
                | "wrote"
                | "know"
                | "knows"
                | "learn"
                | "learned"
                | "learnt"
                | "learning"
        )
    };
    &text[range.clone()] == name && tool_word && !prose_follows(text, range.end)
}

/// True when the text around an ambiguous match says it is the technology.
pub(super) fn own_cue(text: &str, range: &Range<usize>, name: &str, proper: bool) -> bool {
    version_follows(text, range.end)
        || case_cue(text, range, name, proper)
        || tool_phrase(text, range, name, proper)
        || !prose_follows(text, range.end)
            && (cue_word_near(text, range) || heading_cue(text, range))
}

/// True when only list punctuation, "and"/"or" and line breaks separate two
/// matches: "Python, R", "Go / Rust", "Kafka and Flink", one per line.
fn listed_together(gap: &str) -> bool {
    // A colon ends a heading or a phrase ("Time to go: Docker"), it does not
    // join list items.
    const JOINERS: &str = ",;/|&+·•-*()[]";
    let mut joined = gap.contains(['\n', '\t']) || gap.contains("  ");
    gap.len() <= 16
        && gap.split_whitespace().all(|w| {
            let bare = w.trim_matches(|c: char| JOINERS.contains(c));
            joined |= bare.len() < w.len() || matches!(bare, "and" | "or" | "AND" | "OR");
            bare.is_empty() || matches!(bare, "and" | "or" | "AND" | "OR")
        })
        && gap
            .chars()
            .all(|c| c.is_whitespace() || c.is_alphabetic() || JOINERS.contains(c))
        // One space is no list ("combine Python", "Python dev"): a joiner,
        // a line break, a tab or a wide gap is.
        && (joined || gap.contains(|c: char| JOINERS.contains(c)))
}

/// Confirms ambiguous candidates listed next to confirmed ones, until nothing
/// changes (so "Python, R, C" confirms R, then C).
pub(super) fn confirm_neighbours(text: &str, cands: &mut [Candidate]) {
    // Forward then backward each round, so a chain confirms in one round
    // whichever end its confirmed name is at.
    loop {
        let mut changed = false;
        let n = cands.len();
        for i in (0..n).chain((0..n).rev()) {
            if cands[i].confirmed || prose_follows(text, cands[i].range.end) {
                continue;
            }
            let near = |j: usize| {
                let (a, b) = if j < i { (j, i) } else { (i, j) };
                let gap = &text[cands[a].range.end..cands[b].range.start];
                // "Python React", "Kotlin Swift": two names side by side, each
                // written exactly as the catalog writes it, are a list even
                // with one space ("combine Python" is not: "combine" is not
                // written as the catalog's "Combine").
                cands[j].confirmed
                    && cands[a].range.end <= cands[b].range.start
                    && (listed_together(gap) || gap == " " && cands[a].exact && cands[b].exact)
            };
            let left = i.checked_sub(1).is_some_and(near);
            let right = i + 1 < cands.len() && near(i + 1);
            if left || right {
                cands[i].confirmed = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}
