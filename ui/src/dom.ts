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

/** A calm in-window question (WebKitGTK's window.confirm is not reliable in a Tauri view). */
export function ask(message: string, yes = "确定", no = "取消"): Promise<boolean> {
  return new Promise((resolve) => {
    const close = (v: boolean) => { overlay.remove(); resolve(v); };
    const overlay = h("div", { class: "overlay" },
      h("div", { class: "dialog", role: "dialog" },
        h("p", {}, message),
        h("div", { class: "actions" },
          h("button", { id: "ask-no", onclick: () => close(false) }, no),
          h("button", { class: "primary", id: "ask-yes", onclick: () => close(true) }, yes))));
    document.body.append(overlay);
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

/** Grows a textarea with its text so that a long section reads as a page, not a slot. */
export function autosize(ta: HTMLTextAreaElement): void {
  const fit = () => {
    ta.style.height = "auto";
    ta.style.height = `${Math.max(ta.scrollHeight + 2, 72)}px`;
  };
  ta.addEventListener("input", fit);
  requestAnimationFrame(fit);
}
