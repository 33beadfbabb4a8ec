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

#[cfg(test)]
mod tests {
    use super::*;

    /// The app finds its database exactly where the CLI does (GONGWEN_DATA_DIR), so a report
    /// made by one is seen by the other.
    #[test]
    fn app_state_opens_the_cli_store() {
        let dir = std::env::temp_dir().join(format!("gongwen-app-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::env::set_var("GONGWEN_DATA_DIR", &dir);
        let id = Store::open_dir(&dir)
            .unwrap()
            .create(&gongwen::fixtures::sample_report(1))
            .unwrap();
        let state = AppState::open().unwrap();
        let list = state.with(|s| s.list()).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, id);
        std::fs::remove_dir_all(&dir).ok();
    }
}
