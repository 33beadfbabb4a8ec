//! A minimal theme part. Word expects one (a document without it is flagged "at risk"); no
//! style refers to its fonts, which name the official faces anyway, because WPS lets theme
//! fonts override named ones (docs/format.md).

use super::text::escape;
use crate::spec::{Role, Spec};

pub fn theme_xml(spec: &Spec) -> String {
    let latin = escape(spec.fonts.latin);
    let major = escape(spec.font(Role::Heading1).east_asian);
    let minor = escape(spec.font(Role::Body).east_asian);
    let solid = |c: &str| format!(r#"<a:solidFill><a:schemeClr val="{c}"/></a:solidFill>"#);
    let fill = solid("phClr");
    let line = format!(r#"<a:ln w="6350">{fill}</a:ln>"#);
    let colors = [
        (
            "dk1",
            r#"<a:sysClr val="windowText" lastClr="000000"/>"#.to_string(),
        ),
        (
            "lt1",
            r#"<a:sysClr val="window" lastClr="FFFFFF"/>"#.to_string(),
        ),
        ("dk2", r#"<a:srgbClr val="44546A"/>"#.to_string()),
        ("lt2", r#"<a:srgbClr val="E7E6E6"/>"#.to_string()),
        ("accent1", r#"<a:srgbClr val="4472C4"/>"#.to_string()),
        ("accent2", r#"<a:srgbClr val="ED7D31"/>"#.to_string()),
        ("accent3", r#"<a:srgbClr val="A5A5A5"/>"#.to_string()),
        ("accent4", r#"<a:srgbClr val="FFC000"/>"#.to_string()),
        ("accent5", r#"<a:srgbClr val="5B9BD5"/>"#.to_string()),
        ("accent6", r#"<a:srgbClr val="70AD47"/>"#.to_string()),
        ("hlink", r#"<a:srgbClr val="0563C1"/>"#.to_string()),
        ("folHlink", r#"<a:srgbClr val="954F72"/>"#.to_string()),
    ];
    let clr: String = colors
        .iter()
        .map(|(n, v)| format!("<a:{n}>{v}</a:{n}>"))
        .collect();
    let font = |ea: &str| {
        format!(r#"<a:latin typeface="{latin}"/><a:ea typeface="{ea}"/><a:cs typeface="{latin}"/>"#)
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="gongwen"><a:themeElements><a:clrScheme name="gongwen">{clr}</a:clrScheme><a:fontScheme name="gongwen"><a:majorFont>{maj}</a:majorFont><a:minorFont>{min}</a:minorFont></a:fontScheme><a:fmtScheme name="gongwen"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{line}{line}{line}</a:lnStyleLst><a:effectStyleLst>{e}{e}{e}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"#,
        maj = font(&major),
        min = font(&minor),
        e = "<a:effectStyle><a:effectLst/></a:effectStyle>",
    )
}
