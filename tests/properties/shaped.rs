//! (b) Text shaped like the format.

use super::*;

// ---------------------------------------------------------------------------
// (b) text shaped like the format
// ---------------------------------------------------------------------------

/// A JSON document as written, numbers and odd strings kept verbatim.
#[derive(Debug, Clone)]
enum J {
    Null,
    Bool(bool),
    /// A number exactly as written (may be huge, negative, or not JSON at all).
    Num(String),
    Str(String),
    /// A string literal written verbatim, quotes included (odd escapes).
    RawStr(&'static str),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // independent switches, each drawn at random
struct Style {
    pretty: bool,
    crlf: bool,
    bom: bool,
    /// Write every non-ASCII character as `\uXXXX` (surrogate pairs included).
    ascii: bool,
}

fn push_string(s: &str, ascii: bool, out: &mut String) {
    if !ascii {
        out.push_str(&serde_json::to_string(s).unwrap());
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            ' '..='~' => out.push(c),
            _ => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{unit:04X}");
                }
            }
        }
    }
    out.push('"');
}

fn render(j: &J, st: Style, depth: usize, out: &mut String) {
    let newline = |out: &mut String, depth: usize| {
        if st.pretty {
            out.push_str(if st.crlf { "\r\n" } else { "\n" });
            out.push_str(&"  ".repeat(depth));
        }
    };
    match j {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Num(n) => out.push_str(n),
        J::Str(s) => push_string(s, st.ascii, out),
        J::RawStr(s) => out.push_str(s),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                render(item, st, depth + 1, out);
            }
            if !items.is_empty() {
                newline(out, depth);
            }
            out.push(']');
        }
        J::Obj(fields) => {
            out.push('{');
            for (i, (k, v)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                push_string(k, st.ascii, out);
                out.push_str(if st.pretty { ": " } else { ":" });
                render(v, st, depth + 1, out);
            }
            if !fields.is_empty() {
                newline(out, depth);
            }
            out.push('}');
        }
    }
}

fn num_text() -> impl Strategy<Value = String> {
    prop_oneof![
        40 => (0u32..300_000).prop_map(|n| n.to_string()),
        10 => any::<i64>().prop_map(|n| n.to_string()),
        10 => any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(|x| format!("{x:e}")),
        5 => "-?[1-9][0-9]{15,60}(\\.[0-9]{1,20})?",
        5 => "-?[0-9]\\.[0-9]{1,8}[eE][+-]?[0-9]{1,5}",
        5 => select(&["-0", "0", "0.0", "-0.0", "1e308", "1e309", "-1e400", "4.9e-324", "1e-400",
            "1.7976931348623157e308", "18446744073709551616", "-9223372036854775809"][..])
            .prop_map(str::to_string),
        // Not JSON (rare, or few documents would get past the syntax check):
        // the syntax check must refuse these politely.
        1 => select(&["01", "1.", ".5", "+1", "NaN", "Infinity", "-", "1e", "0x10", "1_000"][..])
            .prop_map(str::to_string),
    ]
}

fn num() -> BoxedStrategy<J> {
    num_text().prop_map(J::Num).boxed()
}

/// Strings: plain words, words of the format, and arbitrary unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[A-Za-z][A-Za-z0-9 ,.()+#/-]{0,20}",
        2 => any::<String>(),
        1 => "\\PC{0,8}",
        1 => select(&["", " ", "\t", "core", "common", "optional", "year", "month", "hour", "USD",
            "usd", "EURO", "2025", "2025-06", "2025-13-40", "https://example.com", "http://", "ftp://x",
            "javascript:alert(1)", "career-atlas/1", "career-atlas/2", "career-atlas/99999999999",
            "Postgres", "postgresql", "k8s", "Kubernetes", "Go", "a", "b", "backend-developer",
            "\u{0}", "\u{FEFF}", "e\u{301}", "\u{1F600}", "\u{202E}rtl", "\u{10FFFF}"][..])
            .prop_map(str::to_string),
    ]
}

