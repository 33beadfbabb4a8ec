// Shapes of the core's values as serde sends them over IPC (see src/model, src/check, src/store).

export type Status = "draft" | "final";

/** 页码样式 (src/model/page_numbers.rs): always the full object over IPC. */
export interface PageNumbers {
  position: "national" | "center";
  dash: "em" | "hyphen";
  first_page: boolean;
}

export interface Section {
  id?: number;
  heading: string;
  run_in: boolean;
  paragraphs: string[];
  children: Section[];
}

export interface Report {
  id?: number;
  kind: string;
  unit: string;
  year: number;
  period: string;
  title: string;
  /** 副标题, 主送机关 (without its colon), 附注; null when absent. */
  subtitle: string | null;
  addressee: string | null;
  opening: string[];
  sections: Section[];
  attachments: string[];
  signature: string;
  date: string | null;
  status: Status;
  seal: boolean;
  page_numbers: PageNumbers;
  note: string | null;
}

export interface ReportMeta {
  kind: string;
  unit: string;
  year: number;
  period: string;
  title: string;
  signature: string;
  date: string | null;
  status: Status;
  seal: boolean;
  attachments: string[];
  page_numbers: PageNumbers;
  subtitle: string | null;
  addressee: string | null;
  note: string | null;
}

export interface ReportSummary {
  id: number;
  kind?: string;
  unit: string;
  year: number;
  period: string;
  title: string;
  status: Status;
  updated: string;
  updated_at?: number;
  trashed_at?: number | null;
}

export interface Guidance { what: string; example: string }
export interface TemplateSection { heading: string; run_in: boolean; guidance: Guidance; children: TemplateSection[] }
export interface Template {
  id: string;
  name: string;
  level: string;
  subject: string;
  description: string;
  opening: Guidance;
  sections: TemplateSection[];
}

export type Location =
  | { part: "title" }
  | { part: "opening"; index: number }
  | { part: "heading"; path: number[] }
  | { part: "paragraph"; path: number[]; index: number }
  | { part: "attachment"; index: number }
  | { part: "signature" }
  | { part: "date" }
  | { part: "report" };

export interface Fix { label: string; location: Location; action: unknown }
export interface Finding {
  severity: "error" | "warning" | "info";
  code: string;
  location: Location;
  start?: number;
  end?: number;
  excerpt: string;
  message: string;
  fix?: Fix;
}

export interface Placeholder {
  location: Location;
  start: number;
  end: number;
  text: string;
  kind: string;
  context: string;
}

export type Stage = "decode" | "normalise" | "kind" | "chrome" | "lines" | "blocks" | "tree";
export interface ImportNote { kind: string; message: string; text: string; stage: Stage }
export type LineRole = "title" | "subtitle" | "addressee" | "opening" | "heading" | "body" | "table"
  | "attachment" | "signature" | "date" | "note" | "removed";
export interface ImportLine { text: string; role: LineRole; level: number; run_in: boolean; reason: string; stage: Stage }
export interface Removed { text: string; reason: string; stage: Stage; restorable: boolean }
export interface Proposal { kind: string; kind_reason: string; unit: string; year: number | null; title: string }
export interface ImportResult {
  report: Report;
  notes: ImportNote[];
  placeholders: Placeholder[];
  format: string;
  encoding?: string;
  removed: Removed[];
  inserted: string[];
  input_kind: string | null;
  proposal: Proposal;
  lines: ImportLine[];
}

export interface VersionInfo { id: number; report_id: number; name: string; created_at: number; created: string }
export interface CarryItem { id: number; report_id: number; text: string; source_report_id: number | null; done: boolean }
export interface WordEntry { id?: number; wrong: string; right: string; note: string; builtin: boolean }
export interface Printer { name: string; is_default: boolean }
export interface PrintSetup { method: "cups" | "system_viewer"; printers: Printer[] }
