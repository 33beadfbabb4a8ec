//! Edits of the section tree: add, change, remove, move (up/down, indent/outdent). Each is
//! one transaction that writes only the rows involved; numbers follow from `ord`.

use super::reports::{item_rows, no_report, sync_paragraphs, touch};
use super::{db_err, Store};
use crate::error::{Error, Result};
use crate::model::{Item, Section, MAX_LEVEL};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};

/// The shape of one report's tree: node → (parent, ord).
struct Tree {
    report: i64,
    nodes: HashMap<i64, (Option<i64>, i64)>,
}

impl Tree {
    fn load(tx: &Transaction, report: i64) -> Result<Tree> {
        let mut st = tx
            .prepare_cached("SELECT id, parent_id, ord FROM nodes WHERE report_id=?1")
            .map_err(|e| db_err("读取报告", e))?;
        let rows = st
            .query_map([report], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
            .map_err(|e| db_err("读取报告", e))?;
        let nodes = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| db_err("读取报告", e))?;
        Ok(Tree { report, nodes })
    }

    fn parent(&self, node: i64) -> Option<i64> {
        self.nodes.get(&node).and_then(|n| n.0)
    }

    /// Level of a node: 1 for top-level nodes.
    fn level(&self, node: i64) -> u8 {
        let mut level = 1;
        let mut cur = self.parent(node);
        while let Some(p) = cur {
            level += 1;
            cur = self.parent(p);
        }
        level
    }

    /// Levels below and including `node` (1 for a leaf).
    fn height(&self, node: i64) -> u8 {
        1 + self
            .children(Some(node))
            .iter()
            .map(|c| self.height(*c))
            .max()
            .unwrap_or(0)
    }

    fn children(&self, parent: Option<i64>) -> Vec<i64> {
        let mut v: Vec<(i64, i64)> = self
            .nodes
            .iter()
            .filter(|(_, (p, _))| *p == parent)
            .map(|(id, (_, ord))| (*ord, *id))
            .collect();
        v.sort();
        v.into_iter().map(|(_, id)| id).collect()
    }

    fn is_in_subtree(&self, node: i64, root: i64) -> bool {
        let mut cur = Some(node);
        while let Some(n) = cur {
            if n == root {
                return true;
            }
            cur = self.parent(n);
        }
        false
    }
}

/// Writes `ord` 0..n for a sibling list, skipping rows already right.
fn write_order(tx: &Transaction, tree: &Tree, parent: Option<i64>, order: &[i64]) -> Result<()> {
    for (ord, id) in order.iter().enumerate() {
        let cur = tree.nodes.get(id).copied();
        if cur != Some((parent, ord as i64)) {
            tx.execute(
                "UPDATE nodes SET parent_id=?1, ord=?2 WHERE id=?3",
                params![parent, ord as i64, id],
            )
            .map_err(|e| db_err("调整顺序", e))?;
        }
    }
    Ok(())
}

fn report_of(tx: &Transaction, node: i64) -> Result<i64> {
    tx.query_row("SELECT report_id FROM nodes WHERE id=?1", [node], |r| {
        r.get(0)
    })
    .optional()
    .map_err(|e| db_err("读取报告", e))?
    .ok_or_else(|| Error::not_found(format!("找不到编号为 {node} 的小节。")))
}

fn too_deep() -> Error {
    Error::input(format!(
        "标题最多 {MAX_LEVEL} 级（一、（一）1.（1）），不能再降级。"
    ))
}

impl Store {
    /// Adds a section under `parent` (top level when `None`) at `index` (end when `None`);
    /// returns the new node's id.
    pub fn add_section(
        &mut self,
        report: i64,
        parent: Option<i64>,
        index: Option<usize>,
        heading: &str,
    ) -> Result<i64> {
        self.write("添加小节", |tx| {
            touch(tx, report)?;
            let tree = Tree::load(tx, report)?;
            if let Some(p) = parent {
                if !tree.nodes.contains_key(&p) {
                    return Err(Error::not_found(format!("找不到编号为 {p} 的小节。")));
                }
                if tree.level(p) >= MAX_LEVEL {
                    return Err(too_deep());
                }
            }
            let mut order = tree.children(parent);
            let at = index.unwrap_or(order.len()).min(order.len());
            tx.execute(
                "INSERT INTO nodes (report_id, parent_id, ord, heading) VALUES (?1,?2,?3,?4)",
                params![report, parent, at as i64, heading],
            )
            .map_err(|e| db_err("添加小节", e))?;
            let id = tx.last_insert_rowid();
            order.insert(at, id);
            let mut tree = tree;
            tree.nodes.insert(id, (parent, at as i64));
            write_order(tx, &tree, parent, &order)?;
            Ok(id)
        })
    }

