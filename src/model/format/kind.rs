//! What a file is when it is not a role file: Career Atlas's own other files
//! (a skill profile export, the settings, the library index), common
//! neighbours (a roadmap or mind map, npm's `package.json`, a JSON Schema,
//! `GeoJSON`, a notebook, any JSON that names another format), text in another
//! language (Markdown, CSV, XML, YAML, TOML) and pictures, documents or
//! archives. Told in one line with what to do, instead of a list of
//! field-level errors about a file that was never meant to be a role file.
//!
//! Only asked once a file failed to read as a role file (and for bytes, before
//! decoding), so a role file never pays for it. A file that says it is a role
//! file (`roles`, a `career-atlas/…` format) is left to the field-level
//! diagnostics, which then say what to fix; any other object is weighed by
//! its keys ([`evidence`]): sharing `id` and `title` with a role does not
//! make a roadmap one. A bare array whose elements are not roles is named
//! once ([`list`]), not once per element; one of tree nodes (some with
//! `children`, none with anything a role has) is a roadmap.

mod evidence;
pub mod list;
pub mod profile;

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::json::syntax::whole_file_error;
use crate::model::diagnostic::Diagnostic;
use evidence::{Against, Evidence, STRUCTURE};
pub use list::ListOf;
pub use profile::{NotProfile, not_a_profile};

/// A kind of file that is not a role file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// A Career Atlas skill profile (My skills > Export profile…) with this
    /// many skills.
    Profile {
        /// Technologies in it.
        skills: usize,
    },
    /// Career Atlas's `settings.json` from its data folder.
    Settings,
    /// Career Atlas's library index, `datasets.json` in its data folder.
    LibraryIndex,
    /// A roadmap or mind map: `nodes` or `children`.
    Roadmap,
    /// An npm `package.json`.
    PackageJson,
    /// A JSON Schema document (a description of files, not one of them).
    JsonSchema,
    /// A `GeoJSON` map document.
    GeoJson,
    /// A Jupyter notebook.
    Notebook,
    /// JSON that names another format in `key` (`format`, `$schema`, …).
    OtherFormat {
        /// The key that names it.
        key: &'static str,
        /// What it says, cut to a readable length.
        value: String,
    },
    /// Text in another language than JSON: what it is ("a Markdown
    /// document") and what to do ("convert it to JSON first …").
    OtherText(&'static str, &'static str),
    /// A file that is not text: what it is ("a PNG picture") and what to do.
    Binary(&'static str, &'static str),
    /// A bare array of things that are not roles.
    List(ListOf),
    /// An object whose keys are another format's, not a role file's: its
    /// first keys (then "…").
    OtherObject(Vec<String>),
}

impl FileKind {
    /// The one line that says what the file is and what to do with it.
    #[must_use]
    pub fn sentence(&self) -> String {
        format!("{}, not a role file: {}", self.what(), self.todo())
    }

    /// The one line for a file chosen as a skill profile that is this kind.
    #[must_use]
    pub fn profile_sentence(&self) -> String {
        let todo = match self {
            Self::Settings => "there is nothing to import, the app reads it by itself",
            _ => profile::PROFILE_IS,
        };
        format!("{}, not a skill profile: {todo}", self.what())
    }

    /// What the file is: "this is an npm package.json".
    fn what(&self) -> String {
        match self {
            Self::Profile { skills } => format!(
                "this is a Career Atlas skill profile ({skills} {})",
                if *skills == 1 { "skill" } else { "skills" }
            ),
            Self::Settings => {
                "this is Career Atlas's own settings file (settings.json in its data folder)".into()
            }
            Self::LibraryIndex => {
                "this is Career Atlas's library index (datasets.json in its data folder)".into()
            }
            Self::Roadmap => {
                "this looks like a roadmap or mind map from another app (it has nodes or children)"
                    .into()
            }
            Self::PackageJson => "this is an npm package.json".into(),
            Self::JsonSchema => "this is a JSON Schema, a description of files".into(),
            Self::GeoJson => "this is a GeoJSON map document".into(),
            Self::Notebook => "this is a Jupyter notebook".into(),
            Self::OtherFormat { key, value } => {
                format!("this file says it is “{value}” (its {key} key)")
            }
            Self::OtherText(what, _) | Self::Binary(what, _) => format!("this is {what}"),
            Self::List(list) => list.what(),
            Self::OtherObject(keys) => {
                format!("this is a JSON object with the fields {}", keys.join(", "))
            }
        }
    }

