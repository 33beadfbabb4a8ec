// The UI's copies of pure core functions (run while the clerk types, without asking the core)
// checked against what the core computes: tests/vectors/*.json are written by the core
// (src-tauri/src/contract.rs, whose test fails when they are out of date), so a drift on either
// side fails one of the two suites.

import dates from "../../tests/vectors/dates.json";
import guidance from "../../tests/vectors/guidance.json";
import numbering from "../../tests/vectors/numbering.json";
import titles from "../../tests/vectors/titles.json";
import type { Location, Template } from "./bindings";
import { chineseNumeral, headingNumber, pathNumber } from "./numbering";
import { chineseDate, describe, guidanceAt, guidanceNear, periodInTitle } from "./text";

// JSON arrays read as arrays of unions; the files' shapes are said here once.
const files: Record<string, unknown> = { dates, guidance, numbering, titles };
function vector<T>(name: string): T {
  return files[name] as T;
}

interface Numbering {
  numerals: [number, string][];
  headings: [number, number, string][];
  chains: [number[], string][];
  locations: [Location, string][];
}

/** Every case where `ui(input)` differs from the core's answer, as [input, core, ui]. */
function mismatches<I, O>(cases: [I, O][], ui: (i: I) => O): [I, O, O][] {
  return cases.flatMap(([i, core]) => {
    const mine = ui(i);
    return mine === core ? [] : [[i, core, mine] as [I, O, O]];
  });
}

test("heading numbers are the core's, for every numeral and level", () => {
  const v = vector<Numbering>("numbering");
  expect(v.numerals.length).toBeGreaterThan(1000);
  expect(mismatches(v.numerals, chineseNumeral)).toEqual([]);
  expect(v.headings.filter(([level, i, core]) => headingNumber(level, i) !== core)).toEqual([]);
  expect(mismatches(v.chains, pathNumber)).toEqual([]);
});

test("locations are described as the core describes them", () => {
  const v = vector<Numbering>("numbering");
  expect(v.locations.length).toBeGreaterThan(8);
  expect(mismatches(v.locations, describe)).toEqual([]);
});

test("the period after the year is the core's", () => {
  const v = vector<{ periods: [string, string][] }>("titles");
  expect(v.periods.map(([p]) => p)).toContain("全年");
  expect(mismatches(v.periods, periodInTitle)).toEqual([]);
});

test("guidance is looked up as the core looks it up", () => {
  type Lookup = [string, number[], string | null, string | null, number | null];
  const v = vector<{ templates: Template[]; lookups: Lookup[] }>("guidance");
  expect(v.lookups.some(([, , what]) => what === null)).toBe(true);
  // Paths below the skeleton get an ancestor's guidance.
  expect(v.lookups.some(([, path, what, near]) => what === null && near !== null && path.length > 1)).toBe(true);
  const wrong = v.lookups.filter(([id, path, core, near, depth]) => {
    const t = v.templates.find((x) => x.id === id);
    const mine = guidanceNear(t, path);
    return (guidanceAt(t, path)?.what ?? null) !== core
      || (mine?.guidance.what ?? null) !== near || (mine?.depth ?? null) !== depth;
  });
  expect(wrong).toEqual([]);
});

test("dates read as the core prints them, and the ones it refuses read as nothing", () => {
  const v = vector<{ dates: [string, string][] }>("dates");
  expect(v.dates.some(([, core]) => core === "")).toBe(true);
  expect(mismatches(v.dates, (iso) => chineseDate(iso || null))).toEqual([]);
});
