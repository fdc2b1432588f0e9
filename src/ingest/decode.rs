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

/// A NUL byte, or more than 10% control bytes other than tab, CR, LF and
/// form feed, in the first 8 KiB. A text with a few stray control bytes is
/// text: they are removed with a warning ([`strip_controls`]).
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 10 > head.len()
}

/// Whether `c` is a control character that text should not carry: C0 other
/// than tab, LF, CR and form feed, DEL, and C1.
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}')
}

/// `text` without stray control characters, and a warning saying what was
/// removed (`None` if nothing was).
pub fn strip_controls(text: String) -> (String, Option<String>) {
    if !text.chars().any(is_stray_control) {
        return (text, None);
    }
    let mut removed = 0;
    let mut codes: Vec<String> = Vec::new();
    let clean = text
        .chars()
        .filter(|&c| {
            if !is_stray_control(c) {
                return true;
            }
            removed += 1;
            let code = format!("{:#04x}", u32::from(c));
            if codes.len() < 3 && !codes.contains(&code) {
                codes.push(code);
            }
            false
        })
        .collect();
    let plural = if removed == 1 { "" } else { "s" };
    let warning = format!(
        "removed {removed} control character{plural} ({})",
        codes.join(", ")
    );
    (clean, Some(warning))
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
        assert_eq!(decode(b"\x1b\x1b\x1b ab"), Err(NotText::Binary));
        assert!(decode(b"ein Glockenton \x07 im Text").is_ok());
    }

    #[test]
    fn strips_stray_controls_with_a_warning() {
        assert_eq!(strip_controls("a\tb\n".into()), ("a\tb\n".into(), None));
        let (clean, warning) = strip_controls("a\x07b\x1b[2Jc\u{9b}".into());
        assert_eq!(clean, "ab[2Jc");
        assert_eq!(
            warning.as_deref(),
            Some("removed 3 control characters (0x07, 0x1b, 0x9b)")
        );
    }
}
