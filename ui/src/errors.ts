// Errors as they cross from the core: `{kind, message}` (the serialised `gongwen::Error`). The
// kind decides how the UI tells it; the message is the core's Chinese sentence, shown as is.

import { ERROR_KINDS, type ErrorKind } from "./bindings";

export type { ErrorKind };

/** What a failed command rejects with: the kind and the Chinese sentence for the clerk. */
export interface AppError { kind: ErrorKind; message: string }


/** Any rejection as an AppError: the core's value as it is; anything else (a thrown JS error,
 *  a bare string from Tauri itself) is a fault of the program, `internal`. */
export function appError(e: unknown): AppError {
  if (typeof e === "object" && e !== null && "kind" in e && "message" in e) {
    const { kind, message } = e as { kind: unknown; message: unknown };
    if (typeof kind === "string" && (ERROR_KINDS as readonly string[]).includes(kind) && typeof message === "string") {
      return { kind: kind as ErrorKind, message };
    }
  }
  const message = typeof e === "string" ? e : e instanceof Error ? e.message : String(e);
  return { kind: "internal", message };
}

export function errText(e: unknown): string {
  return appError(e).message;
}

/** The clerk can put it right (bad input, something no longer there): said as a note. The
 *  others — a full disk, a read-only folder, a missing printer service, a fault — are
 *  failures of the machine or the program: said as an alarm, and left standing longer. */
export function isInputError(e: unknown): boolean {
  const k = appError(e).kind;
  return k === "input" || k === "not_found";
}
