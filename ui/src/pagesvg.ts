// Pages drawn by the core as SVG from the typesetter's layout (`pane_view`, docs/decisions.md
// “Preview pane”), shared by the live preview pane (ui/src/pane.ts) and step 6 预览与导出
// (ui/src/steps/preview.ts): one slot element per page, empty placeholders of the page's size
// for pages out of view, the SVG of the pages near the view, and a content hash per slot so a
// page whose hash did not change is not asked for again.
//
// Glyph outlines are kept once for the document (GLYPHS): a page's SVG defines only the glyphs
// not defined before (the request names those that are, `glyphIds()`), and `put` moves them
// into the store, since pages drawn later refer to them. The store holds at most the glyphs of
// the pages shown so far (~2 KB each), never emptied while the app runs.

import type { PaneView } from "./bindings";

const SVG_NS = "http://www.w3.org/2000/svg";
let store: SVGDefsElement | null = null;
const defined = new Set<string>();

/** The document's store of glyph outlines (a hidden `<svg><defs>` at the end of the body). */
function glyphStore(): SVGDefsElement {
  if (store && store.isConnected) return store;
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("id", "glyph-store");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("style", "position:absolute;width:0;height:0;overflow:hidden");
  store = document.createElementNS(SVG_NS, "defs");
  svg.append(store);
  document.body.append(svg);
  defined.clear();
  return store;
}

/** The ids of the glyphs the document defines (for `PaneRequest.glyphs`). */
export function glyphIds(): string[] {
  glyphStore();
  return [...defined];
}

export class SvgPages {
  /** The slot of page n at index n − 1. */
  readonly slots: HTMLElement[] = [];
  /** Hash of the content each slot holds ("" = placeholder). */
  held: string[] = [];

  /** `add(n)` makes the slot of page n and puts it into the document. */
  constructor(private readonly add: (n: number) => HTMLElement) {}

  get count(): number { return this.slots.length; }

  /** One slot per page: new pages get a placeholder, pages past the end are removed. */
  resize(count: number): void {
    while (this.slots.length < count) {
      this.slots.push(this.add(this.slots.length + 1));
      this.held.push("");
    }
    while (this.slots.length > count) {
      const slot = this.slots.pop()!;
      (slot.closest("[data-page-wrap]") ?? slot).remove();
      this.held.pop();
    }
  }

  /** The pages whose slot is (partly) inside `scroller`'s box, ± `margin` pages, 1-based;
   *  page 1 when none is. */
  inView(scroller: Element, margin: number): number[] {
    if (this.slots.length === 0) return [1];
    const box = scroller.getBoundingClientRect();
    const seen: number[] = [];
    for (let i = 0; i < this.slots.length; i++) {
      const r = this.slots[i].getBoundingClientRect();
      if (r.bottom > box.top && r.top < box.bottom) seen.push(i + 1);
    }
    if (seen.length === 0) seen.push(1);
    const lo = Math.max(1, seen[0] - margin), hi = Math.min(this.slots.length, seen[seen.length - 1] + margin);
    const out: number[] = [];
    for (let n = lo; n <= hi; n++) out.push(n);
    return out;
  }

  /** Puts the pages the core drew into their slots (slots must exist: `resize` first). */
  put(view: PaneView): void {
    for (const p of view.drawn) {
      const slot = this.slots[p.number - 1];
      if (!slot) continue;
      slot.innerHTML = p.svg;
      // The glyphs this page defines go to the store: other pages use them too.
      const defs = slot.querySelector("svg > defs");
      if (defs) {
        const to = glyphStore();
        for (const path of Array.from(defs.children)) {
          if (defined.has(path.id)) path.remove();
          else { defined.add(path.id); to.append(path); }
        }
      }
      this.held[p.number - 1] = view.hashes[p.number - 1];
    }
  }

  /** Empties every slot not in `keep` (1-based): memory stays bounded. */
  release(keep: number[]): void {
    const k = new Set(keep);
    for (let i = 0; i < this.slots.length; i++) {
      if (!k.has(i + 1) && this.held[i] !== "") {
        this.slots[i].replaceChildren();
        this.held[i] = "";
      }
    }
  }

  /** Whether page n (1-based) holds its SVG. */
  drawn(n: number): boolean { return (this.held[n - 1] ?? "") !== ""; }
}
