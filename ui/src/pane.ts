// The live page preview beside the editing steps (issue 18): the typesetter's pages of the
// report as it stands on screen, drawn by the core as images with the PDF's own glyph outlines
// (docs/decisions.md, “Preview pane”), so a line or page break seen here is the PDF's.
//
// After each input (never during an IME composition) the pane asks the core for the page
// hashes and the images of the pages in view (± 1) whose hash changed, drawn for the pane's
// width in device pixels; other pages stay empty placeholders of the page's size, so a
// 100-page report holds at most a handful of images.
// The focus never leaves the field being typed in: the pane only reads the form.
//
// DOM contract (scripts/bench depends on it): `#pane` with `data-pages` (page count) and
// `data-seq` (completed redraws, incremented once the new content is in the DOM); pages
// `.pane-page[data-page="N"]` (1-based); fold button `#pane-toggle`; `#pane-counter` reads
// `第 N 页 / 共 M 页`.

import { api } from "./api";
import { h } from "./dom";
import { PageImages, scaleFor } from "./pageimages";
import type { Location, PaneStart, PaneView, PaneWarning, Report } from "./bindings";

export interface PaneHost {
  /** The report as on screen, edits not yet saved included. */
  report(): Report;
  /** The field the clerk is editing, if any. */
  focused(): Location | null;
  /** Puts the caret in the field at `loc`. */
  go(loc: Location): void;
}

const FOLDED_KEY = "gongwen.pane.folded";
/** Pages either side of those in view that are drawn too. */
const MARGIN = 1;

/** The page of each field of a view's starts, by the field's JSON (built once per view: the
 *  form asks for every section of a 100-page report after each keystroke). */
const byLoc = new WeakMap<PaneStart[], Map<string, number>>();

/** The page a field starts on: the field itself, else its section's heading. */
export function pageOf(starts: PaneStart[], loc: Location): number | null {
  let index = byLoc.get(starts);
  if (!index) {
    index = new Map();
    for (const s of starts) {
      const key = JSON.stringify(s.loc);
      if (!index.has(key)) index.set(key, s.page);
    }
    byLoc.set(starts, index);
  }
  const hit = index.get(JSON.stringify(loc));
  if (hit !== undefined) return hit;
  if (loc.part === "paragraph") {
    // An empty paragraph has no line: the last paragraph before it, else the heading.
    const before = starts.filter((s) => s.loc.part === "paragraph" && s.loc.path.join(".") === loc.path.join(".")
      && s.loc.index < loc.index);
    if (before.length > 0) return before[before.length - 1].page;
    return pageOf(starts, { part: "heading", path: loc.path });
  }
  return null;
}

/** A performance mark `name`, replacing the previous one of that name. */
function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

export class Pane {
  readonly root: HTMLElement;
  private readonly pages: HTMLElement;
  private readonly counter: HTMLElement;
  private readonly warnList: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  /** The page elements and the content hash each holds. */
  private readonly slots: PageImages;
  private seq = 0;
  private running = false;
  private again = false;
  private folded: boolean;
  private lastFocusPage: number | null = null;
  private lastWarnings = "";
  private view: PaneView | null = null;
  private scrollQueued = false;
  private visibleTop = 1;

  constructor(private readonly host: PaneHost) {
    this.folded = localStorage.getItem(FOLDED_KEY) === "1";
    this.toggle = h("button", { type: "button", id: "pane-toggle", title: "收起或展开页面预览",
      onclick: () => this.setFolded(!this.folded) }) as HTMLButtonElement;
    this.counter = h("span", { id: "pane-counter", class: "pane-counter" });
    this.warnList = h("ul", { id: "pane-warnings", class: "pane-warnings" });
    this.pages = h("div", { class: "pane-pages", id: "pane-pages" });
    // Page elements: one per page, placeholders sized like the page (CSS aspect-ratio).
    this.slots = new PageImages((n) => this.pages.appendChild(h("div", { class: "pane-page", "data-page": String(n) })));
    this.root = h("aside", { id: "pane", class: "pane", "data-pages": "0", "data-seq": "0" },
      h("div", { class: "pane-bar" }, this.toggle, h("span", { class: "pane-name" }, "页面预览"), this.counter),
      this.warnList, this.pages);
    this.pages.addEventListener("scroll", () => {
      if (this.scrollQueued) return;
      this.scrollQueued = true;
      requestAnimationFrame(() => {
        this.scrollQueued = false;
        this.showCounter();
        this.update();
      });
    });
    // A click on a line puts the caret in its field; the pane itself never takes the focus.
    this.pages.addEventListener("mousedown", (e) => e.preventDefault());
    this.pages.addEventListener("click", (e) => {
      const hit = (e.target as Element).closest("[data-loc]");
      const loc = hit?.getAttribute("data-loc");
      if (loc) this.host.go(JSON.parse(loc) as Location);
    });
    // A wider or narrower pane (the window resized, a side panel folded) draws the pages
    // again for its new width.
    let width = 0;
    new ResizeObserver(() => {
      const w = this.pages.clientWidth;
      if (w > 0 && w !== width) { width = w; this.update(); }
    }).observe(this.pages);
    this.setFolded(this.folded);
  }

  /** Device px per pt of the pages as they are shown now. */
  private scale(): number {
    const slot = this.slots.slots[0];
    // Before the first layout: the pages' box less its padding.
    const css = slot?.clientWidth || this.pages.clientWidth * 0.94;
    return scaleFor(css, this.view?.width ?? 595.28);
  }

  get isFolded(): boolean { return this.folded; }

  setFolded(folded: boolean): void {
    this.folded = folded;
    localStorage.setItem(FOLDED_KEY, folded ? "1" : "0");
    this.root.classList.toggle("folded", folded);
    this.root.closest(".editor")?.classList.toggle("pane-folded", folded);
    this.toggle.textContent = folded ? "‹ 预览" : "›";
    this.toggle.setAttribute("aria-expanded", String(!folded));
    if (!folded) this.update();
  }

