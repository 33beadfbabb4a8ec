// Step 3 正文: the section tree. Numbers are derived from position and shown live; the clerk
// types only heading text and paragraphs. Last year's plans (new from last year) sit beside it.
//
// The editor keeps the clerk's place: every change to the tree goes through the core (tree_op,
// add_section), and after the step is drawn again the section the clerk worked on stays where
// it was on screen, with the focus where it was (a new section: scrolled into view, its heading
// focused). Enter in a heading goes to its text; the buttons say what they do and have keys.

import { api } from "../api";
import { bindField } from "../autosave";
import { MAX_LEVEL } from "../bindings";
import type { EditorCtx, Place } from "../context";
import { ask, autosize, fitAll, h, modal, toast, toastError } from "../dom";
import { flatten, type FlatNode } from "../numbering";
import { fromParagraphs, guidanceNear, toParagraphs } from "../text";
import { blankTable, cellId, hasText, joinBody, parseSize, runId, splitBody, tableItemIndex, totalsError, type Body } from "../table";
import { fitCells, renderTable } from "../tableview";
import type { FieldSaver } from "../autosave";
import type { CarryItem, Report, Section, TableEdit, TreeOp } from "../bindings";

async function checklist(ctx: EditorCtx): Promise<Node | undefined> {
  let items: CarryItem[];
  try {
    items = await api.carryChecklist(ctx.id);
  } catch {
    return undefined;
  }
  if (items.length === 0) return undefined;
  return h("div", { class: "carry", id: "carry" },
    h("h4", {}, "去年的工作打算（逐项对照）"),
    ...items.map((it) => {
      const box = h("input", { type: "checkbox", checked: it.done, onchange: async () => {
        try { await api.setCarryDone(it.id, box.checked); } catch (e) { toastError(e); box.checked = !box.checked; }
      } });
      return h("label", { class: "check" }, box, " ", it.text);
    }));
}

/** A tool of a section: what it does, its key (shown in the tooltip), and its button id. */
interface Tool { id: string; label: string; key: string; what: string; match(e: KeyboardEvent): boolean }

/** The section tools, in the order of their buttons. Keys act on the section whose heading,
 *  text or button has the focus. */
export const TOOLS: Record<"up" | "down" | "outdent" | "indent" | "sibling" | "child" | "remove", Tool> = {
  up: { id: "up", label: "上移", key: "Alt+↑", what: "与上一项交换位置",
    match: (e) => e.altKey && !e.ctrlKey && e.key === "ArrowUp" },
  down: { id: "down", label: "下移", key: "Alt+↓", what: "与下一项交换位置",
    match: (e) => e.altKey && !e.ctrlKey && e.key === "ArrowDown" },
  outdent: { id: "outdent", label: "升级", key: "Alt+←", what: "升一级，成为上级标题的下一项",
    match: (e) => e.altKey && !e.ctrlKey && e.key === "ArrowLeft" },
  indent: { id: "indent", label: "降级", key: "Alt+→", what: "降一级，成为上一项的下级",
    match: (e) => e.altKey && !e.ctrlKey && e.key === "ArrowRight" },
  sibling: { id: "sibling", label: "添加同级", key: "Ctrl+Enter", what: "在这一项后面添加一个同级标题",
    match: (e) => e.ctrlKey && !e.shiftKey && !e.altKey && e.key === "Enter" },
  child: { id: "child", label: "添加下级", key: "Ctrl+Shift+Enter", what: "在这一项里添加一个下级标题",
    match: (e) => e.ctrlKey && e.shiftKey && !e.altKey && e.key === "Enter" },
  remove: { id: "remove", label: "删除", key: "Alt+Delete", what: "删除这一项及其下的文字和下级标题",
    match: (e) => e.altKey && !e.ctrlKey && e.key === "Delete" },
};

/** Every section id of a report. */
function ids(r: Report): Set<number> {
  return new Set(flatten(r.sections).flatMap((f) => (f.node.id == null ? [] : [f.node.id])));
}

