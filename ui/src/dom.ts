import { errText, isInputError } from "./errors";

// A tiny element builder: the UI is plain DOM (no framework) so that nothing re-renders a
// field behind the clerk's back.

type Attrs = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else if (k === "class") el.className = String(v);
    else if (k === "value") (el as HTMLInputElement).value = String(v);
    else if (k === "checked") (el as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A calm in-window question (WebKitGTK's window.confirm is not reliable in a Tauri view).
 *  `safe: "no"` makes the answer `no` the highlighted default that has the focus (Enter
 *  chooses it), for questions where going ahead is the risky answer. */
export function ask(message: string, yes = "确定", no = "取消", opts: { safe?: "no" } = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const close = (v: boolean) => { overlay.remove(); resolve(v); };
    const safeNo = opts.safe === "no";
    const noBtn = h("button", { id: "ask-no", class: safeNo ? "primary" : undefined, onclick: () => close(false) }, no);
    const yesBtn = h("button", { id: "ask-yes", class: safeNo ? undefined : "primary", onclick: () => close(true) }, yes);
    const overlay = h("div", { class: "overlay" },
      h("div", { class: "dialog", role: "dialog" },
        h("p", {}, message),
        h("div", { class: "actions" }, ...(safeNo ? [yesBtn, noBtn] : [noBtn, yesBtn]))));
    if (safeNo) overlay.addEventListener("keydown", (e) => { if (e.key === "Escape") close(false); });
    document.body.append(overlay);
    if (safeNo) noBtn.focus();
  });
}

/** A modal panel with a body; returns a function that closes it. */
export function modal(title: string, body: Node, id = "modal"): () => void {
  const overlay = h("div", { class: "overlay", id },
    h("div", { class: "dialog wide", role: "dialog" }, h("h3", {}, title), body));
  document.body.append(overlay);
  return () => overlay.remove();
}

let toastTimer: ReturnType<typeof setTimeout> | null = null;
export type ToastKind = "ok" | "warn" | "error";
const TOAST_MS: Record<ToastKind, number> = { ok: 4000, warn: 6000, error: 12000 };
/** A message at the bottom of the window (success or failure of an action). */
export function toast(message: string, kind: ToastKind = "ok"): void {
  const el = document.getElementById("toast")!;
  el.textContent = message;
  el.className = `toast show ${kind}`;
  el.setAttribute("role", kind === "error" ? "alert" : "status");
  if (toastTimer) clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.className = "toast"), TOAST_MS[kind]);
}

/** A failed action, told by its kind: bad input as a note to put right, a storage or system
 *  failure as an alarm that stays longer (see `isInputError`). */
export function toastError(e: unknown, prefix = ""): void {
  toast(`${prefix}${errText(e)}`, isInputError(e) ? "warn" : "error");
}

/** Height a textarea needs for its text (px), at least a few lines. */
function neededHeight(ta: HTMLTextAreaElement): number {
  return Math.max(ta.scrollHeight + 2, 72);
}

/** Grows a textarea with its text so that a long section reads as a page, not a slot. While
 *  the clerk types, it only grows (one layout read per keystroke); it shrinks again when text
 *  is deleted. */
export function autosize(ta: HTMLTextAreaElement): void {
  ta.classList.add("autosize");
  ta.addEventListener("input", (e) => {
    const type = (e as InputEvent).inputType ?? "";
    if (type.startsWith("delete") || type === "") {
      ta.style.height = "auto";
      ta.style.height = `${neededHeight(ta)}px`;
    } else if (ta.scrollHeight > ta.clientHeight) {
      ta.style.height = `${neededHeight(ta)}px`;
    }
  });
  requestAnimationFrame(() => {
    ta.style.height = "auto";
    ta.style.height = `${neededHeight(ta)}px`;
  });
}

/** Sizes every autosized textarea under `root` at once (two layouts, not two per field), so
 *  that a redrawn step has its final height before the scroll position is put back. */
export function fitAll(root: ParentNode): void {
  const all = [...root.querySelectorAll<HTMLTextAreaElement>("textarea.autosize")];
  for (const ta of all) ta.style.height = "auto";
  const heights = all.map(neededHeight);
  all.forEach((ta, i) => (ta.style.height = `${heights[i]}px`));
}
