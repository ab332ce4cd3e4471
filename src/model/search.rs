//! Role search: fuzzy, ranked, case- and accent-insensitive, typo-tolerant.
//!
//! Each query word must match some field of a role. Short fields (title,
//! category, tags, technology names) are matched fuzzily with `nucleo-matcher`;
//! the summary only by substring, since a subsequence of a long sentence matches
//! nearly anything. A word that matches nothing that way may still match a word
//! of the title, a tag or a technology within one or two edits (`strsim`), which
//! forgives typos such as "kuberentes". Technology names are matched once per
//! distinct technology, not once per role, so a keystroke over 10,000 roles stays
//! cheap.

use std::collections::HashMap;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};

use super::catalog::{Catalog, RoleIdx, TechId};

const W_TITLE: u32 = 4;
const W_TECH: u32 = 3;
const W_TAG: u32 = 2;
const W_CATEGORY: u32 = 2;
const W_SUMMARY: u32 = 1;
/// Score of a typo match, below any exact-ish fuzzy match of the same field.
const TYPO_SCORE: u32 = 20;
/// Query words are cut to this many characters. Nobody types longer words, and
/// the matcher's `u16` score overflows (a panic in debug builds) on a word of
/// about a thousand characters that matches.
const MAX_WORD_CHARS: usize = 64;

struct RoleHay {
    title: Utf32String,
    title_words: Vec<String>,
    category: Option<usize>,
    tags: Vec<usize>,
    summary: Utf32String,
    techs: Vec<TechId>,
}

/// Precomputed haystacks for every role of a catalog.
pub struct SearchIndex {
    roles: Vec<RoleHay>,
    /// Distinct categories and tags, matched once per query word.
    words: Vec<(Utf32String, String)>,
    techs: Vec<(Vec<Utf32String>, Vec<String>)>,
}

/// A search hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The role.
    pub role: RoleIdx,
    /// Higher is better.
    pub score: u32,
}

/// Folds case and accents for the typo comparison.
fn fold(s: &str) -> String {
    deunicode::deunicode(s).to_lowercase()
}

