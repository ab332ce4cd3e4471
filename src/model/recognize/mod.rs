//! Finding catalog technologies in free text: a CV, a skills list, a job ad.
//!
//! One Aho-Corasick automaton over every name, alias and id of the catalog
//! finds candidates case-insensitively; each must sit on word boundaries
//! ("Go" is not found in "Google", but "C++", "C#" and ".NET" keep their
//! punctuation). Names that are also ordinary words or one or two letters
//! ("Go", "R", "Swift", "Spring", see [`words`]) count only with a cue:
//! written as the catalog writes it (and not as the first word of a sentence or
//! inside a Title Case phrase), a version number after it, a cue word such as
//! "programming" or "framework" near it or in the heading of its list, or a
//! neighbouring technology in the same list. Build a [`Recognizer`] once per
//! catalog; finding is a pass over the text.

mod cues;
pub mod job_ad;
#[cfg(test)]
mod kind_tests;
pub mod lookup;
mod words;

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::catalog::{Catalog, TechId};

/// One place a technology was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The technology.
    pub tech: TechId,
    /// Byte range of the match in the text.
    pub range: Range<usize>,
    /// Line number, from 1.
    pub line: usize,
    /// The line around the match, trimmed to about 80 characters.
    pub snippet: String,
}

/// A technology found in a text, with every place it was found, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The technology.
    pub tech: TechId,
    /// Where it was found; never empty.
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone)]
struct Pattern {
    tech: TechId,
    /// The name as the catalog writes it.
    text: String,
    /// Needs a cue to count.
    ambiguous: bool,
    /// Also a person's or place's name: its capital is no cue.
    proper: bool,
}

/// Finds one catalog's technologies in text. Cheap to query, built once per
/// catalog (about a millisecond for a thousand technologies).
#[derive(Debug, Clone, Default)]
pub struct Recognizer {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

/// A candidate match before cues are weighed.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pattern: usize,
    range: Range<usize>,
    confirmed: bool,
    /// Written exactly as the catalog writes it ("React", not "react").
    exact: bool,
}

impl Recognizer {
    /// Builds the matcher over every name, alias and id in `catalog`.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, tech) in catalog.techs.iter().enumerate() {
            let written = std::iter::once(&tech.name).chain(&tech.aliases);
            // Ids such as "spring-boot" never appear in prose as such; an id
            // that is also the name ("scikit-learn", "cloud-init") does.
            let key = (!tech.key.contains('-')).then_some(&tech.key);
            for name in written.chain(key) {
                let name = name.trim();
                // "Docker-compose", "Spring-Boot": a two-word name is also
                // written hyphenated.
                let hyphenated = name.contains(' ').then(|| name.replace(' ', "-"));
                for text in std::iter::once(name.to_string()).chain(hyphenated) {
                    if text.is_empty() || !seen.insert(text.to_ascii_lowercase()) {
                        continue;
                    }
                    patterns.push(Pattern {
                        tech: TechId(i),
                        ambiguous: words::is_ambiguous(&text),
                        proper: words::is_proper(&text),
                        text,
                    });
                }
            }
        }
        // Every match, overlapping ones too: a longer name that fails its
        // word boundaries ("Java SE" in "Java Servlets", "Python 3" in
        // "Python 3.12") must not hide the shorter one under it.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.text.as_str()))
            .ok();
        Self {
            automaton,
            patterns,
        }
    }

    /// Number of names matched.
    #[must_use]
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every technology found in `text`, in order of first appearance.
    #[must_use]
    pub fn find(&self, text: &str) -> Vec<Found> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut valid: Vec<(usize, Range<usize>)> = ac
            .find_overlapping_iter(text)
            .filter(|m| {
                let pattern = &self.patterns[m.pattern().as_usize()];
                cues::on_boundaries(text, &m.range(), pattern.ambiguous)
            })
            .map(|m| (m.pattern().as_usize(), m.range()))
            .collect();
        // The longest valid name at the leftmost place wins; names inside it
        // ("SQL" in "Transact-SQL") are not matches of their own.
        valid.sort_by_key(|(_, r)| (r.start, std::cmp::Reverse(r.end)));
        let mut taken_to = 0;
        let mut cands: Vec<Candidate> = Vec::with_capacity(valid.len());
        for (pattern, range) in valid {
            if range.start < taken_to {
                continue;
            }
            taken_to = range.end;
            let p = &self.patterns[pattern];
            cands.push(Candidate {
                pattern,
                confirmed: !p.ambiguous || cues::own_cue(text, &range, &p.text, p.proper),
                exact: text[range.clone()] == p.text,
                range,
            });
        }
        cues::confirm_neighbours(text, &mut cands);
        let mut out: Vec<Found> = Vec::new();
        let mut slot: std::collections::HashMap<TechId, usize> = std::collections::HashMap::new();
        // Line numbers counted once through the text, as hits come in order.
        let (mut counted_to, mut line) = (0, 1);
        for c in cands.into_iter().filter(|c| c.confirmed) {
            let tech = self.patterns[c.pattern].tech;
            line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted_to..c.range.start]).count();
            counted_to = c.range.start;
            let hit = hit(text, tech, c.range, line);
            if let Some(&i) = slot.get(&tech) {
                out[i].hits.push(hit);
            } else {
                slot.insert(tech, out.len());
                out.push(Found {
                    tech,
                    hits: vec![hit],
                });
            }
        }
        out
    }
}

