//! Text of a `.docx` (Word/WPS): the paragraphs of `word/document.xml`, one line each, in
//! document order. Only the text is taken; the structure is recognised from it like pasted
//! text. Automatic list numbers (`w:numPr`, defined in `numbering.xml`) are not in the text,
//! so they are rendered back in front of their paragraphs (`一、` `（一）` `1.`) for the
//! heading recogniser to see. Numbering inherited from a paragraph style (Word's multilevel
//! list linked to Heading 1/2/3: `w:numPr` in `styles.xml`, or `w:pStyle` in the list level)
//! is followed too.

use crate::error::{Error, Result};
use crate::text::to_chinese;
use std::collections::HashMap;
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
    let xml = read_entry(&mut zip, "word/document.xml")?.ok_or_else(not_docx)?;
    let doc = roxmltree::Document::parse(&xml).map_err(|_| not_docx())?;
    // A broken numbering part only costs the list numbers, not the import.
    let numbering_xml = read_entry(&mut zip, "word/numbering.xml").ok().flatten();
    let numbering = numbering_xml
        .as_deref()
        .and_then(|x| roxmltree::Document::parse(x).ok())
        .map(|d| Numbering::parse(&d))
        .unwrap_or_default();
    let styles_xml = read_entry(&mut zip, "word/styles.xml").ok().flatten();
    let styles = styles_xml
        .as_deref()
        .and_then(|x| roxmltree::Document::parse(x).ok())
        .map(|d| StyleNumbering::parse(&d))
        .unwrap_or_default();
    let mut ctx = Ctx {
        numbering,
        styles,
        counters: HashMap::new(),
    };
    let mut lines = Vec::new();
    collect(doc.root(), &mut lines, &mut None, &mut ctx);
    Ok(lines.join("\n"))
}

fn read_entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>> {
    let entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(_) => return Ok(None),
    };
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
    Ok(Some(xml))
}

/// One level of a list definition: how its number is written.
#[derive(Debug, Clone)]
struct Level {
    fmt: String,
    text: String,
    start: usize,
}

/// `numbering.xml`: list instances (`w:num`) → definitions (`w:abstractNum`) → levels.
#[derive(Debug, Default)]
struct Numbering {
    abstract_of: HashMap<String, String>,
    levels: HashMap<(String, u8), Level>,
    /// style id → (abstractNum id, ilvl) for levels linked to a paragraph style.
    style_levels: HashMap<String, (String, u8)>,
}

fn w_val<'a>(node: &roxmltree::Node<'a, 'a>, child: &str) -> Option<&'a str> {
    node.children()
        .find(|c| is_w(c, child))
        .and_then(|c| c.attribute((W, "val")))
}

impl Numbering {
    fn parse(doc: &roxmltree::Document) -> Numbering {
        let mut n = Numbering::default();
        for node in doc.descendants() {
            if is_w(&node, "num") {
                if let (Some(id), Some(abs)) =
                    (node.attribute((W, "numId")), w_val(&node, "abstractNumId"))
                {
                    n.abstract_of.insert(id.to_string(), abs.to_string());
                }
            } else if is_w(&node, "abstractNum") {
                let Some(abs) = node.attribute((W, "abstractNumId")) else {
                    continue;
                };
                for lvl in node.children().filter(|c| is_w(c, "lvl")) {
                    let Some(ilvl) = lvl
                        .attribute((W, "ilvl"))
                        .and_then(|v| v.parse::<u8>().ok())
                    else {
                        continue;
                    };
                    let level = Level {
                        fmt: w_val(&lvl, "numFmt").unwrap_or("decimal").to_string(),
                        text: w_val(&lvl, "lvlText").unwrap_or("").to_string(),
                        start: w_val(&lvl, "start")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1),
                    };
                    n.levels.insert((abs.to_string(), ilvl), level);
                    if let Some(style) = w_val(&lvl, "pStyle") {
                        n.style_levels
                            .insert(style.to_string(), (abs.to_string(), ilvl));
                    }
                }
            }
        }
        n
    }
}

/// Numbering a paragraph gets from its style: `w:numPr` in the style (or a style it is based
/// on), or a list level that names the style in its `w:pStyle`.
#[derive(Debug, Default)]
struct StyleNumbering {
    /// style id → (numId, ilvl) given in the style itself.
    num_pr: HashMap<String, (Option<String>, Option<u8>)>,
    based_on: HashMap<String, String>,
}

