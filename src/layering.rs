//! The layering rule, checked: every top-level module of the crate has a layer, and a module
//! may use only modules of a strictly lower layer (and its own insides). Dependencies so run
//! one way, from the command line and the app down to the character classes of [`crate::text`].
//!
//! The test reads every `src/**/*.rs` as text and finds the paths that leave a module:
//! `crate::NAME`, `use crate::{NAME, …}`, `super::` chains that climb out of the top-level
//! module, and `gongwen::NAME` in the command-line binaries. Comment lines are skipped (an
//! intra-doc link is not a dependency). `super::` is resolved from the file's own module path;
//! inline `mod tests` blocks are not counted, which can only make a test's `super::*` resolve
//! one level too high, to its own module or the crate root, and never to another module.

/// Layers, lowest first. A module may use the modules of lower layers, never one of its own
/// or a higher layer. `cli` stands for the command-line binaries (`src/main.rs`, `src/cli/`,
/// `src/bin/`), which use the library as `gongwen::`.
pub const LAYERS: &[(u8, &[&str])] = &[
    (0, &["error", "text", "resources"]),
    (1, &["log", "model"]),
    (2, &["spec", "templates", "store"]),
    (3, &["typeset"]),
    (4, &["fonts", "check"]),
    (5, &["import", "export", "print", "pane"]),
    (6, &["ops", "instance", "fixtures"]),
    (7, &["cli"]),
];

/// Names the crate root re-exports, and the module they come from.
const ROOT_ALIASES: &[(&str, &str)] = &[
    ("Error", "error"),
    ("ErrorKind", "error"),
    ("Result", "error"),
];

