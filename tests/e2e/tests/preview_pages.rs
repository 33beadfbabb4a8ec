//! Step 6 draws only the pages in view (issue 18): on the 100-page sample report (103 pages)
//! every page has its place at once, but only a handful of pages hold their image (drawn by
//! the core from the layout, as the preview pane's); scrolling to the end draws the last page and
//! releases the first.

use e2e::{app_binary, cli_binary, import_sample, wait_true, App, Res};

/// The pages of the preview that hold their drawing (an image in their slot).
async fn drawn(app: &App) -> Res<Vec<u64>> {
    let v = app
        .js(
            "return [...document.querySelectorAll('#pages .page-slot')].filter(s => s.querySelector('img')).map(s => Number(s.dataset.page));",
            vec![],
        )
        .await?;
    Ok(v.as_array()
        .ok_or("no list")?
        .iter()
        .filter_map(|n| n.as_u64())
        .collect())
}

/// Dark pixels of page `n`'s image at its natural size (0 when it is not drawn).
async fn ink(app: &App, n: u64) -> Res<u64> {
    let v = app
        .js(
            "const img = document.querySelector(`#pages .page-slot[data-page='${arguments[0]}'] img`);
             if (!img || !img.complete || !img.naturalWidth) return 0;
             const c = document.createElement('canvas');
             c.width = img.naturalWidth; c.height = img.naturalHeight;
             const g = c.getContext('2d');
             g.drawImage(img, 0, 0);
             const d = g.getImageData(0, 0, c.width, c.height).data;
             let k = 0;
             for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 384) k++;
             return k;",
            vec![n.into()],
        )
        .await?;
    Ok(v.as_u64().unwrap_or(0))
}

#[tokio::test(flavor = "multi_thread")]
async fn step6_draws_only_the_pages_in_view_of_a_100_page_report() -> Res<()> {
    let data = tempfile::tempdir()?;
    let save = tempfile::tempdir()?;
    let id = import_sample(&cli_binary(&app_binary()), data.path(), 100)?;
    let app = App::launch(data.path(), save.path()).await?;
    app.open_report(id).await?;
    app.step(6).await?;
    let ready = app.wait("#pages[data-ready]").await?;
    let pages: u64 = ready
        .attr("data-ready")
        .await?
        .unwrap_or_default()
        .parse()?;
    assert!(pages >= 100, "the 100-page sample has {pages} pages");
    assert_eq!(app.text("#page-count").await?, format!("共 {pages} 页"));
    // A place for every page, sized before it is drawn.
    let slots = app
        .js(
            "return [...document.querySelectorAll('#pages .page-slot')].filter(s => s.getBoundingClientRect().height > 500).length;",
            vec![],
        )
        .await?;
    assert_eq!(
        slots.as_u64(),
        Some(pages),
        "every page has a full-size place"
    );
    let first = drawn(&app).await?;
    assert!(first.contains(&1), "page 1 is drawn: {first:?}");
    assert!(
        first.len() < 10,
        "only pages near the view are drawn: {first:?}"
    );
    assert!(ink(&app, 1).await? > 5000, "page 1 has text on it");
    app.shot("preview-pages-01-first").await?;

    // To the end: the last page is drawn, the first ones are released.
    app.js(
        "const m = document.getElementById('step-body'); m.scrollTop = m.scrollHeight;",
        vec![],
    )
    .await?;
    wait_true(
        &app,
        &format!(
            "return !!document.querySelector(\"#pages .page-slot[data-page='{pages}'] img\");"
        ),
    )
    .await?;
    let last = drawn(&app).await?;
    assert!(
        last.len() < 10,
        "only pages near the view are drawn: {last:?}"
    );
    assert!(
        !last.contains(&1),
        "page 1's drawing was released: {last:?}"
    );
    assert!(
        ink(&app, pages).await? > 200,
        "the last page has text on it"
    );
    app.shot("preview-pages-02-last").await?;

    // Back in the middle: the pages there are drawn in turn.
    let mid = pages / 2;
    app.js(
        &format!(
            "document.querySelector(\"#pages .page-slot[data-page='{mid}']\").scrollIntoView();"
        ),
        vec![],
    )
    .await?;
    wait_true(
        &app,
        &format!("return !!document.querySelector(\"#pages .page-slot[data-page='{mid}'] img\");"),
    )
    .await?;
    let middle = drawn(&app).await?;
    assert!(middle.len() < 10, "{middle:?}");
    assert!(
        !middle.contains(&pages),
        "the last page was released: {middle:?}"
    );
    app.shot("preview-pages-03-middle").await?;

    // Leaving the step and coming back draws the preview anew.
    app.step(4).await?;
    app.step(6).await?;
    app.wait("#pages[data-ready]").await?;
    assert!(drawn(&app).await?.contains(&1));
    app.quit().await
}