fn fold_words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl SearchIndex {
    /// Builds the haystacks of every role in `catalog`.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let mut word_ids: HashMap<String, usize> = HashMap::new();
        let mut words = Vec::new();
        let mut intern = |s: &str| -> usize {
            let key = s.to_lowercase();
            if let Some(&i) = word_ids.get(&key) {
                return i;
            }
            let i = words.len();
            words.push((Utf32String::from(s), fold(s)));
            word_ids.insert(key, i);
            i
        };
        let roles = catalog
            .roles
            .iter()
            .map(|e| RoleHay {
                title: Utf32String::from(e.role.title.as_str()),
                title_words: fold_words(&e.role.title),
                category: e.role.category.as_deref().map(&mut intern),
                tags: e.role.tags.iter().map(|t| intern(t)).collect(),
                summary: Utf32String::from(e.role.summary.as_deref().unwrap_or("")),
                techs: e.techs().map(|i| i.tech).collect(),
            })
            .collect();
        let techs = catalog
            .techs
            .iter()
            .map(|t| {
                let all = || std::iter::once(&t.name).chain(&t.aliases);
                let hays = all().map(|n| Utf32String::from(n.as_str())).collect();
                (hays, all().map(|n| fold(n)).collect())
            })
            .collect();
        Self {
            roles,
            words,
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
        let mut summary_matcher = Matcher::new(Config::DEFAULT);
        let mut totals: Vec<Option<u32>> = vec![Some(0); self.roles.len()];
        for word in query_words {
            let fuzzy = nucleo_matcher::pattern::Atom::new(
                word,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Fuzzy,
                false,
            );
            let substring = nucleo_matcher::pattern::Atom::new(
                word,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Substring,
                false,
            );
            let folded = fold(word);
            let max_edits = match folded.chars().count() {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            };
            let typo = |candidates: &[String]| {
                max_edits > 0
                    && candidates
                        .iter()
                        .any(|c| strsim::damerau_levenshtein(c, &folded) <= max_edits)
            };
            // A scattered subsequence ("kafka" in "AWS Well-Architected Framework")
            // is noise: keep fuzzy matches scoring at least half of a perfect one.
            let perfect = fuzzy
                .score(Utf32String::from(word).slice(..), &mut matcher)
                .unwrap_or(0);
            let mut score_of = |hay: &Utf32String| {
                fuzzy
                    .score(hay.slice(..), &mut matcher)
                    .filter(|&s| s * 2 >= perfect)
            };
            let word_scores: Vec<u32> = self
                .words
                .iter()
                .map(|(hay, folded_word)| {
                    score_of(hay).map_or_else(
                        || {
                            if typo(std::slice::from_ref(folded_word)) {
                                TYPO_SCORE
                            } else {
                                0
                            }
                        },
                        u32::from,
                    )
                })
                .collect();
            let tech_scores: Vec<u32> = self
                .techs
                .iter()
                .map(|(hays, names)| {
                    hays.iter()
                        .filter_map(&mut score_of)
                        .max()
                        .map_or_else(|| if typo(names) { TYPO_SCORE } else { 0 }, u32::from)
                })
                .collect();
            for (role, total) in self.roles.iter().zip(totals.iter_mut()) {
                let Some(sum) = total else { continue };
                let title = score_of(&role.title).map_or_else(
                    || {
                        if typo(&role.title_words) {
                            TYPO_SCORE
                        } else {
                            0
                        }
                    },
                    u32::from,
                ) * W_TITLE;
                let category = role.category.map_or(0, |c| word_scores[c]) * W_CATEGORY;
                let tag = role.tags.iter().map(|&t| word_scores[t]).max().unwrap_or(0) * W_TAG;
                let tech = role
                    .techs
                    .iter()
                    .map(|t| tech_scores[t.0])
                    .max()
                    .unwrap_or(0)
                    * W_TECH;
                let summary = substring
                    .score(role.summary.slice(..), &mut summary_matcher)
                    .map_or(0, u32::from)
                    * W_SUMMARY;
                let best = title.max(category).max(tag).max(tech).max(summary);
                *total = (best > 0).then_some(*sum + best);
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
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let json = r#"{"format":"career-atlas/1","name":"t",
          "technologies":[{"id":"kubernetes","name":"Kubernetes","aliases":["k8s"]}],
          "roles":[
            {"id":"backend-developer","title":"Backend Developer","category":"Software Development",
             "summary":"Builds the server side of applications.","tags":["api"],
             "stack":{"Languages":["Go","Python"],"Databases":["PostgreSQL"]}},
            {"id":"devops-engineer","title":"DevOps Engineer","category":"Infrastructure",
             "summary":"Automates delivery.","stack":{"Platforms":["Kubernetes","Terraform"]}},
            {"id":"ux-designer","title":"Diseñador UX","category":"Design",
             "summary":"Designs interfaces.","stack":{"Tools":["Figma"]}}
          ]}"#;
        crate::model::catalog::test_catalog(json)
    }

    fn titles(cat: &Catalog, idx: &SearchIndex, q: &str) -> Vec<String> {
        idx.search(q)
            .iter()
            .map(|h| cat.role(h.role).role.title.clone())
            .collect()
    }

    #[test]
    fn empty_query_lists_everything_in_order() {
        let cat = catalog();
        let idx = SearchIndex::new(&cat);
        assert_eq!(idx.search("  ").len(), 3);
    }

    #[test]
    fn matches_title_technology_alias_and_tag() {
        let cat = catalog();
        let idx = SearchIndex::new(&cat);
        assert_eq!(titles(&cat, &idx, "backend"), ["Backend Developer"]);
        assert_eq!(titles(&cat, &idx, "postgresql"), ["Backend Developer"]);
        assert_eq!(titles(&cat, &idx, "k8s"), ["DevOps Engineer"]);
        assert_eq!(titles(&cat, &idx, "API"), ["Backend Developer"]);
    }

    #[test]
    fn is_case_accent_and_typo_insensitive() {
        let cat = catalog();
        let idx = SearchIndex::new(&cat);
        assert_eq!(titles(&cat, &idx, "DISENADOR"), ["Diseñador UX"]);
        assert_eq!(titles(&cat, &idx, "kuberentes"), ["DevOps Engineer"]);
        assert_eq!(titles(&cat, &idx, "terrafrom"), ["DevOps Engineer"]);
    }

    #[test]
    fn every_word_must_match_and_best_match_comes_first() {
        let cat = catalog();
        let idx = SearchIndex::new(&cat);
        assert_eq!(titles(&cat, &idx, "go postgresql"), ["Backend Developer"]);
        assert!(titles(&cat, &idx, "figma kubernetes").is_empty());
        assert!(titles(&cat, &idx, "zzzzqqq").is_empty());
        // "dev" is in two titles; both match, in some order, and nothing else.
        let dev = titles(&cat, &idx, "devops");
        assert_eq!(dev.first().map(String::as_str), Some("DevOps Engineer"));
    }
}
