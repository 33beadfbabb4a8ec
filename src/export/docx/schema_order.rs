//! Puts the children of `w:pPr`, `w:rPr` and `w:sectPr` in the order the OOXML schema
//! demands. docx-rs writes some of them out of order (`rPr` first in `pPr`,
//! `footerReference` after the page settings), which Word answers with "repair this file?"
//! (docx-rs issue #724). Text and attribute values are carried through raw (still escaped),
//! so nothing is re-encoded.

use quick_xml::events::Event;
use quick_xml::Reader;

/// `CT_PPr` (ECMA-376 Part 1, 17.3.1.26).
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// `CT_RPr` / `CT_ParaRPr` (17.3.2.28).
const RPR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// `CT_SectPr` (17.6.17).
const SECTPR: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

fn order_of(parent: &str) -> Option<&'static [&'static str]> {
    match parent {
        "w:pPr" => Some(PPR),
        "w:rPr" => Some(RPR),
        "w:sectPr" => Some(SECTPR),
        _ => None,
    }
}

enum Node {
    Element {
        name: String,
        /// Everything between `<` and `>` (or `/>`), as written.
        raw: String,
        children: Vec<Node>,
    },
    /// Markup kept verbatim (text, entity references, declarations, comments).
    Raw(String),
}

/// Re-orders a WordprocessingML part; also drops empty `w:rPr` elements, which say nothing.
pub fn fix_part(xml: &[u8]) -> Result<Vec<u8>, String> {
    let text = std::str::from_utf8(xml).map_err(|e| e.to_string())?;
    let mut reader = Reader::from_str(text);
    // Stack of open elements; index 0 is the document root's holder.
    let mut stack: Vec<(String, String, Vec<Node>)> = vec![(String::new(), String::new(), vec![])];
    loop {
        let ev = reader.read_event().map_err(|e| e.to_string())?;
        let top = |s: &mut Vec<(String, String, Vec<Node>)>| -> Result<usize, String> {
            s.len()
                .checked_sub(1)
                .ok_or_else(|| "unbalanced".to_string())
        };
        match ev {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let raw = String::from_utf8_lossy(&e).into_owned();
                stack.push((name, raw, vec![]));
            }
            Event::End(_) => {
                let (name, raw, mut children) = stack.pop().ok_or("unbalanced end tag")?;
                if stack.is_empty() {
                    return Err("unbalanced end tag".into());
                }
                if let Some(order) = order_of(&name) {
                    sort_children(&mut children, order);
                }
                let i = top(&mut stack)?;
                stack[i].2.push(Node::Element {
                    name,
                    raw,
                    children,
                });
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let raw = String::from_utf8_lossy(&e).into_owned();
                let i = top(&mut stack)?;
                stack[i].2.push(Node::Element {
                    name,
                    raw,
                    children: vec![],
                });
            }
            Event::Text(t) => {
                let i = top(&mut stack)?;
                stack[i]
                    .2
                    .push(Node::Raw(String::from_utf8_lossy(&t).into_owned()));
            }
            Event::GeneralRef(r) => {
                let i = top(&mut stack)?;
                stack[i]
                    .2
                    .push(Node::Raw(format!("&{};", String::from_utf8_lossy(&r))));
            }
            Event::CData(t) => {
                let i = top(&mut stack)?;
                stack[i].2.push(Node::Raw(format!(
                    "<![CDATA[{}]]>",
                    String::from_utf8_lossy(&t)
                )));
            }
            Event::Decl(d) => {
                let i = top(&mut stack)?;
                stack[i]
                    .2
                    .push(Node::Raw(format!("<?{}?>", String::from_utf8_lossy(&d))));
            }
            Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if stack.len() != 1 {
        return Err("unclosed element".into());
    }
    let mut out = String::with_capacity(xml.len());
    for n in &stack[0].2 {
        write_node(n, &mut out);
    }
    Ok(out.into_bytes())
}

fn sort_children(children: &mut Vec<Node>, order: &[&str]) {
    // Whitespace between elements carries no meaning here and would pin children in place.
    children.retain(|c| !matches!(c, Node::Raw(t) if t.trim().is_empty()));
    children.retain(|c| !is_empty_rpr(c));
    let rank = |n: &Node| match n {
        Node::Element { name, .. } => order.iter().position(|o| o == name).unwrap_or(order.len()),
        Node::Raw(_) => order.len(),
    };
    children.sort_by_key(rank);
}

fn is_empty_rpr(n: &Node) -> bool {
    matches!(n, Node::Element { name, children, .. } if name == "w:rPr" && children.is_empty())
}

fn write_node(n: &Node, out: &mut String) {
    match n {
        Node::Raw(t) => out.push_str(t),
        Node::Element {
            raw,
            children,
            name,
        } => {
            // Runs with nothing but an empty rPr lose it too.
            let kids: Vec<&Node> = children.iter().filter(|c| !is_empty_rpr(c)).collect();
            if kids.is_empty() && name != "w:t" {
                out.push('<');
                out.push_str(raw.trim_end());
                out.push_str("/>");
            } else {
                out.push('<');
                out.push_str(raw);
                out.push('>');
                for c in kids {
                    write_node(c, out);
                }
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ppr_children_follow_the_schema_and_empty_rpr_goes() {
        let xml = r#"<w:p><w:pPr><w:rPr /><w:jc w:val="right" /><w:pStyle w:val="Footer" /></w:pPr><w:r><w:rPr /><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#;
        let out = String::from_utf8(fix_part(xml.as_bytes()).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn footer_references_come_first_in_sectpr() {
        let xml =
            r#"<w:sectPr><w:pgSz w:w="1"/><w:footerReference w:type="even" r:id="a"/></w:sectPr>"#;
        let out = String::from_utf8(fix_part(xml.as_bytes()).unwrap()).unwrap();
        assert!(out.starts_with(r#"<w:sectPr><w:footerReference"#), "{out}");
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        assert!(fix_part(b"<a><b></a>").is_err());
        assert!(fix_part(b"<a>").is_err());
    }
}
