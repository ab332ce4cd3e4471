//! Role search: fuzzy, ranked, case- and accent-insensitive, typo-tolerant.
//!
//! Each query word must match some field of a role. Short fields (title,
//! category, tags, technology names) are matched fuzzily with `nucleo-matcher`;
//! the summary only by substring of its folded text, since a subsequence of a
//! long sentence matches nearly anything. A word that matches nothing that way
//! may still match a word of the title, a tag or a technology within one or two
//! edits (`strsim`), which forgives typos such as "kuberentes".
//!
//! A keystroke over 10,000 roles must stay within a few milliseconds, so
//! everything that repeats across roles is matched once per distinct value:
//! technology names, tags, categories and title words are interned when the
//! index is built, and each query word is scored against those lists before
//! the roles are visited. Per role, a character mask rules out most titles
//! before the fuzzy matcher runs.

use std::collections::HashMap;

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};

use super::catalog::{Catalog, RoleIdx, TechId};

const W_TITLE: u32 = 4;
const W_TECH: u32 = 3;
const W_TAG: u32 = 2;
const W_CATEGORY: u32 = 2;
const W_SUMMARY: u32 = 1;
/// Score of a typo match, below any exact-ish fuzzy match of the same field.
const TYPO_SCORE: u32 = 20;
/// Score of each matched character of a summary substring, as the fuzzy
/// matcher scores a contiguous match; a match at the start of a word earns
/// one more character's worth.
const SUMMARY_CHAR_SCORE: u32 = 16;
/// Query words are cut to this many characters. Nobody types longer words, and
/// the matcher's `u16` score overflows (a panic in debug builds) on a word of
/// about a thousand characters that matches.
const MAX_WORD_CHARS: usize = 64;
/// Only the first query words count: a pasted paragraph must not cost a
/// second per keystroke.
const MAX_QUERY_WORDS: usize = 8;

/// The ASCII letters and digits of a text as a bit set (bit 0–25 `a`–`z`,
/// 26–35 `0`–`9`). A text with any other letter sets every bit, so the mask
/// never rules out a match the fuzzy matcher's normalisation would find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CharMask(u64);

impl CharMask {
    const ALL: Self = Self(u64::MAX);

    fn bit(c: char) -> Option<u64> {
        match c.to_ascii_lowercase() {
            l @ 'a'..='z' => Some(1 << (l as u32 - 'a' as u32)),
            d @ '0'..='9' => Some(1 << (26 + d as u32 - '0' as u32)),
            _ => None,
        }
    }

    /// Mask of a haystack.
    fn of_hay(s: &str) -> Self {
        let mut m = 0;
        for c in s.chars() {
            match Self::bit(c) {
                Some(b) => m |= b,
                None if c.is_ascii() => {}
                None => return Self::ALL,
            }
        }
        Self(m)
    }

    /// Mask of the ASCII letters and digits a needle needs.
    fn of_needle(s: &str) -> Self {
        Self(s.chars().filter_map(Self::bit).fold(0, |m, b| m | b))
    }

    fn covers(self, needle: Self) -> bool {
        self.0 & needle.0 == needle.0
    }
}

/// Distinct strings that share one score per query word.
#[derive(Default)]
struct Interned {
    ids: HashMap<String, usize>,
}

impl Interned {
    fn id(&mut self, key: String, push: impl FnOnce()) -> usize {
        let next = self.ids.len();
        *self.ids.entry(key).or_insert_with(|| {
            push();
            next
        })
    }
}

/// A folded word for the typo comparison, with its character mask.
struct TypoWord {
    folded: String,
    mask: CharMask,
}

impl TypoWord {
    fn new(folded: String) -> Self {
        let mask = CharMask::of_hay(&folded);
        Self { folded, mask }
    }
}

/// A short field for the fuzzy matcher, with what rules it out cheaply.
struct ShortHay {
    hay: Utf32String,
    mask: CharMask,
    /// The lower-cased text when it is ASCII, for the subsequence check.
    ascii: Option<Box<[u8]>>,
}

impl ShortHay {
    fn new(s: &str) -> Self {
        Self {
            hay: Utf32String::from(s),
            mask: CharMask::of_hay(s),
            ascii: ascii_lower(s),
        }
    }
}

struct RoleHay {
    title: ShortHay,
    title_words: Vec<usize>,
    category: Option<usize>,
    tags: Vec<usize>,
    /// Case- and accent-folded summary.
    summary: String,
    techs: Vec<TechId>,
}

/// Precomputed haystacks for every role of a catalog.
pub struct SearchIndex {
    roles: Vec<RoleHay>,
    /// Distinct categories and tags, matched once per query word.
    words: Vec<(ShortHay, TypoWord)>,
    /// Distinct folded words of all titles, checked once for typos.
    title_words: Vec<TypoWord>,
    techs: Vec<(Vec<ShortHay>, Vec<TypoWord>)>,
}

