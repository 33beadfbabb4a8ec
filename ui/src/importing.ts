// 导入范文: paste text or pick a .txt/.docx. The recognised result comes first, at the top of
// the dialog: what the import cannot know (report kind, year, title) to confirm, then the
// document line by line with its role, which the clerk corrects (role, heading level, a removed
// line restored, a heading split from its body), the tree as the core rebuilt it, and the notes
// by stage. The core builds the report from the edited lines (import_rebuild); only 采用
// creates a report. 放弃 keeps nothing.

import { api, errText } from "./api";
import { h, modal } from "./dom";
import { flatten } from "./numbering";
import { ROLE_LABEL, STAGE_LABEL, YEARS, type ImportOptions, type ImportResult, type Line, type Role, type Template } from "./bindings";

const LEVELS = ["一级 一、", "二级（一）", "三级 1.", "四级（1）"];

export function showImport(templates: Template[], opened: (id: number) => void): void {
  const text = h("textarea", { id: "i-text", rows: 14, placeholder: "把从网上找到的范文整篇粘贴到这里……" });
  const kind = h("select", { id: "i-kind" }, h("option", { value: "" }, "自动判断"), ...templates.map((t) => h("option", { value: t.id }, t.name)));
  const unit = h("input", { id: "i-unit", placeholder: "本单位名称（可选，替换范文中的单位）" });
  const err = h("p", { class: "error", id: "i-error" });
  const result = h("div", { class: "import-result", id: "i-result" });
  const input = h("div", { class: "import-input" });
  // The first import's notes stay beside the edited lines: they say what the stages did.
  let last: ImportResult | null = null;
  let lines: Line[] = [];
  const opts = (): ImportOptions => ({ kind: kind.value || undefined, unit: unit.value.trim() || undefined });

  // What the import cannot know, proposed and confirmed here.
  const pKind = h("select", { id: "i-p-kind" }, ...templates.map((t) => h("option", { value: t.id }, t.name)));
  const pYear = h("input", { id: "i-p-year", type: "number", min: YEARS.min, max: YEARS.max });
  const pTitle = h("input", { id: "i-p-title", class: "wide" });
  const kindWhy = h("small", { class: "muted", id: "i-p-kind-why" });
  const confirmed = (): ImportOptions => {
    const y = Number(pYear.value);
    return { ...opts(), kind: pKind.value || undefined, year: Number.isInteger(y) && y >= YEARS.min && y <= YEARS.max ? y : undefined };
  };

  const rebuild = async () => {
    try {
      const r = await api.importRebuild(lines, confirmed());
      err.textContent = "";
      last = r;
      renderTree(r);
    } catch (e) { err.textContent = errText(e); }
  };

  const tree = h("div", { class: "import-tree", id: "i-tree" });
  const renderTree = (r: ImportResult) => {
    const f = flatten(r.report.sections);
    tree.replaceChildren(...([
      h("h4", {}, "层级"),
      h("p", { class: "tree-title" }, r.report.title || "（无标题）"),
      r.report.subtitle ? h("p", { class: "muted" }, r.report.subtitle) : null,
      r.report.addressee ? h("p", {}, `主送：${r.report.addressee}：`) : null,
      h("p", { class: "muted", id: "i-tree-opening" }, `导语 ${r.report.opening.length} 段`),
      h("ol", { class: "outline" }, ...f.map((x) =>
        h("li", { class: `level-${x.level}` }, `${x.number}${x.node.heading}`, h("small", {}, ` ${x.node.paragraphs.length} 段`)))),
      h("p", { class: "muted" }, `落款：${r.report.signature || "（无）"}　成文日期：${r.report.date ?? "（无）"}${r.report.note ? `　附注：${r.report.note}` : ""}`),
      h("p", {}, `待填项 ${r.placeholders.length} 处（导入后在“检查”一步逐项填写）。`),
    ] as (HTMLElement | null)[]).filter((x): x is HTMLElement => x !== null));
  };

  const table = h("div", { class: "import-lines", id: "i-lines" });
  const renderLines = () => {
    table.replaceChildren(...lines.map((l, i) => lineRow(l, i)));
  };
  const changed = () => { renderLines(); void rebuild(); };
  const lineRow = (l: Line, i: number): HTMLElement => {
    const role = h("select", { class: "i-role", "data-line": i }, ...ROLE_LABEL.map(([v, t]) => h("option", { value: v }, t)));
    role.value = l.role;
    role.addEventListener("change", () => {
      l.role = role.value as Role;
      if (l.role === "heading" && !l.level) l.level = 1;
      changed();
    });
    const txt = h("input", { class: "i-text", value: l.text, "data-line": i });
    txt.addEventListener("change", () => { l.text = txt.value; changed(); });
    const extra: (HTMLElement | string)[] = [];
    if (l.role === "heading") {
      const level = h("select", { class: "i-level" }, ...LEVELS.map((t, k) => h("option", { value: k + 1 }, t)));
      level.value = String(l.level || 1);
      level.addEventListener("change", () => { l.level = Number(level.value); changed(); });
      extra.push(level);
      // Split: a run-in heading is set apart from its text; otherwise the line is cut at the
      // caret (the clerk says where), the rest becoming a body line below it.
      extra.push(h("button", { type: "button", class: "i-split", title: "把小标题和后面的正文拆成两行（光标处拆开）", onclick: () => {
        if (l.run_in) { l.run_in = false; changed(); return; }
        const at = txt.selectionStart ?? 0;
        if (at <= 0 || at >= txt.value.length) { err.textContent = "先在小标题文字中点一下要拆开的位置，再按“拆分”。"; return; }
        const rest = txt.value.slice(at).trim();
        l.text = txt.value.slice(0, at).trim();
        lines.splice(i + 1, 0, { text: rest, role: "body", level: 0, run_in: false, reason: "", stage: "blocks" });
        changed();
      } }, l.run_in ? "拆开连排" : "拆分"));
      if (l.run_in) extra.push(h("small", { class: "muted" }, "与下一行连排"));
    }
    if (l.role === "removed") {
      extra.push(h("button", { type: "button", class: "i-restore", onclick: () => { l.role = "body"; changed(); } }, "恢复"));
      extra.push(h("small", { class: "muted" }, l.reason));
    }
    return h("div", { class: `i-line role-${l.role}${l.role === "heading" ? ` level-${l.level}` : ""}`, "data-line": i }, role, txt, ...extra);
  };

  const notes = h("div", { class: "import-notes", id: "i-notes" });
  const renderNotes = (r: ImportResult) => {
    notes.replaceChildren(h("h4", {}, `整理说明（${r.notes.length}）`), ...STAGE_LABEL.flatMap(([s, label]) => {
      const mine = r.notes.filter((n) => (n.stage ?? "decode") === s);
      if (!mine.length) return [];
      return [h("h5", {}, label), h("ul", { class: "notes" }, ...mine.map((n) => h("li", {}, n.message, n.text ? h("q", {}, n.text) : null)))];
    }));
  };

  const showResult = (r: ImportResult) => {
    last = r;
    lines = r.lines.map((l) => ({ ...l }));
    err.textContent = "";
    pKind.value = r.proposal.kind || r.report.kind || templates[0]?.id || "";
    if (kind.value) pKind.value = kind.value;
    kindWhy.textContent = r.proposal.kind_reason;
    pYear.value = String(r.proposal.year ?? r.report.year);
    pTitle.value = r.proposal.title || r.report.title;
    renderLines();
    renderTree(r);
    renderNotes(r);
    input.hidden = true;
    result.hidden = false;
    result.scrollTop = 0;
  };
  for (const el of [pKind, pYear]) el.addEventListener("change", () => void rebuild());

  result.append(
    h("div", { class: "proposal" },
      h("h4", {}, "请确认"),
      h("div", { class: "row" }, h("label", {}, "报告种类", pKind, kindWhy), h("label", {}, "年度", pYear)),
      h("label", {}, "标题（建议含单位和年度）", pTitle)),
    h("div", { class: "actions" },
      h("button", { id: "i-discard", onclick: () => { last = null; result.hidden = true; input.hidden = false; } }, "放弃，重新粘贴"),
      h("button", { class: "primary", id: "i-accept", onclick: async () => {
        if (!last) return;
        try {
          const report = { ...last.report, title: pTitle.value.trim() || last.report.title };
          const id = await api.createFrom(report);
          close();
          opened(id);
        } catch (e) { err.textContent = errText(e); }
      } }, "采用，建立报告")),
    h("p", { class: "hint" }, "下面逐行列出识别结果：可以改每行的身份、小标题级别，恢复被删掉的行，把小标题和正文拆开；右边的层级随之更新。"),
    h("div", { class: "import-columns" }, table, h("div", { class: "import-side" }, tree, notes)));
  result.hidden = true;

  const run = async (fn: () => Promise<ImportResult>) => {
    try { showResult(await fn()); } catch (e) { err.textContent = errText(e); }
  };
  input.append(
    text,
    h("div", { class: "row" }, h("label", {}, "报告种类", kind), h("label", {}, "单位", unit)),
    h("div", { class: "actions-left" },
      h("button", { class: "primary", id: "i-run", onclick: () => void run(() => api.importText(text.value, opts())) }, "整理粘贴的文字"),
      h("button", { onclick: async () => {
        try {
          const path = await api.chooseFile("import");
          if (path) await run(() => api.importFile(path, opts()));
        } catch (e) { err.textContent = errText(e); }
      } }, "选择文件……"),
      h("button", { onclick: () => close() }, "关闭")));
  const close = modal("导入范文", h("div", { class: "form" }, err, result, input), "import");
  text.focus();
}
