//! 页码样式: where the page number stands, which dash surrounds it, and whether the first page
//! shows one. The national style is GB/T 9704-2012 §7.5 (`— 1 —`, odd pages right and even pages
//! left with one character of space); local rules often ask for a centred number, `- 1 -`, or
//! none on the first page.
//!
//! JSON (the CLI exchange): the field `page_numbers` is either the string `"national"` or
//! `"center"`, or the object `{"position": "national"|"center", "dash": "em"|"hyphen",
//! "first_page": true|false}`; absent parts take the national style, the em dash and a number on
//! the first page. It is always written as the full object.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use ts_rs::TS;

/// Where the page number stands on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PageNumberPosition {
    /// GB/T 9704-2012 §7.5: odd pages right, even pages left, one character of space beside.
    #[default]
    National,
    /// Centred under the text block on every page.
    Center,
}

/// The dash on each side of the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PageNumberDash {
    /// 一字线 `—` (U+2014), GB/T 9704-2012 §7.5: `— 1 —`.
    #[default]
    Em,
    /// Hyphen-minus `-`: `- 1 -`.
    Hyphen,
}

/// A report's page-number style. `Default` is the national style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
pub struct PageNumbers {
    /// Where the number stands: national (odd right, even left) or centred.
    pub position: PageNumberPosition,
    /// The dashes either side: `— 1 —` (GB/T 9704-2012 §7.5) or `- 1 -`.
    pub dash: PageNumberDash,
    /// Whether page 1 shows its number; later pages keep their numbers (2, 3 …) either way.
    pub first_page: bool,
}

impl Default for PageNumbers {
    fn default() -> PageNumbers {
        PageNumbers {
            position: PageNumberPosition::National,
            dash: PageNumberDash::Em,
            first_page: true,
        }
    }
}

impl PageNumbers {
    /// Whether page `page` (1-based) carries a number.
    pub fn shows(&self, page: u32) -> bool {
        page != 1 || self.first_page
    }

    /// Chinese description for the UI and the CLI (`国标（单页右、双页左）· — 1 — · 首页有页码`).
    pub fn label(&self) -> String {
        let pos = match self.position {
            PageNumberPosition::National => "国标（单页右、双页左）",
            PageNumberPosition::Center => "居中",
        };
        let dash = match self.dash {
            PageNumberDash::Em => "— 1 —",
            PageNumberDash::Hyphen => "- 1 -",
        };
        let first = if self.first_page {
            "首页有页码"
        } else {
            "首页无页码"
        };
        format!("{pos} · {dash} · {first}")
    }
}

fn position_of(s: &str) -> Option<PageNumberPosition> {
    match s {
        "national" => Some(PageNumberPosition::National),
        "center" => Some(PageNumberPosition::Center),
        _ => None,
    }
}

const EXPECTED: &str = r#"页码样式 page_numbers 应为 "national"、"center"，或 {"position": "national"|"center", "dash": "em"|"hyphen", "first_page": true|false}"#;

impl<'de> Deserialize<'de> for PageNumbers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PageNumbers, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PageNumbers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<PageNumbers, E> {
                let position = position_of(s)
                    .ok_or_else(|| E::custom(format!("{EXPECTED}；收到的是 \"{s}\"")))?;
                Ok(PageNumbers {
                    position,
                    ..PageNumbers::default()
                })
            }
            fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<PageNumbers, M::Error> {
                let mut out = PageNumbers::default();
                while let Some(key) = m.next_key::<String>()? {
                    match key.as_str() {
                        "position" => {
                            let s: String = m.next_value()?;
                            out.position = position_of(&s).ok_or_else(|| {
                                de::Error::custom(format!(
                                    "页码位置 position 应为 \"national\" 或 \"center\"，收到的是 \"{s}\""
                                ))
                            })?;
                        }
                        "dash" => {
                            let s: String = m.next_value()?;
                            out.dash = match s.as_str() {
                                "em" => PageNumberDash::Em,
                                "hyphen" => PageNumberDash::Hyphen,
                                _ => {
                                    return Err(de::Error::custom(format!(
                                        "页码两侧的线 dash 应为 \"em\"（—）或 \"hyphen\"（-），收到的是 \"{s}\""
                                    )))
                                }
                            };
                        }
                        "first_page" => out.first_page = m.next_value()?,
                        other => {
                            return Err(de::Error::custom(format!(
                                "页码样式 page_numbers 没有 \"{other}\" 这一项（可用 position、dash、first_page）"
                            )))
                        }
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<PageNumbers, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn strings_objects_and_defaults() {
        assert_eq!(parse(r#""national""#).unwrap(), PageNumbers::default());
        let c = parse(r#""center""#).unwrap();
        assert_eq!(c.position, PageNumberPosition::Center);
        assert_eq!(c.dash, PageNumberDash::Em);
        assert!(c.first_page);
        let o = parse(r#"{"dash":"hyphen","first_page":false}"#).unwrap();
        assert_eq!(o.position, PageNumberPosition::National);
        assert_eq!(o.dash, PageNumberDash::Hyphen);
        assert!(!o.first_page && !o.shows(1) && o.shows(2));
        assert_eq!(parse("{}").unwrap(), PageNumbers::default());
    }

    #[test]
    fn written_as_the_full_object_and_read_back() {
        let p = PageNumbers {
            position: PageNumberPosition::Center,
            dash: PageNumberDash::Hyphen,
            first_page: false,
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"position":"center","dash":"hyphen","first_page":false}"#
        );
        assert_eq!(parse(&json).unwrap(), p);
    }

    #[test]
    fn bad_values_are_named_in_chinese() {
        assert!(parse(r#""left""#).unwrap_err().contains("页码样式"));
        assert!(parse(r#"{"dash":"en"}"#).unwrap_err().contains("dash"));
        assert!(parse(r#"{"side":"left"}"#).unwrap_err().contains("side"));
        assert!(parse("3").is_err());
    }
}
