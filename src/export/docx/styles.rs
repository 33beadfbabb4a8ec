//! `styles.xml`, `fontTable.xml` and `settings.xml`, written by us: docx-rs writes an empty
//! Normal style that is not marked default, a fixed font table without the Chinese fonts, no
//! `w:lang`, and settings in an order the schema forbids. Every paragraph of the document
//! refers to one of the named styles here instead of carrying direct formatting, so the
//! recipient edits a document that keeps its layout.

use super::text::escape;
use crate::spec::docx::{alt_font_name, DocxLayout};
use crate::spec::{Role, Spec};

/// Paragraph style ids (the names shown in Word/WPS are the built-in ones, which they
/// translate: 正文, 标题, 标题 1 …).
pub const NORMAL: &str = "Normal";
pub const TITLE: &str = "Title";
pub const ATTACHMENT: &str = "AttachmentNote";
pub const SIGNATURE: &str = "Signature";
pub const DATE: &str = "Date";
pub const FOOTER: &str = "Footer";

pub fn heading(level: u8) -> String {
    format!("Heading{}", level.clamp(1, 4))
}

/// Character style of a run-in heading's heading part.
pub fn heading_char(level: u8) -> String {
    format!("Heading{}Char", level.clamp(1, 4))
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn rfonts(spec: &Spec, role: Role) -> String {
    let f = spec.font(role);
    // The page number is all 宋体, digits included; elsewhere digits and Latin are in the
    // Latin face. No theme fonts: WPS lets them override the names (docs/format.md).
    let latin = if role == Role::PageNumber {
        f.east_asian
    } else {
        spec.fonts.latin
    };
    format!(
        r#"<w:rFonts w:ascii="{l}" w:hAnsi="{l}" w:eastAsia="{e}" w:cs="{l}"/>"#,
        l = escape(latin),
        e = escape(f.east_asian)
    )
}

fn size(spec: &Spec, role: Role) -> String {
    let half_points = (spec.font(role).size * 2.0).round() as i32;
    format!(r#"<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>"#)
}

fn bold(spec: &Spec, role: Role) -> &'static str {
    if spec.font(role).bold {
        "<w:b/><w:bCs/>"
    } else {
        ""
    }
}

/// `w:rPr` content for a role, in schema order (rFonts, b, spacing, sz).
pub fn role_rpr(spec: &Spec, role: Role, d: &DocxLayout) -> String {
    format!(
        r#"{}{}<w:spacing w:val="{}"/>{}"#,
        rfonts(spec, role),
        bold(spec, role),
        d.char_spacing,
        size(spec, role)
    )
}

pub fn exact_line(pitch: i32) -> String {
    format!(r#"<w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/>"#)
}

fn no_indent() -> &'static str {
    r#"<w:ind w:left="0" w:right="0" w:firstLine="0"/>"#
}

pub fn styles_xml(spec: &Spec) -> String {
    let d = spec.docx();
    // In twips of the condensed cell rather than `firstLineChars`: a paragraph's own hanging
    // indent (attachment note) must be able to replace it, and `*Chars` attributes would win
    // over it in Word; the text size is fixed by the standard anyway.
    let body_indent = format!(
        r#"<w:ind w:firstLine="{}"/>"#,
        spec.first_line_indent_chars as i32 * d.body_char
    );
    let mut s = String::new();
    s.push_str(&format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W_NS}">"#
    ));
    // Defaults: body font and size, Chinese language (for line-breaking rules and font choice).
    s.push_str(&format!(
        r#"<w:docDefaults><w:rPrDefault><w:rPr>{}{}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{}</w:pPr></w:pPrDefault></w:docDefaults>"#,
        rfonts(spec, Role::Body),
        size(spec, Role::Body),
        exact_line(d.line_pitch)
    ));
    // Normal is the body text: 3号 仿宋, 2-character first-line indent, justified, on the
    // line grid, widow control. No automatic space between Chinese and digits/Latin: the
    // standard's grid counts a pair of digits as one cell, as the PDF typesetter does.
    s.push_str(&format!(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="{NORMAL}"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid/>{}{body_indent}<w:jc w:val="both"/></w:pPr><w:rPr>{}</w:rPr></w:style>"#,
        exact_line(d.line_pitch),
        role_rpr(spec, Role::Body, &d)
    ));
    s.push_str(r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#);
    // Title: 2号 小标宋, centred, its lines on the body pitch (spec.title_line_pitch).
    s.push_str(&format!(
        r#"<w:style w:type="paragraph" w:styleId="{TITLE}"><w:name w:val="Title"/><w:basedOn w:val="{NORMAL}"/><w:next w:val="{NORMAL}"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>{}{}<w:jc w:val="center"/></w:pPr><w:rPr>{}</w:rPr></w:style>"#,
        exact_line(d.title_line_pitch),
        no_indent(),
        role_rpr(spec, Role::Title, &d)
    ));
    for level in 1..=4u8 {
        let role = Role::heading(level);
        // Outline levels make the navigation pane of Word/WPS list the headings.
        s.push_str(&format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="heading {level}"/><w:basedOn w:val="{NORMAL}"/><w:next w:val="{NORMAL}"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:outlineLvl w:val="{ol}"/></w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#,
            id = heading(level),
            ol = level - 1,
            rpr = role_rpr(spec, role, &d)
        ));
        s.push_str(&format!(
            r#"<w:style w:type="character" w:customStyle="1" w:styleId="{id}"><w:name w:val="Heading {level} Run-in"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr>{rpr}</w:rPr></w:style>"#,
            id = heading_char(level),
            rpr = role_rpr(spec, role, &d)
        ));
    }
    // Attachment note: the wrapped lines align under the name (hanging indent set per
    // paragraph, as it depends on the number's width); justified like the body, as the PDF
    // sets a wrapped name.
    s.push_str(&format!(
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{ATTACHMENT}"><w:name w:val="附件说明"/><w:basedOn w:val="{NORMAL}"/><w:qFormat/></w:style>"#
    ));
    // Signature and date: right-aligned; the right indent (2 characters, or more to line
    // the date up under the unit) is set per paragraph.
    for (id, name) in [(SIGNATURE, "Signature"), (DATE, "Date")] {
        s.push_str(&format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="{NORMAL}"/><w:next w:val="{NORMAL}"/><w:qFormat/><w:pPr><w:keepNext/>{}<w:jc w:val="right"/></w:pPr></w:style>"#,
            no_indent()
        ));
    }
    // Subtitle, addressee, note.
    s.push_str(&super::parts::styles(spec, &d));
    // Footer: 4号 宋体, off the body grid.
    s.push_str(&format!(
        r#"<w:style w:type="paragraph" w:styleId="{FOOTER}"><w:name w:val="footer"/><w:basedOn w:val="{NORMAL}"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{}</w:pPr><w:rPr>{}{}</w:rPr></w:style>"#,
        no_indent(),
        rfonts(spec, Role::PageNumber),
        size(spec, Role::PageNumber)
    ));
    s.push_str("</w:styles>");
    s
}

