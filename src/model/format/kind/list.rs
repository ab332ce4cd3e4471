//! A bare JSON array whose elements are not roles: a spreadsheet exported
//! as JSON, a list of links or skills, a list of names. Named once, with its
//! size and fields, instead of the same diagnostics once per element. A list
//! of nodes with `children` (a roadmap or tree export) is named a roadmap even
//! where its leaves have only a role's `id` and `title`.

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::FileKind;
use super::evidence::{Against, Evidence, STRUCTURE};

/// Elements whose keys are looked at; the rest are only counted, so a
/// large array costs one scan and no more memory.
const SAMPLE: usize = 200;

/// What a bare array holds, when it is not a list of roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListOf {
    /// Elements in the array.
    pub count: usize,
    /// What the elements are: "object", "text" or "number".
    pub element: &'static str,
    /// For objects: the keys of the sampled elements, in order of first
    /// appearance; for texts: the first few, as written.
    pub examples: Vec<String>,
}

impl ListOf {
    /// "this is a list of 120 objects with the fields name, url, …".
    pub(super) fn what(&self) -> String {
        let n = self.count;
        let plural = |one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match self.element {
            "object" if self.examples.is_empty() => {
                format!(
                    "this is a list of {} with no fields",
                    plural("object", "objects")
                )
            }
            "object" => format!(
                "this is a list of {} with the fields {}",
                plural("object", "objects"),
                self.examples.join(", ")
            ),
            "text" => {
                let quoted: Vec<String> = self
                    .examples
                    .iter()
                    .map(|t| {
                        if t == "…" {
                            t.clone()
                        } else {
                            format!("“{}”", cut(t))
                        }
                    })
                    .collect();
                format!(
                    "this is a list of {} ({})",
                    plural("text", "texts"),
                    quoted.join(", ")
                )
            }
            "number" => format!("this is a list of {}", plural("number", "numbers")),
            _ => format!("this is a list of {}", plural("value", "values")),
        }
    }

    /// What to do with it instead.
    pub(super) fn todo(&self) -> &'static str {
        if self.element == "text" {
            "a role file lists roles, each an object with id, title and stack (see data/FORMAT.md); if these are technologies you know, paste them into My skills > Paste text"
        } else {
            "a role file lists roles, each an object with id, title and stack (see data/FORMAT.md); rename your fields to those, or start from File > New role file… to see one"
        }
    }
}

