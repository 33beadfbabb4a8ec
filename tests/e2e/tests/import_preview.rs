//! The import preview through the real window: a pasted web page is shown line by line with
//! each line's role; the clerk makes a line that was taken for text a heading and restores a
//! line removed as page chrome; the tree beside the lines follows at once, and after 采用 the
//! stored report (read back through the CLI on the same data directory) has both. The text
//! is our own, in the shape government pages have.

use e2e::{gongwen, wait_true, App, Res};

const PASTED: &str = "首页 > 政务公开 > 工作动态
来源：柳湾镇党政办
浏览次数：1024
柳湾镇2024年政务公开工作总结
县政务公开办：
2024年，我镇认真落实政务公开各项要求，现将有关情况总结如下。
一、主要工作
（一）健全机制。镇里成立了工作专班，明确专人负责信息发布。
（二）公开重点信息
全年公开财政预决算、惠民补贴等信息86条。
特色做法
在各村设立公开栏，每月更新一次。
二、下步打算
继续完善公开目录。
柳湾镇人民政府
2025年1月10日
打印本页 关闭窗口";

/// The preview row index of the line whose text is `text`.
async fn row(app: &App, text: &str) -> Res<usize> {
    let i = app
        .js(
            "return [...document.querySelectorAll('#i-lines .i-line')].findIndex(d => d.querySelector('.i-text').value === arguments[0]);",
            vec![text.into()],
        )
        .await?;
    let i = i.as_i64().unwrap_or(-1);
    if i < 0 {
        return Err(format!("no preview line reads “{text}”").into());
    }
    Ok(i as usize)
}

#[tokio::test(flavor = "multi_thread")]
async fn change_a_role_and_restore_a_removed_line_before_accepting() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.click("#b-import").await?;
    app.set_value("#i-text", PASTED).await?;
    app.click("#i-run").await?;
    app.wait("#i-accept").await?;
    // The proposal comes first: a 镇 gets the township template, the year is read.
    assert_eq!(app.value("#i-p-kind").await?, "township-zwgk");
    assert_eq!(app.value("#i-p-year").await?, "2024");
    assert!(app.value("#i-p-title").await?.contains("柳湾镇"));
    // Line by line with roles; the chrome is there, marked removed.
    let src = row(&app, "来源：柳湾镇党政办").await?;
    let role_of = |i: usize| format!("#i-lines .i-line[data-line='{i}'] .i-role");
    assert_eq!(app.value(&role_of(src)).await?, "removed");
    let t = row(&app, "柳湾镇2024年政务公开工作总结").await?;
    assert_eq!(app.value(&role_of(t)).await?, "title");
    let k = row(&app, "特色做法").await?;
    assert_eq!(app.value(&role_of(k)).await?, "body");
    app.shot("40-import-lines").await?;

    // 特色做法 is a heading: the tree shows it at once, as a third level-1 heading.
    app.set_value(&role_of(k), "heading").await?;
    app.wait_text("#i-tree", "三、下步打算").await?;
    app.wait_text("#i-tree", "二、特色做法").await?;
    // Restore the source line: it becomes opening text.
    app.click(&format!("#i-lines .i-line[data-line='{src}'] .i-restore"))
        .await?;
    app.wait_text("#i-tree-opening", "导语 2 段").await?;
    assert_eq!(app.value(&role_of(src)).await?, "body");
    app.shot("41-import-corrected").await?;
    app.click("#i-accept").await?;
    app.wait("#step-body[data-step='1']").await?;
    wait_true(&app, "return !document.querySelector('#import');").await?;
    app.shot("42-import-accepted").await?;

    let list: serde_json::Value =
        serde_json::from_str(&gongwen(data.path(), &["list", "--json"])?)?;
    let id = list[0]["id"].as_i64().ok_or("no report stored")?;
    let r: serde_json::Value =
        serde_json::from_str(&gongwen(data.path(), &["show", &id.to_string(), "--json"])?)?;
    let heads: Vec<&str> = r["sections"]
        .as_array()
        .ok_or("no sections")?
        .iter()
        .filter_map(|s| s["heading"].as_str())
        .collect();
    assert_eq!(heads, ["主要工作", "特色做法", "下步打算"], "{r}");
    assert_eq!(r["opening"][0], "来源：柳湾镇党政办", "{r}");
    assert_eq!(r["addressee"], "县政务公开办", "{r}");
    assert_eq!(r["kind"], "township-zwgk");
    assert!(r["title"].as_str().unwrap_or("").contains("柳湾镇"));
    app.quit().await
}
