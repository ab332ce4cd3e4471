//! The encodings role files are saved in. UTF-8 (with or without a byte
//! order mark) is read as it is, without a copy. UTF-16 with a byte order
//! mark — what PowerShell 5.1's `Out-File` and Notepad's "Unicode" write — is
//! decoded to UTF-8 once, as editors do, so every later position (line,
//! column in characters, the BOM not counted) is what an editor shows.
//! Anything else is refused with the encoding it most likely is and how to
//! re-save it as UTF-8: UTF-16 without a byte order mark (told by its NUL
//! bytes), UTF-32, and legacy encodings (Windows-1252 from Excel, `Shift_JIS`,
//! GBK, EUC-KR …, guessed by `chardetng`, Firefox's detector).

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::MAX_FILE_BYTES;
use crate::json::syntax::whole_file_error;
use crate::model::diagnostic::{Diagnostic, LineIndex};

/// How to re-save as UTF-8 in the tools people use.
pub const RESAVE_HOW: &str = "Re-save it as UTF-8: in Notepad, File > Save As > Encoding: UTF-8; in VS Code, click the encoding in the status bar > Save with Encoding > UTF-8; in PowerShell, add -Encoding utf8 to Out-File or Set-Content";

/// How many leading bytes are looked at for NUL bytes.
const NUL_WINDOW: usize = 256;

/// At most this many bytes are looked at to guess a legacy encoding: enough
/// for any detector, and a 100 MB file is not scanned twice.
const GUESS_BYTES: usize = 1024 * 1024;

/// The bytes of a file as UTF-8: borrowed unchanged unless the file is UTF-16
/// with a byte order mark, which is decoded (the mark dropped). A UTF-8 byte
/// order mark is left for [`super::decode`] to drop.
///
/// Costs a look at the first bytes for a UTF-8 file: no copy, no scan.
///
/// # Errors
/// The one diagnostic that refuses the file: UTF-32, UTF-16 without a byte
/// order mark, damaged UTF-16, or bytes that are not text (NUL bytes).
pub fn to_utf8(bytes: &[u8]) -> Result<Cow<'_, [u8]>, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        // Refused for its size by `decode`, before any decoding work.
        return Ok(Cow::Borrowed(bytes));
    }
    if bytes.starts_with(b"\xFF\xFE\x00\x00") {
        return Err(refuse_unicode("UTF-32 little-endian"));
    }
    if bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(refuse_unicode("UTF-32 big-endian"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(encoding_rs::UTF_16LE, rest).map(|s| Cow::Owned(s.into_bytes()));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(encoding_rs::UTF_16BE, rest).map(|s| Cow::Owned(s.into_bytes()));
    }
    match nul_pattern(bytes) {
        None => Ok(Cow::Borrowed(bytes)),
        Some(Nuls::Unicode(name)) => Err(refuse_unicode(name)),
        Some(Nuls::NotText) => Err(whole_file_error(
            1,
            1,
            "this is not a text file (it holds NUL bytes, as pictures, spreadsheets and programs do); a role file is JSON text".into(),
        )),
    }
}

/// A refusal of a file that is not UTF-8, made specific: `found` is the
/// diagnostic [`super::decode`] gave; when the bytes are indeed not
/// UTF-8 its message is replaced by one naming the likely encoding, how the
/// offending line reads in it, and how to re-save the file. Runs only on the
/// way to refusing a file.
#[must_use]
pub fn explain_not_utf8(bytes: &[u8], found: Diagnostic) -> Diagnostic {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Err(e) = std::str::from_utf8(body) else {
        return found;
    };
    let bad_at = e.valid_up_to();
    let bad = body.get(bad_at).copied().unwrap_or_default();
    if let Some(message) = stray_bytes(body, bad, (found.line, found.column)) {
        return Diagnostic { message, ..found };
    }
    let encoding = guess(body);
    let line_start = memchr::memrchr(b'\n', &body[..bad_at]).map_or(0, |i| i + 1);
    let line_end = memchr::memchr(b'\n', &body[bad_at..]).map_or(body.len(), |i| bad_at + i);
    let (line_text, _, _) = encoding.decode(&body[line_start..line_end]);
    let excerpt = excerpt(line_text.trim());
    let about = describe(encoding);
    let message = format!(
        "the file is not UTF-8 text (byte 0x{bad:02X} here); it looks like {name}{about}, where this line reads: {excerpt}. {RESAVE_HOW}; or run: iconv -f {name} -t UTF-8 FILE > FILE-utf8.json",
        name = encoding.name(),
    );
    Diagnostic { message, ..found }
}

/// At most this many invalid bytes make a file "UTF-8 with a stray byte"
/// rather than a file in another encoding.
const STRAY_MAX: usize = 8;

