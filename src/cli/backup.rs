//! `gongwen backups` and `gongwen restore-backup NAME`, and the careful start every command
//! that uses the store goes through.

use super::{args::Args, print_json, usage};
use gongwen::error::Error;
use gongwen::store::{self, Store};

/// Opens the store through [`store::open_with_care`]; what the start did (a damaged
/// database recovered, a failed backup) is told on stderr, in Chinese, before the output.
pub fn open_store(args: &Args) -> Result<Store, Error> {
    let dir = store::data_dir(args.path("data-dir").as_deref())?;
    let (store, report) = store::open_with_care(&dir)?;
    for n in &report.notices {
        eprintln!("{n}");
    }
    Ok(store)
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// `backups [--json]`: newest first. Reads the folder only, so it works even when the
/// database cannot be opened.
pub fn list(args: &Args) -> Result<(), Error> {
    let dir = store::data_dir(args.path("data-dir").as_deref())?;
    let all = store::list_backups(&dir)?;
    if args.flag("json") {
        return print_json(&all);
    }
    if all.is_empty() {
        println!("还没有备份（每天第一次启动时自动备份）。");
    }
    for b in all {
        println!(
            "{}\t{}\t{}\t{}",
            b.name,
            b.when,
            b.kind.label(),
            human_size(b.bytes)
        );
    }
    Ok(())
}

/// `restore-backup NAME`.
pub fn restore(args: &Args) -> Result<(), Error> {
    let name = args
        .positionals
        .get(1)
        .ok_or_else(|| usage("缺少备份名（用 gongwen backups 查看）。".into()))?;
    let outcome = open_store(args)?.restore_backup(name)?;
    println!(
        "已从备份 {} 恢复。恢复前的数据已另存为备份 {}，如需撤销可再从它恢复。",
        outcome.restored, outcome.kept_as
    );
    Ok(())
}
