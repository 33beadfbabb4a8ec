// 保存版本 (Ctrl+S) and 历史版本. The core decides whether anything changed since the newest
// version and words the answer; here each version can be read, renamed, then restored.

import { api } from "./api";
import type { Autosave } from "./autosave";
import type { VersionInfo } from "./bindings";
import { clear, h, modal, toast, toastError } from "./dom";

/** Saves a version when the report changed since the newest one, and says which happened. */
export async function saveVersion(id: number, autosave: Autosave): Promise<void> {
  await autosave.flushAll();
  try {
    const r = await api.saveVersion(id, "");
    toast(r.message);
  } catch (e) {
    toastError(e);
  }
}

/** The version list: 查看 shows a version's text beside the list, 改名 names it, 恢复 restores it
 *  (the store keeps the current text as a version of its own first); `restored` re-renders. */
export async function showVersions(id: number, autosave: Autosave, restored: () => Promise<void>): Promise<void> {
  await autosave.flushAll();
  let list: VersionInfo[];
  try { list = await api.listVersions(id); } catch (e) { toastError(e); return; }
  const rows = h("div", { class: "version-list", id: "version-list" });
  const viewer = h("div", { class: "version-view", id: "version-view" },
    h("p", { class: "muted" }, "点“查看”在这里阅读该版本的全文，确认后再恢复。"));
  const body = h("div", { class: "versions" });
  if (list.length === 0) body.append(h("p", { class: "muted" }, "还没有保存过版本。按 Ctrl+S 或“保存版本”保存当前内容。"));
  else body.append(h("div", { class: "version-columns" }, rows, viewer));

  const view = async (v: VersionInfo, row: HTMLElement) => {
    for (const r of rows.querySelectorAll(".version.current")) r.classList.remove("current");
    row.classList.add("current");
    clear(viewer);
    try {
      const text = await api.versionText(v.id);
      viewer.append(h("h4", {}, `${v.name}（${v.created}）`), h("pre", { class: "version-text", id: "version-text" }, text));
    } catch (e) {
      viewer.append(h("p", { class: "error" }, String((e as { message?: string }).message ?? e)));
    }
  };
  const rename = (v: VersionInfo, nameEl: HTMLElement) => {
    const input = h("input", { class: "version-name-input", value: v.name });
    const done = async (keep: boolean) => {
      const name = input.value.trim();
      if (keep && name && name !== v.name) {
        try { await api.renameVersion(v.id, name); v.name = name; toast("版本已改名。"); } catch (e) { toastError(e); }
      }
      input.replaceWith(nameEl);
      nameEl.textContent = v.name;
    };
    input.addEventListener("keydown", (e) => {
      if (e.isComposing) return;
      if (e.key === "Enter") void done(true);
      if (e.key === "Escape") void done(false);
    });
    input.addEventListener("blur", () => void done(true), { once: true });
    nameEl.replaceWith(input);
    input.focus();
    input.select();
  };
  list.forEach((v, i) => {
    const name = h("span", { class: "version-name" }, v.name);
    const row = h("div", { class: "version", "data-version": v.id });
    row.append(
      h("div", { class: "version-label" }, name, h("small", {}, v.created)),
      h("div", { class: "version-actions" },
        h("button", { class: "v-view", onclick: () => void view(v, row) }, "查看"),
        h("button", { class: "v-rename", onclick: () => rename(v, name) }, "改名"),
        h("button", { class: "v-restore", onclick: async () => {
          try {
            await api.restoreVersion(v.id);
            close();
            toast(`已恢复“${v.name}”。恢复前的内容已另存为版本“恢复前自动保存”。`);
            await restored();
          } catch (e) { toastError(e); }
        } }, "恢复")));
    rows.append(row);
    if (i === 0) void view(v, row);
  });
  body.append(h("div", { class: "actions" }, h("button", { id: "versions-close", onclick: () => close() }, "关闭")));
  const close = modal("历史版本", body, "versions");
}
