//! Reliability: backups and recovery, file-system faults, kills in the middle of a save, the
//! log, and property tests over arbitrary input.

#[path = "../cli_support/mod.rs"]
mod cli_support;

mod backup;
mod faults;
mod kill;
mod log;
mod props;
