//! Least privilege and no network, through the real window:
//! - a whole session (write, preview, check, export, print, import, settings) run under `strace -f`
//!   makes no network connection from the app or any of its WebKit processes;
//! - what a script in the web view can reach: not arbitrary files (the file commands take only
//!   paths chosen in a dialog), not plugins we did not grant (fs, shell, JS dialogs, new
//!   windows), not the network, no inline or eval'd script (CSP);
//! - a second launch on the same data folder raises the running window and quits.

use e2e::{app_binary, wait_file, wait_true, App, Res};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A session that exercises every part of the app that touches data, fonts or files.
async fn full_session(app: &App, save: &Path) -> Res<()> {
    app.click("#b-new").await?;
    app.type_into("#n-unit", "青石镇人民政府").await?;
    app.set_value("#n-year", "2025").await?;
    app.click("#n-create").await?;
    app.wait("#step-body[data-step='1']").await?;
    let title = app.value("#f-title").await?;
    app.step(2).await?;
    app.type_into("#f-opening", "今年以来，我镇扎实推进政务公开工作。")
        .await?;
    app.saved().await?;
    app.step(3).await?;
    let first = app
        .js("return document.querySelector('.node').id.slice(2)", vec![])
        .await?;
    let first = first.as_str().unwrap_or_default().to_string();
    app.type_into(&format!("#p-{first}"), "全年主动公开信息，按时更新栏目。")
        .await?;
    app.saved().await?;
    app.step(5).await?;
    app.wait("#findings").await?;
    app.step(6).await?;
    app.wait("#pages[data-ready]").await?;
    for (button, ext) in [("#b-export-docx", "docx"), ("#b-export-pdf", "pdf")] {
        app.click(button).await?;
        app.confirm_if_asked().await?;
        wait_file(&save.join(format!("{title}.{ext}"))).await?;
    }
    // Printing hands the job to the local CUPS scheduler over its Unix socket (scripts/test
    // starts cupsd with the cups-pdf queue); a network printer would be CUPS's business.
    app.js(
        "document.dispatchEvent(new KeyboardEvent('keydown',{key:'p',ctrlKey:true,bubbles:true}))",
        vec![],
    )
    .await?;
    app.wait("#p-printer").await?;
    app.click("#p-go").await?;
    app.wait_text("#toast", "已发送").await?;
    app.click("#b-back").await?;
    app.wait("#reports").await?;
    app.click("#b-import").await?;
    app.set_value(
        "#i-text",
        "一、主要做法\n按时公开信息。\n二、下一步打算\n继续做好公开。",
    )
    .await?;
    app.click("#i-run").await?;
    app.wait("#i-accept").await?;
    app.click("#i-accept").await?;
    app.wait("#step-body[data-step='1']").await?;
    app.click("#b-back").await?;
    app.click("#b-settings").await?;
    // The font report: the exporter's fonts were found and read.
    wait_true(
        app,
        "return document.querySelectorAll('#settings-fonts li').length > 1",
    )
    .await?;
    Ok(())
}

/// The 127.0.0.1 ports the traced processes listen on. Under test, WebKitWebDriver has the app
/// open an automation server on loopback (`WEBKIT_INSPECTOR_SERVER`) and the app's own
/// processes talk to it; that channel exists only when a WebDriver drives the window.
fn own_loopback_ports(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| l.contains(" bind(") && l.contains("AF_INET") && l.ends_with("= 0"))
        .filter_map(|l| {
            let port = l.split("htons(").nth(1)?.split(')').next()?;
            l.contains("inet_addr(\"127.0.0.1\")")
                .then(|| port.to_string())
        })
        .collect()
}