fn hit(text: &str, tech: TechId, range: Range<usize>, line: usize) -> Hit {
    let (line_start, line_end) = cues::line_bounds(text, range.start);
    let line_end = line_end.max(range.end);
    Hit {
        tech,
        snippet: snippet(&text[line_start..line_end], range.start - line_start),
        range,
        line,
    }
}

/// About 80 characters of `line` around byte `at`, with "…" where cut.
fn snippet(line: &str, at: usize) -> String {
    const SIDE: usize = 40;
    let before: Vec<(usize, char)> = line[..at].char_indices().collect();
    let start = before.len().checked_sub(SIDE).map_or(0, |i| before[i].0);
    let end = line[at..]
        .char_indices()
        .nth(SIDE)
        .map_or(line.len(), |(i, _)| at + i);
    let mut s = String::new();
    if start > 0 {
        s.push('…');
    }
    s.push_str(line[start..end].trim());
    if end < line.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::test_catalog;

    const CATALOG: &str = r#"{"format":"career-atlas/1","name":"t",
        "technologies":[
          {"id":"go","name":"Go","aliases":["Golang"]},
          {"id":"rust","name":"Rust"},
          {"id":"c","name":"C"},
          {"id":"cpp","name":"C++"},
          {"id":"csharp","name":"C#"},
          {"id":"dotnet","name":".NET"},
          {"id":"asp-net","name":"ASP.NET Core","aliases":["ASP.NET"]},
          {"id":"nodejs","name":"Node.js","aliases":["Node"]},
          {"id":"python","name":"Python"},
          {"id":"r","name":"R"},
          {"id":"swift","name":"Swift"},
          {"id":"chef","name":"Chef"},
          {"id":"google-cloud","name":"Google Cloud"},
          {"id":"kubernetes","name":"Kubernetes","aliases":["k8s"]}
        ],
        "roles":[{"id":"x","title":"X","stack":{"A":["Go"]}}]}"#;

    fn keys(text: &str) -> Vec<String> {
        let cat = test_catalog(CATALOG);
        let r = Recognizer::new(&cat);
        let mut v: Vec<String> = r
            .find(text)
            .iter()
            .map(|f| cat.tech(f.tech).key.clone())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn ordinary_words_need_a_cue() {
        assert!(keys("I go to meetings every day.").is_empty());
        assert!(keys("Go to the meeting, then rust-proof the fence.").is_empty());
        assert!(keys("Worked as Head Chef at a Swift Delivery firm").is_empty());
        assert_eq!(keys("Golang services"), ["go"]);
        assert_eq!(keys("We write Go and some Rust."), ["go", "rust"]);
        assert_eq!(keys("- go programming"), ["go"]);
        assert_eq!(keys("Python, R, SQL"), ["python", "r"]);
        assert_eq!(keys("Swift 5.9 on iOS"), ["swift"]);
        assert_eq!(keys("Languages:\n- Go\n- C\n"), ["c", "go"]);
        assert!(keys("Grade C in maths").is_empty());
    }

    #[test]
    fn punctuation_is_part_of_the_name() {
        assert_eq!(
            keys("C++, C# and .NET with Node.js"),
            ["cpp", "csharp", "dotnet", "nodejs"]
        );
        assert_eq!(keys("ASP.NET MVC"), ["asp-net"]);
        assert!(keys("Googler").is_empty());
        assert_eq!(keys("k8s on Google Cloud"), ["google-cloud", "kubernetes"]);
    }

    #[test]
    fn hits_keep_where_they_were_found() {
        let cat = test_catalog(CATALOG);
        let r = Recognizer::new(&cat);
        let text = "Summary\nBuilt services in Golang and Python.\nMore Python.";
        let found = r.find(text);
        assert_eq!(found.len(), 2);
        let go = &found[0].hits[0];
        assert_eq!(&text[go.range.clone()], "Golang");
        assert_eq!(go.line, 2);
        assert_eq!(go.snippet, "Built services in Golang and Python.");
        assert_eq!(found[1].hits.len(), 2);
    }
}
