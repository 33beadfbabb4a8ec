# Shared by scripts/run-app and scripts/test: install what is missing on Debian 12, build the UI.
# Sourced, not run. Idempotent: a second run installs nothing and rebuilds only what changed.

set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# apt_need PKG... : installs the packages that are not installed yet.
apt_need() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "安装系统软件包 / installing apt packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# What the app needs to build and run (Tauri 2 on WebKitGTK 4.1) and the fonts it falls back to.
APP_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev curl
  fonts-droid-fallback fonts-liberation fontconfig)

need_toolchains() {
  if ! command -v cargo >/dev/null 2>&1; then
    if [ -x "$HOME/.cargo/bin/cargo" ]; then
      export PATH="$HOME/.cargo/bin:$PATH"
    else
      apt_need curl ca-certificates
      say "安装 Rust 工具链 / installing the Rust toolchain (rustup)"
      curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt -c clippy
      export PATH="$HOME/.cargo/bin:$PATH"
    fi
  fi
  if ! command -v npm >/dev/null 2>&1; then
    apt_need nodejs npm
  fi
}

build_ui() {
  say "构建界面 / building the UI (ui/)"
  # npm ci installs exactly the lock file; some npm releases write lock files without other
  # platforms' optional packages and then refuse them in `npm ci`, so fall back to install.
  (cd ui && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
      npm install --no-audit --no-fund --loglevel=error; } && npm run build --silent)
}

# A running CUPS scheduler with the virtual PDF printer "PDF" (cups-pdf), for the print test.
# No systemd in these containers: the daemon is started by hand when it is not running.
need_cups_pdf() {
  apt_need cups cups-client printer-driver-cups-pdf
  if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    say "启动打印服务 / starting cupsd"
    as_root cupsd
    for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
  fi
  if ! lpstat -e 2>/dev/null | grep -qx PDF; then
    say "添加虚拟打印机 PDF / adding the cups-pdf queue PDF"
    as_root lpadmin -p PDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
  fi
}
