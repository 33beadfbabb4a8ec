// Step 3 正文: the section tree. Numbers are derived from position and shown live; the clerk
// types only heading text and paragraphs. Last year's plans (new from last year) sit beside it.

import { api } from "../api";
import { bindField } from "../autosave";
import { MAX_LEVEL } from "../bindings";
import type { EditorCtx } from "../context";
import { ask, autosize, h, toastError } from "../dom";
import { flatten } from "../numbering";
import { fromParagraphs, guidanceAt, toParagraphs } from "../text";
import type { CarryItem, Section, TreeOp } from "../bindings";

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

export async function renderBody(ctx: EditorCtx, root: HTMLElement): Promise<void> {
  const extra = await checklist(ctx);
  const showGuide = (path: number[], number: string, heading: string) =>
    ctx.aside(`${number}${heading}`, guidanceAt(ctx.template, path), extra);

  const op = async (node: Section, what: TreeOp) => {
    if (what === "remove") {
      const hasText = node.paragraphs.length > 0 || node.children.length > 0;
      if (hasText && !(await ask(`删除“${node.heading || "（无标题）"}”及其下的文字和子项？删除前可先“保存版本”。`, "删除"))) return;
    }
    await ctx.autosave.flushAll();
    try {
      await ctx.replaced(await api.treeOp(ctx.id, node.id!, what));
    } catch (e) {
      toastError(e);
    }
  };
  const add = async (parent: Section | null) => {
    await ctx.autosave.flushAll();
    try {
      const r = await api.addSection(ctx.id, parent?.id ?? null, "");
      await ctx.replaced(r);
      // Focus the new heading: the last child of the parent (or the last top-level section).
      const list = parent ? flatten(r.sections).find((f) => f.node.id === parent.id)?.node.children : r.sections;
      const last = list?.[list.length - 1];
      if (last?.id) (document.getElementById(`h-${last.id}`) as HTMLInputElement | null)?.focus();
    } catch (e) {
      toastError(e);
    }
  };

  const tree = h("div", { class: "tree", id: "tree" });
  for (const f of flatten(ctx.report.sections)) {
    const s = f.node;
    const heading = h("input", { id: `h-${s.id}`, class: "heading", value: s.heading, placeholder: "小标题", "data-path": f.path.join(".") });
    const runIn = h("input", { type: "checkbox", id: `r-${s.id}`, checked: s.run_in });
    const body = h("textarea", { id: `p-${s.id}`, rows: Math.max(3, s.paragraphs.length + 1), placeholder: "正文，每段一行", "data-path": f.path.join(".") });
    body.value = fromParagraphs(s.paragraphs);
    const saveHead = ctx.autosave.field(async () => {
      await api.updateSection(s.id!, heading.value.trim(), runIn.checked);
      s.heading = heading.value.trim();
      s.run_in = runIn.checked;
    });
    const saveBody = ctx.autosave.field(async () => {
      const paras = toParagraphs(body.value);
      await api.setParagraphs(s.id!, paras);
      s.paragraphs = paras;
    });
    bindField(heading, saveHead);
    bindField(runIn, saveHead);
    bindField(body, saveBody);
    autosize(body);
    for (const el of [heading, body]) el.addEventListener("focus", () => showGuide(f.path, f.number, s.heading));
    const btn = (label: string, title: string, fn: () => void, disabled = false) =>
      h("button", { type: "button", class: "tool", title, "aria-label": title, disabled, onclick: fn }, label);
    tree.append(h("div", { class: `node level-${f.level}`, id: `n-${s.id}` },
      h("div", { class: "node-head" },
        h("span", { class: "number", id: `num-${s.id}` }, f.number),
        heading,
        h("label", { class: "check small", title: "标题句与第一段合为一段（标题句后接正文）" }, runIn, "接排"),
        h("span", { class: "tools" },
          btn("↑", "上移", () => void op(s, "up")),
          btn("↓", "下移", () => void op(s, "down")),
          btn("→", "降一级（成为上一项的子项）", () => void op(s, "indent"), f.level >= MAX_LEVEL),
          btn("←", "升一级", () => void op(s, "outdent"), f.level === 1),
          btn("＋", "添加子项", () => void add(s), f.level >= MAX_LEVEL),
          btn("删", "删除此项", () => void op(s, "remove")))),
      body));
  }
  root.append(tree, h("div", { class: "actions-left" },
    h("button", { type: "button", id: "b-add-top", onclick: () => void add(null) }, "＋ 添加一级标题")));
  const first = flatten(ctx.report.sections)[0];
  if (first) showGuide(first.path, first.number, first.node.heading);
  else ctx.aside("正文", undefined, extra);
}
