//! Drives the real app: tauri-driver (which starts WebKitWebDriver, which starts the app) under
//! Xvfb, through fantoccini. Each `App` has its own data folder and its own ports, and saves
//! screenshots under `<target>/e2e-shots/`.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The workspace's target folder (CARGO_TARGET_DIR when set, as in CI and scripts/test).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

pub fn app_binary() -> PathBuf {
    target_dir().join("debug/gongwen-app")
}

pub fn shots_dir() -> PathBuf {
    let d = target_dir().join("e2e-shots");
    std::fs::create_dir_all(&d).ok();
    d
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let local = home.join(".cargo/bin/tauri-driver");
    if local.exists() {
        local
    } else {
        PathBuf::from("tauri-driver")
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

pub struct App {
    pub client: Client,
    driver: Child,
}

impl App {
    /// Starts the app on `data` (its GONGWEN_DATA_DIR); exports go to `save` instead of the
    /// native dialog.
    pub async fn launch(data: &Path, save: &Path) -> Res<App> {
        App::launch_with(data, save, &[]).await
    }

    /// As [`App::launch`], with extra environment variables for the app (e.g. a PATH).
    pub async fn launch_with(data: &Path, save: &Path, env: &[(&str, String)]) -> Res<App> {
        let bin = app_binary();
        assert!(
            bin.exists(),
            "{} is missing: build it first (cargo build -p gongwen-app)",
            bin.display()
        );
        App::launch_program(&bin, data, save, env).await
    }

    /// As [`App::launch_with`], with `program` started in place of the app (e.g. a script that
    /// runs the app under strace).
    pub async fn launch_program(
        bin: &Path,
        data: &Path,
        save: &Path,
        env: &[(&str, String)],
    ) -> Res<App> {
        let (port, native) = (free_port(), free_port());
        let driver = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("GONGWEN_DATA_DIR", data)
            .env("GONGWEN_E2E_SAVE_DIR", save)
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("tauri-driver did not start ({e}); cargo install tauri-driver --locked")
            })?;
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": bin }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let start = Instant::now();
        let client = loop {
            match ClientBuilder::rustls()?
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if start.elapsed() < Duration::from_secs(20) => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => return Err(format!("no WebDriver session: {e}").into()),
            }
        };
        let app = App { client, driver };
        app.wait("#app").await?;
        Ok(app)
    }

    /// Ends the session (the app quits) and stops tauri-driver with SIGTERM, which also stops
    /// WebKitWebDriver (SIGKILL would orphan it).
    pub async fn quit(mut self) -> Res<()> {
        let r = self.client.clone().close().await;
        unsafe_sigterm(self.driver.id());
        let _ = self.driver.wait();
        r.map_err(|e| e.into())
    }

    /// The process id of tauri-driver, the root of the process tree that holds the app
    /// (tauri-driver → WebKitWebDriver → gongwen-app → WebKit's web and network processes).
    pub fn driver_pid(&self) -> u32 {
        self.driver.id()
    }

    /// Opens report `id` from the report list and waits for its step to be drawn.
    pub async fn open_report(&self, id: i64) -> Res<()> {
        self.click(&format!("#reports tr[data-id='{id}'] td.title a"))
            .await?;
        self.wait("#step-body[data-step]").await?;
        Ok(())
    }

    pub async fn wait(&self, css: &str) -> Res<Element> {
        Ok(self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("waiting for {css}: {e}"))?)
    }

    /// 新建报告 for `unit` (the template's defaults otherwise) and waits for its first step.
    pub async fn new_report(&self, unit: &str) -> Res<()> {
        self.click("#b-new").await?;
        self.type_into("#n-unit", unit).await?;
        self.click("#n-create").await?;
        self.wait("#step-body[data-step='1']").await?;
        Ok(())
    }

    /// Exporting with unfilled placeholders asks first; answers 仍然导出 when it does.
    pub async fn confirm_if_asked(&self) -> Res<()> {
        if self
            .js("return !!document.getElementById('ask-yes')", vec![])
            .await?
            == true
        {
            self.click("#ask-yes").await?;
        }
        Ok(())
    }

    /// Goes to step `n` of the open report and waits until it is drawn.
    pub async fn step(&self, n: u8) -> Res<()> {
        self.click(&format!("#step-{n}")).await?;
        self.wait(&format!("#step-body[data-step='{n}']")).await?;
        Ok(())
    }

    pub async fn click(&self, css: &str) -> Res<()> {
        self.wait(css).await?.click().await?;
        Ok(())
    }

    /// Types like a keyboard (WebDriver key events) at the end of the field.
    pub async fn type_into(&self, css: &str, text: &str) -> Res<()> {
        let el = self.wait(css).await?;
        el.click().await?;
        el.send_keys(text).await?;
        Ok(())
    }

    /// Empties a field, then types.
    pub async fn retype(&self, css: &str, text: &str) -> Res<()> {
        let el = self.wait(css).await?;
        el.clear().await?;
        el.click().await?;
        el.send_keys(text).await?;
        Ok(())
    }

    /// Replaces a field's text through the IME path: compositionstart, input events with
    /// isComposing (pinyin in the field), then the committed characters and compositionend —
    /// what a Chinese input method does.
    pub async fn compose_into(&self, css: &str, committed: &str) -> Res<()> {
        self.click(css).await?;
        self.js(
            r#"const [css, text] = arguments;
            const el = document.querySelector(css);
            el.focus();
            const base = el.value;
            el.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
            let pinyin = '';
            for (const p of ['zh', 'zheng', 'zhengwu', 'zhengwu gong']) {
              pinyin = p;
              el.value = base + pinyin;
              el.dispatchEvent(new InputEvent('input', {isComposing: true, data: pinyin, inputType: 'insertCompositionText'}));
            }
            el.value = base + text;
            el.dispatchEvent(new InputEvent('input', {isComposing: true, data: text, inputType: 'insertCompositionText'}));
            el.dispatchEvent(new CompositionEvent('compositionend', {data: text}));
            return el.value;"#,
            vec![css.into(), committed.into()],
        )
        .await?;
        Ok(())
    }

    pub async fn value(&self, css: &str) -> Res<String> {
        Ok(self
            .wait(css)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    pub async fn text(&self, css: &str) -> Res<String> {
        Ok(self.wait(css).await?.text().await?)
    }

    /// Sets a field as the picker would (a date input cannot be typed into portably).
    pub async fn set_value(&self, css: &str, v: &str) -> Res<()> {
        self.js(
            "const el=document.querySelector(arguments[0]); el.focus(); el.value=arguments[1];
             el.dispatchEvent(new Event('input',{bubbles:true})); el.dispatchEvent(new Event('change',{bubbles:true})); el.blur();",
            vec![css.into(), v.into()],
        )
        .await?;
        Ok(())
    }

    pub async fn js(&self, script: &str, args: Vec<serde_json::Value>) -> Res<serde_json::Value> {
        Ok(self.client.execute(script, args).await?)
    }

    /// Runs an asynchronous script: its last argument is the function that ends it with a
    /// value (WebDriver's Execute Async Script).
    pub async fn js_async(
        &self,
        script: &str,
        args: Vec<serde_json::Value>,
    ) -> Res<serde_json::Value> {
        Ok(self.client.execute_async(script, args).await?)
    }

    /// Waits until `css`'s text contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> Res<String> {
        let start = Instant::now();
        loop {
            let t = self
                .js(
                    "const e=document.querySelector(arguments[0]); return e ? e.textContent : '';",
                    vec![css.into()],
                )
                .await?;
            let t = t.as_str().unwrap_or_default().to_string();
            if t.contains(needle) {
                return Ok(t);
            }
            if start.elapsed() > Duration::from_secs(20) {
                return Err(format!("{css} never read “{needle}” (last: “{t}”)").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for autosave to report 已保存 (every pending edit is in the database).
    pub async fn saved(&self) -> Res<()> {
        self.wait_text("#status", "已保存").await.map(|_| ())
    }

    /// A PNG of the window, after two animation frames so that the last DOM change is painted.
    pub async fn shot(&self, name: &str) -> Res<PathBuf> {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await?;
        // The X screen, not WebDriver's screenshot: WebKitGTK's automation snapshot never
        // returns when accelerated compositing is off, as the app runs it (src-tauri main.rs).
        let path = shots_dir().join(format!("{name}.png"));
        let ok = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()?
            .success();
        if !ok {
            return Err(format!("import -window root failed for {name}").into());
        }
        Ok(path)
    }
}

/// A test that fails (an `Err` returned early or a panic) drops its app without [`App::quit`]:
/// stop tauri-driver all the same, or it lingers with WebKitWebDriver after the test run.
impl Drop for App {
    fn drop(&mut self) {
        if let Ok(None) = self.driver.try_wait() {
            unsafe_sigterm(self.driver.id());
            let _ = self.driver.wait();
        }
    }
}

fn unsafe_sigterm(pid: u32) {
    // No libc dependency for one signal: the kill(1) command does it.
    let _ = Command::new("kill")
        .arg("-TERM")
        .arg(pid.to_string())
        .status();
}

/// Waits until the script returns true.
pub async fn wait_true(app: &App, script: &str) -> Res<()> {
    let start = Instant::now();
    while app.js(script, vec![]).await? != serde_json::Value::Bool(true) {
        if start.elapsed() > Duration::from_secs(20) {
            return Err(format!("never true: {script}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// Waits until `path` exists and is non-empty.
pub async fn wait_file(path: &Path) -> Res<Vec<u8>> {
    let start = Instant::now();
    loop {
        if let Ok(b) = std::fs::read(path) {
            if !b.is_empty() {
                return Ok(b);
            }
        }
        if start.elapsed() > Duration::from_secs(30) {
            return Err(format!("{} was not written", path.display()).into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The text of word/document.xml in a DOCX (proves it is a readable package).
pub fn docx_text(bytes: &[u8]) -> Res<String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut s = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml")?, &mut s)?;
    Ok(s)
}

/// The CLI `gongwen` next to the app binary the tests drive.
pub fn cli_binary(app: &Path) -> PathBuf {
    app.with_file_name("gongwen")
}

/// Runs the CLI (`target/debug/gongwen`, built with the workspace as the app is) on the data
/// folder `data`; returns its standard output, or its standard error as the error when it
/// exits with a failure.
pub fn gongwen(data: &Path, args: &[&str]) -> Res<String> {
    let out = std::process::Command::new(target_dir().join("debug/gongwen"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// Stores the core's sample report of about `pages` pages (`fixtures::sample_report`, our own
/// text; 100 asks for the 103-page report of docs/benchmarks.md) in the data folder `data`
/// through the CLI `cli`, before the app starts; returns its id.
pub fn import_sample(cli: &Path, data: &Path, pages: usize) -> Res<i64> {
    let json = serde_json::to_vec(&gongwen::fixtures::sample_report(pages))?;
    let file = data.join(format!("sample-{pages}.json"));
    std::fs::create_dir_all(data)?;
    std::fs::write(&file, json)?;
    let out = Command::new(cli)
        .arg("--data-dir")
        .arg(data)
        .arg("import")
        .arg(&file)
        .output()?;
    std::fs::remove_file(&file).ok();
    if !out.status.success() {
        return Err(format!(
            "gongwen import failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    let text = String::from_utf8(out.stdout)?;
    let id = text
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| !w.is_empty())
        .ok_or_else(|| format!("no report id in “{text}”"))?;
    Ok(id.parse()?)
}