fn str_v() -> BoxedStrategy<J> {
    prop_oneof![
        // Rare, as one bad escape makes the whole document invalid JSON.
        400 => text().prop_map(J::Str),
        1 => select(&[r#""\ud800""#, r#""\udc00""#, r#""\ud83d\ude00""#, r#""\u00E9\/\b\f""#,
            r#""\x41""#, r#""\u12""#, "\"tab\there\"", "\"\u{7f}\""][..]).prop_map(J::RawStr),
    ]
    .boxed()
}

fn bool_v() -> BoxedStrategy<J> {
    any::<bool>().prop_map(J::Bool).boxed()
}

fn id_v() -> BoxedStrategy<J> {
    prop_oneof![
        3 => select(&["a", "b", "c", "backend-developer", "x-1"][..]).prop_map(|s| J::Str(s.into())),
        20 => "[a-z0-9]{1,6}(-[a-z0-9]{1,3}){0,2}".prop_map(J::Str),
        1 => select(&["", "Bad Id", "a--b", "-a", "a-", "ÄÖ", "a_b"][..]).prop_map(|s| J::Str(s.into())),
    ]
    .boxed()
}

fn currency_v() -> BoxedStrategy<J> {
    prop_oneof![12 => "[A-Z]{3}".prop_map(J::Str), 1 => text().prop_map(J::Str)].boxed()
}

fn url_v() -> BoxedStrategy<J> {
    prop_oneof![
        12 => "(https?|HTTPS?)://[a-z0-9.-]{1,12}(/[^\\s]{0,8})?".prop_map(J::Str),
        1 => text().prop_map(J::Str),
    ]
    .boxed()
}

fn scalar() -> BoxedStrategy<J> {
    prop_oneof![Just(J::Null), bool_v(), num(), str_v()].boxed()
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => select(&["responsibilites", "titel", "$schema", "salery", "prioritty", "levles", "x",
            "", "Min", "MEDIAN"][..]).prop_map(str::to_string),
        1 => text(),
    ]
}

/// Any JSON value, small.
fn any_json() -> BoxedStrategy<J> {
    scalar()
        .prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..4).prop_map(J::Arr),
                vec((key(), inner), 0..4).prop_map(J::Obj),
            ]
        })
        .boxed()
}

fn arr(item: BoxedStrategy<J>, max: usize) -> BoxedStrategy<J> {
    vec(item, 0..=max).prop_map(J::Arr).boxed()
}

/// A list that is seldom empty (for lists the format requires to be non-empty).
fn arr1(item: BoxedStrategy<J>, max: usize) -> BoxedStrategy<J> {
    prop_oneof![
        12 => vec(item.clone(), 1..=max),
        1 => vec(item, 0..=max),
    ]
    .prop_map(J::Arr)
    .boxed()
}

/// A field present with probability `p`, of the right type most of the time.
fn field(
    name: &'static str,
    p: f64,
    right: BoxedStrategy<J>,
) -> BoxedStrategy<Option<(String, J)>> {
    let value = prop_oneof![30 => right, 1 => any_json()];
    let value = if p >= 1.0 {
        value.prop_map(Some).boxed()
    } else {
        option::weighted(p, value).boxed()
    };
    value
        .prop_map(move |v| v.map(|v| (name.to_string(), v)))
        .boxed()
}

/// An object of `fields`, plus now and then an unknown or repeated one, in any order.
fn obj(fields: Vec<BoxedStrategy<Option<(String, J)>>>) -> BoxedStrategy<J> {
    obj_with(fields, Just(Vec::new()).boxed())
}

