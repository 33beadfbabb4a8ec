//! A small argument parser: `--flag value`, `--flag=value`, boolean switches and positionals,
//! with every error as one Chinese sentence (a general-purpose parser would answer in English).

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct Args {
    pub positionals: Vec<String>,
    values: HashMap<String, String>,
    switches: Vec<String>,
}

/// Options that take a value; everything else starting with `--` is a switch.
const VALUED: &[&str] = &[
    "data-dir", "template", "unit", "year", "period", "title", "docx", "pdf", "name",
];

pub const SWITCHES: &[&str] = &["json", "help", "version", "trash"];

impl Args {
    pub fn parse(raw: impl IntoIterator<Item = OsString>) -> Result<Args, String> {
        let mut out = Args::default();
        let mut it = raw.into_iter();
        while let Some(a) = it.next() {
            let a = a
                .into_string()
                .map_err(|a| format!("参数“{}”不是有效的 UTF-8 文本。", a.to_string_lossy()))?;
            if a == "-h" {
                out.switches.push("help".into());
                continue;
            }
            if a == "-V" {
                out.switches.push("version".into());
                continue;
            }
            let Some(opt) = a.strip_prefix("--") else {
                out.positionals.push(a);
                continue;
            };
            let (name, inline) = match opt.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (opt.to_string(), None),
            };
            if VALUED.contains(&name.as_str()) {
                let v = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .and_then(|v| v.into_string().ok())
                        .ok_or_else(|| format!("选项 --{name} 后面缺少取值。"))?,
                };
                out.values.insert(name, v);
            } else if SWITCHES.contains(&name.as_str()) {
                if inline.is_some() {
                    return Err(format!("选项 --{name} 不带取值。"));
                }
                out.switches.push(name);
            } else {
                return Err(format!(
                    "不认识的选项 --{name}，请用 gongwen --help 查看用法。"
                ));
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
    }

    #[test]
    fn errors_are_chinese() {
        assert!(parse(&["--unit"]).unwrap_err().contains("缺少取值"));
        assert!(parse(&["--bogus"]).unwrap_err().contains("不认识的选项"));
    }
}
