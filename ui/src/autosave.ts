// Autosave: every field saves within 1 s of its last change and at once when it loses focus or
// the clerk leaves the step; a clerk typing without a pause is saved at least every
// SAVE_MAX_WAIT_MS all the same. While an input method is composing (拼音 → 汉字), nothing is
// saved and no field is re-rendered: the half-typed pinyin is not text yet, and replacing the
// DOM under an IME would drop or duplicate characters. Saving resumes at compositionend.

import { errText, isInputError } from "./errors";

export const SAVE_DELAY_MS = 800;
/** The longest a change waits while the clerk keeps typing (the debounce alone would wait for
 *  the first pause, which may be a minute away). */
export const SAVE_MAX_WAIT_MS = 2500;

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  /** `input`: the core refused the value (retrying it as is will not help); otherwise the
   *  disk, the database or the program failed and the next flush tries again. */
  | { kind: "error"; message: string; input: boolean };

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** One field (or group of fields saved together) with its save function. */
export class FieldSaver {
  private timer: unknown = null;
  /** Started by the first change after a save; fires even if the typing goes on. */
  private maxTimer: unknown = null;
  private dirty = false;
  composing = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly hub: Autosave,
    readonly save: () => Promise<void>,
  ) {}

  /** A change (input event). Not saved while composing. */
  changed(): void {
    this.dirty = true;
    this.hub.report({ kind: "pending" });
    if (this.composing) return;
    this.schedule();
  }

  compositionStart(): void {
    this.composing = true;
    this.cancelAll();
  }

  compositionEnd(): void {
    this.composing = false;
    // A composition that ended committed text (or cancelled it); either way the field may
    // differ from what was saved, and some engines send no input event after compositionend.
    this.dirty = true;
    this.schedule();
    this.hub.compositionEnded();
  }

  private schedule(): void {
    this.cancel();
    this.timer = this.hub.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, this.hub.delay);
    if (this.maxTimer === null) {
      this.maxTimer = this.hub.timers.set(() => {
        this.maxTimer = null;
        void this.flush();
      }, this.hub.maxWait);
    }
  }

  private cancel(): void {
    if (this.timer !== null) this.hub.timers.clear(this.timer);
    this.timer = null;
  }

  private cancelAll(): void {
    this.cancel();
    if (this.maxTimer !== null) this.hub.timers.clear(this.maxTimer);
    this.maxTimer = null;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Saves now if anything changed (leaving the field or the step). Saves run one at a time
   *  per field; a change made during a save is saved by a second run. */
  async flush(): Promise<void> {
    this.cancelAll();
    if (this.composing) return;
    while (this.running) await this.running;
    if (!this.dirty) return;
    this.dirty = false;
    this.running = this.hub.run(this.save).catch(() => {
      // Keep the change marked unsaved so the next flush tries again; the status line shows
      // the error.
      this.dirty = true;
    });
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }
}

/** All fields of the open report, and the status line they feed. */
export class Autosave {
  private fields = new Set<FieldSaver>();
  private deferred: (() => void)[] = [];
  private inFlight = 0;
  private last: SaveState["kind"] = "idle";

  constructor(
    private readonly onStateRaw: (s: SaveState) => void,
    readonly timers: Timers = realTimers,
    readonly delay = SAVE_DELAY_MS,
    readonly maxWait = SAVE_MAX_WAIT_MS,
  ) {}

  /** Tells the status line; a keystroke after a keystroke changes nothing there, so it costs
   *  nothing either (typing stays cheap). */
  private onState(s: SaveState): void {
    if (s.kind === "pending" && this.last === "pending") return;
    this.last = s.kind;
    this.onStateRaw(s);
  }

  field(save: () => Promise<void>): FieldSaver {
    const f = new FieldSaver(this, save);
    this.fields.add(f);
    return f;
  }

  forget(f: FieldSaver): void {
    this.fields.delete(f);
  }

  report(s: SaveState): void {
    if (s.kind === "pending" && this.inFlight > 0) return;
    this.onState(s);
  }

  async run(save: () => Promise<void>): Promise<void> {
    this.inFlight++;
    this.onState({ kind: "saving" });
    try {
      await save();
      this.inFlight--;
      // Typed on during the save: not everything is saved yet, and the status says so.
      if (this.inFlight === 0) this.onState(this.dirty ? { kind: "pending" } : { kind: "saved", at: new Date() });
    } catch (e) {
      this.inFlight--;
      this.onState({ kind: "error", message: errText(e), input: isInputError(e) });
      throw e;
    }
  }

  get composing(): boolean {
    for (const f of this.fields) if (f.composing) return true;
    return false;
  }

  get dirty(): boolean {
    for (const f of this.fields) if (f.isDirty) return true;
    return false;
  }

  /** Saves every changed field now. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.fields].map((f) => f.flush()));
  }

  /** Runs `fn` (a re-render) now, or right after the current IME composition ends. */
  whenNotComposing(fn: () => void): void {
    if (this.composing) this.deferred.push(fn);
    else fn();
  }

  compositionEnded(): void {
    if (this.composing) return;
    const d = this.deferred;
    this.deferred = [];
    d.forEach((fn) => fn());
  }

  /** Forgets every field (the step's DOM was replaced). */
  clear(): void {
    this.fields.clear();
  }
}

/** Wires a text field to a FieldSaver: input, IME composition, leaving the field. */
export function bindField(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, f: FieldSaver): void {
  el.addEventListener("compositionstart", () => f.compositionStart());
  el.addEventListener("compositionend", () => {
    f.compositionEnd();
  });
  el.addEventListener("input", (e) => {
    // WebKit sends input events during composition too; they carry isComposing.
    if ((e as InputEvent).isComposing) f.composing = true;
    f.changed();
  });
  el.addEventListener("change", () => f.changed());
  el.addEventListener("blur", () => void f.flush());
}

export function statusText(s: SaveState): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  switch (s.kind) {
    case "idle": return "";
    case "pending": return "有改动，即将保存……";
    case "saving": return "正在保存……";
    case "saved": return `已保存 ${pad(s.at.getHours())}:${pad(s.at.getMinutes())}:${pad(s.at.getSeconds())}`;
    case "error": return s.input
      ? `未保存：${s.message}（请修改这一项）`
      : `保存失败：${s.message}（改动仍在屏幕上，稍后会再试）`;
  }
}