/// Every font the styles name, with a Chinese charset and an `altName` Word/WPS use when
/// the official face is missing.
pub fn font_table_xml(spec: &Spec) -> String {
    let mut names: Vec<&str> = Role::ALL.iter().map(|r| spec.font(*r).east_asian).collect();
    names.push(spec.fonts.latin);
    let mut seen = Vec::new();
    names.retain(|n| {
        let new = !seen.contains(n);
        seen.push(*n);
        new
    });
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="{W_NS}">"#
    );
    for n in names {
        let latin = n == spec.fonts.latin;
        let alt = alt_font_name(n)
            .map(|a| format!(r#"<w:altName w:val="{}"/>"#, escape(a)))
            .unwrap_or_default();
        let (charset, family, pitch) = if latin {
            ("00", "roman", "variable")
        } else {
            ("86", "modern", "fixed")
        };
        s.push_str(&format!(
            r#"<w:font w:name="{}">{alt}<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>"#,
            escape(n)
        ));
    }
    s.push_str("</w:fonts>");
    s
}

/// `settings.xml`: tab stops from the layout; `w:evenAndOddHeaders` when odd and even pages
/// have their own footers.
pub fn settings_xml(d: &DocxLayout, odd_and_even: bool) -> String {
    let odd_even = if odd_and_even {
        "<w:evenAndOddHeaders/>"
    } else {
        ""
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="{tab}"/>{odd_even}<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>"#,
        tab = d.default_tab_stop
    )
}
