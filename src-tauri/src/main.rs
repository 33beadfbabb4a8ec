//! The desktop shell: a thin layer of commands over the gongwen core. Logic belongs in the
//! core (`../src`); a handler here only opens the store, calls the core and turns its error
//! into the Chinese message the UI shows.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;

fn main() {
    let state = match commands::AppState::open() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e.message);
            eprintln!("(cause: {})", e.cause);
            std::process::exit(1);
        }
    };
    let result = tauri::Builder::default()
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_reports,
            commands::list_templates,
        ])
        .run(tauri::generate_context!("tauri.conf.json"));
    if let Err(e) = result {
        eprintln!("公文写作台启动失败：{e}");
        std::process::exit(1);
    }
}
