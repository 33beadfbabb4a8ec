//! The main window opens inside the screen's work area (the screen less the taskbar), so that
//! on the 1366 × 768 and 1280 × 720 screens clerks have, no part of it is under the taskbar or
//! off the screen. tauri.conf.json asks for 1280 × 720; this shrinks it where that does not fit.

use tauri::{PhysicalPosition, PhysicalSize, Runtime, WebviewWindow};

/// Shrinks `w` (frame included) to the work area of its monitor when it is larger, and centres
/// it there. A window manager that reports no monitor leaves it as configured.
pub fn fit_to_work_area<R: Runtime>(w: &WebviewWindow<R>) -> tauri::Result<()> {
    let Some(monitor) = w.current_monitor()?.or(w.primary_monitor()?) else {
        return Ok(());
    };
    let area = *monitor.work_area();
    let (outer, inner) = (w.outer_size()?, w.inner_size()?);
    // The title bar and borders, which the work area must hold as well.
    let frame_w = outer.width.saturating_sub(inner.width);
    let frame_h = outer.height.saturating_sub(inner.height);
    let width = outer.width.min(area.size.width);
    let height = outer.height.min(area.size.height);
    if (width, height) != (outer.width, outer.height) {
        let size = PhysicalSize::new(width - frame_w, height - frame_h);
        // tauri.conf.json's minimum (960 × 560) gives way on a screen smaller than it.
        let min = tauri::LogicalSize::new(960.0, 560.0).to_physical::<u32>(w.scale_factor()?);
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
