//! The DOCX package (zip): our own content types and relationships, so that every part in
//! the zip is related and declared (docx-rs adds footnotes.xml, comments.xml … without a
//! relationship) and every part is deflated (docx-rs stores them uncompressed).

use super::text::escape;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const CT_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const CT_STYLES: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
const CT_SETTINGS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
const CT_FONTS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
const CT_FOOTER: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
const CT_THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
const CT_CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
const CT_APP: &str = "application/vnd.openxmlformats-officedocument.extended-properties+xml";

const R_DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const R_PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// Relationship ids docx-rs writes into `w:footerReference`, in footer order (default, even,
/// first page: at most three).
pub const FOOTER_IDS: [&str; 3] = ["rIdFooter1", "rIdFooter2", "rIdFooter3"];

/// Relationship id of the empty footer of the section §7.5 leaves unnumbered (GB/T 9704-2012:
/// a blank page before the 版记 page, and that page).
pub const BLANK_FOOTER_ID: &str = "rIdFooterBlank";

pub struct Parts {
    pub document: Vec<u8>,
    pub styles: String,
    pub settings: String,
    pub font_table: String,
    pub theme: String,
    pub footers: Vec<Vec<u8>>,
    /// The empty footer part, when a section needs one.
    pub blank_footer: Option<Vec<u8>>,
    pub title: String,
    pub creator: String,
}

fn content_types(footers: usize, blank: bool) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#,
    );
    let mut over = |part: &str, ct: &str| {
        s.push_str(&format!(
            r#"<Override PartName="{part}" ContentType="{ct}"/>"#
        ));
    };
    over("/word/document.xml", CT_MAIN);
    over("/word/styles.xml", CT_STYLES);
    over("/word/settings.xml", CT_SETTINGS);
    over("/word/fontTable.xml", CT_FONTS);
    over("/word/theme/theme1.xml", CT_THEME);
    for i in 1..=footers {
        over(&format!("/word/footer{i}.xml"), CT_FOOTER);
    }
    if blank {
        over("/word/footerBlank.xml", CT_FOOTER);
    }
    over("/docProps/core.xml", CT_CORE);
    over("/docProps/app.xml", CT_APP);
    s.push_str("</Types>");
    s
}

fn package_rels() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{R_PKG}"><Relationship Id="rId1" Type="{R_DOC}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="{R_PKG}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{R_DOC}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn document_rels(footers: usize, blank: bool) -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{R_PKG}"><Relationship Id="rId1" Type="{R_DOC}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{R_DOC}/settings" Target="settings.xml"/><Relationship Id="rId3" Type="{R_DOC}/fontTable" Target="fontTable.xml"/><Relationship Id="rId4" Type="{R_DOC}/theme" Target="theme/theme1.xml"/>"#
    );
    for (i, id) in FOOTER_IDS.iter().enumerate().take(footers) {
        s.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{R_DOC}/footer" Target="footer{}.xml"/>"#,
            i + 1
        ));
    }
    if blank {
        s.push_str(&format!(
            r#"<Relationship Id="{BLANK_FOOTER_ID}" Type="{R_DOC}/footer" Target="footerBlank.xml"/>"#
        ));
    }
    s.push_str("</Relationships>");
    s
}

fn core(title: &str, creator: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>"#,
        escape(title),
        escape(creator)
    )
}

fn app() -> String {
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>gongwen</Application></Properties>"#.to_string()
}

pub fn pack(parts: &Parts) -> zip::result::ZipResult<Vec<u8>> {
    let n = parts.footers.len().min(FOOTER_IDS.len());
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // Fixed timestamps (zip's default 1980-01-01): the same report gives the same bytes.
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut put = |name: &str, bytes: &[u8]| -> zip::result::ZipResult<()> {
        zip.start_file(name, opts)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    // [Content_Types].xml first, as readers that stream the zip expect.
    put(
        "[Content_Types].xml",
        content_types(n, parts.blank_footer.is_some()).as_bytes(),
    )?;
    put("_rels/.rels", package_rels().as_bytes())?;
    put(
        "docProps/core.xml",
        core(&parts.title, &parts.creator).as_bytes(),
    )?;
    put("docProps/app.xml", app().as_bytes())?;
    put("word/document.xml", &parts.document)?;
    put(
        "word/_rels/document.xml.rels",
        document_rels(n, parts.blank_footer.is_some()).as_bytes(),
    )?;
    put("word/styles.xml", parts.styles.as_bytes())?;
    put("word/settings.xml", parts.settings.as_bytes())?;
    put("word/fontTable.xml", parts.font_table.as_bytes())?;
    put("word/theme/theme1.xml", parts.theme.as_bytes())?;
    for (i, f) in parts.footers.iter().take(n).enumerate() {
        put(&format!("word/footer{}.xml", i + 1), f)?;
    }
    if let Some(f) = &parts.blank_footer {
        put("word/footerBlank.xml", f)?;
    }
    Ok(zip.finish()?.into_inner())
}
