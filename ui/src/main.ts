// Entry: the report list, an open report, or the settings page. Pending edits are saved before
// the window closes.

import { getCurrentWindow } from "@tauri-apps/api/window";
import { api, errText } from "./api";
import { h, toast } from "./dom";
import { openEditor, type Editor } from "./editor";
import { showList } from "./list";
import { installInputTiming } from "./perf";
import { showSettings } from "./settings";
import type { Template } from "./bindings";

const app = document.getElementById("app")!;
installInputTiming();
let editor: Editor | null = null;
let templates: Template[] = [];

const nav = {
  open: (id: number) => void openReport(id),
  settings: () => void showSettings(app, () => void list()),
};

async function list(): Promise<void> {
  editor = null;
  document.title = "公文写作台";
  await showList(app, templates, nav);
}

async function openReport(id: number): Promise<void> {
  try {
    editor = await openEditor(app, id, templates, () => void list());
  } catch (e) {
    app.append(h("p", { class: "error" }, errText(e)));
  }
}

async function start(): Promise<void> {
  try {
    templates = await api.listTemplates();
    await list();
    // A damaged database recovered from a backup, or a failed daily backup: tell the clerk.
    const info = await api.appInfo();
    if (info.notices.length > 0) toast(info.notices.join(" "), "error");
  } catch (e) {
    app.append(h("p", { class: "error" }, `程序启动失败：${errText(e)}`));
  }
  // Closing the window saves what is still pending (the last second of typing) first.
  void getCurrentWindow().onCloseRequested(async () => {
    if (editor) await editor.autosave.flushAll();
  });
}

void start();