export async function renderBody(ctx: EditorCtx, root: HTMLElement): Promise<void> {
  const extra = await checklist(ctx);
  const flat = flatten(ctx.report.sections);
  const showGuide = (f: FlatNode<Section>) => {
    const near = guidanceNear(ctx.template, f.path);
    const title = `${f.number}${f.node.heading || "（还没有小标题）"}`;
    let note: Node | undefined;
    if (near && near.depth < f.path.length) {
      // A sub-item the template does not have: its nearest ancestor's guidance, said as such.
      const owner = flat.find((x) => x.path.join(".") === f.path.slice(0, near.depth).join("."));
      note = h("p", { class: "guide-note" },
        `这是“${owner ? owner.number + owner.node.heading : "上级标题"}”下的一项，按上级的要求写，一项只写一件事或一个方面：`);
    } else if (!near) {
      note = h("p", { class: "guide-note" }, "先用一句话写明这一项的要点，再写具体做法和数字。");
    }
    const more = h("div", {}, note ?? "", extra ?? "");
    ctx.aside(title, near?.guidance, more);
  };

  /** Runs a tree change through the core and redraws, keeping the clerk's place. */
  const change = async (call: () => Promise<Report>, focusOf: (r: Report) => Place) => {
    await ctx.autosave.flushAll();
    try {
      const r = await call();
      await ctx.replaced(r, focusOf(r));
    } catch (e) {
      toastError(e);
    }
  };

  const op = async (node: Section, what: TreeOp) => {
    const id = node.id!;
    if (what === "remove") {
      const hasText = node.paragraphs.length > 0 || node.children.length > 0;
      if (hasText && !(await ask(`删除“${node.heading || "（无标题）"}”及其下的文字和子项？删除前可先“保存版本”。`, "删除"))) return;
      // The section after it moves up into its place (the scroll position stays) and gets the
      // focus; after the last one, the one before.
      const at = flat.findIndex((f) => f.node.id === id);
      const next = flat.slice(at + 1).find((f) => !isUnder(f.path, flat[at].path)) ?? flat[at - 1];
      await change(() => api.treeOp(ctx.id, id, what), () => ({
        focus: next ? `h-${next.node.id}` : "b-add-top",
      }));
      return;
    }
    const before = ids(ctx.report);
    const active = document.activeElement?.id ?? "";
    await change(() => api.treeOp(ctx.id, id, what), (r) => {
      if (what === "add_sibling") {
        const added = [...ids(r)].find((x) => !before.has(x));
        return { anchor: `n-${id}`, reveal: `n-${added}`, focus: `h-${added}` };
      }
      // The moved section stays where it was on screen, the focus where it was in it (a
      // button that can no longer act gives it to the heading).
      const keep = active.endsWith(`-${id}`) ? active : `h-${id}`;
      return { anchor: `n-${id}`, focus: [keep, `h-${id}`] };
    });
  };

  const addChild = async (parent: Section | null) => {
    const before = ids(ctx.report);
    await change(() => api.addSection(ctx.id, parent?.id ?? null, ""), (r) => {
      const added = [...ids(r)].find((x) => !before.has(x));
      return { anchor: parent ? `n-${parent.id}` : undefined, reveal: `n-${added}`, focus: `h-${added}` };
    });
  };

  const tree = h("div", { class: "tree", id: "tree" });
  pending.clear();
  const lazy = flat.length >= LAZY_FROM;
  const build = (f: FlatNode<Section>): HTMLElement => {
    const s = f.node;
    const heading = h("input", { id: `h-${s.id}`, class: "heading", value: s.heading, placeholder: "小标题（按 Enter 转到正文）", "data-path": f.path.join(".") });
    const runIn = h("input", { type: "checkbox", id: `r-${s.id}`, checked: s.run_in });
    const saveHead = ctx.autosave.field(async () => {
      await api.updateSection(s.id!, heading.value.trim(), runIn.checked);
      s.heading = heading.value.trim();
      s.run_in = runIn.checked;
    });
    const parts = splitBody(s.paragraphs);
    const saveBody = ctx.autosave.field(async () => {
      // The text runs as they are on screen (an IME may end without an input event).
      runs.forEach((ta, k) => (parts.texts[k] = toParagraphs(ta.value)));
      const items = joinBody(parts);
      await api.setParagraphs(s.id!, items);
      s.paragraphs = items;
    });
    const runs = parts.texts.map((run, k) => {
      const last = k === parts.texts.length - 1;
      const ta = h("textarea", {
        id: runId(s.id!, k), rows: Math.max(last ? 3 : 1, run.length + 1), "data-path": f.path.join("."),
        placeholder: parts.tables.length === 0 ? "正文，每段一行" : last ? "表格后的正文，每段一行" : "表格前的正文，每段一行（可不填）",
      });
      ta.value = fromParagraphs(run);
      ta.addEventListener("input", () => {
        parts.texts[k] = toParagraphs(ta.value);
        // The preview pane follows the text as typed, before it is saved.
        s.paragraphs = joinBody(parts);
        // A small field before a table grows once the clerk writes in it.
        if (ta.classList.contains("slim") && ta.value) {
          ta.classList.remove("slim");
          autosize(ta);
        }
      });
      bindField(ta, saveBody);
      if (last || run.length > 0) autosize(ta);
      ta.addEventListener("focus", () => showGuide(f));
      return ta;
    });
    const body = runs[0];
    const blocks: Node[] = [];
    runs.forEach((ta, k) => {
      // An empty run before a table stays small (the statutory tables come first in a section).
      if (k < parts.tables.length && parts.texts[k].length === 0) ta.classList.add("slim");
      blocks.push(ta);
      if (k < parts.tables.length) blocks.push(tableBlock(ctx, s, f, parts, k, saveBody, showGuide));
    });
    // The preview pane follows the text as typed, before it is saved.
    heading.addEventListener("input", () => { s.heading = heading.value.trim(); });
    runIn.addEventListener("change", () => { s.run_in = runIn.checked; });
    bindField(heading, saveHead);
    bindField(runIn, saveHead);
    heading.addEventListener("focus", () => showGuide(f));
    heading.addEventListener("input", () => {
      // The guidance title follows the heading as it is typed.
      const t = document.querySelector("#guide h3");
      if (t && document.activeElement === heading) t.textContent = `${f.number}${heading.value.trim() || "（还没有小标题）"}`;
    });
    // Enter (and Tab) in a heading go on to the section's text, the caret at its end.
    heading.addEventListener("keydown", (e) => {
      if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === "Enter" || (e.key === "Tab" && !e.shiftKey)) {
        e.preventDefault();
        body.focus();
        body.setSelectionRange(body.value.length, body.value.length);
      }
    });

    // Buttons that could change nothing are off (the core refuses what goes too deep).
    const index = f.path[f.path.length - 1];
    const can: Record<keyof typeof TOOLS, boolean> = {
      up: index > 0,
      down: index < siblingsOf(ctx.report.sections, f.path).length - 1,
      outdent: f.level > 1,
      indent: f.level < MAX_LEVEL && index > 0,
      sibling: true,
      child: f.level < MAX_LEVEL,
      remove: true,
    };
    const run: Record<keyof typeof TOOLS, () => void> = {
      up: () => void op(s, "up"),
      down: () => void op(s, "down"),
      outdent: () => void op(s, "outdent"),
      indent: () => void op(s, "indent"),
      sibling: () => void op(s, "add_sibling"),
      child: () => void addChild(s),
      remove: () => void op(s, "remove"),
    };
    const tools = (Object.keys(TOOLS) as (keyof typeof TOOLS)[]).map((k) => {
      const t = TOOLS[k];
      return h("button", {
        type: "button", class: `tool t-${t.id}${k === "remove" ? " danger" : ""}`, id: `b-${t.id}-${s.id}`,
        title: `${t.what}（${t.key}）`, "aria-keyshortcuts": t.key.replace("↑", "ArrowUp").replace("↓", "ArrowDown").replace("←", "ArrowLeft").replace("→", "ArrowRight"),
        disabled: !can[k], onclick: run[k],
      }, t.label);
    });
    const node = h("div", { class: `node level-${f.level}`, id: `n-${s.id}`, "data-path": f.path.join(".") },
      h("div", { class: "node-head" },
        h("span", { class: "number", id: `num-${s.id}` }, f.number),
        heading,
        // In the heading's row, so that a section is no taller for it.
        h("button", { type: "button", class: "tool t-table", id: `b-table-${s.id}`, title: "在这一项正文的末尾插入一个表格（行数、列数随后选）", onclick: () => void insertTable(ctx, s, parts, saveBody) }, "插入表格")),
      ...blocks,
      h("div", { class: "node-foot" },
        h("label", { class: "check small run-in", title: "例如：“（一）健全工作机制。镇里成立了……”，小标题和正文排在同一段里。" },
          runIn, "标题与正文同段",
          h("span", { class: "hint" }, "勾选后，小标题后面直接接正文，不单独成行")),
        h("span", { class: "tools" }, ...tools)));
    node.addEventListener("keydown", (e) => {
      if (e.isComposing) return;
      for (const k of Object.keys(TOOLS) as (keyof typeof TOOLS)[]) {
        if (TOOLS[k].match(e)) {
          e.preventDefault();
          e.stopPropagation();
          if (can[k]) run[k]();
          return;
        }
      }
    });
    return node;
  };
  for (const f of flat) {
    if (!lazy || f.node.id == null) { tree.append(build(f)); continue; }
    // A long report: a placeholder of about the section's height, built when it comes near
    // the view (buildNear) or when a field in it is asked for (buildSection).
    const shell = h("div", { class: `node level-${f.level} shell`, id: `n-${f.node.id}`, "data-path": f.path.join("."),
      style: `height:${estimatedHeight(f.node)}px` });
    pending.set(f.node.id, () => {
      const node = build(f);
      shell.replaceWith(node);
      fitAll(node);
      fitCells(node);
    });
    tree.append(shell);
  }
  root.append(tree, h("div", { class: "actions-left" },
    h("button", { type: "button", id: "b-add-top", onclick: () => void addChild(null) }, "＋ 添加一级标题")));
  const first = flat[0];
  if (first) showGuide(first);
  else ctx.aside("正文", undefined, extra);
}

