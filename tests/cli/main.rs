//! The `gongwen` command line run as a clerk or a script would run it, and the packaging
//! configuration the installed program depends on.

#[path = "../cli_support/mod.rs"]
mod cli_support;

mod check_cli;
mod commands;
mod ops;
mod packaging;
