// @vitest-environment jsdom
import { Autosave, bindField, statusText, type SaveState } from "./autosave";

function setup() {
  vi.useFakeTimers();
  const states: SaveState[] = [];
  const hub = new Autosave((s) => states.push(s), undefined, 800);
  const saved: string[] = [];
  const el = document.createElement("textarea");
  document.body.append(el);
  const f = hub.field(async () => { saved.push(el.value); });
  bindField(el, f);
  return { hub, f, el, saved, states };
}

const type = (el: HTMLTextAreaElement, value: string, composing = false) => {
  el.value = value;
  el.dispatchEvent(new InputEvent("input", { isComposing: composing, data: value }));
};

afterEach(() => { vi.useRealTimers(); document.body.innerHTML = ""; });

test("a change is saved within a second of the last keystroke, once", async () => {
  const { el, saved, states } = setup();
  type(el, "全年");
  await vi.advanceTimersByTimeAsync(500);
  type(el, "全年共");
  await vi.advanceTimersByTimeAsync(500);
  expect(saved).toEqual([]); // still typing
  await vi.advanceTimersByTimeAsync(400);
  expect(saved).toEqual(["全年共"]);
  expect(states[states.length - 1]?.kind).toBe("saved");
});

test("typing without a pause is still saved every few seconds, in order, with the latest text", async () => {
  const { el, saved, states } = setup();
  let text = "";
  // 20 characters a second for 6 seconds: the debounce alone would never fire.
  for (let i = 0; i < 120; i++) {
    text += "政务公开"[i % 4];
    type(el, text);
    await vi.advanceTimersByTimeAsync(50);
  }
  expect(saved.length).toBeGreaterThanOrEqual(2);
  expect(saved.length).toBeLessThanOrEqual(3);
  // Each save is a prefix of the next: nothing saved twice or out of order.
  saved.forEach((s, i) => expect(text.startsWith(s) && (i === 0 || s.length > saved[i - 1].length)).toBe(true));
  await vi.advanceTimersByTimeAsync(900);
  expect(saved[saved.length - 1]).toBe(text);
  // The status line was told "pending" once per run of keystrokes, not once per keystroke.
  expect(states.filter((s) => s.kind === "pending").length).toBeLessThanOrEqual(saved.length + 1);
});

test("nothing is saved while the IME composes; the committed text is saved after compositionend", async () => {
  const { el, saved } = setup();
  type(el, "已有");
  el.dispatchEvent(new CompositionEvent("compositionstart"));
  // Before the debounce of the earlier keystroke fires, composition begins: it is held too.
  type(el, "已有zheng", true);
  await vi.advanceTimersByTimeAsync(3000);
  type(el, "已有zhengwu", true);
  await vi.advanceTimersByTimeAsync(3000);
  expect(saved).toEqual([]);
  // Leaving the field mid-composition must not save the pinyin either.
  el.dispatchEvent(new FocusEvent("blur"));
  await vi.advanceTimersByTimeAsync(10);
  expect(saved).toEqual([]);
  el.value = "已有政务";
  el.dispatchEvent(new CompositionEvent("compositionend", { data: "政务" }));
  await vi.advanceTimersByTimeAsync(900);
  expect(saved).toEqual(["已有政务"]);
});

test("a re-render asked for during composition waits for compositionend", async () => {
  const { hub, el } = setup();
  const rendered: string[] = [];
  el.dispatchEvent(new CompositionEvent("compositionstart"));
  hub.whenNotComposing(() => rendered.push("tree"));
  expect(rendered).toEqual([]);
  el.dispatchEvent(new CompositionEvent("compositionend", { data: "公开" }));
  expect(rendered).toEqual(["tree"]);
  hub.whenNotComposing(() => rendered.push("again"));
  expect(rendered).toEqual(["tree", "again"]);
});

test("leaving the field saves at once; flushAll saves every dirty field", async () => {
  const { hub, el, saved } = setup();
  type(el, "第一段");
  el.dispatchEvent(new FocusEvent("blur"));
  await vi.advanceTimersByTimeAsync(0);
  expect(saved).toEqual(["第一段"]);
  type(el, "第一段\n第二段");
  await hub.flushAll();
  expect(saved).toEqual(["第一段", "第一段\n第二段"]);
  expect(hub.dirty).toBe(false);
});

test("a failed save keeps the change and says why; the next flush retries", async () => {
  vi.useFakeTimers();
  const states: SaveState[] = [];
  const hub = new Autosave((s) => states.push(s), undefined, 800);
  let fail = true;
  const saved: string[] = [];
  const f = hub.field(async () => { if (fail) throw { kind: "storage", message: "磁盘空间已满，请清理磁盘后重试。" }; saved.push("ok"); });
  f.changed();
  await f.flush();
  expect(hub.dirty).toBe(true);
  expect(statusText(states[states.length - 1]!)).toContain("磁盘空间已满");
  expect(statusText(states[states.length - 1]!)).toContain("稍后会再试");
  fail = false;
  await hub.flushAll();
  expect(saved).toEqual(["ok"]);
  expect(hub.dirty).toBe(false);
});

test("a change made while a save runs is saved by a second run", async () => {
  vi.useRealTimers();
  const values: string[] = [];
  let current = "a";
  let release!: () => void;
  const hub = new Autosave(() => undefined, undefined, 800);
  const f = hub.field(() => new Promise<void>((res) => { values.push(current); release = res; }));
  f.changed();
  const first = f.flush();
  current = "ab";
  f.changed();
  const second = f.flush();
  release();
  await new Promise((r) => setTimeout(r, 0));
  release();
  await Promise.all([first, second]);
  expect(values).toEqual(["a", "ab"]);
});

test("status line reads 已保存 with the time", () => {
  expect(statusText({ kind: "saved", at: new Date(2024, 0, 1, 9, 5, 7) })).toBe("已保存 09:05:07");
});