    /// What to do instead, when it was given as a role file.
    fn todo(&self) -> &'static str {
        const CHOOSE: &str = "choose a role file (see data/FORMAT.md)";
        const ROLES: &str =
            "a role file lists roles, each with id, title and stack (see data/FORMAT.md)";
        match self {
            Self::Profile { .. } => {
                "import it with My skills > Import profile…, or drop it on the window"
            }
            Self::Settings => "there is nothing to import, the app reads it by itself",
            Self::LibraryIndex => "import the role files in the datasets folder beside it instead",
            Self::Roadmap => ROLES,
            Self::PackageJson | Self::GeoJson => CHOOSE,
            Self::JsonSchema => {
                "choose a role file; to have your editor check role files, put the schema's address in their $schema key"
            }
            Self::Notebook => {
                "write the role data to a .json file from it (json.dump with ensure_ascii=False) and choose that"
            }
            Self::OtherFormat { .. } => {
                "role files say \"format\": \"career-atlas/1\" (see data/FORMAT.md)"
            }
            Self::OtherText(_, todo) | Self::Binary(_, todo) => todo,
            Self::List(list) => list.todo(),
            Self::OtherObject(_) => {
                "a role file is an object with \"format\": \"career-atlas/1\" and its roles, or one role with id, title and stack (see data/FORMAT.md); start from File > New role file… to see one"
            }
        }
    }

    /// The sentence as the one diagnostic of the file.
    #[must_use]
    pub fn diagnostic(&self) -> Diagnostic {
        whole_file_error(1, 1, self.sentence())
    }
}

/// What a file is, from its first bytes, when they show it is no text: a
/// picture, a PDF, an archive or Office document, a database, a program.
#[must_use]
pub fn sniff_bytes(bytes: &[u8]) -> Option<FileKind> {
    const JSON: &str = "role files are JSON text (see data/FORMAT.md)";
    const UNPACK: &str = "unpack it and choose the .json files inside";
    const SIGNATURES: &[(&[u8], &str, &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG picture", JSON),
        (b"\xFF\xD8\xFF", "a JPEG picture", JSON),
        (b"GIF8", "a GIF picture", JSON),
        (b"%PDF-", "a PDF document", JSON),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an older Office document (.xls or .doc)",
            JSON,
        ),
        (b"\x1F\x8B", "a gzip-compressed file", UNPACK),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive", UNPACK),
        (b"Rar!\x1A\x07", "a RAR archive", UNPACK),
        (b"SQLite format 3\0", "an SQLite database", JSON),
        (b"\x7FELF", "a program", JSON),
    ];
    if let Some((_, what, todo)) = SIGNATURES.iter().find(|(sig, ..)| bytes.starts_with(sig)) {
        return Some(FileKind::Binary(what, todo));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let head = &bytes[..bytes.len().min(4096)];
        let has = |needle: &[u8]| memchr::memmem::find(head, needle).is_some();
        let kind = if has(b"xl/") {
            FileKind::Binary(
                "an Excel workbook (.xlsx)",
                "role files are JSON text, not spreadsheets (see data/FORMAT.md)",
            )
        } else if has(b"word/") {
            FileKind::Binary("a Word document (.docx)", JSON)
        } else if has(b"opendocument") {
            FileKind::Binary("an OpenDocument file (.ods or .odt)", JSON)
        } else {
            FileKind::Binary("a ZIP archive", UNPACK)
        };
        return Some(kind);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some(FileKind::Binary("a WebP picture", JSON));
    }
    None
}

/// What `text` is, when it is recognisably another kind of file; `None` for
/// anything that may be a role file (its diagnostics then say what to fix).
#[must_use]
pub fn recognize(text: &str) -> Option<FileKind> {
    if text.trim_start().starts_with('[')
        && let Some(kind) = list::recognize(text)
    {
        return Some(kind);
    }
    match serde_json::from_str::<Top<'_>>(text) {
        Ok(top) => recognize_object(&top.0, &top.1),
        Err(e) if e.to_string().starts_with(ROLE_FILE) => None,
        Err(_) => recognize_text(text),
    }
}

