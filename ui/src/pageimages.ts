// Pages drawn by the core from the typesetter's layout as images (`pane_view`, docs/decisions.md
// “Preview pane”), shared by the live preview pane (ui/src/pane.ts) and step 6 预览与导出
// (ui/src/steps/preview.ts): one slot element per page, empty placeholders of the page's size
// for pages out of view, the image of the pages near the view, and a content hash per slot so
// a page whose hash did not change is not asked for again.
//
// A page image is drawn for the device pixels of its slot (`scaleFor`); when the slots change
// width (the window or the pane resized) the pages are drawn again at the new scale. Over the
// image, one transparent element per line of a field carries `data-loc` (the field, as JSON),
// for click-to-caret.

import type { PaneLine, PaneView } from "./bindings";
import { h } from "./dom";

/** Scales are rounded to this step (device px per pt), so that a slot a few px wider or
 *  narrower keeps its images. */
const SCALE_STEP = 0.05;

/** Device px per pt for a page `pageWidth` pt wide shown `cssWidth` CSS px wide. */
export function scaleFor(cssWidth: number, pageWidth: number, ratio = window.devicePixelRatio || 1): number {
  const exact = (cssWidth * ratio) / pageWidth;
  return Math.max(SCALE_STEP, Math.ceil(exact / SCALE_STEP - 1e-6) * SCALE_STEP);
}

/** The hit areas of a page's lines, positioned in % of the page (`width` × `height` pt). */
export function lineAreas(lines: PaneLine[], width: number, height: number): HTMLElement[] {
  const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`;
  return lines.map((l) => h("div", {
    class: "ln", "data-loc": JSON.stringify(l.loc),
    style: `left:${pct(l.x, width)};top:${pct(l.y, height)};width:${pct(l.width, width)};height:${pct(l.height, height)}`,
  }));
}

export class PageImages {
  /** The slot of page n at index n − 1. */
  readonly slots: HTMLElement[] = [];
  /** Hash of the content each slot holds ("" = placeholder). */
  held: string[] = [];
  /** The scale the held images were drawn at. */
  private heldScale = 0;

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

  /** The hashes of the pages held at `scale` (for `PaneRequest.known`): none when the images
   *  were drawn at another scale, so that every page asked for is drawn again. */
  known(scale: number): string[] {
    return scale === this.heldScale ? this.held.slice() : this.held.map(() => "");
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

  /** Puts the pages the core drew at `scale` into their slots (slots must exist: `resize`
   *  first), each once its image is decoded: until then the slot keeps its old image, so a
   *  redrawn page never flashes blank. */
  async put(view: PaneView, scale: number): Promise<void> {
    const ready = view.drawn.map(async (p) => {
      const img = new Image(p.px_width, p.px_height);
      img.className = "page-img";
      img.alt = `第 ${p.number} 页`;
      img.draggable = false;
      img.src = p.image;
      // A page that cannot be decoded is still put in (the browser shows it as broken).
      await img.decode().catch(() => undefined);
      return { p, img };
    });
    for (const { p, img } of await Promise.all(ready)) {
      const slot = this.slots[p.number - 1];
      if (!slot) continue;
      slot.replaceChildren(img, ...lineAreas(p.lines, view.width, view.height));
      this.held[p.number - 1] = view.hashes[p.number - 1];
    }
    if (scale !== this.heldScale) {
      // Images of the old scale not drawn again are dropped: they would be asked for again.
      const drawn = new Set(view.drawn.map((p) => p.number));
      this.held.forEach((_, i) => { if (!drawn.has(i + 1)) this.empty(i); });
      this.heldScale = scale;
    }
  }

  /** Empties every slot not in `keep` (1-based): memory stays bounded. */
  release(keep: number[]): void {
    const k = new Set(keep);
    for (let i = 0; i < this.slots.length; i++) {
      if (!k.has(i + 1)) this.empty(i);
    }
  }

  private empty(i: number): void {
    if (this.held[i] === "") return;
    this.slots[i].replaceChildren();
    this.held[i] = "";
  }

  /** Whether page n (1-based) holds its image. */
  drawn(n: number): boolean { return (this.held[n - 1] ?? "") !== ""; }
}
