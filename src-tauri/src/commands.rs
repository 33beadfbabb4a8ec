//! IPC commands. Each one is a few lines: call the core, map its error to its Chinese message.

use gongwen::store::{self, ReportSummary, Store};
use gongwen::templates::{self, Template};
use serde::Serialize;
use std::sync::Mutex;

pub struct AppState {
    store: Mutex<Store>,
}

impl AppState {
    /// Opens the store in `GONGWEN_DATA_DIR` or the OS data folder — the same file the CLI uses.
    pub fn open() -> gongwen::Result<AppState> {
        let dir = store::data_dir(None)?;
        Ok(AppState {
            store: Mutex::new(Store::open_dir(&dir)?),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Store) -> gongwen::Result<T>) -> Result<T, String> {
        let mut s = self
            .store
            .lock()
            .map_err(|_| "内部错误：数据库锁已失效，请重启程序。".to_string())?;
        f(&mut s).map_err(|e| e.message)
    }
}

#[derive(Serialize)]
pub struct AppInfo {
    version: &'static str,
    database: String,
    schema_version: u32,
}

#[tauri::command]
pub fn app_info(state: tauri::State<AppState>) -> Result<AppInfo, String> {
    state.with(|s| {
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION"),
            database: s.path().display().to_string(),
            schema_version: s.schema_version()?,
        })
    })
}

#[tauri::command]
pub fn list_reports(state: tauri::State<AppState>) -> Result<Vec<ReportSummary>, String> {
    state.with(|s| s.list())
}

#[tauri::command]
pub fn list_templates() -> Vec<Template> {
    templates::all()
}
