// Main-thread work per keystroke, measured in the running app for the typing benchmark
// (scripts/bench-typing drives the app through the e2e tests and collects it). Off until the
// driver turns it on with `window.__gwInputTiming.start()`; then, for every edit of a field:
// - `keystroke`: from the start of the keydown's dispatch (a window capture listener, the first
//   script to run) to the end of the input event's handlers (a document bubble listener, the
//   last): our keydown handlers, the browser's own text insertion, autosave and autosize,
//   including any layout they force. An edit without a keydown (a paste) counts from its input.
// - `input`: the input event's handlers alone.
// Both in ms (performance.now). What the browser paints afterwards is not in them.

interface Sample { keystroke: number; input: number; chars: number }

const samples: Sample[] = [];
let on = false;
let keydownAt = -1;
let inputAt = -1;

function installed(): void {
  window.addEventListener("keydown", () => { if (on && keydownAt < 0) keydownAt = performance.now(); }, true);
  window.addEventListener("input", () => { if (on) inputAt = performance.now(); }, true);
  document.addEventListener("input", (e) => {
    if (!on || inputAt < 0) return;
    const end = performance.now();
    const data = (e as InputEvent).data ?? "";
    samples.push({ keystroke: end - (keydownAt >= 0 ? keydownAt : inputAt), input: end - inputAt, chars: Array.from(data).length });
    keydownAt = -1;
    inputAt = -1;
  });
  // A keydown that inserted nothing (an arrow key) must not stretch the next sample.
  window.addEventListener("keyup", () => { keydownAt = -1; });
}

export function installInputTiming(): void {
  installed();
  (window as unknown as { __gwInputTiming: unknown }).__gwInputTiming = {
    start(): void { samples.length = 0; on = true; },
    /** The samples so far, emptied. */
    take(): Sample[] { return samples.splice(0); },
    stop(): void { on = false; },
  };
}
