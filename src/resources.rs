//! Where the shipped data (templates, fonts, word lists) lives: `GONGWEN_RESOURCES`, then a
//! `resources/` folder beside the executable or in the installed layout, then the source tree
//! (for `cargo run` and tests).
//!
//! The installers put the data where [`beside_exe`] looks (docs/packaging.md):
//! - Debian package: `/usr/bin/gongwen-app` and `/usr/lib/gongwen/resources/`
//!   (`bundle.linux.deb.files` in tauri.conf.json);
//! - Windows (NSIS/MSI): `<install dir>\gongwen-app.exe` and `<install dir>\resources\`
//!   (`bundle.resources` in tauri.windows.conf.json).

use std::path::{Path, PathBuf};

/// Folders, relative to the executable's folder, that may hold the shipped data, in the order
/// they are tried.
pub const BESIDE_EXE: [&str; 3] = [
    "resources",
    "../lib/gongwen/resources",
    "../share/gongwen/resources",
];

/// The folder of the shipped data: `GONGWEN_RESOURCES` when set, else the first of
/// [`BESIDE_EXE`] that exists beside the executable, else `resources/` of the source tree (for
/// `cargo run` and tests). Does not check that the folder exists.
pub fn dir() -> PathBuf {
    if let Some(d) = std::env::var_os("GONGWEN_RESOURCES") {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::current_exe()
        .ok()
        .and_then(|exe| beside_exe(&exe))
    {
        return d;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("resources")
}

/// The shipped data of an installed program whose executable is `exe`: the first folder of
/// [`BESIDE_EXE`] that exists, if any.
pub fn beside_exe(exe: &Path) -> Option<PathBuf> {
    let bin = exe.parent()?;
    BESIDE_EXE
        .iter()
        .map(|rel| bin.join(rel))
        .find(|cand| cand.is_dir())
        // `/usr/lib/gongwen/resources`, not `/usr/bin/../lib/…`, in messages and logs.
        .map(|cand| cand.canonicalize().unwrap_or(cand))
}