  /** Asks for a redraw; calls while one runs are merged into one more. */
  update(): void {
    if (this.folded || !this.root.isConnected) return;
    if (this.running) { this.again = true; return; }
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
      if (this.again) { this.again = false; this.update(); }
    });
  }

  private async run(): Promise<void> {
    // Marks for scripts/bench-pane's breakdown of a keystroke's time: request sent, answer
    // received (only the last of each is kept).
    mark("gw-pane-request");
    const report = this.host.report();
    const wanted = this.wantedPages();
    const scale = this.scale();
    let view: PaneView;
    try {
      view = await api.paneView(report, { pages: wanted, known: this.slots.known(scale), scale });
    } catch (e) {
      this.counter.textContent = "预览失败";
      this.counter.title = String((e as { message?: string }).message ?? e);
      return;
    }
    mark("gw-pane-answer");
    await this.apply(view, wanted, scale);
  }

  /** The pages in view, ± MARGIN (1-based; page 1 before the first layout). */
  private wantedPages(): number[] {
    if (this.slots.count === 0) return [1, 2];
    return this.slots.inView(this.pages, MARGIN);
  }

  private async apply(view: PaneView, wanted: number[], scale: number): Promise<void> {
    this.view = view;
    const count = view.hashes.length;
    this.slots.resize(count);
    await this.slots.put(view, scale);
    // Pages out of range are released (memory stays bounded); wanted pages the core did not
    // draw again kept their content, unless their hash changed (they were then redrawn).
    this.slots.release(wanted);
    this.marks(view.warnings, view.drawn.map((p) => p.number));
    this.sectionPages(view.starts);
    this.root.setAttribute("data-pages", String(count));
    // The page where the edited field lands, scrolled to when it changed.
    const loc = this.host.focused();
    const page = loc ? pageOf(view.starts, loc) : null;
    if (page !== null && page !== this.lastFocusPage) {
      this.lastFocusPage = page;
      this.scrollTo(page);
    }
    // The page in view: the field's after the scroll above, else where the clerk scrolled the
    // pane to.
    this.showCounter();
    this.seq += 1;
    this.root.setAttribute("data-seq", String(this.seq));
    // Pages that came into view meanwhile (a new page, a scroll) are drawn by one more round.
    if (this.wantedPages().some((n) => !this.slots.drawn(n))) this.again = true;
  }

  /** Scrolls the pane (only the pane) so page `n` is in view, if it is not. */
  scrollTo(n: number): void {
    const el = this.pages.children[n - 1] as HTMLElement | undefined;
    if (!el) return;
    // The page's top at the pane's top; the newly visible pages are drawn by the scroll
    // handler's update.
    const box = this.pages.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (Math.abs(r.top - box.top - 8) > 4) this.pages.scrollTop += r.top - box.top - 8;
  }

  private showCounter(page?: number): void {
    const count = this.view?.hashes.length ?? 0;
    if (page === undefined) {
      const box = this.pages.getBoundingClientRect();
      const els = this.pages.children;
      page = this.visibleTop;
      for (let i = 0; i < els.length; i++) {
        const r = els[i].getBoundingClientRect();
        if (r.bottom > box.top + box.height / 3) { page = i + 1; break; }
      }
    }
    this.visibleTop = page;
    this.counter.textContent = count === 0 ? "" : `第 ${Math.min(page, count)} 页 / 共 ${count} 页`;
  }

  /** The warnings: listed under the counter, and marked at their place on drawn pages. */
  private marks(warnings: PaneWarning[], drawn: number[]): void {
    // Unchanged warnings: only the pages drawn again (their marks went with their old image) are
    // marked; the list and the other pages are not touched (no relayout of the pane).
    const key = JSON.stringify(warnings);
    const same = key === this.lastWarnings;
    this.lastWarnings = key;
    if (!same) {
      this.warnList.replaceChildren(...warnings.map((w) => h("li", {
        class: `pane-warning w-${w.kind}`, "data-page": String(w.page),
        onclick: () => { this.scrollTo(w.page); if (w.loc) this.host.go(w.loc); },
      }, `⚠ ${w.message}`)));
    }
    const height = this.view?.height ?? 841.89;
    const els = same ? drawn.map((n) => this.slots.slots[n - 1]).filter((e) => e) : this.slots.slots;
    for (const el of els) {
      el.querySelectorAll(".pane-mark").forEach((m) => m.remove());
      if (!el.firstChild) continue;
      const n = Number(el.dataset.page);
      for (const w of warnings.filter((x) => x.page === n)) {
        const top = Math.max(0, (w.y - 20) / height * 100);
        el.append(h("div", { class: `pane-mark w-${w.kind}`, style: `top:${top}%`, title: w.message }, "⚠"));
      }
    }
  }

  /** Beside each section of the 正文 step: the page its heading is on. */
  private sectionPages(starts: PaneStart[]): void {
    for (const node of Array.from(document.querySelectorAll<HTMLElement>(".node[data-path]"))) {
      const path = node.dataset.path!.split(".").map(Number);
      const page = pageOf(starts, { part: "heading", path });
      const head = node.querySelector(".node-head");
      if (!head) continue;
      let tag = head.querySelector<HTMLElement>(".sec-page");
      if (!tag) {
        tag = h("span", { class: "sec-page", title: "这一项在导出的 PDF 中开始的页码" });
        head.append(tag);
      }
      const text = page === null ? "" : `第 ${page} 页`;
      // Written only when it changed: a write relays the form out.
      if (tag.textContent !== text) tag.textContent = text;
    }
  }
}
