import { invoke } from "@tauri-apps/api/core";
import { summaryLine, type ReportSummary } from "./format";

interface Template { id: string; name: string; description: string }
interface AppInfo { version: string; database: string; schema_version: number }

function item(title: string, detail: string): HTMLLIElement {
  const li = document.createElement("li");
  li.textContent = title;
  const small = document.createElement("small");
  small.textContent = detail;
  li.appendChild(small);
  return li;
}

async function start() {
  const status = document.getElementById("status")!;
  try {
    const info = await invoke<AppInfo>("app_info");
    status.textContent = `版本 ${info.version} · 数据库 ${info.database}`;
    const reports = await invoke<ReportSummary[]>("list_reports");
    const list = document.getElementById("reports")!;
    if (reports.length === 0) list.appendChild(item("（还没有报告）", ""));
    for (const r of reports) {
      const l = summaryLine(r);
      list.appendChild(item(l.title, l.detail));
    }
    const templates = await invoke<Template[]>("list_templates");
    const tl = document.getElementById("templates")!;
    for (const t of templates) tl.appendChild(item(t.name, t.description));
  } catch (e) {
    status.textContent = `出错：${e}`;
  }
}

start();
