//! Bytes to text: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else
//! valid UTF-8 is taken as is, and anything else is read as Windows-1252
//! (which is also what browsers do with mislabelled Latin-1). Binary data is
//! refused rather than shown as garbage.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decode `bytes`, or `None` when they are not text.
pub fn decode(bytes: &[u8]) -> Option<String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, _) = encoding.decode_without_bom_handling(body);
            return (!looks_binary_text(&text)).then(|| text.into_owned());
        }
        return decode_8bit(body);
    }
    // UTF-16 without a BOM: every other byte NUL in ASCII-heavy text.
    if let Some(encoding) = bomless_utf16(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return (!looks_binary_text(&text)).then(|| text.into_owned());
    }
    decode_8bit(bytes)
}

fn decode_8bit(bytes: &[u8]) -> Option<String> {
    if looks_binary(bytes) {
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    };
    Some(text)
}

/// NUL bytes, or many control bytes, in the first 8 KiB mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    controls * 20 > head.len().max(1)
}

fn looks_binary_text(text: &str) -> bool {
    let head: Vec<char> = text.chars().take(4096).collect();
    let controls = head
        .iter()
        .filter(|&&c| (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t' | '\u{c}' | '\u{1b}'))
        .count();
    controls * 20 > head.len().max(1)
}

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