    /// Sets a section's heading and run-in flag.
    pub fn update_section(&mut self, node: i64, heading: &str, run_in: bool) -> Result<()> {
        self.write("保存标题", |tx| {
            let report = report_of(tx, node)?;
            tx.execute(
                "UPDATE nodes SET heading=?1, run_in=?2 WHERE id=?3",
                params![heading, run_in, node],
            )
            .map_err(|e| db_err("保存标题", e))?;
            touch(tx, report)
        })
    }

    /// Writes a section's body items (paragraphs and tables); only the rows that changed are
    /// written. Returns how many paragraph rows were written.
    pub fn set_section_paragraphs(&mut self, node: i64, paras: &[Item]) -> Result<usize> {
        self.write("保存正文", |tx| {
            let report = report_of(tx, node)?;
            touch(tx, report)?;
            sync_paragraphs(tx, report, Some(node), &item_rows(paras))
        })
    }

    /// Removes a section with its sub-items and text.
    pub fn remove_section(&mut self, node: i64) -> Result<()> {
        self.write("删除小节", |tx| {
            let report = report_of(tx, node)?;
            let tree = Tree::load(tx, report)?;
            let parent = tree.parent(node);
            tx.execute("DELETE FROM nodes WHERE id=?1", [node])
                .map_err(|e| db_err("删除小节", e))?;
            let order: Vec<i64> = tree
                .children(parent)
                .into_iter()
                .filter(|n| *n != node)
                .collect();
            write_order(tx, &tree, parent, &order)?;
            touch(tx, report)
        })
    }

    /// Moves a section (with its sub-items) to `index` among the children of `parent`.
    pub fn move_section(&mut self, node: i64, parent: Option<i64>, index: usize) -> Result<()> {
        self.write("移动小节", |tx| {
            let report = report_of(tx, node)?;
            let tree = Tree::load(tx, report)?;
            move_in(tx, &tree, node, parent, index)?;
            touch(tx, report)
        })
    }

    /// Swaps a section with its previous sibling.
    pub fn move_up(&mut self, node: i64) -> Result<()> {
        self.relative_move(node, |tree, node| {
            let parent = tree.parent(node);
            let pos = position(tree, parent, node);
            (pos > 0).then(|| (parent, pos - 1))
        })
    }

    /// Swaps a section with its next sibling.
    pub fn move_down(&mut self, node: i64) -> Result<()> {
        self.relative_move(node, |tree, node| {
            let parent = tree.parent(node);
            let pos = position(tree, parent, node);
            (pos + 1 < tree.children(parent).len()).then(|| (parent, pos + 1))
        })
    }

    /// Makes a section the last sub-item of its previous sibling (one level deeper).
    pub fn indent(&mut self, node: i64) -> Result<()> {
        self.relative_move(node, |tree, node| {
            let parent = tree.parent(node);
            let siblings = tree.children(parent);
            let pos = position(tree, parent, node);
            let prev = *siblings.get(pos.checked_sub(1)?)?;
            Some((Some(prev), tree.children(Some(prev)).len()))
        })
    }

    /// Makes a section the next sibling of its parent (one level up).
    pub fn outdent(&mut self, node: i64) -> Result<()> {
        self.relative_move(node, |tree, node| {
            let parent = tree.parent(node)?;
            let grand = tree.parent(parent);
            Some((grand, position(tree, grand, parent) + 1))
        })
    }

    /// A move computed from the current tree; a move that is not possible (first item up,
    /// top level outdent) is a no-op, as in a word processor.
    fn relative_move(
        &mut self,
        node: i64,
        target: impl FnOnce(&Tree, i64) -> Option<(Option<i64>, usize)>,
    ) -> Result<()> {
        self.write("移动小节", |tx| {
            let report = report_of(tx, node)?;
            let tree = Tree::load(tx, report)?;
            if let Some((parent, index)) = target(&tree, node) {
                move_in(tx, &tree, node, parent, index)?;
                touch(tx, report)?;
            }
            Ok(())
        })
    }
}