/// A search hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The role.
    pub role: RoleIdx,
    /// Higher is better.
    pub score: u32,
}

/// Folds case and accents for the typo and summary comparisons.
fn fold(s: &str) -> String {
    deunicode::deunicode(s).to_lowercase()
}

fn fold_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty())
}

fn ascii_lower(s: &str) -> Option<Box<[u8]>> {
    s.is_ascii()
        .then(|| s.to_ascii_lowercase().into_bytes().into())
}

/// Is `needle` a subsequence of `hay`? The fuzzy matcher finds nothing
/// otherwise, so this cheap scan rules titles out before it runs.
fn is_subsequence(needle: &[u8], hay: &[u8]) -> bool {
    let mut rest = hay;
    needle
        .iter()
        .all(|&c| match rest.iter().position(|&h| h == c) {
            Some(at) => {
                rest = &rest[at + 1..];
                true
            }
            None => false,
        })
}

/// One query word, prepared for every field.
struct QueryWord {
    fuzzy: Atom,
    /// The best score the fuzzy matcher can give this word.
    perfect: u16,
    needle_mask: CharMask,
    /// The lower-cased word when it is ASCII.
    needle_ascii: Option<Box<[u8]>>,
    folded: String,
    /// Searches folded summaries for `folded` (SIMD, much faster than `str::find`).
    summary_finder: memchr::memmem::Finder<'static>,
    max_edits: usize,
}

impl QueryWord {
    fn new(word: &str, matcher: &mut Matcher) -> Self {
        let fuzzy = Atom::new(
            word,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
            false,
        );
        let perfect = fuzzy
            .score(Utf32String::from(word).slice(..), matcher)
            .unwrap_or(0);
        let folded = fold(word);
        let summary_finder = memchr::memmem::Finder::new(folded.as_bytes()).into_owned();
        let max_edits = match folded.chars().count() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        Self {
            fuzzy,
            perfect,
            needle_mask: CharMask::of_needle(word),
            needle_ascii: ascii_lower(word),
            summary_finder,
            folded,
            max_edits,
        }
    }

    /// Fuzzy score of a short field. A scattered subsequence ("kafka" in "AWS
    /// Well-Architected Framework") is noise: only matches scoring at least
    /// half of a perfect one count.
    fn fuzzy_score(&self, hay: &ShortHay, matcher: &mut Matcher) -> Option<u32> {
        let may_match = hay.mask.covers(self.needle_mask)
            && match (&self.needle_ascii, &hay.ascii) {
                (Some(n), Some(h)) => is_subsequence(n, h),
                _ => true,
            };
        if !may_match {
            return None;
        }
        self.fuzzy
            .score(hay.hay.slice(..), matcher)
            .filter(|&s| s * 2 >= self.perfect)
            .map(u32::from)
    }

    /// Within `max_edits` of `w`? The length difference and the query letters
    /// missing from `w` are both lower bounds of the edit distance, and they
    /// rule out nearly every word before the distance is computed.
    fn is_typo_of(&self, w: &TypoWord) -> bool {
        if self.max_edits == 0 || self.folded.len().abs_diff(w.folded.len()) > self.max_edits {
            return false;
        }
        if w.mask != CharMask::ALL && self.folded.is_ascii() {
            let missing = self
                .folded
                .chars()
                .filter(|&c| CharMask::bit(c).is_some_and(|b| w.mask.0 & b == 0))
                .count();
            if missing > self.max_edits {
                return false;
            }
        }
        strsim::damerau_levenshtein(&w.folded, &self.folded) <= self.max_edits
    }

    fn short_field(&self, hay: &ShortHay, typo: &TypoWord, matcher: &mut Matcher) -> u32 {
        self.fuzzy_score(hay, matcher)
            .unwrap_or_else(|| if self.is_typo_of(typo) { TYPO_SCORE } else { 0 })
    }

    /// Score of a substring match in a folded summary.
    fn summary_score(&self, summary: &str) -> u32 {
        if self.folded.is_empty() {
            return 0;
        }
        self.summary_finder
            .find(summary.as_bytes())
            .map_or(0, |at| {
                let chars = u32::try_from(self.folded.chars().count()).unwrap_or(u32::MAX);
                let word_start = summary
                    .get(..at)
                    .and_then(|before| before.chars().next_back())
                    .is_none_or(|c| !c.is_alphanumeric());
                SUMMARY_CHAR_SCORE.saturating_mul(chars + u32::from(word_start))
            })
    }
}