/// The message for a UTF-8 file with a few stray bytes (one character pasted
/// from a Latin-1 page, a byte cut in half by a tool): it has real
/// multi-byte UTF-8 characters, far more of them than invalid bytes. Such a
/// file must not be converted from a legacy encoding — that would turn
/// every correct character into mojibake — only the byte fixed. `None` when
/// the file looks like another encoding.
fn stray_bytes(body: &[u8], first: u8, (line, column): (usize, usize)) -> Option<String> {
    let (mut multibyte, mut invalid) = (0_usize, 0_usize);
    for chunk in body[..body.len().min(GUESS_BYTES)].utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        invalid += chunk.invalid().len();
        if invalid > STRAY_MAX {
            return None;
        }
    }
    // Legacy text happens to form a valid pair now and then; UTF-8 text
    // forms them throughout.
    if multibyte == 0 || multibyte < 2 * invalid {
        return None;
    }
    let bytes = if invalid == 1 {
        "an invalid byte".to_string()
    } else {
        format!("{invalid} invalid bytes, the first")
    };
    Some(format!(
        "the file is UTF-8 with {bytes} (0x{first:02X}) at {line}:{column}: a character there was typed or pasted in another encoding. Retype that character (your editor shows it as a replacement mark or a box); do not convert the whole file, which is already UTF-8"
    ))
}