/** From this many sections on, the form builds only the sections near the view: a 100-page
 *  report has ~440, and a form of all their fields (~8 500 elements) costs the web view tens
 *  of MB and slows every layout (issue 18's memory bound). */
const LAZY_FROM = 80;
/** How far beyond the visible part of the form sections are built, in px. */
const BUILD_MARGIN = 1200;
/** The sections of the form on screen not built yet: node id → build (replaces the
 *  placeholder). */
const pending = new Map<number, () => void>();

/** A placeholder's height (px) for a section not built: its head and foot, and its text at
 *  about 36 characters a line of 25 px (what a 580 px text box holds). */
function estimatedHeight(s: Section): number {
  const body = splitBody(s.paragraphs);
  const lines = body.texts.reduce((n, run) =>
    n + Math.max(3, run.reduce((m, p) => m + Math.max(1, Math.ceil([...p].length / 36)), 0)), 0);
  return 110 + 25 * lines + 200 * body.tables.length;
}

/** Builds the section `node` (an id) if it is a placeholder. */
export function buildSection(node: number | null | undefined): void {
  if (node == null) return;
  const build = pending.get(node);
  if (!build) return;
  pending.delete(node);
  build();
}

/** Builds the section holding the element with id `elementId` (`h-…`, `p-…`, `b-up-…`,
 *  `cell-…`, `n-…`), if it is not built yet. */
