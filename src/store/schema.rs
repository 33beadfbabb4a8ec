//! Schema and forward migrations. `PRAGMA user_version` holds the number of migrations
//! applied; a database with a higher number was written by a newer gongwen and is refused.

/// Each entry moves the schema one version forward; never edit an entry once released,
/// append a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: reports, their section tree, paragraphs (one row each, so saving one paragraph
    // writes one row), and named versions (JSON snapshots).
    r#"
    CREATE TABLE reports (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        kind        TEXT    NOT NULL DEFAULT '',
        unit        TEXT    NOT NULL DEFAULT '',
        year        INTEGER NOT NULL,
        period      TEXT    NOT NULL DEFAULT '年度',
        title       TEXT    NOT NULL DEFAULT '',
        signature   TEXT    NOT NULL DEFAULT '',
        date        TEXT,
        status      TEXT    NOT NULL DEFAULT 'draft',
        seal        INTEGER NOT NULL DEFAULT 0,
        attachments TEXT    NOT NULL DEFAULT '[]',
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        trashed_at  INTEGER
    );
    CREATE TABLE nodes (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES nodes(id) ON DELETE CASCADE,
        ord       INTEGER NOT NULL,
        heading   TEXT    NOT NULL DEFAULT '',
        run_in    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX nodes_by_report ON nodes(report_id, parent_id, ord);
    CREATE TABLE paragraphs (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        node_id   INTEGER REFERENCES nodes(id) ON DELETE CASCADE, -- NULL: the opening (导语)
        ord       INTEGER NOT NULL,
        text      TEXT    NOT NULL
    );
    CREATE INDEX paragraphs_by_owner ON paragraphs(report_id, node_id, ord);
    CREATE TABLE versions (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        name       TEXT    NOT NULL,
        created_at INTEGER NOT NULL,
        snapshot   TEXT    NOT NULL
    );
    "#,
    // 2: the clerk's word list (seeded from resources/wordlists on first use; `settings`
    // remembers that it was, so entries the clerk removed do not come back), and the
    // checklist a report carries over from last year's 下一步工作打算.
    r#"
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE wordlist (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        wrong   TEXT    NOT NULL UNIQUE,
        right   TEXT    NOT NULL,
        note    TEXT    NOT NULL DEFAULT '',
        builtin INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE carry_items (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        ord       INTEGER NOT NULL,
        text      TEXT    NOT NULL,
        source_report_id INTEGER,
        done      INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX carry_items_by_report ON carry_items(report_id, ord);
    "#,
    // 3: each report's page-number style (页码样式) as the JSON object of its exchange form;
    // reports written before it get the national style of GB/T 9704-2012 §7.5.
    r#"
    ALTER TABLE reports ADD COLUMN page_numbers TEXT NOT NULL
        DEFAULT '{"position":"national","dash":"em","first_page":true}';
    "#,
    // 4: the report parts 副标题, 主送机关 and 附注 (NULL = none), and the category of a word
    // in the word list ('' = a wrong word; 赌博/色情/广告 = a sensitive word, no right form).
    r#"
    ALTER TABLE reports ADD COLUMN subtitle  TEXT;
    ALTER TABLE reports ADD COLUMN addressee TEXT;
    ALTER TABLE reports ADD COLUMN note      TEXT;
    ALTER TABLE wordlist ADD COLUMN category TEXT NOT NULL DEFAULT '';
    "#,
    // 5: the name the report list shows (改名 changes it, never the printed 标题; NULL = the
    // title), and the editor step the clerk last had open (1–6), so a reopened report starts
    // there.
    r#"
    ALTER TABLE reports ADD COLUMN list_name TEXT;
    ALTER TABLE reports ADD COLUMN last_step INTEGER NOT NULL DEFAULT 1;
    "#,
    // 6: a formal 报告's 版头 and 版记 (GB/T 9704-2012 §7.2, §7.4) as the JSON objects of the
    // exchange form, NULL = none. Attachments with their own text need no column: the
    // `attachments` JSON list now holds `{"name", "paragraphs"}` objects (plain names, as
    // written before, are still read).
    r#"
    ALTER TABLE reports ADD COLUMN header TEXT;
    ALTER TABLE reports ADD COLUMN record TEXT;
    "#,
    // 7: a body item may be a table (issue 16): `tbl` holds the table as the JSON object of
    // the exchange form (`{"title", "header_rows", "rows", "widths"}`), `text` is then empty;
    // NULL = a paragraph.
    r#"
    ALTER TABLE paragraphs ADD COLUMN tbl TEXT;
    "#,
];

/// The schema version of this build: the number of migrations. A database with a higher
/// `user_version` is from a newer gongwen (`ErrorKind::NewerSchema`).
pub const LATEST: u32 = MIGRATIONS.len() as u32;
