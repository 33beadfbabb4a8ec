//! The desktop shell: a thin layer of commands over the gongwen core. Logic belongs in the
//! core (`../src`); a handler here only opens the store, calls the core and turns its error
//! into the Chinese message the UI shows.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
#[cfg(test)]
mod contract;
mod files;
mod window;

use gongwen::instance::{self, Launch};
use tauri::Manager;

fn main() {
    // WebKitGTK's accelerated compositing costs ~80 MiB in the web process (measured under
    // Xvfb, where it falls back to software GL: idle PSS 302 → 222 MiB, docs/benchmarks.md)
    // and is a common cause of blank windows on unusual GPU drivers; a form and a PDF preview
    // do not need it. Set before GTK starts, and only if the user has not chosen otherwise.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    let dir = gongwen::store::data_dir(None).unwrap_or_else(|e| fail(e));
    // One app per data folder: a second launch raises the first window and quits before it
    // opens the database.
    let first = match instance::claim(&dir).unwrap_or_else(|e| fail(e)) {
        Launch::First(i) => i,
        Launch::Second { raised } => {
            eprintln!(
                "公文写作台已在运行{}。",
                if raised {
                    "，已切换到它的窗口"
                } else {
                    ""
                }
            );
            std::process::exit(0);
        }
    };
    let state = commands::AppState::open(dir).unwrap_or_else(|e| fail(e));
    let result = tauri::Builder::default()
        .setup(move |app| {
            if let Some(w) = app.get_webview_window("main") {
                let configured = app
                    .config()
                    .app
                    .windows
                    .first()
                    .map_or(tauri::LogicalSize::new(1280.0, 720.0), |c| {
                        tauri::LogicalSize::new(c.width, c.height)
                    });
                // Not fatal: a window a little too large is still usable.
                if let Err(e) = window::fit_to_work_area(&w, configured) {
                    eprintln!("window: {e}");
                }
                if let Err(e) = window::as_document_viewer(&w) {
                    eprintln!("window: {e}");
                }
            }
            let handle = app.handle().clone();
            let held = first.on_second_launch(move || {
                if let Some(w) = handle.get_webview_window("main") {
                    let _ = w.unminimize();
                    let _ = w.show();
                    let _ = w.set_focus();
                }
            });
            // Managed so that the lock lives as long as the app (and the socket goes with it).
            app.manage(held);
            Ok(())
        })
        // Native open/save dialogs only; no shell, no fs plugin (files are read and written by
        // the core, at paths the clerk chose in a dialog).
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_reports,
            commands::list_trash,
            commands::list_templates,
            commands::create_report,
            commands::create_from,
            commands::load_report,
            commands::rename_report,
            commands::duplicate_report,
            commands::trash_report,
            commands::restore_report,
            commands::purge_report,
            commands::new_from_last_year,
            commands::update_meta,
            commands::set_opening,
            commands::update_section,
            commands::set_paragraphs,
            commands::add_section,
            commands::tree_op,
            commands::table_edit,
            commands::save_version,
            commands::list_versions,
            commands::restore_version,
            commands::run_checks,
            commands::apply_fix,
            commands::apply_fixes,
            commands::fill_table_totals,
            commands::list_placeholders,
            commands::fill_placeholder,
            commands::import_text,
            commands::import_file,
            commands::import_rebuild,
            commands::carry_checklist,
            commands::set_carry_done,
            commands::word_list,
            commands::add_word,
            commands::remove_word,
            commands::default_page_numbers,
            commands::set_default_page_numbers,
            commands::pane_view,
            commands::font_report,
            commands::import_font,
            commands::docx_font_names,
            commands::set_docx_font_names,
            commands::export_docx,
            commands::export_pdf,
            commands::choose_file,
            commands::list_printers,
            commands::print_report,
            commands::propose_title,
            commands::report_summary,
            commands::set_last_step,
            commands::rename_version,
            commands::version_text,
            commands::show_in_folder,
        ])
        .run(tauri::generate_context!("tauri.conf.json"));
    if let Err(e) = result {
        eprintln!("公文写作台启动失败：{e}");
        std::process::exit(1);
    }
}

fn fail(e: gongwen::Error) -> ! {
    eprintln!("{}", e.message);
    eprintln!("(cause: {})", e.cause);
    std::process::exit(1);
}
