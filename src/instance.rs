//! One app per data folder. The first launch holds an exclusive lock on `<data>/app.lock` for
//! as long as it runs and listens on a local socket beside it; a second launch finds the lock
//! taken, asks the first to bring its window forward, and quits before it opens the database.
//!
//! The lock, not the socket, decides: the OS drops it when the first process ends however it
//! ends (even SIGKILL), so a stale socket file never keeps the clerk out. We do not use the
//! Tauri single-instance plugin because on Linux it needs a D-Bus session bus, which office
//! machines started without a desktop session (and our CI under Xvfb) do not have.
//!
//! The socket is a Unix domain socket (a file, no network). On Windows there is no socket: a
//! second launch is still refused by the lock, but cannot raise the first window.

use crate::{Error, ErrorKind, Result};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// Name of the lock file in the data folder; the first app holds an exclusive lock on it.
pub const LOCK_FILE: &str = "app.lock";
/// Name of the Unix domain socket in the data folder, on which the first app listens for a
/// second launch asking it to show its window.
pub const SOCKET_FILE: &str = "app.sock";
/// What a second launch writes to the first.
const SHOW: &[u8] = b"show\n";

/// The outcome of [`claim`].
pub enum Launch {
    /// No other app runs on this data folder: go on, keep the [`Instance`] alive.
    First(Instance),
    /// Another app runs on this data folder; `raised` tells whether it was asked to show its
    /// window (false when it could not be reached, e.g. on Windows).
    Second {
        /// The running app was reached and asked to show its window.
        raised: bool,
    },
}

/// The held lock (released when dropped or when the process ends) and, on Unix, the socket a
/// second launch knocks on.
pub struct Instance {
    _lock: File,
    #[cfg(unix)]
    listener: Option<std::os::unix::net::UnixListener>,
    socket: PathBuf,
}

/// Takes the app lock for `data_dir` or, if another process holds it, asks that process to
/// show its window.
pub fn claim(data_dir: &Path) -> Result<Launch> {
    std::fs::create_dir_all(data_dir).map_err(|e| {
        Error::new(
            ErrorKind::Storage,
            format!("无法创建数据文件夹 {}。", data_dir.display()),
            e.to_string(),
        )
    })?;
    let lock_path = data_dir.join(LOCK_FILE);
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| {
            Error::new(
                ErrorKind::Storage,
                format!(
                    "无法在数据文件夹中创建运行锁 {}，请检查该文件夹是否可写。",
                    lock_path.display()
                ),
                e.to_string(),
            )
        })?;
    let socket = socket_path(data_dir);
    match lock.try_lock() {
        Ok(()) => Ok(Launch::First(Instance::listen(lock, socket))),
        Err(std::fs::TryLockError::WouldBlock) => Ok(Launch::Second {
            raised: knock(&socket),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::new(
            ErrorKind::Storage,
            format!("无法锁定运行锁 {}。", lock_path.display()),
            e.to_string(),
        )),
    }
}

/// `<data>/app.sock`, or a name in the temp folder when the data path is too long for a Unix
/// socket address (108 bytes on Linux).
fn socket_path(data_dir: &Path) -> PathBuf {
    let beside = data_dir.join(SOCKET_FILE);
    if beside.as_os_str().len() < 100 {
        return beside;
    }
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    data_dir.hash(&mut h);
    std::env::temp_dir().join(format!("gongwen-{:016x}.sock", h.finish()))
}

impl Instance {
    #[cfg(unix)]
    fn listen(lock: File, socket: PathBuf) -> Instance {
        // We hold the lock, so a socket file left here belongs to a process that has ended.
        let _ = std::fs::remove_file(&socket);
        let listener = match std::os::unix::net::UnixListener::bind(&socket) {
            Ok(l) => Some(l),
            Err(e) => {
                // Still one instance (the lock holds); only raising the window is lost.
                crate::log::warn("instance-socket", &e.to_string());
                None
            }
        };
        Instance {
            _lock: lock,
            listener,
            socket,
        }
    }

