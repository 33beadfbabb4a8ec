//! Bytes of a pasted or saved text file → text: UTF-8 (with or without BOM), UTF-16 with BOM,
//! or a legacy Chinese encoding (GB18030/GBK, Big5) guessed by `chardetng` and decoded by
//! `encoding_rs`. Binary data is refused with a clear message instead of becoming mojibake.

use crate::error::{Error, Result};
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK};

/// Decoded text and the name of the encoding it was in.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str)> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(empty());
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && replacement_share(&text) > 0.01 {
            return Err(not_text());
        }
        return Ok((text.into_owned(), enc.name()));
    }
    if looks_binary(bytes) {
        return Err(not_text());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8"));
    }
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let mut enc = det.guess(None, Utf8Detection::Allow);
    // GB18030 is a superset of GBK (and of GB2312): decode with it so rare characters in
    // names of people and places survive.
    if enc == GBK {
        enc = GB18030;
    }
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors && replacement_share(&text) > 0.01 {
        return Err(not_text());
    }
    Ok((text.into_owned(), enc.name()))
}

fn empty() -> Error {
    Error::input("文件是空的，没有可导入的内容。")
}

fn not_text() -> Error {
    Error::input(
        "这不是文本文件（或编码无法识别）：请在 Word/WPS 或记事本中另存为 .txt 或 .docx 后再导入。",
    )
}

/// NUL bytes or many control characters: not a text file in any encoding we accept
/// (UTF-16 without a BOM is rare enough to be refused too).
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    sample.contains(&0) || controls * 100 > sample.len()
}

fn replacement_share(text: &str) -> f64 {
    let total = text.chars().count().max(1);
    let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
    bad as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_gbk_and_bom() {
        let s = "双河镇2024年政务公开工作总结\n全年主动公开信息482条。";
        assert_eq!(decode(s.as_bytes()).unwrap(), (s.to_string(), "UTF-8"));
        let (gbk, _, _) = GB18030.encode(s);
        let (text, name) = decode(&gbk).unwrap();
        assert_eq!(text, s);
        assert_eq!(name, "gb18030");
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(decode(&bom).unwrap().0, s);
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert!(decode(b"").unwrap_err().message.contains("空"));
        assert!(decode(b"  \n ").is_err());
        let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(decode(&garbage).unwrap_err().message.contains("不是文本"));
    }
}