export function buildSectionOf(elementId: string): void {
  const m = /^(?:[a-z]+-)?(?:[a-z]+)-(\d+)/.exec(elementId);
  if (m) buildSection(Number(m[1]));
}

/** Builds the placeholders within BUILD_MARGIN px of `scroller`'s visible part, keeping
 *  what the clerk sees where it is: the element `keep` (an id; by default the first section
 *  that starts in the view, else the one across its top edge) is at the same height on screen
 *  afterwards, whatever the sections built above it or across the top edge add or take away.
 *  Returns how many were built. */
export function buildNear(scroller: HTMLElement, keep?: string): number {
  if (pending.size === 0) return 0;
  const box = scroller.getBoundingClientRect();
  const all = [...scroller.querySelectorAll<HTMLElement>("#tree > .node")];
  const near = all.filter((el) => {
    if (!el.classList.contains("shell")) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > box.top - BUILD_MARGIN && r.top < box.bottom + BUILD_MARGIN;
  });
  if (near.length === 0) return 0;
  const ref = keep ?? (all.find((el) => el.getBoundingClientRect().top >= box.top)
    ?? all.find((el) => el.getBoundingClientRect().bottom > box.top))?.id;
  const before = ref ? document.getElementById(ref)?.getBoundingClientRect().top : undefined;
  for (const el of near) buildSection(Number(el.id.slice(2)));
  const after = ref ? document.getElementById(ref)?.getBoundingClientRect().top : undefined;
  if (before !== undefined && after !== undefined) scroller.scrollTop += after - before;
  return near.length;
}

/** Whether `path` is `top` or lies under it. */
function isUnder(path: number[], top: number[]): boolean {
  return top.every((v, i) => path[i] === v);
}

/** The list a section at `path` is one of (the top level, or its parent's sub-items). */
function siblingsOf(sections: Section[], path: number[]): Section[] {
  let list = sections;
  for (const i of path.slice(0, -1)) list = list[i]?.children ?? [];
  return list;
}

/** Saves a section's body as `parts` now holds it and draws the step again, the focus on
 *  `focus` (an element id) and `anchor` kept where it was on screen. */
async function saveAndRedraw(ctx: EditorCtx, s: Section, parts: Body, anchor: string, focus: (items: Body) => string): Promise<void> {
  const items = joinBody(parts);
  try {
    await api.setParagraphs(s.id!, items);
  } catch (e) {
    toastError(e);
    return;
  }
  s.paragraphs = items;
  await ctx.replaced(ctx.report, { anchor, reveal: focus(splitBody(items)), focus: focus(splitBody(items)) });
}

