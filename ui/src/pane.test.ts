import { describe, expect, it } from "vitest";
import { pageOf } from "./pane";
import type { PaneStart } from "./bindings";

const starts: PaneStart[] = [
  { loc: { part: "title" }, page: 1 },
  { loc: { part: "heading", path: [0] }, page: 1 },
  { loc: { part: "paragraph", path: [0], index: 0 }, page: 1 },
  { loc: { part: "paragraph", path: [0], index: 2 }, page: 3 },
  { loc: { part: "heading", path: [1] }, page: 4 },
];

describe("pageOf", () => {
  it("finds the page a field starts on", () => {
    expect(pageOf(starts, { part: "title" })).toBe(1);
    expect(pageOf(starts, { part: "paragraph", path: [0], index: 2 })).toBe(3);
    expect(pageOf(starts, { part: "heading", path: [1] })).toBe(4);
  });
  it("puts an empty paragraph with the paragraph before it, else its heading", () => {
    expect(pageOf(starts, { part: "paragraph", path: [0], index: 5 })).toBe(3);
    expect(pageOf(starts, { part: "paragraph", path: [1], index: 0 })).toBe(4);
  });
  it("knows no page for a field with no line", () => {
    expect(pageOf(starts, { part: "note" })).toBeNull();
  });
});