/// A syscall line of `strace -f` that reaches the network: an IPv4/IPv6 connect or addressed
/// send to anything but the app's own loopback automation server (a DNS query is a UDP
/// connect or sendto to port 53, so it is caught here too).
fn network_use(line: &str, own_ports: &[String]) -> bool {
    let call = line.split_whitespace().nth(1).unwrap_or("");
    let addressed = call.starts_with("connect(")
        || ((call.starts_with("sendto(")
            || call.starts_with("sendmsg(")
            || call.starts_with("sendmmsg("))
            && line.contains("sa_family="));
    if !addressed || !line.contains("AF_INET") {
        return false;
    }
    let own = own_ports.iter().any(|p| {
        line.contains(&format!("htons({p})")) && line.contains("inet_addr(\"127.0.0.1\")")
    });
    !own
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_session_opens_no_network_connection() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let work = tempfile::tempdir()?;
    let trace = work.path().join("trace.txt");
    // WebKitWebDriver starts this script as "the browser"; it runs the app under strace, which
    // follows every process the app starts (WebKitWebProcess, WebKitNetworkProcess, lpstat…).
    let wrapper = work.path().join("gongwen-app-traced");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec strace -f -qq -e trace=network,execve -o '{}' '{}' \"$@\"\n",
            trace.display(),
            app_binary().display()
        ),
    )?;
    std::fs::set_permissions(
        &wrapper,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )?;
    let app = App::launch_program(&wrapper, data.path(), save.path(), &[]).await?;
    full_session(&app, save.path()).await?;
    app.shot("50-traced-session").await?;
    app.quit().await?;
    // strace writes the last lines as the traced processes end.
    tokio::time::sleep(Duration::from_secs(1)).await;

    let log = std::fs::read_to_string(&trace)?;
    let lines: Vec<&str> = log.lines().collect();
    let processes: std::collections::BTreeSet<&str> = lines
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    // The trace really saw the app at work: the X server and WebKit's own IPC are sockets too.
    assert!(
        lines.iter().any(|l| l.contains("AF_UNIX")) && processes.len() >= 2,
        "strace saw too little ({} lines, {} processes) — is the trace working?",
        lines.len(),
        processes.len()
    );
    let own = own_loopback_ports(&lines);
    let bad: Vec<&&str> = lines.iter().filter(|l| network_use(l, &own)).collect();
    assert!(
        bad.is_empty(),
        "network use during the session:\n{}",
        bad.iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The only inet socket allowed is that automation server, and it is on loopback.
    for l in lines
        .iter()
        .filter(|l| l.contains("AF_INET") && l.contains(" bind("))
    {
        assert!(
            l.contains("127.0.0.1"),
            "a socket bound beyond loopback: {l}"
        );
    }
    assert!(
        own.len() <= 1,
        "more listening sockets than the automation server: {own:?}"
    );
    eprintln!(
        "traced {} syscalls in {} threads and processes; none reached the network",
        lines.len(),
        processes.len()
    );
    Ok(())
}