/// The error that stops reading the top level at a role file's own key.
const ROLE_FILE: &str = "a role file";

/// The top-level object's keys and their values as written. Reading stops
/// at `roles` or a `career-atlas/…` format, so a large role file with an
/// error is not read through a second time.
/// With the keys in the order written, to name them as the person sees them.
struct Top<'a>(BTreeMap<String, &'a RawValue>, Vec<String>);

impl<'de> serde::Deserialize<'de> for Top<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TopVisitor;
        impl<'de> serde::de::Visitor<'de> for TopVisitor {
            type Value = Top<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                use serde::de::Error as _;
                let mut out = BTreeMap::new();
                let mut order = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "roles" {
                        return Err(A::Error::custom(ROLE_FILE));
                    }
                    let value: &RawValue = map.next_value()?;
                    if matches!(key.as_str(), "format" | "$schema")
                        && value.get().to_ascii_lowercase().contains("career-atlas")
                    {
                        return Err(A::Error::custom(ROLE_FILE));
                    }
                    if !out.contains_key(&key) {
                        order.push(key.clone());
                    }
                    out.insert(key, value);
                }
                Ok(Top(out, order))
            }
        }
        d.deserialize_map(TopVisitor)
    }
}

/// [`recognize`] of a file's bytes, in any encoding the reader accepts.
#[must_use]
pub fn recognize_bytes(bytes: &[u8]) -> Option<FileKind> {
    if let Some(kind) = sniff_bytes(bytes) {
        return Some(kind);
    }
    let utf8 = super::encoding::to_utf8(bytes).ok()?;
    let body = utf8.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&utf8);
    recognize(std::str::from_utf8(body).ok()?)
}

/// Keys of Career Atlas's settings file besides `version`.
const SETTINGS_KEYS: &[&str] = &[
    "selected",
    "tech",
    "search",
    "theme",
    "view",
    "sort_by_fit",
    "hours_per_week",
    "plan_from",
    "plan_to",
    "compare",
    "zoom",
];

/// Keys only npm's package.json has.
const NPM_KEYS: &[&str] = &[
    "dependencies",
    "devDependencies",
    "peerDependencies",
    "scripts",
    "main",
    "module",
    "bin",
    "engines",
    "private",
    "workspaces",
];