    #[cfg(not(unix))]
    fn listen(lock: File, socket: PathBuf) -> Instance {
        Instance {
            _lock: lock,
            socket,
        }
    }

    /// Calls `show` (on a background thread) each time a second launch knocks. The lock stays
    /// held as long as the returned guard lives.
    pub fn on_second_launch(self, show: impl Fn() + Send + 'static) -> Held {
        #[cfg(unix)]
        {
            let mut this = self;
            if let Some(listener) = this.listener.take() {
                std::thread::Builder::new()
                    .name("second-launch".into())
                    .spawn(move || {
                        use std::io::Read;
                        for conn in listener.incoming().flatten() {
                            let mut buf = [0u8; 16];
                            let mut conn = conn;
                            let _ = conn.set_read_timeout(Some(std::time::Duration::from_secs(2)));
                            let n = conn.read(&mut buf).unwrap_or(0);
                            if buf[..n] == *SHOW {
                                crate::log::info("second-launch", "window shown");
                                show();
                            }
                        }
                    })
                    .ok();
            }
            Held(this)
        }
        #[cfg(not(unix))]
        {
            let _ = show;
            Held(self)
        }
    }
}

/// Keeps the instance lock; removes the socket file when the app ends normally.
pub struct Held(Instance);

impl Drop for Held {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0.socket);
    }
}

#[cfg(unix)]
fn knock(socket: &Path) -> bool {
    use std::io::Write;
    match std::os::unix::net::UnixStream::connect(socket) {
        Ok(mut s) => s.write_all(SHOW).is_ok(),
        Err(_) => false,
    }
}

#[cfg(not(unix))]
fn knock(_socket: &Path) -> bool {
    false
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn second_claim_is_refused_and_raises_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let Launch::First(first) = claim(dir.path()).unwrap() else {
            panic!("the first claim must win");
        };
        let (tx, rx) = mpsc::channel();
        let held = first.on_second_launch(move || {
            let _ = tx.send(());
        });
        // flock locks conflict between two opens of the same file even in one process, so
        // this is what a second process sees.
        match claim(dir.path()).unwrap() {
            Launch::Second { raised } => assert!(raised, "the first instance was not reached"),
            Launch::First(_) => panic!("a second claim must not win while the first runs"),
        }
        rx.recv_timeout(Duration::from_secs(5))
            .expect("the first instance was asked to show its window");
        drop(held);
        assert!(
            !dir.path().join(SOCKET_FILE).exists(),
            "socket removed on a normal end"
        );
        assert!(
            matches!(claim(dir.path()).unwrap(), Launch::First(_)),
            "after the first ends, the next launch is first again"
        );
    }

    #[test]
    fn a_stale_socket_does_not_keep_the_clerk_out() {
        let dir = tempfile::tempdir().unwrap();
        // As left by a process killed with SIGKILL: a socket file, no lock holder.
        let stale = std::os::unix::net::UnixListener::bind(dir.path().join(SOCKET_FILE)).unwrap();
        drop(stale);
        assert!(dir.path().join(SOCKET_FILE).exists());
        let Launch::First(first) = claim(dir.path()).unwrap() else {
            panic!("a stale socket must not count as a running app");
        };
        let (tx, rx) = mpsc::channel();
        let _held = first.on_second_launch(move || {
            let _ = tx.send(());
        });
        assert!(matches!(
            claim(dir.path()).unwrap(),
            Launch::Second { raised: true }
        ));
        rx.recv_timeout(Duration::from_secs(5)).unwrap();
    }

    #[test]
    fn long_data_paths_put_the_socket_in_the_temp_folder() {
        let base = tempfile::tempdir().unwrap();
        let deep = base.path().join("很长的文件夹名称".repeat(6));
        let Launch::First(first) = claim(&deep).unwrap() else {
            panic!()
        };
        assert!(socket_path(&deep).starts_with(std::env::temp_dir()));
        let _held = first.on_second_launch(|| {});
        assert!(matches!(
            claim(&deep).unwrap(),
            Launch::Second { raised: true }
        ));
    }
}
