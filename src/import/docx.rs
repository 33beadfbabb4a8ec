//! Text of a `.docx` (Word/WPS): the paragraphs of `word/document.xml`, one line each, in
//! document order. Only the text is taken; the structure is recognised from it like pasted
//! text. Word's automatic list numbers are not in the text and are therefore not seen.

use crate::error::{Error, Result};
use std::io::{Cursor, Read};

/// Word's main namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// A summary's document.xml is well under a megabyte; more than this is a zip bomb or not a
/// summary.
const MAX_XML: u64 = 64 * 1024 * 1024;

fn not_docx() -> Error {
    Error::input("这不是有效的 Word 文档（.docx），无法导入；请用 Word/WPS 打开后另存为 .docx 或 .txt 再试。")
}

pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// An old binary Word file (.doc, .wps): OLE compound document.
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
}

pub fn text_of_docx(bytes: &[u8]) -> Result<String> {
    if is_ole(bytes) {
        return Err(Error::input(
            "这是旧版 Word 文档（.doc），无法直接导入；请用 Word/WPS 打开后另存为 .docx 再导入。",
        ));
    }
    if !is_zip(bytes) {
        return Err(not_docx());
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_docx())?;
    let entry = zip.by_name("word/document.xml").map_err(|_| not_docx())?;
    let mut xml = String::new();
    entry
        .take(MAX_XML)
        .read_to_string(&mut xml)
        .map_err(|_| not_docx())?;
    if xml.len() as u64 >= MAX_XML {
        return Err(Error::input(
            "这个 Word 文档过大，不像是一份工作总结，无法导入。",
        ));
    }
    let doc = roxmltree::Document::parse(&xml).map_err(|_| not_docx())?;
    let mut lines = Vec::new();
    collect(doc.root(), &mut lines, &mut None);
    Ok(lines.join("\n"))
}

fn is_w(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// Walks the tree; text goes to the innermost open paragraph (text boxes hold paragraphs of
/// their own).
fn collect(node: roxmltree::Node, lines: &mut Vec<String>, current: &mut Option<String>) {
    if is_w(&node, "p") {
        let mut own = Some(String::new());
        for child in node.children() {
            collect(child, lines, &mut own);
        }
        lines.push(own.unwrap_or_default());
        return;
    }
    // Properties hold tab-stop definitions and the like, not text.
    if is_w(&node, "pPr") || is_w(&node, "rPr") {
        return;
    }
    if let Some(buf) = current.as_mut() {
        if is_w(&node, "t") {
            buf.push_str(node.text().unwrap_or(""));
        } else if is_w(&node, "tab") {
            buf.push('\t');
        } else if is_w(&node, "br") || is_w(&node, "cr") {
            buf.push('\n');
        }
    }
    for child in node.children() {
        collect(child, lines, current);
    }
}
