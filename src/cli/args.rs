//! The CLI's arguments: `--option value`, `--option=value`, switches and positionals, lexed by
//! `lexopt` (which handles `--`, `-` as a value, clustered short flags and non-UTF-8 input), with
//! every error as one Chinese sentence mapped from lexopt's error kinds. Which options exist
//! and which command accepts which is ours ([`VALUED`], [`SWITCHES`], [`Args::only`]).

use lexopt::Arg::{Long, Short, Value};
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct Args {
    pub positionals: Vec<String>,
    values: HashMap<String, String>,
    switches: Vec<String>,
}

/// Options that take a value.
const VALUED: &[&str] = &[
    "data-dir",
    "template",
    "unit",
    "year",
    "period",
    "title",
    "docx",
    "pdf",
    "docx-fonts",
    "name",
    "printer",
    "copies",
];

/// Options without a value.
const SWITCHES: &[&str] = &["json", "help", "version", "trash", "all", "duplex"];

fn text(v: OsString) -> Result<String, String> {
    v.into_string()
        .map_err(|v| format!("参数“{}”不是有效的 UTF-8 文本。", v.to_string_lossy()))
}

/// lexopt's error, said in Chinese.
fn chinese(e: lexopt::Error) -> String {
    use lexopt::Error as E;
    match e {
        E::MissingValue { option: Some(o) } => format!("选项 {o} 后面缺少取值。"),
        E::MissingValue { option: None } => "缺少取值。".into(),
        E::UnexpectedOption(o) => format!("不认识的选项 {o}，请用 gongwen --help 查看用法。"),
        E::UnexpectedArgument(a) => format!("多余的参数“{}”。", a.to_string_lossy()),
        E::UnexpectedValue { option, .. } => format!("选项 {option} 不带取值。"),
        E::NonUnicodeValue(v) => format!("参数“{}”不是有效的 UTF-8 文本。", v.to_string_lossy()),
        E::ParsingFailed { value, .. } => format!("无法理解参数“{value}”。"),
        other => format!("命令行参数有误（{other}），请用 gongwen --help 查看用法。"),
    }
}

impl Args {
    pub fn parse(raw: impl IntoIterator<Item = OsString>) -> Result<Args, String> {
        let mut out = Args::default();
        let mut p = lexopt::Parser::from_args(raw);
        while let Some(arg) = p.next().map_err(chinese)? {
            match arg {
                Short('h') => out.switches.push("help".into()),
                Short('V') => out.switches.push("version".into()),
                Short(c) => {
                    return Err(format!("不认识的选项 -{c}，请用 gongwen --help 查看用法。"))
                }
                Long(name) if VALUED.contains(&name) => {
                    let name = name.to_string();
                    let v = text(p.value().map_err(chinese)?)?;
                    out.values.insert(name, v);
                }
                Long(name) if SWITCHES.contains(&name) => out.switches.push(name.to_string()),
                Long(name) => {
                    return Err(format!(
                        "不认识的选项 --{name}，请用 gongwen --help 查看用法。"
                    ))
                }
                Value(v) => out.positionals.push(text(v)?),
            }
        }
        Ok(out)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(|s| s.as_str())
    }

    pub fn path(&self, name: &str) -> Option<PathBuf> {
        self.value(name).map(PathBuf::from)
    }

    pub fn required(&self, name: &str, what: &str) -> Result<&str, String> {
        self.value(name)
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| format!("缺少{what}，请用 --{name} 指定。"))
    }

    /// Options given that the command does not use are an error, not silently ignored.
    pub fn only(&self, allowed: &[&str]) -> Result<(), String> {
        for k in self.values.keys().chain(self.switches.iter()) {
            if k != "data-dir" && !allowed.contains(&k.as_str()) {
                return Err(format!("这个命令不接受选项 --{k}。"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: &[&str]) -> Result<Args, String> {
        Args::parse(v.iter().map(OsString::from))
    }

    #[test]
    fn values_switches_positionals() {
        let a = parse(&["new", "--unit", "甲乡", "--year=2024", "--json"]).unwrap();
        assert_eq!(a.positionals, ["new"]);
        assert_eq!(a.value("unit"), Some("甲乡"));
        assert_eq!(a.value("year"), Some("2024"));
        assert!(a.flag("json"));
        assert!(a.only(&["unit", "year", "json"]).is_ok());
        assert!(a.only(&["unit"]).unwrap_err().contains("不接受"));
        // `-` is stdin, and after `--` a leading dash is text.
        let a = parse(&["import", "-", "--", "--不是选项"]).unwrap();
        assert_eq!(a.positionals, ["import", "-", "--不是选项"]);
        assert!(parse(&["-hV"]).unwrap().flag("version"));
    }

    #[test]
    fn errors_are_chinese() {
        assert!(parse(&["--unit"]).unwrap_err().contains("缺少取值"));
        assert!(parse(&["--bogus"]).unwrap_err().contains("不认识的选项"));
        assert!(parse(&["-x"]).unwrap_err().contains("不认识的选项 -x"));
        assert!(parse(&["--json=1"]).unwrap_err().contains("不带取值"));
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_is_refused_in_chinese() {
        use std::os::unix::ffi::OsStringExt;
        let bad = OsString::from_vec(vec![b'a', 0xff]);
        let e = Args::parse([OsString::from("show"), bad]).unwrap_err();
        assert!(e.contains("UTF-8"), "{e}");
    }
}
