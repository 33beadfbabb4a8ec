// tauri.conf.json lives at the repository root (design card). We read it through the
// symlink src-tauri/tauri.conf.json so that its relative paths ("../ui/dist") resolve from
// src-tauri/ for cargo exactly as they do for the Tauri CLI, which insists on that location.
// Every app command gets an allow-/deny- permission and is denied unless
// capabilities/default.json grants it, so the web view can reach exactly the commands listed
// there (Tauri allows all app commands when no app manifest is given).
const COMMANDS: &[&str] = &[
    "app_info",
    "list_reports",
    "list_trash",
    "list_templates",
    "create_report",
    "create_from",
    "load_report",
    "rename_report",
    "duplicate_report",
    "trash_report",
    "restore_report",
    "purge_report",
    "new_from_last_year",
    "update_meta",
    "set_opening",
    "update_section",
    "set_paragraphs",
    "add_section",
    "tree_op",
    "table_edit",
    "save_version",
    "list_versions",
    "restore_version",
    "run_checks",
    "apply_fix",
    "apply_fixes",
    "fill_table_totals",
    "list_placeholders",
    "fill_placeholder",
    "import_text",
    "import_file",
    "import_rebuild",
    "carry_checklist",
    "set_carry_done",
    "word_list",
    "add_word",
    "remove_word",
    "default_page_numbers",
    "set_default_page_numbers",
    "pane_view",
    "font_report",
    "import_font",
    "docx_font_names",
    "set_docx_font_names",
    "export_docx",
    "export_pdf",
    "choose_file",
    "list_printers",
    "print_report",
    "propose_title",
    "report_summary",
    "set_last_step",
    "rename_version",
    "version_text",
    "show_in_folder",
];

fn main() {
    println!("cargo:rerun-if-changed=../tauri.conf.json");
    println!("cargo:rerun-if-changed=../capabilities");
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .config_path("tauri.conf.json")
            .capabilities_path_pattern("../capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
