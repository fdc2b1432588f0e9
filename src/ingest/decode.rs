//! Turning a file's bytes into text: UTF-8, else Windows-1252; binary and
//! empty files are refused with a reason.

/// How a file's text was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Not valid UTF-8, decoded as Windows-1252 (a superset of Latin-1).
    Windows1252,
}

/// Why a file's bytes are not text we can index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    Empty,
    Binary,
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotText::Empty => write!(f, "empty file"),
            NotText::Binary => write!(f, "binary file (contains NUL or control bytes), not text"),
        }
    }
}

/// Decodes `bytes` as UTF-8 (a BOM is dropped) or, failing that, as
/// Windows-1252.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), NotText> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(NotText::Empty);
    }
    if looks_binary(bytes) {
        return Err(NotText::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), Encoding::Utf8)),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((text.into_owned(), Encoding::Windows1252))
        }
    }
}

/// A NUL byte, or more than 1% control bytes other than tab, CR, LF and
/// form feed, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 100 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_latin1_and_refuses_binary() {
        assert_eq!(
            decode("Straße".as_bytes()),
            Ok(("Straße".into(), Encoding::Utf8))
        );
        assert_eq!(
            decode(b"Stra\xdfe"),
            Ok(("Straße".into(), Encoding::Windows1252))
        );
        assert_eq!(decode(b"  \n"), Err(NotText::Empty));
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(NotText::Binary));
    }
}