impl StyleNumbering {
    fn parse(doc: &roxmltree::Document) -> StyleNumbering {
        let mut s = StyleNumbering::default();
        for style in doc.descendants().filter(|n| is_w(n, "style")) {
            let Some(id) = style.attribute((W, "styleId")) else {
                continue;
            };
            if let Some(b) = w_val(&style, "basedOn") {
                s.based_on.insert(id.to_string(), b.to_string());
            }
            let num_pr = style
                .children()
                .find(|c| is_w(c, "pPr"))
                .and_then(|p| p.children().find(|c| is_w(c, "numPr")));
            if let Some(np) = num_pr {
                let num_id = w_val(&np, "numId").map(str::to_string);
                let ilvl = w_val(&np, "ilvl").and_then(|v| v.parse().ok());
                s.num_pr.insert(id.to_string(), (num_id, ilvl));
            }
        }
        s
    }

    /// (numId, ilvl) for a paragraph of style `id`, following `basedOn` (at most 10 steps).
    fn of(&self, id: &str) -> Option<(Option<String>, Option<u8>)> {
        let mut cur = id.to_string();
        for _ in 0..10 {
            if let Some(v) = self.num_pr.get(&cur) {
                return Some(v.clone());
            }
            cur = self.based_on.get(&cur)?.clone();
        }
        None
    }
}

struct Ctx {
    numbering: Numbering,
    styles: StyleNumbering,
    /// Current number per (definition, level).
    counters: HashMap<(String, u8), usize>,
}

fn format_number(fmt: &str, n: usize) -> Option<String> {
    Some(match fmt {
        "decimal" | "decimalZero" => n.to_string(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "ideographTraditional"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => to_chinese(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32('①' as u32 + n as u32 - 1)?.to_string()
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32))
            .collect(),
        _ => return None, // bullets, letters, none: not a heading number
    })
}

impl Ctx {
    /// The list number of a paragraph with `w:numPr`, as Word would show it.
    fn number_of(&mut self, p: &roxmltree::Node) -> Option<String> {
        let ppr = p.children().find(|c| is_w(c, "pPr"))?;
        let style = w_val(&ppr, "pStyle");
        let own = ppr.children().find(|c| is_w(c, "numPr"));
        let own_id = own.and_then(|n| w_val(&n, "numId")).map(str::to_string);
        let own_lvl: Option<u8> = own
            .and_then(|n| w_val(&n, "ilvl"))
            .and_then(|v| v.parse().ok());
        let from_style = style.and_then(|s| self.styles.of(s));
        // `numId` 0 switches numbering off.
        let num_id = own_id.or_else(|| from_style.as_ref().and_then(|(id, _)| id.clone()))?;
        if num_id == "0" {
            return None;
        }
        let abs = self.numbering.abstract_of.get(&num_id)?.clone();
        let linked = style
            .and_then(|s| self.numbering.style_levels.get(s))
            .filter(|(a, _)| *a == abs)
            .map(|(_, l)| *l);
        let ilvl: u8 = own_lvl
            .or(linked)
            .or(from_style.and_then(|(_, l)| l))
            .unwrap_or(0)
            .min(8);
        let level = self.numbering.levels.get(&(abs.clone(), ilvl))?.clone();
        let count = *self
            .counters
            .entry((abs.clone(), ilvl))
            .and_modify(|c| *c = c.saturating_add(1))
            .or_insert(level.start);
        // A new item at one level restarts every deeper level.
        self.counters.retain(|(a, l), _| *a != abs || *l <= ilvl);
        let mut text = level.text.clone();
        for k in (0..=ilvl).rev() {
            let placeholder = format!("%{}", k + 1);
            if !text.contains(&placeholder) {
                continue;
            }
            let (n, fmt) = if k == ilvl {
                (count, level.fmt.clone())
            } else {
                let lv = self.numbering.levels.get(&(abs.clone(), k))?;
                let n = *self.counters.get(&(abs.clone(), k)).unwrap_or(&lv.start);
                (n, lv.fmt.clone())
            };
            text = text.replace(&placeholder, &format_number(&fmt, n)?);
        }
        Some(text)
    }
}

fn is_w(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// Walks the tree; text goes to the innermost open paragraph (text boxes hold paragraphs of
/// their own).
fn collect(
    node: roxmltree::Node,
    lines: &mut Vec<String>,
    current: &mut Option<String>,
    ctx: &mut Ctx,
) {
    if is_w(&node, "p") {
        let number = ctx.number_of(&node).unwrap_or_default();
        let mut own = Some(number);
        for child in node.children() {
            collect(child, lines, &mut own, ctx);
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
        collect(child, lines, current, ctx);
    }
}