/// A text cut to a readable length.
fn cut(text: &str) -> String {
    const MAX_CHARS: usize = 30;
    let mut out: String = text.chars().take(MAX_CHARS).collect();
    if text.chars().nth(MAX_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Shown of the keys or texts before "…".
const SHOWN: usize = 5;

/// Keys of a role that a node of a tree has no use for. With any of them (or
/// a typo of a role-only key) a list keeps its diagnostics, whatever else it has.
const ROLE_CONTENT: &[&str] = &["summary", "day_in_the_life", "responsibilities"];

/// What `text`'s top-level array holds, when it is not roles: a roadmap or
/// tree export, or a list of something else. `None` for anything else (an
/// array of roles with mistakes, an empty array, no array).
pub(super) fn recognize(text: &str) -> Option<FileKind> {
    let mut de = serde_json::Deserializer::from_str(text);
    let scan = de.deserialize_seq(ScanVisitor).ok()?;
    de.end().ok()?;
    if scan.count == 0 {
        return None;
    }
    let element = match (scan.objects, scan.texts, scan.numbers, scan.lists) {
        (o, 0, 0, 0) if o == scan.count => "object",
        (0, t, 0, 0) if t == scan.count => "text",
        (0, 0, n, 0) if n == scan.count => "number",
        (0, 0, 0, l) if l == scan.count => "list",
        _ => "value",
    };
    // Lists of lists, or of mixed things, are left to the diagnostics: they
    // are no common export, and the reader says what is wrong (nesting too
    // deep, for one). Roles with mistakes (or some roles among other things)
    // keep their diagnostics too: half the sampled objects looking like
    // roles is enough.
    if matches!(element, "list" | "value") {
        return None;
    }
    // A tree's leaves are `{id, title}`, like a role with nothing in it; its
    // branches give it away, as long as no node has anything a role has.
    if element == "object" && scan.branches > 0 && scan.role_content == 0 {
        return Some(FileKind::Roadmap);
    }
    if scan.objects > 0 && 2 * scan.role_like >= scan.sampled_objects {
        return None;
    }
    let mut examples = if element == "text" {
        scan.texts_seen
    } else {
        scan.keys
    };
    let more = examples.len() > SHOWN;
    examples.truncate(SHOWN);
    if more {
        examples.push("…".into());
    }
    Some(FileKind::List(ListOf {
        count: scan.count,
        element,
        examples,
    }))
}

#[derive(Default)]
struct Scan {
    count: usize,
    objects: usize,
    texts: usize,
    numbers: usize,
    lists: usize,
    sampled_objects: usize,
    role_like: usize,
    /// Sampled objects with `children`, `nodes` or `edges` holding an array or object.
    branches: usize,
    /// Sampled objects with a key only a role has, or one a tree has no use for.
    role_content: usize,
    keys: Vec<String>,
    texts_seen: Vec<String>,
}

struct ScanVisitor;

impl<'de> Visitor<'de> for ScanVisitor {
    type Value = Scan;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scan, A::Error> {
        let mut scan = Scan::default();
        loop {
            let keep = scan.count < SAMPLE;
            let Some(element) = seq.next_element_seed(ElementVisitor { keep })? else {
                break;
            };
            scan.count += 1;
            match element {
                Element::Object { keys, branches } => {
                    scan.objects += 1;
                    if !keep {
                        continue;
                    }
                    scan.sampled_objects += 1;
                    let ev = Evidence::of(keys.iter().map(String::as_str), Against::Role);
                    scan.role_like += usize::from(ev.is_ours());
                    scan.branches += usize::from(branches);
                    let content = keys.iter().any(|k| ROLE_CONTENT.contains(&k.as_str()));
                    scan.role_content += usize::from(ev.distinct > 0 || content);
                    for k in keys {
                        if !scan.keys.contains(&k) && scan.keys.len() <= SHOWN {
                            scan.keys.push(k);
                        }
                    }
                }
                Element::Text(t) => {
                    scan.texts += 1;
                    if keep && scan.texts_seen.len() <= SHOWN {
                        scan.texts_seen.push(t);
                    }
                }
                Element::Number => scan.numbers += 1,
                Element::List => scan.lists += 1,
                Element::Other => {}
            }
        }
        Ok(scan)
    }
}

/// One element of the array, as much of it as the sentence needs (past the
/// sample, only its kind).
enum Element {
    /// Its keys (when kept), and whether a tree's key holds an array or object.
    Object {
        keys: Vec<String>,
        branches: bool,
    },
    Text(String),
    Number,
    List,
    Other,
}

struct ElementVisitor {
    /// Keep the keys or the text (else only the kind).
    keep: bool,
}

impl<'de> DeserializeSeed<'de> for ElementVisitor {
    type Value = Element;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Element, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ElementVisitor {
    type Value = Element;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element, A::Error> {
        let mut keys = Vec::new();
        let mut branches = false;
        while let Some(key) = map.next_key::<String>()? {
            if self.keep && STRUCTURE.contains(&key.as_str()) {
                // `children` holding nodes (an array or object, read through),
                // not a stray number of that name.
                let value = map.next_value_seed(ElementVisitor { keep: false })?;
                branches |= matches!(value, Element::Object { .. } | Element::List);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
            if self.keep {
                keys.push(key);
            }
        }
        Ok(Element::Object { keys, branches })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Element, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Element::List)
    }
    fn visit_str<E>(self, v: &str) -> Result<Element, E> {
        Ok(Element::Text(if self.keep {
            v.to_string()
        } else {
            String::new()
        }))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Element, E> {
        Ok(Element::Number)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Element, E> {
        Ok(Element::Number)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Element, E> {
        Ok(Element::Number)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Element, E> {
        Ok(Element::Other)
    }
    fn visit_unit<E>(self) -> Result<Element, E> {
        Ok(Element::Other)
    }
}
