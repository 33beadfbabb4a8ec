//! The security policy as written in the repository, read as data: what the web view is
//! granted (capabilities), what it may load (CSP), which plugins the app links. The e2e test
//! `security.rs` proves the same from inside the running window; this one fails fast, without a
//! display, when a grant or a CSP source is added by mistake.

use std::collections::BTreeSet;
use std::path::Path;

fn read(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The commands listed between `start` and the closing `end` in a source file.
fn listed(src: &str, start: &str, end: &str, prefix: &str) -> BTreeSet<String> {
    let from = src.find(start).expect(start) + start.len();
    let to = from + src[from..].find(end).expect(end);
    src[from..to]
        .split([',', '\n'])
        .map(|s| s.trim().trim_matches('"'))
        .filter_map(|s| s.strip_prefix(prefix))
        .map(str::to_string)
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn the_web_view_is_granted_our_commands_and_nothing_dangerous() {
    let caps: serde_json::Value =
        serde_json::from_str(&read("../capabilities/default.json")).unwrap();
    let perms: Vec<&str> = caps["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("plain permission names, no scopes"))
        .collect();
    for p in &perms {
        for risky in [
            "fs:", "shell:", "http:", "process:", "opener:", "dialog:", "updater:",
        ] {
            assert!(!p.starts_with(risky), "{p} grants the web view too much");
        }
    }
    let core: BTreeSet<&str> = perms
        .iter()
        .copied()
        .filter(|p| p.starts_with("core:"))
        .collect();
    assert_eq!(
        core,
        BTreeSet::from(["core:default", "core:window:allow-destroy"]),
        "core permissions changed: review what the new one allows"
    );
    let granted: BTreeSet<String> = perms
        .iter()
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    let registered = listed(
        &read("src/main.rs"),
        "generate_handler![",
        "]",
        "commands::",
    );
    let declared = listed(&read("build.rs"), "const COMMANDS: &[&str] = &[", "];", "");
    assert_eq!(
        granted, registered,
        "every command the app registers is granted by name, no more"
    );
    assert_eq!(
        declared, registered,
        "build.rs declares a permission for each command"
    );
    assert_eq!(
        perms.len(),
        core.len() + granted.len(),
        "unexpected permissions: {perms:?}"
    );
}

#[test]
fn the_content_security_policy_allows_only_the_app_itself() {
    let conf: serde_json::Value = serde_json::from_str(&read("../tauri.conf.json")).unwrap();
    let security = &conf["app"]["security"];
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    assert_eq!(security["freezePrototype"], true);
    assert!(security
        .get("dangerousDisableAssetCspModification")
        .is_none());
    assert!(
        conf["build"].get("devUrl").is_none(),
        "the app loads only its embedded UI"
    );
    let csp = security["csp"].as_object().expect("a CSP");
    let src = |d: &str| -> Vec<&str> {
        csp.get(d)
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("CSP has no {d}"))
            .split_whitespace()
            .collect()
    };
    assert_eq!(src("default-src"), ["'self'"]);
    assert_eq!(src("script-src"), ["'self'"], "no inline or eval'd script");
    assert_eq!(src("object-src"), ["'none'"]);
    assert_eq!(src("base-uri"), ["'none'"]);
    assert_eq!(src("form-action"), ["'none'"]);
    // Only Tauri's own IPC, which never leaves the process.
    assert_eq!(src("connect-src"), ["ipc:", "http://ipc.localhost"]);
    for (directive, value) in csp {
        let value = value.as_str().unwrap_or_default();
        for token in value.split_whitespace() {
            let remote = token == "*"
                || token.starts_with("https:")
                || (token.starts_with("http:") && token != "http://ipc.localhost")
                || token.starts_with("ws")
                || token == "'unsafe-eval'";
            assert!(!remote, "{directive} allows {token}");
        }
    }
}

#[test]
fn the_app_links_no_plugin_that_reaches_files_commands_or_the_network() {
    let manifest = read("Cargo.toml");
    for plugin in [
        "tauri-plugin-shell",
        "tauri-plugin-fs",
        "tauri-plugin-http",
        "tauri-plugin-opener",
        "tauri-plugin-process",
        "tauri-plugin-updater",
    ] {
        assert!(!manifest.contains(plugin), "{plugin} is linked");
    }
}