impl SearchIndex {
    /// Builds the haystacks of every role in `catalog`.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let mut word_ids = Interned::default();
        let mut words = Vec::new();
        let mut intern_word = |s: &str| -> usize {
            word_ids.id(s.to_lowercase(), || {
                words.push((ShortHay::new(s), TypoWord::new(fold(s))));
            })
        };
        let mut title_ids = Interned::default();
        let mut title_words = Vec::new();
        let mut roles = Vec::with_capacity(catalog.roles.len());
        for e in &catalog.roles {
            let folded_title = fold(&e.role.title);
            let mut ids: Vec<usize> = fold_words(&folded_title)
                .map(|w| {
                    title_ids.id(w.to_string(), || {
                        title_words.push(TypoWord::new(w.to_string()));
                    })
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            roles.push(RoleHay {
                title: ShortHay::new(&e.role.title),
                title_words: ids,
                category: e.role.category.as_deref().map(&mut intern_word),
                tags: e.role.tags.iter().map(|t| intern_word(t)).collect(),
                summary: fold(e.role.summary.as_deref().unwrap_or("")),
                techs: e.techs().map(|i| i.tech).collect(),
            });
        }
        let techs = catalog
            .techs
            .iter()
            .map(|t| {
                let all = || std::iter::once(&t.name).chain(&t.aliases);
                let hays = all().map(|n| ShortHay::new(n)).collect();
                (hays, all().map(|n| TypoWord::new(fold(n))).collect())
            })
            .collect();
        Self {
            roles,
            words,
            title_words,
            techs,
        }
    }

    /// Number of roles indexed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.roles.len()
    }

    /// True when no role is indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
    }

    /// Roles matching `query`, best first (ties keep catalog order). An empty
    /// query matches every role with score 0.
    #[must_use]
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let query_words: Vec<&str> = query
            .split_whitespace()
            .take(MAX_QUERY_WORDS)
            .map(|w| {
                w.char_indices()
                    .nth(MAX_WORD_CHARS)
                    .and_then(|(end, _)| w.get(..end))
                    .unwrap_or(w)
            })
            .collect();
        if query_words.is_empty() {
            return (0..self.roles.len())
                .map(|i| Hit {
                    role: RoleIdx(i),
                    score: 0,
                })
                .collect();
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut totals: Vec<Option<u32>> = vec![Some(0); self.roles.len()];
        for word in query_words {
            let q = QueryWord::new(word, &mut matcher);
            let word_scores: Vec<u32> = self
                .words
                .iter()
                .map(|(hay, typo)| q.short_field(hay, typo, &mut matcher))
                .collect();
            let tech_scores: Vec<u32> = self
                .techs
                .iter()
                .map(|(hays, names)| {
                    hays.iter()
                        .filter_map(|h| q.fuzzy_score(h, &mut matcher))
                        .max()
                        .unwrap_or_else(|| {
                            if names.iter().any(|n| q.is_typo_of(n)) {
                                TYPO_SCORE
                            } else {
                                0
                            }
                        })
                })
                .collect();
            let summary_cap = SUMMARY_CHAR_SCORE
                * (u32::try_from(q.folded.len()).unwrap_or(u32::MAX / 32) + 1)
                * W_SUMMARY;
            let title_typos: Vec<bool> = self.title_words.iter().map(|w| q.is_typo_of(w)).collect();
            for (role, total) in self.roles.iter().zip(totals.iter_mut()) {
                let Some(sum) = *total else { continue };
                let title = q.fuzzy_score(&role.title, &mut matcher).unwrap_or_else(|| {
                    if role.title_words.iter().any(|&w| title_typos[w]) {
                        TYPO_SCORE
                    } else {
                        0
                    }
                }) * W_TITLE;
                let category = role.category.map_or(0, |c| word_scores[c]) * W_CATEGORY;
                let tag = role.tags.iter().map(|&t| word_scores[t]).max().unwrap_or(0) * W_TAG;
                let tech = role
                    .techs
                    .iter()
                    .map(|t| tech_scores[t.0])
                    .max()
                    .unwrap_or(0)
                    * W_TECH;
                let mut best = title.max(category).max(tag).max(tech);
                // The summary can only decide whether a role matches, or add
                // to a weak match: skip it when another field scored more than
                // any summary match of this word could.
                if best < summary_cap {
                    best = best.max(q.summary_score(&role.summary) * W_SUMMARY);
                }
                *total = (best > 0).then_some(sum + best);
            }
        }
        let mut hits: Vec<Hit> = totals
            .into_iter()
            .enumerate()
            .filter_map(|(i, t)| {
                t.map(|score| Hit {
                    role: RoleIdx(i),
                    score,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.role.cmp(&b.role)));
        hits
    }
}

#[cfg(test)]
mod tests;
