import { appError, errText, isInputError } from "./errors";
import { statusText } from "./autosave";

test("the core's error value keeps its kind and message", () => {
  const full = { kind: "storage", message: "保存失败：磁盘空间已满，请清理磁盘后重试。" };
  expect(appError(full)).toEqual(full);
  expect(errText(full)).toBe(full.message);
  expect(isInputError(full)).toBe(false);
  expect(isInputError({ kind: "input", message: "请填写内容后再确定。" })).toBe(true);
  expect(isInputError({ kind: "not_found", message: "找不到编号为 9 的报告。" })).toBe(true);
});

test("anything else is a fault of the program, its text kept", () => {
  expect(appError("command x not allowed")).toEqual({ kind: "internal", message: "command x not allowed" });
  expect(appError(new Error("boom")).message).toBe("boom");
  // An unknown kind is not trusted as a kind.
  expect(appError({ kind: "weird", message: "x" }).kind).toBe("internal");
});

test("the status line tells a refused value from a failed disk", () => {
  const disk = statusText({ kind: "error", message: "保存失败：磁盘空间已满。", input: false });
  const bad = statusText({ kind: "error", message: "年份 3000 不在 1900—2200 之间。", input: true });
  expect(disk).toContain("稍后会再试");
  expect(bad).toContain("请修改这一项");
  expect(bad).not.toContain("稍后会再试");
});
