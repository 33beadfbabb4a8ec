//! The names under which the official fonts are installed: family names (Chinese and English,
//! as Windows, WPS and font vendors name them) and the usual Windows file names. Earlier names
//! are preferred.

use crate::spec::Family;

/// Bundled stand-ins, one per family (file, family name): the Fandol faces cover GB2312 like
/// the official `_GB2312` fonts; FandolSong Bold stands in for the heavy 小标宋.
pub fn bundled(f: Family) -> (&'static str, &'static str, bool) {
    match f {
        Family::FangSong => ("FandolFang-Regular.otf", "FandolFang", false),
        Family::Kai => ("FandolKai-Regular.otf", "FandolKai", false),
        Family::Hei => ("FandolHei-Regular.otf", "FandolHei", false),
        Family::Song => ("FandolSong-Regular.otf", "FandolSong", false),
        Family::XiaoBiaoSong => ("FandolSong-Bold.otf", "FandolSong Bold", true),
    }
}

/// The last resort for characters no face of the role's style has (outside GB2312:
/// 堃 玥 赟 镕): wide coverage (about 28,000 characters), a 黑体 look.
pub const BUNDLED_LAST_RESORT: (&str, &str) = ("DroidSansFallbackFull.ttf", "Droid Sans Fallback");
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

/// The families whose faces may supply a character the role's family lacks, nearest style
/// first: 仿宋 and 楷体 are both brush-like with even strokes and stand in for each other; the
/// Song faces come next; 黑体 last, its heavy even strokes are the least like the others.
pub fn style_order(f: Family) -> [Family; 5] {
    use Family::*;
    match f {
        FangSong => [FangSong, Kai, Song, XiaoBiaoSong, Hei],
        Kai => [Kai, FangSong, Song, XiaoBiaoSong, Hei],
        Song => [Song, XiaoBiaoSong, FangSong, Kai, Hei],
        XiaoBiaoSong => [XiaoBiaoSong, Song, FangSong, Kai, Hei],
        Hei => [Hei, Song, XiaoBiaoSong, FangSong, Kai],
    }
}

pub const ALL_FAMILIES: [Family; 5] = [
    Family::FangSong,
    Family::Kai,
    Family::Hei,
    Family::Song,
    Family::XiaoBiaoSong,
];

/// How the clerk reads a face's name: the Chinese name of a face known by its English family
/// name or its Windows file name (`FangSong`, `simfang.ttf` → `仿宋`), and the bundled
/// stand-ins by who made them and their style (`FandolFang` → `Fandol 仿宋`). A name not
/// listed is shown as it is.
pub fn chinese_face_name(name: &str) -> String {
    const NAMES: &[(&str, &str)] = &[
        ("fandolfang", "Fandol 仿宋"),
        ("fandolkai", "Fandol 楷体"),
        ("fandolhei", "Fandol 黑体"),
        ("fandolsong", "Fandol 宋体"),
        ("fandolsong bold", "Fandol 宋体（粗）"),
        ("droid sans fallback", "Droid 黑体"),
        ("fangsong_gb2312", "仿宋_GB2312"),
        ("fangsong", "仿宋"),
        ("simfang.ttf", "仿宋"),
        ("kaiti_gb2312", "楷体_GB2312"),
        ("kaiti", "楷体"),
        ("simkai.ttf", "楷体"),
        ("simhei", "黑体"),
        ("simhei.ttf", "黑体"),
        ("simsun", "宋体"),
        ("simsun.ttc", "宋体"),
        ("simsun.ttf", "宋体"),
        ("nsimsun", "新宋体"),
        ("stfangsong", "华文仿宋"),
        ("stkaiti", "华文楷体"),
        ("stheiti", "华文黑体"),
        ("stsong", "华文宋体"),
        ("fzfangsong-z02", "方正仿宋"),
        ("fzxiaobiaosong-b05s", "方正小标宋简体"),
        ("fzxiaobiaosong-b05", "方正小标宋"),
        ("fzxbsjw.ttf", "方正小标宋简体"),
        ("fangsong_gb2312.ttf", "仿宋_GB2312"),
        ("kaiti_gb2312.ttf", "楷体_GB2312"),
        ("times new roman", "Times New Roman"),
    ];
    let key = name.trim().to_lowercase();
    NAMES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
        .unwrap_or_else(|| name.trim().trim_end_matches(".ttf").to_string())
}

/// The font file that gives a family its official face, as the clerk finds it on a Windows
/// computer, for the advice on what to import (`simfang.ttf（仿宋）`).
pub fn windows_file_hint(f: Family) -> &'static str {
    match f {
        Family::FangSong => "simfang.ttf（仿宋）",
        Family::Kai => "simkai.ttf（楷体）",
        Family::Hei => "simhei.ttf（黑体）",
        Family::Song => "simsun.ttc（宋体）",
        Family::XiaoBiaoSong => "方正小标宋简体（Windows 不自带，多在单位的公文字体包中）",
    }
}
