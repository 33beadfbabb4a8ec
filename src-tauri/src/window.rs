//! The main window opens inside the screen's work area (the screen less the taskbar), so that
//! on the 1366 × 768 and 1280 × 720 screens clerks have, no part of it is under the taskbar or
//! off the screen. tauri.conf.json asks for 1280 × 720; this shrinks it where that does not fit.

use tauri::{LogicalSize, PhysicalPosition, PhysicalSize, Runtime, WebviewWindow};

/// Title bar and borders assumed while the window is not yet on screen (its frame unknown), in
/// logical px: a Windows 10/11 or GNOME title bar is 30–40 px high.
const FRAME_GUESS: (f64, f64) = (16.0, 40.0);

/// Shrinks `w` (frame included) to the work area of its monitor when it is larger, and centres
/// it there. `configured` is the inner size tauri.conf.json asks for, in logical px (used while
/// the window has no size yet, as before it is first shown). A window manager that reports no
/// monitor leaves it as configured.
pub fn fit_to_work_area<R: Runtime>(
    w: &WebviewWindow<R>,
    configured: LogicalSize<f64>,
) -> tauri::Result<()> {
    let Some(monitor) = w.current_monitor()?.or(w.primary_monitor()?) else {
        return Ok(());
    };
    let area = *monitor.work_area();
    let scale = w.scale_factor()?;
    let (outer, inner) = (w.outer_size()?, w.inner_size()?);
    let (inner, frame) = if outer.width == 0 || outer.height == 0 {
        let guess = LogicalSize::new(FRAME_GUESS.0, FRAME_GUESS.1).to_physical::<u32>(scale);
        (configured.to_physical::<u32>(scale), guess)
    } else {
        let frame = PhysicalSize::new(
            outer.width.saturating_sub(inner.width),
            outer.height.saturating_sub(inner.height),
        );
        (inner, frame)
    };
    let width = (inner.width + frame.width).min(area.size.width);
    let height = (inner.height + frame.height).min(area.size.height);
    let size = PhysicalSize::new(
        width.saturating_sub(frame.width),
        height.saturating_sub(frame.height),
    );
    if size != inner {
        // tauri.conf.json's minimum (960 × 560) gives way on a screen smaller than it.
        let min = LogicalSize::new(960.0, 560.0).to_physical::<u32>(scale);
        if size.width < min.width || size.height < min.height {
            let min = PhysicalSize::new(min.width.min(size.width), min.height.min(size.height));
            w.set_min_size(Some(tauri::Size::Physical(min)))?;
        }
        w.set_size(size)?;
    }
    let x = area.position.x + ((area.size.width - width) / 2) as i32;
    let y = area.position.y + ((area.size.height - height) / 2) as i32;
    w.set_position(PhysicalPosition::new(x, y))
}

/// Tells WebKitGTK that the window is a document viewer, not a web browser
/// (`WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER`, no memory cache): the app shows one local page and
/// never navigates, so the browser model's memory cache only held memory, above all the
/// decoded page images of every redraw of the preview (each a new `data:` URL): the idle
/// memory of the app with the 100-page report went from 308 to 270 MiB PSS after typing
/// (scripts/bench-pane, docs/benchmarks.md). Linux only; elsewhere nothing to do.
pub fn as_document_viewer<R: Runtime>(w: &WebviewWindow<R>) -> tauri::Result<()> {
    #[cfg(target_os = "linux")]
    w.with_webview(|view| {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        if let Some(context) = view.inner().context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    })?;
    #[cfg(not(target_os = "linux"))]
    let _ = w;
    Ok(())
}
