// 打印: on Linux a small panel over the CUPS queues (printer, copies, double-sided); elsewhere
// the PDF opens in the system viewer. Says so plainly when there is no printer.

import { api } from "./api";
import { h, modal, toast, toastError } from "./dom";

export async function printReport(id: number): Promise<void> {
  let setup;
  try {
    setup = await api.listPrinters();
  } catch (e) {
    toastError(e);
    return;
  }
  if (setup.method === "system_viewer") {
    try {
      await api.printReport(id, null);
      toast("已在系统的 PDF 阅读器中打开，请在其中打印。");
    } catch (e) {
      toastError(e);
    }
    return;
  }
  if (setup.printers.length === 0) {
    const close = modal("打印", h("div", {},
      h("p", { id: "no-printer" }, "本机还没有可用的打印机。请在系统设置中添加打印机，或先“导出 PDF”后用其他电脑打印。"),
      h("div", { class: "actions" }, h("button", { onclick: () => close() }, "知道了"))), "print-panel");
    return;
  }
  const printer = h("select", { id: "p-printer" }, ...setup.printers.map((p) =>
    h("option", { value: p.name }, p.is_default ? `${p.name}（默认）` : p.name)));
  const copies = h("input", { id: "p-copies", type: "number", min: 1, max: 99, value: 1 });
  const duplex = h("input", { id: "p-duplex", type: "checkbox", checked: true });
  const go = h("button", { class: "primary", id: "p-go", onclick: async () => {
    go.setAttribute("disabled", "");
    try {
      const job = await api.printReport(id, { printer: printer.value, copies: Number(copies.value), duplex: duplex.checked });
      close();
      toast(`已发送到打印机“${printer.value}”${job ? `（任务 ${job}）` : ""}。`);
    } catch (e) {
      go.removeAttribute("disabled");
      toastError(e, "打印失败：");
    }
  } }, "打印");
  const close = modal("打印", h("div", { class: "form" },
    h("label", {}, "打印机", printer),
    h("label", {}, "份数", copies),
    h("label", { class: "check" }, duplex, " 双面打印（长边装订）"),
    h("div", { class: "actions" }, h("button", { onclick: () => close() }, "取消"), go)), "print-panel");
}
