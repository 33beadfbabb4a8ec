//! gongwen (公文写作台): the core of the app and the CLI — report model, SQLite store,
//! templates, the official layout, and the exporters. No GUI dependency: everything here runs
//! and is tested headless.

#![warn(missing_docs)]

pub mod error;
pub mod export;
pub mod fixtures;
pub mod fonts;
pub mod log;
pub mod model;
pub mod ops;
pub mod pane;
pub mod resources;
pub mod spec;
pub mod store;
pub mod templates;
pub mod text;
pub mod typeset;

/// The layer table and the test that keeps every module to it.
#[cfg(test)]
mod layering;

pub use error::{Error, ErrorKind, Result};
pub mod check;
pub mod import;
pub mod instance;
pub mod print;
