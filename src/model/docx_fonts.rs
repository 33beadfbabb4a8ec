//! A setting of the clerk's (设置 → Word 字体): which names the DOCX gives the 仿宋 and 楷体
//! fonts. Stored by `store`, applied by `spec::Spec::with_docx_font_names`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The names the DOCX gives the 仿宋 and 楷体 roles (a setting; the PDF is not affected).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocxFontNames {
    /// `仿宋_GB2312` / `楷体_GB2312`: what GB/T 9704 offices have installed (GB2312 only).
    #[default]
    Gb2312,
    /// `仿宋` / `楷体`: the Windows fonts (GBK, so 堃 玥 赟 镕 show too).
    Plain,
}

impl DocxFontNames {
    /// The stored value: `gb2312` or `plain`.
    pub fn key(self) -> &'static str {
        match self {
            DocxFontNames::Gb2312 => "gb2312",
            DocxFontNames::Plain => "plain",
        }
    }

    /// From [`DocxFontNames::key`]; `None` for anything else.
    pub fn from_key(k: &str) -> Option<DocxFontNames> {
        match k {
            "gb2312" => Some(DocxFontNames::Gb2312),
            "plain" => Some(DocxFontNames::Plain),
            _ => None,
        }
    }

    /// The 仿宋 name.
    pub fn fang_song(self) -> &'static str {
        match self {
            DocxFontNames::Gb2312 => "仿宋_GB2312",
            DocxFontNames::Plain => "仿宋",
        }
    }

    /// The 楷体 name.
    pub fn kai(self) -> &'static str {
        match self {
            DocxFontNames::Gb2312 => "楷体_GB2312",
            DocxFontNames::Plain => "楷体",
        }
    }
}
