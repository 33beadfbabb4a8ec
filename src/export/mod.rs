//! Exporters: DOCX (submitted upward) and PDF (printed; also the in-app preview). Both read
//! the layout from [`crate::spec`] and the body from [`crate::model::body_blocks`].

pub mod docx;
pub mod pdf;

mod atomic;
pub use atomic::write_atomic;