/// The layer of a top-level module, if it has one.
pub fn layer_of(module: &str) -> Option<u8> {
    LAYERS
        .iter()
        .find(|(_, names)| names.contains(&module))
        .map(|(l, _)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    /// One reference from a file to a top-level module.
    #[derive(Debug)]
    struct Use {
        line: usize,
        target: String,
        text: String,
    }

    fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                rs_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    /// The module path of a file below `src/`: `check/dates.rs` → `[check, dates]`,
    /// `store/mod.rs` → `[store]`; the binaries' files → `[cli, …]`.
    fn module_path(rel: &Path) -> Vec<String> {
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if parts.last().is_some_and(|l| l == "mod") {
            parts.pop();
        }
        match parts.first().map(String::as_str) {
            Some("main") | Some("bin") => vec!["cli".into()],
            _ => parts,
        }
    }

    fn is_ident(c: char) -> bool {
        c.is_alphanumeric() || c == '_'
    }

    fn ident_at(s: &str) -> &str {
        let end = s.find(|c: char| !is_ident(c)).unwrap_or(s.len());
        &s[..end]
    }

    /// The first segments of the items of a `{a, b::c, d as e}` group starting at `s[0] == '{'`.
    fn group_heads(s: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut depth = 0;
        let mut expect_head = false;
        for (i, c) in s.char_indices() {
            match c {
                '{' => {
                    depth += 1;
                    expect_head = depth == 1;
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ',' if depth == 1 => expect_head = true,
                c if expect_head && is_ident(c) => {
                    out.push((i, ident_at(&s[i..]).to_string()));
                    expect_head = false;
                }
                _ => {}
            }
        }
        out
    }

    /// Every reference in `src` (a file's text with comment lines blanked) to a top-level
    /// module, given the file's module path and the prefix the crate is named by.
    fn uses(src: &str, path: &[String], krate: &str) -> Vec<Use> {
        let line_of = |at: usize| src[..at].matches('\n').count() + 1;
        let mut out = Vec::new();
        let mut push = |at: usize, name: &str| {
            let name = ROOT_ALIASES
                .iter()
                .find(|(alias, _)| *alias == name)
                .map_or(name, |(_, m)| *m);
            let line = line_of(at);
            out.push(Use {
                line,
                target: name.to_string(),
                text: src.lines().nth(line - 1).unwrap_or("").trim().to_string(),
            });
        };
        let prefix = format!("{krate}::");
        for (at, _) in src.match_indices(&prefix) {
            if src[..at].ends_with(is_ident) {
                continue; // `my_crate::` is not `crate::`
            }
            let rest = &src[at + prefix.len()..];
            if rest.starts_with('{') {
                for (i, head) in group_heads(rest) {
                    if head != "self" {
                        push(at + prefix.len() + i, &head);
                    }
                }
            } else {
                push(at, ident_at(rest));
            }
        }
        // `super::super::x` climbing out of the top-level module.
        for (at, _) in src.match_indices("super::") {
            if src[..at].ends_with("super::") || src[..at].ends_with(is_ident) {
                continue; // counted from the first `super` of the chain
            }
            let mut rest = &src[at..];
            let mut ups = 0;
            while let Some(r) = rest.strip_prefix("super::") {
                ups += 1;
                rest = r;
            }
            // Only a module name counts: a test's `super::super::Item` that the missing
            // inline-module level resolves one step too high names an item, not a module.
            let name = ident_at(rest);
            if ups >= path.len() && layer_of(name).is_some() {
                push(at, name);
            }
        }
        out
    }

    /// The text with every comment line (`//`, `///`, `//!`) blanked, lines kept in place.
    fn without_comment_lines(src: &str) -> String {
        src.lines()
            .map(|l| {
                if l.trim_start().starts_with("//") {
                    ""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every violation of the layering rule under `src_dir`, one line each.
    fn violations(src_dir: &Path) -> Vec<String> {
        let mut files = Vec::new();
        rs_files(src_dir, &mut files);
        files.sort();
        let mut out = Vec::new();
        for file in files {
            let rel = file.strip_prefix(src_dir).unwrap();
            let path = module_path(rel);
            let Some(module) = path.first().cloned() else {
                continue;
            };
            // The crate root only declares the modules; this file names them in strings.
            if module == "lib" || module == "layering" {
                continue;
            }
            let shown = format!("src/{}", rel.display());
            let Some(own) = layer_of(&module) else {
                out.push(format!(
                    "{shown}: module `{module}` has no layer in LAYERS (src/layering.rs)"
                ));
                continue;
            };
            let src = without_comment_lines(&std::fs::read_to_string(&file).unwrap());
            let krate = if module == "cli" { "gongwen" } else { "crate" };
            for u in uses(&src, &path, krate) {
                if u.target == module && krate == "crate" {
                    continue;
                }
                match layer_of(&u.target) {
                    None => out.push(format!(
                        "{shown}:{}: `{}` is no module with a layer (in `{}`)",
                        u.line, u.target, u.text
                    )),
                    Some(l) if l >= own => out.push(format!(
                        "{shown}:{}: {module} (layer {own}) uses {} (layer {l}), which is not \
                         below it: `{}`",
                        u.line, u.target, u.text
                    )),
                    Some(_) => {}
                }
            }
        }
        out
    }

    fn src_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
    }

    #[test]
    fn every_module_uses_only_lower_layers() {
        let v = violations(&src_dir());
        assert!(v.is_empty(), "layering violations:\n{}", v.join("\n"));
    }

    #[test]
    fn every_top_level_module_has_a_layer() {
        for e in std::fs::read_dir(src_dir()).unwrap().flatten() {
            let name = e
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string();
            if ["lib", "main", "bin", "layering"].contains(&name.as_str()) {
                continue;
            }
            assert!(layer_of(&name).is_some(), "{name} has no layer in LAYERS");
        }
    }

    #[test]
    fn finds_upward_and_same_layer_uses() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        };
        write(
            "text/mod.rs",
            "use crate::error::Result;\n// crate::store in a comment\n",
        );
        write("model/date.rs", "use super::super::store::Store;\n");
        write(
            "check/mod.rs",
            "use crate::{\n    model::Report,\n    import::x,\n};\nfn f() -> crate::Result<()> {}\n",
        );
        write("cli/mod.rs", "use gongwen::{check, store};\n");
        write("shiny.rs", "\n");
        let mut v = violations(dir.path());
        v.sort();
        assert_eq!(
            v,
            [
                "src/check/mod.rs:3: check (layer 4) uses import (layer 5), which is not below \
                 it: `import::x,`",
                "src/model/date.rs:1: model (layer 1) uses store (layer 2), which is not below \
                 it: `use super::super::store::Store;`",
                "src/shiny.rs: module `shiny` has no layer in LAYERS (src/layering.rs)",
                "src/text/mod.rs:1: text (layer 0) uses error (layer 0), which is not below it: \
                 `use crate::error::Result;`",
            ]
        );
    }
}