fn position(tree: &Tree, parent: Option<i64>, node: i64) -> usize {
    tree.children(parent)
        .iter()
        .position(|n| *n == node)
        .unwrap_or(0)
}

fn move_in(
    tx: &Transaction,
    tree: &Tree,
    node: i64,
    parent: Option<i64>,
    index: usize,
) -> Result<()> {
    if let Some(p) = parent {
        if !tree.nodes.contains_key(&p) {
            return Err(Error::not_found(format!("找不到编号为 {p} 的小节。")));
        }
        if tree.is_in_subtree(p, node) {
            return Err(Error::input("不能把小节移到它自己的下级里。"));
        }
        if tree.level(p) + tree.height(node) > MAX_LEVEL {
            return Err(too_deep());
        }
    }
    if !tree.nodes.contains_key(&node) {
        return Err(no_report(tree.report));
    }
    let old_parent = tree.parent(node);
    let old: Vec<i64> = tree
        .children(old_parent)
        .into_iter()
        .filter(|n| *n != node)
        .collect();
    if old_parent != parent {
        write_order(tx, tree, old_parent, &old)?;
    }
    let mut new: Vec<i64> = if old_parent == parent {
        old
    } else {
        tree.children(parent)
    };
    new.insert(index.min(new.len()), node);
    write_order(tx, tree, parent, &new)
}

/// Writes the section tree `sections` over report `report`'s, keeping node ids: a section
/// whose `id` is a node of this report is updated in place (heading, run-in flag, parent,
/// order and paragraphs, each row only when it differs), a section without one (or with an id
/// seen twice or of another report) is inserted, and stored nodes missing from `sections` are
/// deleted with their paragraphs.
pub(super) fn sync_tree(tx: &Transaction, report: i64, sections: &[Section]) -> Result<()> {
    let err = |e| db_err("保存", e);
    let mut stored: HashMap<i64, (Option<i64>, i64, String, bool)> = HashMap::new();
    {
        let mut st = tx
            .prepare_cached(
                "SELECT id, parent_id, ord, heading, run_in FROM nodes WHERE report_id=?1",
            )
            .map_err(err)?;
        let rows = st
            .query_map([report], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            })
            .map_err(err)?;
        for row in rows {
            let (id, v) = row.map_err(err)?;
            stored.insert(id, v);
        }
    }
    let mut kept = HashSet::new();
    fn walk(
        tx: &Transaction,
        report: i64,
        parent: Option<i64>,
        list: &[Section],
        stored: &HashMap<i64, (Option<i64>, i64, String, bool)>,
        kept: &mut HashSet<i64>,
    ) -> Result<()> {
        let err = |e| db_err("保存", e);
        for (ord, s) in list.iter().enumerate() {
            let ord = ord as i64;
            let node = match s
                .id
                .filter(|id| stored.contains_key(id) && !kept.contains(id))
            {
                Some(id) => {
                    let now = (parent, ord, s.heading.clone(), s.run_in);
                    if stored[&id] != now {
                        tx.execute(
                            "UPDATE nodes SET parent_id=?1, ord=?2, heading=?3, run_in=?4 WHERE id=?5",
                            params![parent, ord, s.heading, s.run_in, id],
                        )
                        .map_err(err)?;
                    }
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO nodes (report_id, parent_id, ord, heading, run_in) VALUES (?1,?2,?3,?4,?5)",
                        params![report, parent, ord, s.heading, s.run_in],
                    )
                    .map_err(err)?;
                    tx.last_insert_rowid()
                }
            };
            kept.insert(node);
            sync_paragraphs(tx, report, Some(node), &item_rows(&s.paragraphs))?;
            walk(tx, report, Some(node), &s.children, stored, kept)?;
        }
        Ok(())
    }
    walk(tx, report, None, sections, &stored, &mut kept)?;
    // Only after every kept node has its new parent: deleting cascades to sub-nodes.
    for id in stored.keys().filter(|id| !kept.contains(id)) {
        tx.execute("DELETE FROM nodes WHERE id=?1", [id])
            .map_err(err)?;
    }
    Ok(())
}
