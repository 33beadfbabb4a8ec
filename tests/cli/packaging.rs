//! The installers' configuration (tauri.conf.json and its per-platform files) ships the data the
//! core looks for, where it looks for it: fonts with their licences, templates and word lists in
//! `/usr/lib/gongwen/resources` on Debian, `resources\` beside the .exe on Windows. Cheap: reads
//! JSON and copies the CLI into a temporary folder laid out like the installed package.

use std::path::{Component, Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Paths in the Tauri configuration are relative to `src-tauri/` (where the CLI reads it).
fn from_src_tauri(p: &str) -> PathBuf {
    root().join("src-tauri").join(p)
}

fn config(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// `/usr/bin/../lib/x` → `/usr/lib/x`, without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

const DEB_RESOURCES: &str = "/usr/lib/gongwen/resources";

#[test]
fn deb_ships_the_resources_where_the_installed_app_looks() {
    let conf = config("tauri.conf.json");
    let deb = &conf["bundle"]["linux"]["deb"];
    let files = deb["files"].as_object().expect("bundle.linux.deb.files");
    for (dest, src) in files {
        assert!(
            dest.starts_with('/'),
            "{dest}: absolute path in the package"
        );
        let src = from_src_tauri(src.as_str().unwrap());
        assert!(src.exists(), "{dest} <- {}: missing", src.display());
    }
    let src = files
        .get(DEB_RESOURCES)
        .and_then(Value::as_str)
        .expect("the resources folder is in the .deb");
    assert_eq!(
        std::fs::canonicalize(from_src_tauri(src)).unwrap(),
        std::fs::canonicalize(root().join("resources")).unwrap()
    );
    // /usr/bin/gongwen-app (and /usr/bin/gongwen) find that folder.
    assert!(
        gongwen::resources::BESIDE_EXE
            .iter()
            .any(|rel| normalize(&Path::new("/usr/bin").join(rel)) == Path::new(DEB_RESOURCES)),
        "src/resources.rs does not look in {DEB_RESOURCES}"
    );
    assert_eq!(conf["mainBinaryName"], "gongwen-app");

    let depends: Vec<&str> = deb["depends"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    // The Tauri bundler itself adds libwebkit2gtk-4.1-0 and libgtk-3-0 (listing them again
    // would repeat them in the control file); fonts are found through fontconfig's files.
    assert!(depends.contains(&"fontconfig-config"), "{depends:?}");
    for automatic in ["libwebkit2gtk-4.1-0", "libgtk-3-0"] {
        assert!(
            !depends.contains(&automatic),
            "{automatic} is added by Tauri"
        );
    }
    // Debian policy: the package's documentation and copyright under /usr/share/doc/<package>.
    let package = config("tauri.linux.conf.json")["productName"].clone();
    let doc = format!("/usr/share/doc/{}/copyright", package.as_str().unwrap());
    assert!(files.contains_key(&doc), "{doc}");

    let desktop = from_src_tauri(deb["desktopTemplate"].as_str().unwrap());
    let desktop = std::fs::read_to_string(desktop).unwrap();
    assert!(desktop.contains("\nName=公文写作台\n"), "{desktop}");
    assert!(desktop.contains("Exec={{exec}}"), "{desktop}");

    for icon in conf["bundle"]["icon"].as_array().unwrap() {
        let icon = from_src_tauri(icon.as_str().unwrap());
        assert!(icon.is_file(), "{}", icon.display());
    }
}

#[test]
fn the_shipped_resources_are_complete() {
    let res = root().join("resources");
    let fonts: Vec<String> = std::fs::read_dir(res.join("fonts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".ttf") || n.ends_with(".otf"))
        .collect();
    assert!(fonts.len() >= 8, "{fonts:?}");
    // Each font is listed, with its licence, in fonts/README.md, and the licences are there.
    let readme = std::fs::read_to_string(res.join("fonts/README.md")).unwrap();
    for f in &fonts {
        assert!(
            readme.contains(&format!("`{f}`")),
            "{f} not in fonts/README.md"
        );
    }
    for licence in [
        "Fandol-COPYING.txt",
        "texlive-lang-chinese.copyright",
        "Apache-2.0.txt",
        "fonts-liberation2.copyright",
    ] {
        assert!(
            res.join("fonts/LICENSES").join(licence).is_file(),
            "{licence}"
        );
    }
    assert!(res.join("templates/township-zwgk.json").is_file());
    assert!(res.join("templates/county-dept-zwgk.json").is_file());
    assert!(res.join("wordlists/confusables.tsv").is_file());
}

#[test]
fn platform_configs_give_a_debian_name_and_windows_installers() {
    // The Tauri CLI reads the per-platform files beside src-tauri/tauri.conf.json.
    for name in ["tauri.linux.conf.json", "tauri.windows.conf.json"] {
        let link = root().join("src-tauri").join(name);
        assert_eq!(
            std::fs::canonicalize(&link).unwrap(),
            std::fs::canonicalize(root().join(name)).unwrap(),
            "src-tauri/{name} must point at ../{name}"
        );
    }
    // The Debian package name comes from productName: it must be lowercase ASCII (dpkg refuses
    // 公文写作台); the desktop entry keeps the Chinese name.
    let linux = config("tauri.linux.conf.json");
    let name = linux["productName"].as_str().unwrap();
    assert!(
        name.len() >= 2
            && name.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+-.".contains(c)),
        "{name} is no Debian package name"
    );

    // Windows: the data beside the .exe, WebView2 installed from the installer itself (no
    // network), Chinese installers.
    let win = config("tauri.windows.conf.json");
    let resources = win["bundle"]["resources"].as_object().unwrap();
    assert_eq!(resources.len(), 1);
    let (src, dest) = resources.iter().next().unwrap();
    assert!(from_src_tauri(src).is_dir(), "{src}");
    assert_eq!(dest.as_str().unwrap().trim_end_matches('/'), "resources");
    assert!(gongwen::resources::BESIDE_EXE.contains(&"resources"));
    let conf = config("tauri.conf.json");
    let w = &conf["bundle"]["windows"];
    assert_eq!(w["webviewInstallMode"]["type"], "offlineInstaller");
    assert_eq!(w["nsis"]["languages"][0], "SimpChinese");
    assert_eq!(w["wix"]["language"], "zh-CN");
    let targets = conf["bundle"]["targets"].as_array().unwrap();
    for t in ["deb", "nsis", "msi"] {
        assert!(targets.iter().any(|x| x == t), "bundle.targets lacks {t}");
    }
}

/// Copies `src` into `dest` recursively, as the deb bundler copies a folder listed in `files`.
fn copy_tree(src: &Path, dest: &Path) {
    std::fs::create_dir_all(dest).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dest.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), to).unwrap();
        }
    }
}

#[test]
fn an_installed_layout_is_found_beside_the_executable() {
    let tmp = tempfile::tempdir().unwrap();
    let usr = tmp.path().join("usr");
    let bin = usr.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let exe = bin.join("gongwen");
    std::fs::copy(env!("CARGO_BIN_EXE_gongwen"), &exe).unwrap();
    // Nothing installed yet: no folder beside the executable.
    assert_eq!(gongwen::resources::beside_exe(&exe), None);

    let installed = usr.join("lib/gongwen/resources");
    copy_tree(&root().join("resources"), &installed);
    let found = gongwen::resources::beside_exe(&exe).unwrap();
    assert_eq!(
        std::fs::canonicalize(found).unwrap(),
        std::fs::canonicalize(&installed).unwrap()
    );

    // The copied CLI exports a PDF with the installed fonts only (no system fonts)…
    let data = tmp.path().join("data");
    let run = |args: &[&str]| {
        Command::new(&exe)
            .arg("--data-dir")
            .arg(&data)
            .args(args)
            .env_remove("GONGWEN_RESOURCES")
            .env("GONGWEN_NO_SYSTEM_FONTS", "1")
            .output()
            .unwrap()
    };
    let out = run(&[
        "new",
        "--template",
        "township-zwgk",
        "--unit",
        "某某镇",
        "--year",
        "2024",
    ]);
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let pdf = tmp.path().join("a.pdf");
    let out = run(&["export", &id, "--pdf", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    // …and really takes them from there, not from the source tree: without them it cannot.
    std::fs::remove_dir_all(installed.join("fonts")).unwrap();
    std::fs::create_dir(installed.join("fonts")).unwrap();
    let out = run(&["export", &id, "--pdf", pdf.to_str().unwrap()]);
    assert!(!out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("找不到可用于"), "{err}");
}
