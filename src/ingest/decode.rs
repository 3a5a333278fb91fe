//! Bytes to text. A byte-order mark decides (UTF-8, UTF-16 LE/BE); UTF-16
//! without a mark is recognised by its NUL bytes; else valid UTF-8 is taken
//! as is, and anything else goes to `chardetng`, which tells the legacy
//! encoding (Windows-1252 for Western text, as browsers read mislabelled
//! Latin-1; Windows-1251, Shift_JIS... for others). Binary data is refused
//! rather than shown as garbage.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Decode `bytes`, or `None` when they are not text.
pub fn decode(bytes: &[u8]) -> Option<String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_16LE || encoding == UTF_16BE {
            return decode_utf16(encoding, body);
        }
        return decode_8bit(body);
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        return decode_utf16(encoding, bytes);
    }
    decode_8bit(bytes)
}

fn decode_utf16(encoding: &'static Encoding, body: &[u8]) -> Option<String> {
    let (text, _) = encoding.decode_without_bom_handling(body);
    (!looks_binary_text(&text)).then(|| text.into_owned())
}

fn decode_8bit(bytes: &[u8]) -> Option<String> {
    if looks_binary(bytes) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_owned()),
        Err(_) => Some(decode_legacy(bytes)),
    }
}

/// Text that is not UTF-8: let `chardetng` tell the legacy encoding.
///
/// A legacy encoding reads most high bytes as letters (Windows-1252 reads
/// 0x9B as `›`); the few it leaves undefined come out as C1 controls, which
/// in such a file are stray bytes, not escape sequences. They are dropped
/// here, so that the sanitiser never reads one as the start of a sequence
/// and eats the words after it.
fn decode_legacy(bytes: &[u8]) -> String {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let mut text = encoding.decode_without_bom_handling(bytes).0.into_owned();
    if text.contains(is_c1) {
        text.retain(|c| !is_c1(c));
    }
    text
}

fn is_c1(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}')
}

/// NUL bytes, or many control bytes, in the first 8 KiB mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| is_binary_control(b.into()))
        .count();
    controls * 20 > head.len().max(1)
}

fn looks_binary_text(text: &str) -> bool {
    let (mut all, mut controls) = (0usize, 0usize);
    for c in text.chars().take(4096) {
        all += 1;
        controls += usize::from(c == '\0' || is_binary_control(c as u32));
    }
    controls * 20 > all.max(1)
}

/// A C0 control that text files do not hold (line ends, tab, form feed and
/// ESC do turn up in text).
fn is_binary_control(c: u32) -> bool {
    c < 0x20 && !matches!(c, 0x0a | 0x0d | 0x09 | 0x0c | 0x1b)
}

/// UTF-16 without a BOM: every other byte NUL in ASCII-heavy text.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Élysée".as_bytes()).as_deref(), Some("Élysée"));
        assert_eq!(decode(b"\xef\xbb\xbfcaf\xc3\xa9").as_deref(), Some("café"));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        // "café “quoted”" in Windows-1252
        assert_eq!(
            decode(b"caf\xe9 \x93quoted\x94").as_deref(),
            Some("café “quoted”")
        );
    }

    #[test]
    fn undefined_windows_1252_bytes_are_dropped_not_read_as_sequences() {
        // 0x9D and 0x90 are undefined in Windows-1252: stray bytes, and the
        // words after them stay
        assert_eq!(
            decode(b"caf\xe9\x9d said so\x90 twice").as_deref(),
            Some("café said so twice")
        );
        // 0x9B is a letter there, not an 8-bit CSI
        assert_eq!(decode(b"caf\xe9 \x9b31m").as_deref(), Some("café ›31m"));
    }

    #[test]
    fn latin1_french_text_is_read_as_windows_1252() {
        let bytes =
            b"Le ministre a d\xe9clar\xe9 que la r\xe9forme \xe9tait \xab n\xe9cessaire \xbb.";
        assert_eq!(
            decode(bytes).as_deref(),
            Some("Le ministre a déclaré que la réforme était « nécessaire ».")
        );
    }

    #[test]
    fn cyrillic_in_windows_1251_is_recognised() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Министр иностранных дел заявил, что переговоры продолжатся.");
        assert_eq!(
            decode(&bytes).as_deref(),
            Some("Министр иностранных дел заявил, что переговоры продолжатся.")
        );
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Mali – “ok”".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Mali – “ok”".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&le).as_deref(), Some("Mali – “ok”"));
        assert_eq!(decode(&be).as_deref(), Some("Mali – “ok”"));
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "A plain title\n\nBody text."
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&le).as_deref(), Some("A plain title\n\nBody text."));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00"), None);
        assert_eq!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]), None);
    }
}