/// Runs `invoke(cmd, args)` in the web view; `Err(what it rejected with)` when the app refuses:
/// our commands reject with the core's error as JSON (`{"kind":…,"message":…}`), Tauri's own
/// refusals (a command not granted) with a string.
async fn invoke(app: &App, cmd: &str, args: serde_json::Value) -> Res<Result<String, String>> {
    let r = app
        .client
        .execute_async(
            "const [cmd, args, done] = arguments;
             window.__TAURI_INTERNALS__.invoke(cmd, args)
               .then(v => done({ok: JSON.stringify(v ?? null)}),
                     e => done({err: typeof e === 'string' ? e : JSON.stringify(e)}));",
            vec![cmd.into(), args],
        )
        .await?;
    Ok(match r.get("ok") {
        Some(v) => Ok(v.as_str().unwrap_or_default().to_string()),
        None => Err(r["err"].as_str().unwrap_or_default().to_string()),
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn the_web_view_cannot_read_files_run_commands_or_reach_the_network() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let outside = tempfile::tempdir()?;
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "一、机密\n不该被读到的内容。")?;
    let app = App::launch(data.path(), save.path()).await?;
    app.new_report("青石镇人民政府").await?;
    // The first report in a fresh data folder.
    let id = 1;

    // Our own file commands accept only a path the clerk chose in a dialog.
    let options = serde_json::json!({});
    let read = invoke(
        &app,
        "import_file",
        serde_json::json!({"path": secret, "options": options}),
    )
    .await?;
    let err = read.expect_err("import_file read a file nobody chose");
    let err: serde_json::Value = serde_json::from_str(&err)?;
    assert_eq!(err["kind"], "input", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("对话框中选择"),
        "{err}"
    );
    let target = outside.path().join("written.pdf");
    for cmd in ["export_pdf", "export_docx"] {
        let w = invoke(&app, cmd, serde_json::json!({"id": id, "path": target})).await?;
        assert!(w.is_err(), "{cmd} wrote where nobody chose: {w:?}");
    }
    let f = invoke(&app, "import_font", serde_json::json!({"path": secret})).await?;
    assert!(f.is_err(), "import_font read a file nobody chose");
    assert!(!target.exists(), "a file was written outside any dialog");
    // A proposed name is a name, never a path.
    let p = invoke(
        &app,
        "choose_file",
        serde_json::json!({"purpose": "pdf", "name": "../../escape.pdf"}),
    )
    .await?;
    assert!(p.is_err(), "choose_file took a path as a name: {p:?}");

    // Plugins and core commands that were not granted.
    for (cmd, args) in [
        (
            "plugin:fs|read_text_file",
            serde_json::json!({"path": secret}),
        ),
        (
            "plugin:fs|write_text_file",
            serde_json::json!({"path": target, "contents": "x"}),
        ),
        (
            "plugin:shell|execute",
            serde_json::json!({"program": "sh", "args": ["-c", "touch /tmp/gongwen-pwned"]}),
        ),
        (
            "plugin:shell|open",
            serde_json::json!({"path": "file:///etc/passwd"}),
        ),
        ("plugin:dialog|open", serde_json::json!({"options": {}})),
        ("plugin:dialog|save", serde_json::json!({"options": {}})),
        (
            "plugin:webview|create_webview_window",
            serde_json::json!({"options": {"label": "x", "url": "https://example.com/"}}),
        ),
        (
            "plugin:window|set_title",
            serde_json::json!({"label": "main", "value": "x"}),
        ),
        (
            "plugin:opener|open_path",
            serde_json::json!({"path": "/etc/passwd"}),
        ),
    ] {
        let r = invoke(&app, cmd, args).await?;
        assert!(r.is_err(), "{cmd} was allowed: {r:?}");
    }
    assert!(!Path::new("/tmp/gongwen-pwned").exists());

    // The content security policy: no network, no file: URLs, no inline or eval'd script.
    let csp = app
        .client
        .execute_async(
            "const done = arguments[0];
             const out = {};
             const violations = [];
             document.addEventListener('securitypolicyviolation', e => violations.push(e.violatedDirective));
             const tryFetch = u => fetch(u).then(() => 'loaded', e => 'blocked: ' + e);
             (async () => {
               out.https = await tryFetch('https://example.com/');
               out.file = await tryFetch('file:///etc/passwd');
               try { out.eval = String(eval('1+1')); } catch (e) { out.eval = 'blocked'; }
               try { out.func = String(new Function('return 2')()); } catch (e) { out.func = 'blocked'; }
               window.__inline = 0;
               document.body.insertAdjacentHTML('beforeend', '<img id=\"x-img\" src=\"x:y\" onerror=\"window.__inline=1\">');
               const s = document.createElement('script'); s.textContent = 'window.__inline=2'; document.body.append(s);
               const img = new Image(); img.src = 'https://example.com/pixel.png';
               await new Promise(r => setTimeout(r, 800));
               out.inline = window.__inline;
               out.violations = violations;
               done(out);
             })();",
            vec![],
        )
        .await?;
    eprintln!("CSP probe: {csp}");
    assert!(
        csp["https"].as_str().unwrap_or("").starts_with("blocked"),
        "{csp}"
    );
    assert!(
        csp["file"].as_str().unwrap_or("").starts_with("blocked"),
        "{csp}"
    );
    assert_eq!(csp["eval"], "blocked", "{csp}");
    assert_eq!(csp["func"], "blocked", "{csp}");
    assert_eq!(csp["inline"], 0, "inline script ran: {csp}");
    let v = csp["violations"].to_string();
    assert!(
        v.contains("connect-src") && v.contains("script-src"),
        "{csp}"
    );
    app.shot("51-csp-probed").await?;
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_launch_raises_the_first_and_quits() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.wait("#reports, #app").await?;
    // Minimised or behind other windows, the clerk starts the app again from the menu.
    let started = Instant::now();
    let second = Command::new(app_binary())
        .env("GONGWEN_DATA_DIR", data.path())
        .stdin(Stdio::null())
        .output()?;
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(second.status.success(), "second launch failed: {stderr}");
    assert!(stderr.contains("已在运行"), "{stderr}");
    assert!(
        took < Duration::from_secs(10),
        "the second launch lingered {took:?}"
    );
    // The first was asked to show its window (its log says so) and still works.
    let log = data.path().join("logs/gongwen.log");
    let start = Instant::now();
    while !std::fs::read_to_string(&log)
        .unwrap_or_default()
        .contains("second-launch")
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the running app was not reached"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let starts = std::fs::read_to_string(&log)?
        .lines()
        .filter(|l| l.contains("start:"))
        .count();
    assert_eq!(starts, 1, "the second launch must not start the app");
    app.new_report("青石镇人民政府").await?;
    wait_true(&app, "return !!document.querySelector('#f-title')").await?;
    app.quit().await?;
    Ok(())
}

#[test]
fn the_network_detector_catches_what_it_must() {
    let own = vec!["60435".to_string()];
    let dns = r#"7 connect(5, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("192.168.1.1")}, 16) = 0"#;
    let https6 = r#"7 connect(9, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:2800::1", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>"#;
    let udp = r#"7 sendto(5, "\x12\x34", 2, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16) = 2"#;
    let other_local = r#"7 connect(5, {sa_family=AF_INET, sin_port=htons(631), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#;
    for l in [dns, https6, udp, other_local] {
        assert!(network_use(l, &own), "missed: {l}");
    }
    let automation = r#"7 connect(27, {sa_family=AF_INET, sin_port=htons(60435), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS"#;
    let x11 = r#"7 connect(3, {sa_family=AF_UNIX, sun_path=@"/tmp/.X11-unix/X99"}, 20) = 0"#;
    let connected = r#"7 sendto(27, "\0\0\0002\1SetTargetList", 55, MSG_NOSIGNAL, NULL, 0) = 55"#;
    for l in [automation, x11, connected] {
        assert!(!network_use(l, &own), "false alarm: {l}");
    }
    let bind = r#"7 bind(12, {sa_family=AF_INET, sin_port=htons(60435), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#;
    assert_eq!(own_loopback_ports(&[bind]), own);
}