const GEOJSON_TYPES: &[&str] = &[
    "FeatureCollection",
    "Feature",
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

/// Keywords of a JSON Schema document.
const SCHEMA_KEYS: &[&str] = &[
    "properties",
    "$defs",
    "definitions",
    "items",
    "allOf",
    "anyOf",
    "oneOf",
    "$ref",
    "$id",
];

fn recognize_object(top: &BTreeMap<String, &RawValue>, order: &[String]) -> Option<FileKind> {
    let has = |k: &str| top.contains_key(k);
    let string = |k: &str| {
        top.get(k)
            .and_then(|v| serde_json::from_str::<String>(v.get()).ok())
    };
    let starts = |k: &str, c: char| top.get(k).is_some_and(|v| v.get().starts_with(c));
    let versioned = top
        .get("version")
        .is_some_and(|v| v.get().bytes().next().is_some_and(|b| b.is_ascii_digit()));
    if versioned && starts("skills", '{') {
        let skills = top
            .get("skills")
            .and_then(|v| serde_json::from_str::<BTreeMap<String, &RawValue>>(v.get()).ok())
            .map_or(0, |m| m.len());
        return Some(FileKind::Profile { skills });
    }
    if versioned && starts("datasets", '[') {
        return Some(FileKind::LibraryIndex);
    }
    if versioned && SETTINGS_KEYS.iter().filter(|k| has(k)).count() >= 3 {
        return Some(FileKind::Settings);
    }
    if let Some(schema) = string("$schema") {
        if schema.contains("json-schema.org") && SCHEMA_KEYS.iter().any(|k| has(k)) {
            return Some(FileKind::JsonSchema);
        }
    } else if has("type") && starts("properties", '{') {
        // A schema without its $schema line.
        return Some(FileKind::JsonSchema);
    }
    if string("type").is_some_and(|t| GEOJSON_TYPES.contains(&t.as_str())) {
        return Some(FileKind::GeoJson);
    }
    if has("name") && NPM_KEYS.iter().any(|k| has(k)) {
        return Some(FileKind::PackageJson);
    }
    if has("nbformat") && has("cells") {
        return Some(FileKind::Notebook);
    }
    let evidence = Evidence::of(top.keys().map(String::as_str), Against::FileTop);
    // A file that names another format, and has no key only ours have.
    if evidence.distinct == 0 {
        for key in ["format", "$schema", "openapi", "swagger"] {
            if let Some(value) = string(key)
                && (key != "$schema" || value.contains("://"))
            {
                let value = cut(&value);
                return Some(FileKind::OtherFormat { key, value });
            }
        }
    }
    if evidence.is_ours() {
        // A role or role file with mistakes: its diagnostics say what to fix.
        return None;
    }
    let shaped = |k: &str| starts(k, '[') || starts(k, '{');
    if STRUCTURE.iter().any(|k| shaped(k)) {
        return Some(FileKind::Roadmap);
    }
    if top.is_empty() {
        return None;
    }
    let mut keys: Vec<String> = order.iter().take(5).cloned().collect();
    if order.len() > keys.len() {
        keys.push("…".into());
    }
    Some(FileKind::OtherObject(keys))
}

fn cut(value: &str) -> String {
    const MAX_CHARS: usize = 80;
    let mut out: String = value.chars().take(MAX_CHARS).collect();
    if value.chars().nth(MAX_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Text that is not JSON at all. A file whose first thing after comment lines
/// is `{` or `[` is JSON with a mistake in it, and is left to the syntax
/// error and its hint.
fn recognize_text(text: &str) -> Option<FileKind> {
    const JSON: &str = "role files are JSON (see data/FORMAT.md)";
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.clone().next()?;
    let after_comments = lines
        .clone()
        .find(|l| !(l.starts_with('#') || l.starts_with("//") || l.starts_with("/*")));
    let section = toml_section(first);
    if after_comments.is_some_and(|l| l.starts_with('{') || l.starts_with('[') && !section)
        || first.starts_with([
            '{', '"', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
        ]) && !first.starts_with("---")
    {
        return None;
    }
    let lower = first.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return Some(FileKind::OtherText(
            "a web page (HTML)",
            "save the role data as a .json file, not the page",
        ));
    }
    if first.starts_with('<') {
        return Some(FileKind::OtherText("an XML document", JSON));
    }
    if first.starts_with("# ") || first.starts_with("## ") {
        return Some(FileKind::OtherText(
            "a Markdown document",
            "Career Atlas's Save as Markdown writes these for reading, not for import; role files are JSON (see data/FORMAT.md)",
        ));
    }
    if first == "---" || first.starts_with("%YAML") || yaml_key(first) {
        return Some(FileKind::OtherText(
            "YAML",
            "role files are JSON; convert it first, for example with yq -o=json (see data/FORMAT.md)",
        ));
    }
    if section {
        return Some(FileKind::OtherText("a TOML or INI settings file", JSON));
    }
    let second = lines.nth(1);
    for sep in [',', ';', '\t'] {
        let n = first.matches(sep).count();
        if n > 0 && second.is_some_and(|s| s.matches(sep).count() == n) {
            return Some(FileKind::OtherText(
                "a table saved as CSV",
                "role files are JSON, one object per role with its stack and salary tables (see data/FORMAT.md)",
            ));
        }
    }
    None
}

/// `[section]` or `[a.b]`, as TOML and INI files begin; not JSON such as
/// `[1]` or `[true]`.
fn toml_section(line: &str) -> bool {
    let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) else {
        return false;
    };
    inner.starts_with(|c: char| c.is_ascii_alphabetic())
        && !matches!(inner, "true" | "false" | "null")
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ' '))
}

/// `key: value` or `key:` with a plain word key, as YAML begins.
fn yaml_key(line: &str) -> bool {
    let Some((key, rest)) = line.split_once(':') else {
        return false;
    };
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
        && (rest.is_empty() || rest.starts_with(' '))
}
