// Step 5 检查: placeholders to fill as a worklist (each with its location and its snippet, the
// field being filled marked there; filled through the core so exactly that span changes, then
// the focus moves on to the next one) and the pre-export findings with one-click fixes. Each
// placeholder is listed once: the findings list links to the worklist instead of repeating it.

import { api, errText } from "../api";
import type { EditorCtx } from "../context";
import { ask, h, toast, toastError } from "../dom";
import { SEVERITY_LABEL, type Finding, type Location, type Placeholder } from "../bindings";
import { describe } from "../text";

/** The finding code of an unfilled placeholder (check::codes::PLACEHOLDER). */
const PLACEHOLDER = "placeholder";

/** A key that a placeholder and its finding share: where it is and where it starts. */
function keyOf(loc: Location, start: number | null | undefined): string {
  return `${JSON.stringify(loc)}@${start ?? ""}`;
}

/** The snippet around a placeholder with the placeholder itself marked. */
function snippet(p: Placeholder): HTMLElement {
  const chars = Array.from(p.context);
  const at = Math.min(p.context_at ?? 0, chars.length);
  const len = Array.from(p.text).length;
  return h("span", { class: "context" },
    chars.slice(0, at).join(""),
    h("mark", { class: "ph-here" }, chars.slice(at, at + len).join("")),
    chars.slice(at + len).join(""));
}

/** Scrolls the 检查 step to `f` and puts the focus on it (a placeholder: its input). */
export function focusFinding(f: Finding): void {
  const row = document.querySelector<HTMLElement>(`[data-key="${CSS.escape(keyOf(f.location, f.start))}"]`)
    ?? document.querySelector<HTMLElement>(f.code === PLACEHOLDER ? "#placeholders .ph" : "#findings .finding");
  if (!row) return;
  row.classList.add("current");
  row.scrollIntoView({ block: "center" });
  row.querySelector<HTMLElement>("input, button.fix, a.loc")?.focus({ preventScroll: true });
}

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
  else phBox.append(h("p", { class: "muted hint" }, "逐项填写：输入实际内容后按 Enter 或点“填入”，光标自动转到下一项。"));
  placeholders.forEach((p, i) => {
    const input = h("input", { class: "ph-value", id: `ph-${i}`, placeholder: `替换“${p.text}”`, "aria-label": `${describe(p.location)}的“${p.text}”填写为` });
    const fill = async () => {
      const value = input.value.trim();
      try {
        const r = await api.fillPlaceholder(ctx.id, p, input.value);
        // The list is read again without this one: the next one now has index i (after the
        // last one, the first that is left).
        await ctx.replaced(r, { focus: [`ph-${i}`, "ph-0"] });
        toast(`已填入“${value}”。`);
      } catch (e) {
        toastError(e);
      }
    };
    input.addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.isComposing) void fill(); });
    const row = h("div", { class: "ph", id: `ph-row-${i}`, "data-key": keyOf(p.location, p.start) },
      h("a", { href: "#", class: "loc", onclick: (e) => { e.preventDefault(); void ctx.go(0, { loc: p.location, start: p.start, end: p.end }); } }, describe(p.location)),
      snippet(p),
      input,
      h("button", { type: "button", class: "ph-fill", id: `ph-fill-${i}`, onclick: () => void fill() }, "填入"));
    input.addEventListener("focus", () => row.classList.add("current"));
    input.addEventListener("blur", () => row.classList.remove("current"));
    phBox.append(row);
  });

  const others = findings.filter((f) => f.code !== PLACEHOLDER);
  const phFindings = findings.length - others.length;
  const fBox = h("section", { class: "card", id: "findings" }, h("h3", {}, `质检结果（${others.length + (phFindings > 0 ? 1 : 0)}）`));
  if (findings.length === 0) fBox.append(h("p", { class: "muted" }, "没有发现问题。"));
  if (phFindings > 0) {
    // Placeholders are errors too, but they are listed (and filled) once, above.
    fBox.append(h("div", { class: "finding sev-error ph-summary", id: "f-placeholders" },
      h("span", { class: "sev" }, SEVERITY_LABEL.error),
      h("span", { class: "msg" }, `还有 ${phFindings} 处范文留下的待填项，导出前请逐项填写。`),
      h("a", { href: "#", class: "loc", id: "f-to-placeholders", onclick: (e) => {
        e.preventDefault();
        const first = document.getElementById("ph-0");
        first?.scrollIntoView({ block: "center" });
        first?.focus({ preventScroll: true });
      } }, "转到待填项")));
  }
  const fixes = others.flatMap((f) => (f.fix ? [f.fix] : []));
  if (fixes.length > 1) {
    fBox.append(h("div", { class: "actions-left" }, h("button", { id: "b-fix-all", onclick: async () => {
      if (!(await ask(`一次修正全部 ${fixes.length} 处可自动修正的问题？修正前会自动保存一个版本，可在“历史版本”中恢复。`, "全部修正"))) return;
      try {
        const r = await api.applyFixes(ctx.id, fixes);
        await ctx.replaced(r.report, { focus: ["b-fix-all", "f-to-placeholders", "fix-0", "floc-0"] });
        toast(`已修正 ${r.applied} 处。`);
      } catch (e) {
        toastError(e);
      }
    } }, `全部一键修正（${fixes.length} 处）`)));
  }
  others.forEach((f, i) => {
    fBox.append(h("div", { class: `finding sev-${f.severity}`, id: `f-${i}`, "data-key": keyOf(f.location, f.start) },
      h("span", { class: "sev" }, SEVERITY_LABEL[f.severity]),
      h("a", { href: "#", class: "loc", id: `floc-${i}`, onclick: (e) => { e.preventDefault(); void ctx.go(0, { loc: f.location, start: f.start ?? undefined, end: f.end ?? undefined }); } }, describe(f.location)),
      h("span", { class: "msg" }, f.message),
      f.excerpt ? h("q", {}, f.excerpt) : null,
      f.fix ? h("button", { type: "button", class: "fix", id: `fix-${i}`, onclick: async () => {
        try {
          // The list is read again without this finding: the next one now has index i.
          await ctx.replaced(await api.applyFix(ctx.id, f.fix!),
            { focus: [`fix-${i}`, `floc-${i}`, `fix-${i - 1}`, `floc-${i - 1}`] });
          toast("已修正。");
        } catch (e) {
          toastError(e);
        }
      } }, f.fix.label) : null));
  });
  root.append(phBox, fBox);
  ctx.aside("检查", {
    what: "导出前逐项核对：把范文里的“X”“*”和空白换成本单位的实际数字；“错误”级别的问题导出前应当改正，“提醒”可酌情处理。点击位置可跳到原文。",
    example: "",
  });
}
