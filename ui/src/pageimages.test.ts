// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { lineAreas, PageImages, scaleFor } from "./pageimages";
import type { PaneView } from "./bindings";

describe("scaleFor", () => {
  it("gives device px per pt, rounded up to a step of 0.05", () => {
    expect(scaleFor(357, 595.28, 1)).toBeCloseTo(0.6, 6);
    expect(scaleFor(744, 595.28, 1)).toBeCloseTo(1.25, 6);
    // A HiDPI screen draws twice the pixels.
    expect(scaleFor(357, 595.28, 2)).toBeCloseTo(1.2, 6);
  });
  it("keeps the scale when the width changes by a few px", () => {
    expect(scaleFor(350, 595.28, 1)).toBe(scaleFor(354, 595.28, 1));
  });
});

describe("lineAreas", () => {
  it("places each line's area in % of the page and carries its field", () => {
    const [a] = lineAreas([{ x: 59.528, y: 84.189, width: 297.64, height: 28.9, loc: { part: "title" } }], 595.28, 841.89);
    expect(a.style.left).toBe("10%");
    expect(a.style.top).toBe("10%");
    expect(a.style.width).toBe("50%");
    expect(JSON.parse(a.dataset.loc!)).toEqual({ part: "title" });
  });
});

describe("PageImages", () => {
  const view = (numbers: number[]): PaneView => ({
    width: 595.28, height: 841.89, hashes: ["h1", "h2", "h3"], starts: [], warnings: [],
    drawn: numbers.map((n) => ({ number: n, image: "data:image/png;base64,", px_width: 10, px_height: 14, lines: [] })),
  });
  // jsdom decodes no images.
  HTMLImageElement.prototype.decode = () => Promise.resolve();

  it("holds the hashes of the pages drawn, at the scale they were drawn at", async () => {
    const pages = new PageImages(() => document.createElement("div"));
    pages.resize(3);
    expect(pages.known(0.6)).toEqual(["", "", ""]);
    await pages.put(view([1, 2]), 0.6);
    expect(pages.known(0.6)).toEqual(["h1", "h2", ""]);
    expect(pages.slots[0].querySelector("img")?.alt).toBe("第 1 页");
    // Another scale: every page is drawn again, and those not redrawn are emptied.
    expect(pages.known(0.8)).toEqual(["", "", ""]);
    await pages.put(view([2]), 0.8);
    expect(pages.known(0.8)).toEqual(["", "h2", ""]);
    expect(pages.slots[0].childElementCount).toBe(0);
  });

  it("releases the pages out of view", async () => {
    const pages = new PageImages(() => document.createElement("div"));
    pages.resize(3);
    await pages.put(view([1, 2, 3]), 0.6);
    pages.release([2]);
    expect([1, 2, 3].map((n) => pages.drawn(n))).toEqual([false, true, false]);
  });
});
