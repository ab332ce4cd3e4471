//! Role files in the encodings people save in: UTF-16 with a byte order mark
//! (PowerShell 5.1 `Out-File`, Notepad "Unicode") is read as editors read it,
//! with positions as they show them; UTF-16 without a mark, UTF-32 and
//! legacy encodings are named, with how to re-save the file as UTF-8.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use career_atlas::model::{Diagnostic, ReadContext, ReadOutcome, read_dataset};

fn read(bytes: &[u8]) -> ReadOutcome {
    read_dataset("file", bytes, ReadContext::default())
}

/// `text` as UTF-16 (little- or big-endian), with or without a byte order mark.
fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mark = if bom { "\u{FEFF}" } else { "" };
    mark.encode_utf16()
        .chain(text.encode_utf16())
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

fn only_error(out: &ReadOutcome) -> Diagnostic {
    assert!(out.dataset.is_none(), "{:?}", out.diagnostics);
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    out.diagnostics[0].clone()
}

/// As PowerShell 5.1's `Out-File` writes it: CRLF line ends, CJK and Arabic
/// text, and one mistake on line 5 after wide characters.
const ROLE: &str = "{\r\n  \"id\": \"backend\",\r\n  \"title\": \"后端开发工程师\",\r\n  \"summary\": \"مطور الواجهة الخلفية\",\r\n  \"category\": \"开发\", \"tags\": 5,\r\n  \"stack\": {\"语言\": [\"Go\"]}\r\n}\r\n";

#[test]
fn utf16_with_a_bom_reads_like_utf8() {
    let valid = ROLE.replace("\"tags\": 5,", "\"tags\": [\"后端\"],");
    for big_endian in [false, true] {
        let out = read(&utf16(&valid, big_endian, true));
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        let ds = out.dataset.unwrap();
        assert_eq!(ds.roles[0].title, "后端开发工程师");
        assert_eq!(ds.roles[0].summary.as_deref(), Some("مطور الواجهة الخلفية"));
        assert_eq!(ds.roles[0].stack[0].name, "语言");
    }
}

#[test]
fn utf16_positions_are_an_editors_line_and_column() {
    // Line 5 reads `  "category": "开发", "tags": 5,`: the value 5 is the
    // 29th character, whatever the bytes per character.
    let utf8 = read(ROLE.as_bytes());
    let e = only_error(&utf8);
    assert_eq!((e.line, e.column, e.path.as_str()), (5, 29, "tags"));
    for big_endian in [false, true] {
        let out = read(&utf16(ROLE, big_endian, true));
        assert_eq!(only_error(&out), e, "big-endian: {big_endian}");
    }
}

#[test]
fn a_syntax_error_in_utf16_has_its_editor_position_too() {
    let broken = "{\n  \"id\": \"a\",\n  \"title\": \"バックエンド\"\n  \"stack\": {}\n}\n";
    let e = only_error(&read(broken.as_bytes()));
    let out = read(&utf16(broken, false, true));
    assert_eq!(only_error(&out), e);
    assert_eq!(e.line, 4);
}

#[test]
fn a_utf8_bom_keeps_working() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(ROLE.as_bytes());
    let e = only_error(&read(&bytes));
    assert_eq!((e.line, e.column), (5, 29));
}

#[test]
fn utf16_without_a_bom_is_named_with_how_to_resave() {
    for (big_endian, name) in [(false, "UTF-16 little-endian"), (true, "UTF-16 big-endian")] {
        let e = only_error(&read(&utf16(ROLE, big_endian, false)));
        assert!(e.message.contains(name), "{}", e.message);
        assert!(e.message.contains("Encoding: UTF-8"), "{}", e.message);
        assert!(e.message.contains("-Encoding utf8"), "{}", e.message);
    }
}

#[test]
fn utf32_is_named() {
    let le: Vec<u8> = "\u{FEFF}{\"id\": \"a\"}"
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    let e = only_error(&read(&le));
    assert!(e.message.contains("UTF-32 little-endian"), "{}", e.message);
    let be: Vec<u8> = "[{\"id\": \"a\"}]"
        .chars()
        .flat_map(|c| u32::from(c).to_be_bytes())
        .collect();
    let e = only_error(&read(&be));
    assert!(e.message.contains("UTF-32 big-endian"), "{}", e.message);
}

#[test]
fn latin1_from_excel_is_named_at_the_first_odd_byte() {
    // "Ingénieur" saved as Windows-1252: é is the single byte 0xE9.
    let bytes = b"{\n  \"id\": \"dev\",\n  \"title\": \"Ing\xE9nieur d\xE9veloppeur\",\n  \"stack\": {}\n}\n";
    let e = only_error(&read(bytes));
    assert_eq!((e.line, e.column), (3, 16), "{}", e.message);
    assert!(e.message.contains("not UTF-8"), "{}", e.message);
    assert!(e.message.contains("windows-1252"), "{}", e.message);
    assert!(e.message.contains("Excel"), "{}", e.message);
    assert!(e.message.contains("Ingénieur développeur"), "{}", e.message);
    assert!(e.message.contains("Save As"), "{}", e.message);
}

#[test]
fn east_asian_legacy_encodings_are_named() {
    let cases = [
        (
            encoding_rs::SHIFT_JIS,
            "バックエンドエンジニア",
            "サーバーとデータベースを設計し、APIを開発します。",
        ),
        (
            encoding_rs::GBK,
            "后端开发工程师",
            "负责服务器端程序和数据库的设计与开发。",
        ),
        (
            encoding_rs::EUC_KR,
            "백엔드 개발자",
            "서버와 데이터베이스를 설계하고 개발합니다.",
        ),
    ];
    for (encoding, title, summary) in cases {
        let text = format!(
            "{{\"id\": \"backend\", \"title\": \"{title}\", \"summary\": \"{summary}\", \"stack\": {{}}}}"
        );
        let (bytes, _, _) = encoding.encode(&text);
        let e = only_error(&read(&bytes));
        assert!(
            e.message.contains(encoding.name()),
            "{}: {}",
            encoding.name(),
            e.message
        );
        assert!(e.message.contains(title), "{}", e.message);
    }
}

#[test]
fn a_file_of_nul_bytes_is_not_text() {
    let e = only_error(&read(b"\x00\x01\x02\x03\x00\x00\x00\x00\x10\x00\x00\xFF"));
    assert!(e.message.contains("not a text file"), "{}", e.message);
}

#[test]
fn utf8_with_a_stray_byte_is_named_as_utf8_not_converted() {
    // Chinese UTF-8 text with one Latin-1 é pasted in: converting the file
    // from windows-1252 would ruin every Chinese character.
    let mut bytes =
        "{\n  \"id\": \"backend\",\n  \"title\": \"后端开发工程师\",\n  \"summary\": \"Caf"
            .as_bytes()
            .to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice("\",\n  \"stack\": {\"语言\": [\"Go\"]}\n}\n".as_bytes());
    let e = only_error(&read(&bytes));
    assert!(
        e.message
            .contains("UTF-8 with an invalid byte (0xE9) at 4:18"),
        "{e:?}"
    );
    assert_eq!((e.line, e.column), (4, 18));
    assert!(!e.message.contains("iconv"), "{e:?}");
    assert!(!e.message.contains("windows-1252"), "{e:?}");
    // A file in a legacy encoding throughout is still named as one.
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "{\"id\": \"backend\", \"title\": \"后端开发工程师\", \"summary\": \"负责服务端开发\", \"stack\": {}}",
    );
    let e = only_error(&read(&gbk));
    assert!(e.message.contains("GBK"), "{e:?}");
}
