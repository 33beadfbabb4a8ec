// Step 5 检查: placeholders to fill (each with its location and context, filled through the
// core so exactly that span changes) and the pre-export findings with one-click fixes.

import { api, errText } from "../api";
import type { EditorCtx } from "../context";
import { ask, h, toast, toastError } from "../dom";
import { SEVERITY_LABEL, type Finding, type Placeholder } from "../bindings";
import { describe } from "../text";

export async function renderCheck(ctx: EditorCtx, root: HTMLElement): Promise<void> {
  let placeholders: Placeholder[] = [];
  let findings: Finding[] = [];
  try {
    [placeholders, findings] = await Promise.all([api.listPlaceholders(ctx.id), api.runChecks(ctx.id)]);
  } catch (e) {
    root.append(h("p", { class: "error" }, errText(e)));
    return;
  }

  const phBox = h("section", { class: "card", id: "placeholders" }, h("h3", {}, `待填项（${placeholders.length}）`));
  if (placeholders.length === 0) phBox.append(h("p", { class: "muted" }, "没有待填的“X”“*”或空白，好。"));
  placeholders.forEach((p, i) => {
    const input = h("input", { class: "ph-value", id: `ph-${i}`, placeholder: `替换“${p.text}”` });
    const fill = async () => {
      try {
        await ctx.replaced(await api.fillPlaceholder(ctx.id, p, input.value));
        toast(`已填入“${input.value.trim()}”。`);
      } catch (e) {
        toastError(e);
      }
    };
    input.addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.isComposing) void fill(); });
    phBox.append(h("div", { class: "ph" },
      h("a", { href: "#", class: "loc", onclick: (e) => { e.preventDefault(); void ctx.go(0, { loc: p.location, start: p.start, end: p.end }); } }, describe(p.location)),
      h("span", { class: "context" }, p.context),
      input,
      h("button", { type: "button", class: "ph-fill", onclick: () => void fill() }, "填入")));
  });

  const fBox = h("section", { class: "card", id: "findings" }, h("h3", {}, `质检结果（${findings.length}）`));
  if (findings.length === 0) fBox.append(h("p", { class: "muted" }, "没有发现问题。"));
  const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
  if (fixes.length > 1) {
    fBox.append(h("div", { class: "actions-left" }, h("button", { id: "b-fix-all", onclick: async () => {
      if (!(await ask(`一次修正全部 ${fixes.length} 处可自动修正的问题？修正前会自动保存一个版本，可在“历史版本”中恢复。`, "全部修正"))) return;
      try {
        const r = await api.applyFixes(ctx.id, fixes);
        await ctx.replaced(r.report);
        toast(`已修正 ${r.applied} 处。`);
      } catch (e) {
        toastError(e);
      }
    } }, `全部一键修正（${fixes.length} 处）`)));
  }
  for (const f of findings) {
    fBox.append(h("div", { class: `finding sev-${f.severity}` },
      h("span", { class: "sev" }, SEVERITY_LABEL[f.severity]),
      h("a", { href: "#", class: "loc", onclick: (e) => { e.preventDefault(); void ctx.go(0, { loc: f.location, start: f.start ?? undefined, end: f.end ?? undefined }); } }, describe(f.location)),
      h("span", { class: "msg" }, f.message),
      f.excerpt ? h("q", {}, f.excerpt) : null,
      f.fix ? h("button", { type: "button", class: "fix", onclick: async () => {
        try {
          await ctx.replaced(await api.applyFix(ctx.id, f.fix!));
          toast("已修正。");
        } catch (e) {
          toastError(e);
        }
      } }, f.fix.label) : null));
  }
  root.append(phBox, fBox);
  ctx.aside("检查", {
    what: "导出前逐项核对：把范文里的“X”“*”和空白换成本单位的实际数字；“错误”级别的问题导出前应当改正，“提醒”可酌情处理。点击位置可跳到原文。",
    example: "",
  });
}
