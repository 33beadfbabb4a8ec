//! A table in the 正文, made in the real window (issue 16): 插入表格 under a section asks rows ×
//! columns; the clerk types labels and numbers into the cells (numbers right-aligned as they are
//! typed), merges two header cells (click one, Shift+click the other, 合并单元格 — the core's
//! `table_edit` does the merge), adds a row under the last one, sets one header row and types
//! a paragraph after the table. The stored report, read back through the CLI on the same data
//! directory, holds the table with its merged cell in place among the paragraphs. Screenshots
//! go to <target>/e2e-shots/ (tables-*). The text is our own.

use e2e::{gongwen, wait_true, App, Res};
use serde_json::{json, Value};

/// The id of the field of cell (`row`, `cell`) of the first table of section `node`.
async fn cell(app: &App, node: &str, row: usize, cell: usize) -> Res<String> {
    app.wait(&format!("#tb-{node}-0 textarea.cell")).await?;
    let v = app
        .js(
            "const f = document.querySelector(`#tb-${arguments[0]}-0 textarea.cell`);
             return f ? f.id.split('-')[2] : null;",
            vec![node.into()],
        )
        .await?;
    let index = v.as_str().ok_or("the table has no cells")?;
    Ok(format!("#cell-{node}-{index}-{row}-{cell}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn clerk_makes_a_table_with_merged_cells() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let app = App::launch(data.path(), save.path()).await?;
    app.wait_text("#app", "还没有报告").await?;
    app.new_report("青石镇人民政府").await?;
    app.step(3).await?;
    let node = app
        .js(
            "return document.querySelector('#tree .node').id.slice(2);",
            vec![],
        )
        .await?;
    let node = node.as_str().ok_or("no section")?.to_string();
    app.type_into(&format!("#p-{node}"), "全年主动公开政府信息情况见下表。")
        .await?;
    app.saved().await?;

    // 插入表格: 3 rows × 3 columns.
    app.click(&format!("#b-table-{node}")).await?;
    app.wait("#t-rows").await?;
    app.shot("tables-01-size").await?;
    app.click("#t-ok").await?;
    let first = cell(&app, &node, 0, 0).await?;
    app.wait(&first).await?;
    // The first cell has the focus, ready for typing.
    wait_true(
        &app,
        &format!(
            "return document.activeElement && document.activeElement.id === '{}';",
            &first[1..]
        ),
    )
    .await?;

    let rows = [
        ["信息内容", "本年制发件数", ""],
        ["规章", "12", "3"],
        ["行政规范性文件", "5", "0"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                app.type_into(&cell(&app, &node, r, c).await?, text).await?;
            }
        }
    }
    app.saved().await?;
    // Numbers are right-aligned, words are not.
    let align = |css: String| {
        format!("return getComputedStyle(document.querySelector('{css}')).textAlign;")
    };
    let num = app
        .js(&align(cell(&app, &node, 1, 1).await?), vec![])
        .await?;
    let word = app
        .js(&align(cell(&app, &node, 1, 0).await?), vec![])
        .await?;
    assert_eq!(num, "right");
    assert_ne!(word, "right");

    // Merge 本年制发件数 with the empty cell to its right: click one, Shift+click the other.
    app.click(&cell(&app, &node, 0, 1).await?).await?;
    app.js(
        "document.querySelector(`${arguments[0]}`).closest('td')
           .dispatchEvent(new MouseEvent('mousedown', {bubbles: true, shiftKey: true}));",
        vec![cell(&app, &node, 0, 2).await?.into()],
    )
    .await?;
    wait_true(
        &app,
        &format!("return document.querySelectorAll('#tb-{node}-0 td.sel').length === 2;"),
    )
    .await?;
    app.shot("tables-02-selected").await?;
    app.click(&format!("#tb-{node}-0-merge")).await?;
    // Drawn again: row 0 has two cells, the second two columns wide.
    wait_true(
        &app,
        &format!(
            "const tr = document.querySelector('#tb-{node}-0 tr');
             return tr && tr.cells.length === 2 && tr.cells[1].colSpan === 2;"
        ),
    )
    .await?;

    // A row under the last one, then its cells.
    app.click(&cell(&app, &node, 2, 0).await?).await?;
    app.click(&format!("#tb-{node}-0-row-below")).await?;
    app.wait(&cell(&app, &node, 3, 2).await?).await?;
    for (c, text) in ["合计", "17", "3"].iter().enumerate() {
        app.type_into(&cell(&app, &node, 3, c).await?, text).await?;
    }
    app.saved().await?;
    app.set_value(&format!("#tb-{node}-0-heads"), "1").await?;
    wait_true(
        &app,
        &format!("return document.querySelectorAll('#tb-{node}-0 tr.head').length === 1;"),
    )
    .await?;
    app.type_into(&format!("#p-{node}-1"), "以上数字截至12月31日。")
        .await?;
    app.saved().await?;
    app.js(
        &format!("document.getElementById('n-{node}').scrollIntoView();"),
        vec![],
    )
    .await?;
    app.shot("tables-03-table").await?;

    // An attachment that is a table: 插入表格 under its text box, a number typed.
    app.step(4).await?;
    app.set_value("#f-attachments", "依申请公开统计表").await?;
    app.click("#b-att-table-0").await?;
    app.type_into("#acell-0-0-1-1", "12").await?;
    app.saved().await?;
    app.js(
        "document.getElementById('ta-0-0').scrollIntoView();",
        vec![],
    )
    .await?;
    app.shot("tables-06-attachment").await?;

    let list: Value = serde_json::from_str(&gongwen(data.path(), &["list", "--json"])?)?;
    let id = list[0]["id"].as_i64().ok_or("no report stored")?;
    let r: Value =
        serde_json::from_str(&gongwen(data.path(), &["show", &id.to_string(), "--json"])?)?;
    assert_eq!(
        r["attachments"][0]["paragraphs"][0]["table"]["rows"][1],
        json!(["", "12", ""]),
        "{}",
        r["attachments"]
    );
    let body = r["sections"][0]["paragraphs"]
        .as_array()
        .ok_or("no body")?
        .clone();
    let at = body
        .iter()
        .position(|i| i.get("table").is_some())
        .ok_or(format!("no table stored: {body:?}"))?;
    assert_eq!(body[at - 1], "全年主动公开政府信息情况见下表。");
    assert_eq!(body[at + 1], "以上数字截至12月31日。");
    let t = &body[at]["table"];
    assert_eq!(t["header_rows"], 1, "{t}");
    assert_eq!(
        t["rows"],
        json!([
            ["信息内容", {"text": "本年制发件数", "colspan": 2, "rowspan": 1}],
            ["规章", "12", "3"],
            ["行政规范性文件", "5", "0"],
            ["合计", "17", "3"],
        ]),
        "{t}"
    );
    app.quit().await
}

/// Table 三 of the 2021 annual disclosure format as the template builds it
/// (`templates::disclosure::table_three`): three header rows, a label column spanning 22 rows,
/// seven numeric columns (empty), as a JSON body item.
fn table_three() -> Value {
    json!({ "table": gongwen::templates::disclosure::table_three() })
}

/// The statutory table 三 in an annual disclosure report (imported as JSON through the CLI):
/// the form shows its spans as printed and fits 1280×720 sideways with a scroll; a number typed
/// is right-aligned; 计算合计 answers with a sentence (the totals themselves, or — while the
/// core's `fill_table_totals` is not in this build — that the totals are to be typed).
#[tokio::test(flavor = "multi_thread")]
async fn clerk_fills_the_statutory_table_three() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let id = gongwen(
        data.path(),
        &[
            "new",
            "--template",
            "township-zwgk",
            "--unit",
            "青石镇人民政府",
            "--year",
            "2024",
        ],
    )?;
    let mut r: Value =
        serde_json::from_str(&gongwen(data.path(), &["show", id.trim(), "--json"])?)?;
    r["kind"] = json!("annual-disclosure");
    r["title"] = json!("青石镇人民政府2024年政府信息公开工作年度报告");
    r["sections"][0]["heading"] = json!("收到和处理政府信息公开申请情况");
    r["sections"][0]["paragraphs"] = json!([table_three(), "本年新收政府信息公开申请12件。"]);
    let file = data.path().join("annual.json");
    std::fs::write(&file, serde_json::to_string(&r)?)?;
    gongwen(data.path(), &["import", file.to_str().ok_or("path")?])?;

    let app = App::launch(data.path(), save.path()).await?;
    app.wait("#reports").await?;
    app.js(
        "[...document.querySelectorAll('#reports td.title a')].find(a => a.textContent.includes('年度报告')).click();",
        vec![],
    )
    .await?;
    app.wait("#step-body[data-step='1']").await?;
    app.step(3).await?;
    let node = app
        .js(
            "return document.querySelector('#tree .node').id.slice(2);",
            vec![],
        )
        .await?;
    let node = node.as_str().ok_or("no section")?.to_string();
    // The three header rows shaded; 三、本年度办理结果 spans 22 rows.
    wait_true(
        &app,
        &format!("return document.querySelectorAll('#tb-{node}-0 tr.head').length === 3;"),
    )
    .await?;
    let tall = app
        .js(
            &format!("return document.querySelector('#tb-{node}-0 tr:nth-child(6) td').rowSpan;"),
            vec![],
        )
        .await?;
    assert_eq!(tall, 22);
    // Row 一, 自然人 (cell 1 of row 3): a number, right-aligned.
    let c = cell(&app, &node, 3, 1).await?;
    app.type_into(&c, "12").await?;
    app.saved().await?;
    assert_eq!(
        app.js(
            &format!("return getComputedStyle(document.querySelector('{c}')).textAlign;"),
            vec![]
        )
        .await?,
        "right"
    );
    app.js(
        &format!("document.getElementById('n-{node}').scrollIntoView();"),
        vec![],
    )
    .await?;
    app.shot("tables-04a-section-top").await?;
    app.js(
        &format!("document.getElementById('tb-{node}-0').scrollIntoView();"),
        vec![],
    )
    .await?;
    app.shot("tables-04-table-three").await?;
    // A narrower window wraps the labels onto more lines: no cell's text is cut off.
    app.client.set_window_rect(0, 0, 1024, 700).await?;
    wait_true(
        &app,
        "return window.innerWidth <= 1024 && [...document.querySelectorAll('textarea.cell')]
           .every(t => !t.offsetParent || t.scrollHeight <= t.clientHeight + 1);",
    )
    .await?;
    app.click(&format!("#tb-{node}-0-totals")).await?;
    let said = app.wait_text("#toast", "合计").await?;
    app.shot("tables-05-totals").await?;
    assert!(said.contains("合计"), "{said}");
    app.quit().await
}