/// [`obj`], with more fields drawn together (figures that must agree).
fn obj_with(
    fields: Vec<BoxedStrategy<Option<(String, J)>>>,
    more: BoxedStrategy<Vec<(String, J)>>,
) -> BoxedStrategy<J> {
    (fields, more, vec((key(), scalar()), 0..2), any::<bool>())
        .prop_map(|(fields, more, extra, repeat)| {
            let mut all: Vec<(String, J)> = fields.into_iter().flatten().chain(more).collect();
            if repeat && let Some(first) = all.first().cloned() {
                all.push(first);
            }
            all.extend(extra);
            all
        })
        .prop_shuffle()
        .prop_map(J::Obj)
        .boxed()
}

const REQ: f64 = 0.98;
const OPT: f64 = 0.35;

fn text_field(name: &'static str, p: f64) -> BoxedStrategy<Option<(String, J)>> {
    field(name, p, str_v())
}

fn tech_ref_j() -> BoxedStrategy<J> {
    prop_oneof![
        2 => str_v(),
        2 => select(&["Go", "go", "Postgres", "PostgreSQL", "postgresql", "k8s", "Kubernetes"][..])
            .prop_map(|s| J::Str(s.into())),
        2 => obj(vec![
            field("name", REQ, str_v()),
            field("priority", OPT, prop_oneof![
                12 => select(&["core", "common", "optional"][..]).prop_map(|s| J::Str(s.into())),
                1 => str_v(),
            ].boxed()),
            text_field("note", OPT),
        ]),
    ]
    .boxed()
}

fn level_j() -> BoxedStrategy<J> {
    // Mostly figures in order (a valid level), sometimes any numbers.
    let figures = prop_oneof![
        3 => (vec(0u32..400_000, 7), vec(any::<bool>(), 7)).prop_map(|(mut xs, given)| {
            xs.sort_unstable();
            let mut out: Vec<Option<J>> = xs
                .iter()
                .zip(&given)
                .map(|(x, g)| g.then(|| J::Num(x.to_string())))
                .collect();
            if out.iter().all(Option::is_none) {
                out[3] = Some(J::Num(xs[3].to_string()));
            }
            out
        }),
        1 => vec(option::weighted(0.4, num()), 7),
    ];
    let figures = figures
        .prop_map(|f| {
            ["min", "p10", "p25", "median", "p75", "p90", "max"]
                .iter()
                .zip(f)
                .filter_map(|(k, v)| v.map(|v| ((*k).to_string(), v)))
                .collect()
        })
        .boxed();
    obj_with(
        vec![
            field("level", REQ, str_v()),
            field("open_ended", 0.2, bool_v()),
            text_field("note", 0.2),
        ],
        figures,
    )
}

fn table_j() -> BoxedStrategy<J> {
    obj(vec![
        field("region", REQ, str_v()),
        field("currency", REQ, currency_v()),
        field(
            "period",
            OPT,
            prop_oneof![
                12 => select(&["year", "month", "hour"][..]).prop_map(|s| J::Str(s.into())),
                1 => str_v(),
            ]
            .boxed(),
        ),
        text_field("source", OPT),
        text_field("as_of", OPT),
        text_field("note", 0.2),
        field("levels", REQ, arr1(level_j(), 3)),
    ])
}

fn stack_j() -> BoxedStrategy<J> {
    vec(
        (
            text(),
            prop_oneof![8 => arr(tech_ref_j(), 4), 1 => any_json()],
        ),
        0..4,
    )
    .prop_map(J::Obj)
    .boxed()
}

