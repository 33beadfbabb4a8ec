// tauri.conf.json lives at the repository root (design card). We read it through the
// symlink src-tauri/tauri.conf.json so that its relative paths ("../ui/dist") resolve from
// src-tauri/ for cargo exactly as they do for the Tauri CLI, which insists on that location.
fn main() {
    println!("cargo:rerun-if-changed=../tauri.conf.json");
    println!("cargo:rerun-if-changed=../capabilities");
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .config_path("tauri.conf.json")
            .capabilities_path_pattern("../capabilities/**/*"),
    )
    .expect("tauri-build failed");
}