/** The text runs of a section as they are on screen (before its body changes shape). */
function syncRuns(s: Section, parts: Body): void {
  parts.texts.forEach((_, k) => {
    const ta = document.getElementById(runId(s.id!, k)) as HTMLTextAreaElement | null;
    if (ta) parts.texts[k] = toParagraphs(ta.value);
  });
}

/** 插入表格: asks rows × columns and adds an empty table at the end of the section's body. */
async function insertTable(ctx: EditorCtx, s: Section, parts: Body, save: FieldSaver): Promise<void> {
  const rows = h("input", { id: "t-rows", type: "number", min: 1, max: 200, value: 3 });
  const cols = h("input", { id: "t-cols", type: "number", min: 1, max: 20, value: 3 });
  const ok = await new Promise<boolean>((resolve) => {
    const done = (v: boolean) => { close(); resolve(v); };
    const form = h("form", { class: "tbl-size" },
      h("label", {}, "行数 ", rows), h("label", {}, "列数 ", cols),
      h("p", { class: "hint small" }, "插入后还可以增删行列、合并单元格。"),
      h("div", { class: "actions" },
        h("button", { type: "button", id: "t-cancel", onclick: () => done(false) }, "取消"),
        h("button", { type: "submit", id: "t-ok", class: "primary" }, "插入")));
    form.addEventListener("submit", (e) => { e.preventDefault(); done(true); });
    form.addEventListener("keydown", (e) => { if (e.key === "Escape") done(false); });
    const close = modal("插入表格", form, "table-size");
    rows.focus();
    rows.select();
  });
  if (!ok) return;
  const size = parseSize(rows.value, cols.value);
  if ("error" in size) {
    toast(size.error, "warn");
    return;
  }
  await save.flush();
  syncRuns(s, parts);
  parts.tables.push(blankTable(size.rows, size.columns));
  parts.texts.push([]);
  const k = parts.tables.length - 1;
  await saveAndRedraw(ctx, s, parts, `n-${s.id}`, (b) => cellId(s.id!, tableItemIndex(b, k), 0, 0));
}

/** Table `k` of section `s` with its toolbar wired to the core and the section's autosave. */
function tableBlock(ctx: EditorCtx, s: Section, f: FlatNode<Section>, parts: Body, k: number, save: FieldSaver,
  showGuide: (f: FlatNode<Section>) => void): HTMLElement {
  const key = `tb-${s.id}-${k}`;
  const index = tableItemIndex(parts, k);
  const redraw = async (focus: (b: Body) => string) => {
    await ctx.autosave.flushAll();
    if (save.isDirty) return; // the status line says why it could not be saved
    syncRuns(s, parts);
    await saveAndRedraw(ctx, s, parts, key, focus);
  };
  const edit = async (e: TableEdit, [row, cell]: [number, number]) => {
    await ctx.autosave.flushAll();
    if (save.isDirty) return;
    try {
      parts.tables[k] = await api.tableEdit(parts.tables[k], e);
    } catch (err) {
      toastError(err);
      return;
    }
    await redraw((b) => cellId(s.id!, tableItemIndex(b, k), row, cell));
  };
  const totals = ctx.report.kind === "annual-disclosure" ? async () => {
    await ctx.autosave.flushAll();
    if (save.isDirty) return;
    try {
      const r = await api.fillTableTotals(ctx.id);
      await ctx.replaced(r, { anchor: key });
      toast("已按各分项算出合计。");
    } catch (err) {
      toast(totalsError(err), "warn");
    }
  } : undefined;
  return renderTable(parts.tables[k], {
    cellIdOf: (row, cell) => cellId(s.id!, index, row, cell), key,
    changed: () => save.changed(),
    edit,
    setHeaderRows: async (n) => {
      parts.tables[k].header_rows = n;
      save.changed();
      await redraw(() => `${key}-heads`);
    },
    remove: async () => {
      if (hasText(parts.tables[k]) && !(await ask("删除这个表格及其中的文字？删除前可先“保存版本”。", "删除"))) return;
      await ctx.autosave.flushAll();
      syncRuns(s, parts);
      parts.tables.splice(k, 1);
      const merged = [...parts.texts[k], ...parts.texts[k + 1]];
      parts.texts.splice(k, 2, merged);
      await saveAndRedraw(ctx, s, parts, `n-${s.id}`, () => runId(s.id!, k));
    },
    totals,
    focused: () => showGuide(f),
  }, (el) => bindField(el, save));
}
