//! The names under which the official fonts are installed: family names (Chinese and English,
//! as Windows, WPS and font vendors name them) and the usual Windows file names. Earlier names
//! are preferred.

use crate::spec::Family;

pub const BUNDLED_SONG: &str = "gbsn00lp.ttf";
pub const BUNDLED_KAI: &str = "gkai00mp.ttf";
pub const BUNDLED_HEI: &str = "DroidSansFallbackFull.ttf";
pub const BUNDLED_LATIN: &str = "LiberationSerif-Regular.ttf";
pub const BUNDLED_LATIN_BOLD: &str = "LiberationSerif-Bold.ttf";

/// Family names, best first.
pub fn family_names(f: Family) -> &'static [&'static str] {
    match f {
        Family::FangSong => &[
            "仿宋_GB2312",
            "FangSong_GB2312",
            "仿宋",
            "FangSong",
            "方正仿宋_GBK",
            "方正仿宋简体",
            "FZFangSong-Z02",
            "华文仿宋",
            "STFangsong",
        ],
        Family::Kai => &[
            "楷体_GB2312",
            "KaiTi_GB2312",
            "楷体",
            "KaiTi",
            "方正楷体_GBK",
            "方正楷体简体",
            "华文楷体",
            "STKaiti",
        ],
        Family::Hei => &[
            "黑体",
            "SimHei",
            "方正黑体_GBK",
            "方正黑体简体",
            "华文黑体",
            "STHeiti",
        ],
        Family::Song => &["宋体", "SimSun", "新宋体", "NSimSun", "华文宋体", "STSong"],
        Family::XiaoBiaoSong => &[
            "方正小标宋简体",
            "方正小标宋_GBK",
            "FZXiaoBiaoSong-B05S",
            "FZXiaoBiaoSong-B05",
            "方正小标宋",
        ],
    }
}

/// File names (lower case) that identify a face even when its name table is unusual.
pub fn file_names(f: Family) -> &'static [&'static str] {
    match f {
        Family::FangSong => &["simfang.ttf", "fangsong_gb2312.ttf", "仿宋_gb2312.ttf"],
        Family::Kai => &["simkai.ttf", "kaiti_gb2312.ttf", "楷体_gb2312.ttf"],
        Family::Hei => &["simhei.ttf"],
        Family::Song => &["simsun.ttc", "simsun.ttf"],
        Family::XiaoBiaoSong => &["fzxbsjw.ttf", "方正小标宋简体.ttf"],
    }
}

pub const LATIN_NAMES: &[&str] = &["Times New Roman"];
pub const LATIN_FILES: &[&str] = &["times.ttf"];
pub const LATIN_BOLD_FILES: &[&str] = &["timesbd.ttf"];

pub const ALL_FAMILIES: [Family; 5] = [
    Family::FangSong,
    Family::Kai,
    Family::Hei,
    Family::Song,
    Family::XiaoBiaoSong,
];
