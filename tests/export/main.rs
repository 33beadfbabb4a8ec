//! The exporters checked by real consumers: the DOCX through openxml-audit and LibreOffice's
//! rendering, the PDF through poppler and qpdf, both against the official layout and against
//! each other, and the reference page images.

#[path = "../render_support/mod.rs"]
mod render_support;

mod closing_pages;
mod docx_east_asian_hint;
mod docx_layout;
mod docx_package;
mod formal_pages;
mod keep_closing;
mod line_breaks_match_docx;
mod pane_matches_pdf;
mod pdf_export;
mod pdf_pages_match_docx;
mod pdf_reference;
mod pdf_text_fonts;
mod tables;
