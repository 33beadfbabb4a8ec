import { expect, test } from "vitest";
import { renameAttachments, splitNames } from "./steps/formal";

test("signers typed with spaces or 、 become a list", () => {
  expect(splitNames("王某某　李某 、张某")).toEqual(["王某某", "李某", "张某"]);
  expect(splitNames("  ")).toEqual([]);
});

test("editing the names keeps each attachment's text", () => {
  const old = [{ name: "台账", paragraphs: ["甲"] }, { name: "名单", paragraphs: ["乙"] }];
  expect(renameAttachments(old, ["名单", "台账"])).toEqual([
    { name: "名单", paragraphs: ["乙"] }, { name: "台账", paragraphs: ["甲"] }]);
  expect(renameAttachments(old, ["台账（修订）"])).toEqual([{ name: "台账（修订）", paragraphs: ["甲"] }]);
});
