//! The parts of a summary sent upward as a formal 报告 (GB/T 9704-2012 §7.2, §7.4, §7.3.7):
//! the 版头 ([`Header`]), the 版记 ([`Record`]) and attachments that carry their own pages
//! ([`Attachment`]).
//!
//! JSON exchange: `header` is `{"organ": "…", "number": "…", "signers": ["…"]}` or `null`;
//! `record` is `{"cc": ["…"], "printed_by": "…", "printed_on": "YYYY-MM-DD"}` or `null`; an item
//! of `attachments` is read from a plain name (`"台账"`, the older form) or from
//! `{"name": "…", "paragraphs": ["…"]}`, and always written as the object.

use super::{Date, Item};
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

/// 版头 (GB/T 9704-2012 §7.2): the red 发文机关标志, the 发文字号 and, for a 报告 sent upward
/// (上行文), the 签发人; a red separating line below them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Header {
    /// 发文机关标志 as the clerk writes it, e.g. `青石镇人民政府文件` or `青石镇人民政府`
    /// (§7.2.4: centred, red, 小标宋).
    #[serde(default)]
    pub organ: String,
    /// 发文字号, e.g. `青政〔2024〕12号` (§7.2.5: 六角括号, no `第`, no leading zero).
    #[serde(default)]
    pub number: String,
    /// 签发人: one or more names, in order (§7.2.6; required on an upward document).
    #[serde(default)]
    pub signers: Vec<String>,
}

/// 版记 (GB/T 9704-2012 §7.4): 抄送机关, 印发机关 and 印发日期 between full-width rules at the
/// foot of the last, even page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Record {
    /// 抄送机关, one organ per item, without separators (the exporters join them with `，`
    /// and end with `。`, §7.4.2).
    #[serde(default)]
    pub cc: Vec<String>,
    /// 印发机关, e.g. `青石镇党政综合办公室` (§7.4.3).
    #[serde(default)]
    pub printed_by: String,
    /// 印发日期 (`YYYY-MM-DD` in JSON; printed `2024年12月20日印发`, §7.4.3); `null` when not set.
    #[serde(default)]
    pub printed_on: Option<Date>,
}

/// One attachment: its name (in the 附件说明, and the title of its own pages) and, optionally,
/// its text, which the exporters set on pages of its own after the body (GB/T 9704-2012
/// §7.3.7). Without paragraphs the attachment is only named in the 附件说明.
#[derive(Debug, Clone, PartialEq, Default, Serialize, TS)]
pub struct Attachment {
    /// The name, without number or trailing punctuation (`政务公开工作台账`).
    pub name: String,
    /// The attachment's body: paragraphs (each without its first-line indent) and tables
    /// (a 统计表 sent as an attachment); empty when the attachment is sent separately.
    pub paragraphs: Vec<Item>,
}

impl Attachment {
    /// An attachment named `name` without content.
    pub fn named(name: &str) -> Attachment {
        Attachment {
            name: name.to_string(),
            paragraphs: Vec::new(),
        }
    }

    /// Whether it has text of its own to print on its own pages (a non-blank paragraph).
    pub fn has_content(&self) -> bool {
        self.paragraphs.iter().any(|p| !p.is_blank())
    }
}

impl std::ops::Deref for Attachment {
    type Target = str;
    /// The name: most readers of the attachments list want only that.
    fn deref(&self) -> &str {
        &self.name
    }
}

impl From<&str> for Attachment {
    fn from(name: &str) -> Attachment {
        Attachment::named(name)
    }
}

impl From<String> for Attachment {
    fn from(name: String) -> Attachment {
        Attachment {
            name,
            paragraphs: Vec::new(),
        }
    }
}

impl PartialEq<&str> for Attachment {
    fn eq(&self, other: &&str) -> bool {
        self.name == *other && self.paragraphs.is_empty()
    }
}

impl PartialEq<String> for Attachment {
    fn eq(&self, other: &String) -> bool {
        self.name == *other && self.paragraphs.is_empty()
    }
}

impl<'de> Deserialize<'de> for Attachment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Attachment, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Name(String),
            Full {
                #[serde(default)]
                name: String,
                #[serde(default)]
                paragraphs: Vec<Item>,
            },
        }
        match Either::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "附件应写作名称（字符串）或 {\"name\": \"名称\", \"paragraphs\": [\"段落\"]}",
            )
        })? {
            Either::Name(name) => Ok(Attachment::from(name)),
            Either::Full { name, paragraphs } => Ok(Attachment { name, paragraphs }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachments_read_names_and_objects_and_write_objects() {
        let a: Vec<Attachment> =
            serde_json::from_str(r#"["台账", {"name": "名单", "paragraphs": ["一、甲"]}]"#)
                .unwrap();
        assert_eq!(a[0], "台账");
        assert_eq!(a[1].name, "名单");
        assert!(a[1].has_content() && !a[0].has_content());
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"[{"name":"台账","paragraphs":[]},{"name":"名单","paragraphs":["一、甲"]}]"#
        );
        let e = serde_json::from_str::<Vec<Attachment>>("[3]").unwrap_err();
        assert!(e.to_string().contains("附件应写作"), "{e}");
    }

    #[test]
    fn header_and_record_round_trip() {
        let h: Header = serde_json::from_str(
            r#"{"organ":"青石镇人民政府","number":"青政〔2024〕12号","signers":["王某"]}"#,
        )
        .unwrap();
        assert_eq!(h.signers, ["王某"]);
        let r: Record = serde_json::from_str(
            r#"{"cc":["县政府办"],"printed_by":"青石镇党政办","printed_on":"2024-12-20"}"#,
        )
        .unwrap();
        assert_eq!(r.printed_on, Date::new(2024, 12, 20));
        let back: Record = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
        assert!(serde_json::from_str::<Record>(r#"{"printed_on":"2024-13-01"}"#).is_err());
    }
}