/// The most likely legacy encoding of `bytes` (never UTF-8).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes[..bytes.len().min(GUESS_BYTES)], true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Who writes `encoding`, in words, with a leading `" ("`; empty when the
/// name says it all.
fn describe(encoding: &'static Encoding) -> &'static str {
    match encoding.name() {
        "windows-1252" => {
            " (Western European, also called Latin-1 or ANSI: what Excel and older Windows tools save)"
        }
        "Shift_JIS" => " (Japanese, as Windows in Japan saves by default)",
        "EUC-JP" => " (Japanese, older Unix tools)",
        "ISO-2022-JP" => " (Japanese, older mail)",
        "GBK" | "gb18030" => " (Simplified Chinese, as Windows in China saves by default)",
        "Big5" => " (Traditional Chinese, as Windows in Taiwan and Hong Kong saves by default)",
        "EUC-KR" => " (Korean, as Windows in Korea saves by default)",
        "windows-1250" | "ISO-8859-2" => " (Central European)",
        "windows-1251" | "KOI8-R" | "KOI8-U" | "IBM866" | "ISO-8859-5" => " (Cyrillic)",
        "windows-1253" | "ISO-8859-7" => " (Greek)",
        "windows-1254" => " (Turkish)",
        "windows-1255" | "ISO-8859-8" | "ISO-8859-8-I" => " (Hebrew)",
        "windows-1256" | "ISO-8859-6" => " (Arabic)",
        "windows-1257" | "ISO-8859-4" | "ISO-8859-13" => " (Baltic)",
        "windows-1258" => " (Vietnamese)",
        "windows-874" => " (Thai)",
        _ => "",
    }
}

/// The line around the offending byte, quoted and cut to a readable length.
fn excerpt(line: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut out: String = line.chars().take(MAX_CHARS).collect();
    if line.chars().nth(MAX_CHARS).is_some() {
        out.push('…');
    }
    format!("“{out}”")
}

/// UTF-16 after its byte order mark, as UTF-8.
fn decode_utf16(encoding: &'static Encoding, rest: &[u8]) -> Result<String, Diagnostic> {
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(rest) {
        return Ok(text.into_owned());
    }
    // Damaged: an unpaired surrogate or an odd last byte. Point at the first
    // replacement character in the text as an editor would show it.
    let (text, _) = encoding.decode_without_bom_handling(rest);
    let at = text.find('\u{FFFD}').unwrap_or(text.len());
    let (line, column) = LineIndex::new(&text).position(at);
    Err(whole_file_error(
        line,
        column,
        format!(
            "the file is {} text (it starts with that byte order mark) but is damaged here: half a character, or a character cut off at the end. {RESAVE_HOW}",
            encoding.name()
        ),
    ))
}

/// A refusal of UTF-16 without a byte order mark or of UTF-32: text a
/// person's editor reads, in an encoding role files do not use.
fn refuse_unicode(name: &str) -> Diagnostic {
    whole_file_error(
        1,
        1,
        format!(
            "the file is {name} text{}, not UTF-8. {RESAVE_HOW}",
            if name.starts_with("UTF-16") {
                " without a byte order mark"
            } else {
                ""
            }
        ),
    )
}

/// What NUL bytes at the start of a file show.
enum Nuls {
    /// Text in this Unicode encoding.
    Unicode(&'static str),
    /// Bytes that are no text at all.
    NotText,
}

/// NUL bytes at the start of a file: `None` when there are none (text). JSON begins with ASCII
/// (`{`, `[`, a space), so UTF-16 and UTF-32 show in the first bytes: in
/// UTF-16 LE most odd bytes are NUL and few even ones, and so on.
fn nul_pattern(bytes: &[u8]) -> Option<Nuls> {
    // Whole UTF-32 units only, so a short last unit does not spoil a count.
    let head = &bytes[..bytes.len().min(NUL_WINDOW) & !3];
    memchr::memchr(0, head)?;
    let share = |offset: usize, step: usize| {
        let (zeros, all) = head
            .iter()
            .skip(offset)
            .step_by(step)
            .fold((0_usize, 0_usize), |(z, n), &b| {
                (z + usize::from(b == 0), n + 1)
            });
        (zeros, all)
    };
    let most = |(zeros, all): (usize, usize)| zeros * 2 > all;
    let few = |(zeros, all): (usize, usize)| zeros * 4 < all;
    let every = |(zeros, all): (usize, usize)| zeros == all;
    Some(
        if every(share(1, 4)) && every(share(2, 4)) && every(share(3, 4)) && few(share(0, 4)) {
            Nuls::Unicode("UTF-32 little-endian")
        } else if every(share(0, 4)) && every(share(1, 4)) && every(share(2, 4)) && few(share(3, 4))
        {
            Nuls::Unicode("UTF-32 big-endian")
        } else if most(share(1, 2)) && few(share(0, 2)) {
            Nuls::Unicode("UTF-16 little-endian")
        } else if most(share(0, 2)) && few(share(1, 2)) {
            Nuls::Unicode("UTF-16 big-endian")
        } else {
            Nuls::NotText
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = if bom { "\u{FEFF}" } else { "" }.encode_utf16();
        for u in units.chain(text.encode_utf16()) {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf8_is_borrowed_not_copied() {
        let bytes = "{\"title\": \"后端\"}".as_bytes();
        assert!(matches!(to_utf8(bytes), Ok(Cow::Borrowed(_))));
        let bom = b"\xEF\xBB\xBF{}";
        assert!(matches!(to_utf8(bom), Ok(Cow::Borrowed(b)) if b == bom));
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_and_the_bom_dropped() {
        for be in [false, true] {
            let bytes = utf16("{\"t\": \"مطور\"}\r\n", be, true);
            let out = to_utf8(&bytes).unwrap();
            assert_eq!(&*out, "{\"t\": \"مطور\"}\r\n".as_bytes());
        }
    }

    #[test]
    fn utf16_without_a_bom_and_utf32_are_named() {
        let le = to_utf8(&utf16("{\"a\": 1}", false, false)).unwrap_err();
        assert!(
            le.message.contains("UTF-16 little-endian"),
            "{}",
            le.message
        );
        let be = to_utf8(&utf16("[{\"a\": 1}]", true, false)).unwrap_err();
        assert!(be.message.contains("UTF-16 big-endian"), "{}", be.message);
        let mut utf32 = b"\xFF\xFE\x00\x00".to_vec();
        utf32.extend("{}".chars().flat_map(|c| (c as u32).to_le_bytes()));
        assert!(to_utf8(&utf32).unwrap_err().message.contains("UTF-32"));
        let utf32_no_bom: Vec<u8> = "{\"a\": 1}"
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        let e = to_utf8(&utf32_no_bom).unwrap_err();
        assert!(e.message.contains("UTF-32 big-endian"), "{}", e.message);
    }

    #[test]
    fn damaged_utf16_points_at_the_damage() {
        let mut bytes = utf16("{\n  \"a\": \"x", false, true);
        bytes.extend([0x00, 0xD8]); // a lone high surrogate
        bytes.extend(utf16("\"}", false, false));
        let e = to_utf8(&bytes).unwrap_err();
        assert_eq!((e.line, e.column), (2, 10), "{}", e.message);
        assert!(e.message.contains("damaged"));
    }

    #[test]
    fn binary_bytes_are_not_text() {
        let e = to_utf8(b"\x01\x00\x00\x07\x00\x00\xFF\x10").unwrap_err();
        assert!(e.message.contains("not a text file"), "{}", e.message);
    }

    #[test]
    fn legacy_encodings_are_named_with_the_line_as_it_reads() {
        let found = whole_file_error(1, 2, "not UTF-8".into());
        let latin1 = b"{\"title\": \"Ing\xE9nieur d\xE9veloppement\", \"stack\": {}}";
        let d = explain_not_utf8(latin1, found.clone());
        assert!(d.message.contains("windows-1252"), "{}", d.message);
        assert!(d.message.contains("Ingénieur"), "{}", d.message);
        assert!(d.message.contains("-Encoding utf8"), "{}", d.message);
        assert_eq!((d.line, d.column), (1, 2), "the position is kept");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(
            "{\"title\": \"バックエンドエンジニア\", \"summary\": \"サーバーとデータベースを設計する\"}",
        );
        let d = explain_not_utf8(&sjis, found.clone());
        assert!(d.message.contains("Shift_JIS"), "{}", d.message);
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "{\"title\": \"后端开发工程师\", \"summary\": \"负责服务器和数据库的设计与开发\"}",
        );
        let d = explain_not_utf8(&gbk, found.clone());
        assert!(d.message.contains("GBK"), "{}", d.message);
        let (kr, _, _) = encoding_rs::EUC_KR
            .encode("{\"title\": \"백엔드 개발자\", \"summary\": \"서버와 데이터베이스를 설계하고 개발합니다\"}");
        let d = explain_not_utf8(&kr, found.clone());
        assert!(d.message.contains("EUC-KR"), "{}", d.message);
        // Valid UTF-8 keeps the diagnostic it had.
        assert_eq!(explain_not_utf8(b"{}", found.clone()), found);
    }
}