fn role_j() -> BoxedStrategy<J> {
    obj(vec![
        field("id", REQ, id_v()),
        field("title", REQ, str_v()),
        text_field("category", OPT),
        text_field("summary", OPT),
        text_field("description", 0.2),
        field("responsibilities", OPT, arr(str_v(), 3)),
        field(
            "day_in_the_life",
            0.2,
            arr(
                obj(vec![
                    field("when", REQ, str_v()),
                    field("what", REQ, str_v()),
                ]),
                2,
            ),
        ),
        text_field("education", 0.2),
        field("stack", 0.6, stack_j()),
        field("salary", 0.5, arr(table_j(), 2)),
        text_field("salary_note", 0.1),
        field(
            "outlook",
            0.2,
            obj(vec![
                text_field("occupation", OPT),
                text_field("period", OPT),
                field("growth_pct", OPT, num()),
                field("openings_per_year", OPT, num()),
                text_field("source", OPT),
            ]),
        ),
        field("related", OPT, arr(id_v(), 3)),
        field(
            "links",
            0.3,
            arr(
                obj(vec![
                    field("title", REQ, str_v()),
                    field("url", REQ, url_v()),
                ]),
                2,
            ),
        ),
        field("tags", OPT, arr(str_v(), 3)),
    ])
}

fn dataset_j() -> BoxedStrategy<J> {
    obj(vec![
        field(
            "format",
            1.0,
            prop_oneof![
                15 => Just(J::Str(FORMAT_TAG.into())),
                1 => str_v(),
            ]
            .boxed(),
        ),
        field("name", REQ, str_v()),
        text_field("description", OPT),
        text_field("author", 0.2),
        text_field("version", 0.2),
        text_field("license", 0.2),
        text_field("as_of", OPT),
        field(
            "sources",
            0.2,
            arr(
                obj(vec![
                    field("name", REQ, str_v()),
                    text_field("detail", OPT),
                    text_field("date", OPT),
                    field("url", OPT, url_v()),
                ]),
                2,
            ),
        ),
        field(
            "technologies",
            0.5,
            arr(
                obj(vec![
                    field("id", REQ, prop_oneof![id_v(), str_v()].boxed()),
                    field(
                        "name",
                        REQ,
                        prop_oneof![
                            str_v(),
                            select(&["Go", "PostgreSQL", "Kubernetes"][..])
                                .prop_map(|s| J::Str(s.into())),
                        ]
                        .boxed(),
                    ),
                    text_field("category", OPT),
                    field("aliases", OPT, arr(str_v(), 3)),
                    field("hot", OPT, bool_v()),
                    text_field("description", 0.2),
                    field("effort_hours", 0.2, num()),
                ]),
                3,
            ),
        ),
        field(
            "exchange_rates",
            0.3,
            obj(vec![
                field("base", REQ, currency_v()),
                text_field("as_of", OPT),
                field(
                    "rates",
                    REQ,
                    vec((prop_oneof!["[A-Z]{3}", text()], num()), 0..3)
                        .prop_map(J::Obj)
                        .boxed(),
                ),
            ]),
        ),
        field("roles", REQ, arr1(role_j(), 3)),
    ])
}

fn document_j() -> BoxedStrategy<J> {
    prop_oneof![
        4 => dataset_j(),
        2 => role_j(),
        2 => arr1(role_j(), 3),
        1 => any_json(),
    ]
    .boxed()
}

fn style() -> impl Strategy<Value = Style> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(pretty, crlf, bom, ascii)| Style {
            pretty,
            crlf,
            bom,
            ascii,
        })
}

proptest! {
    #![proptest_config(config(512))]

    /// (b) Text built from a grammar of the format, sometimes cut short: no
    /// panic; and whatever reads as a dataset survives a round trip.
    #[test]
    fn format_shaped_text_reads_without_panic(
        doc in document_j(),
        st in style(),
        cut in option::weighted(0.1, any::<Index>()),
        with_known_ids in any::<bool>(),
    ) {
        let mut text = String::new();
        render(&doc, st, 0, &mut text);
        let mut bytes = if st.bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(text.as_bytes());
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        let known: HashSet<String> = ["a", "c", "backend-developer"].iter().map(|s| (*s).to_string()).collect();
        let cx = ReadContext { known_role_ids: with_known_ids.then_some(&known) };
        let out = exercise(&bytes, cx)?;
        if let Some(ds) = &out.dataset {
            check_round_trip(ds, st.pretty, st.crlf, st.bom)?;
        }
    }
}
