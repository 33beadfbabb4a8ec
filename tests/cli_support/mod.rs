//! Running the real `gongwen` binary on a temporary data dir (never the user's data), shared
//! by the integration tests that drive the CLI.

#![allow(dead_code)] // each test file uses its own subset

use std::path::Path;
use std::process::{Command, Output};

pub fn gongwen(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("GONGWEN_DATA_DIR")
        .output()
        .expect("run gongwen")
}

/// Runs a command that must succeed; returns its stdout.
pub fn ok(data: &Path, args: &[&str]) -> String {
    let out = gongwen(data, args);
    assert!(
        out.status.success(),
        "gongwen {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The names in `dir`, sorted (what a test expects to find left behind, or not).
pub fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}
