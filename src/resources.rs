//! Where the shipped data (templates, fonts, word lists) lives: `GONGWEN_RESOURCES`, then a
//! `resources/` folder beside the executable or in the installed layout, then the source tree
//! (for `cargo run` and tests).

use std::path::PathBuf;

pub fn dir() -> PathBuf {
    if let Some(d) = std::env::var_os("GONGWEN_RESOURCES") {
        return PathBuf::from(d);
    }
    if let Ok(exe) = std::env::current_exe() {
        if let Some(bin) = exe.parent() {
            for cand in [
                bin.join("resources"),
                bin.join("../lib/gongwen/resources"),
                bin.join("../share/gongwen/resources"),
            ] {
                if cand.is_dir() {
                    return cand;
                }
            }
        }
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("resources")
}
