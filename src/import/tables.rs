//! The statutory tables of a 政府信息公开工作年度报告 (国办公开办函〔2021〕30号) recognised in
//! a paste that brought them one cell per line, and rebuilt as real tables.
//!
//! A table copied from a web page arrives cell by cell in reading order: row by row, a merged
//! cell once, in the row where it starts — the order of the cells in
//! [`crate::model::Table::rows`]. The cells are aligned with the table's description
//! ([`Statutory::table`]): a line is a label when it equals the next label up to small
//! variations (spaces, a missing or different `一、` / `（一）` / `1.` number, half-width
//! brackets and colons, the kind of quotation marks), and a number otherwise. A label may be
//! missing (a header row not copied); a row's numbers must all be there or all be missing
//! (blank cells leave no line, so a partial row cannot be placed). A run whose labels are not
//! mostly the statutory ones (a unit's own simplified table) is not recognised and stays a
//! flagged block.

use crate::model::numbering::parse_marker;
use crate::model::Table;
use crate::templates::disclosure::Statutory;

/// Share of a table's labels that must be found, in order, for a run to be that table.
const MIN_LABELS: f32 = 0.6;

/// A statutory table recognised at the start of a run of lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Which table.
    pub kind: Statutory,
    /// The table with the numbers in their cells; labels as the format writes them.
    pub table: Table,
    /// How many input lines (cells) it took, from the first.
    pub len: usize,
    /// Labels written differently in the input: (the input line, the format's label).
    pub rewritten: Vec<(String, String)>,
    /// The format's labels that were not in the input (put in).
    pub added: Vec<String>,
}

/// A label as compared: no spaces, no leading heading number, brackets / colons / commas
/// full-width, no quotation marks.
pub fn label_key(s: &str) -> String {
    let c: Vec<char> = s.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let skip = parse_marker(&c).map_or(0, |m| m.len.min(c.len()));
    c[skip..]
        .iter()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’' | '「' | '」'))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ',' => '，',
            '．' => '.',
            x => *x,
        })
        .collect()
}

/// A cell that holds a number (`12`, `0`, `3.5`), or nothing.
pub fn is_number(s: &str) -> bool {
    let t = s.trim();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    t.is_empty()
        || (t.chars().any(digit)
            && t.chars().all(|c| digit(c) || c == '.' || c == '．')
            && t.matches(['.', '．']).count() <= 1)
}

enum Tok {
    Label { row: usize, idx: usize, key: String },
    Num { row: usize, idx: usize },
}

fn tokens(t: &Table) -> Vec<Tok> {
    let mut out = Vec::new();
    for (row, cells) in t.rows.iter().enumerate() {
        for (idx, c) in cells.iter().enumerate() {
            if c.text().is_empty() {
                out.push(Tok::Num { row, idx });
            } else {
                out.push(Tok::Label {
                    row,
                    idx,
                    key: label_key(c.text()),
                });
            }
        }
    }
    out
}

/// The three tables' cells as tokens, computed once (the import asks for every body line).
fn canon() -> &'static [(Statutory, Vec<Tok>)] {
    static CANON: std::sync::OnceLock<Vec<(Statutory, Vec<Tok>)>> = std::sync::OnceLock::new();
    CANON.get_or_init(|| {
        Statutory::ALL
            .into_iter()
            .map(|s| (s, tokens(&s.table())))
            .collect()
    })
}

/// Whether `line` is one of the labels of any statutory table (where a run may start).
pub fn is_label(line: &str) -> bool {
    let key = label_key(line);
    !key.is_empty()
        && canon().iter().any(|(_, toks)| {
            toks.iter()
                .any(|t| matches!(t, Tok::Label { key: k, .. } if *k == key))
        })
}

/// The statutory table that `cells` start with, if their labels are mostly that table's (see
/// the module comment); `None` when no table fits.
pub fn recognise(cells: &[&str]) -> Option<Found> {
    if cells.is_empty() || is_number(cells[0]) || !is_label(cells[0]) {
        return None;
    }
    canon()
        .iter()
        .filter_map(|(s, toks)| align(*s, toks, cells))
        .max_by_key(|f| f.len)
}

fn align(kind: Statutory, toks: &[Tok], cells: &[&str]) -> Option<Found> {
    let mut table = kind.table();
    let labels = toks
        .iter()
        .filter(|t| matches!(t, Tok::Label { .. }))
        .count();
    let mut found_labels = 0;
    let mut rewritten = Vec::new();
    let mut added = Vec::new();
    let (mut i, mut j) = (0, 0);
    while j < toks.len() {
        match &toks[j] {
            Tok::Label { row, idx, key } => {
                let canon = table.rows[*row][*idx].text().to_string();
                let here = cells.get(i).copied();
                if let Some(n) = label_lines(&cells[i.min(cells.len())..], key) {
                    let written: String = cells[i..i + n].iter().map(|l| l.trim()).collect();
                    if written != canon {
                        rewritten.push((written, canon));
                    }
                    found_labels += 1;
                    i += n;
                } else if here
                    .is_some_and(|l| !is_number(l) && !later_label(&toks[j + 1..], &label_key(l)))
                {
                    // A line that is none of the labels still to come: the table ends here.
                    break;
                } else {
                    added.push(canon);
                }
                j += 1;
            }
            Tok::Num { row, .. } => {
                // The number slots of this row, and the numbers the input has here.
                let slots: Vec<usize> = toks[j..]
                    .iter()
                    .take_while(|t| matches!(t, Tok::Num { row: r, .. } if r == row))
                    .map(|t| match t {
                        Tok::Num { idx, .. } => *idx,
                        Tok::Label { .. } => unreachable!("only number slots taken"),
                    })
                    .collect();
                let have = cells[i.min(cells.len())..]
                    .iter()
                    .take_while(|l| is_number(l))
                    .count();
                if have >= slots.len() {
                    for (k, idx) in slots.iter().enumerate() {
                        table.rows[*row][*idx].set_text(cells[i + k].trim());
                    }
                    i += slots.len();
                } else if have > 0 {
                    // Some of the row's numbers are missing: which cells they belong to is
                    // unknown.
                    return None;
                }
                j += slots.len();
            }
        }
    }
    // The table went on after a line it could not place (a label the format does not have):
    // better a flagged block than a table cut short.
    if cells[i.min(cells.len())..]
        .iter()
        .skip(1)
        .take(8)
        .any(|l| !is_number(l) && later_label(&toks[j..], &label_key(l)))
    {
        return None;
    }
    // Labels still to come when the input stopped.
    for t in &toks[j..] {
        if let Tok::Label { row, idx, .. } = t {
            added.push(table.rows[*row][*idx].text().to_string());
        }
    }
    let enough = found_labels >= 3 && found_labels as f32 >= MIN_LABELS * labels as f32;
    // Numbers left over after the table: the alignment is off.
    let leftover = cells.get(i).is_some_and(|l| is_number(l));
    (enough && !leftover).then_some(Found {
        kind,
        table,
        len: i,
        rewritten,
        added,
    })
}

/// How many of the first lines of `cells` (one to three: a long label broken by a narrow
/// web column) make the label with `key`.
fn label_lines(cells: &[&str], key: &str) -> Option<usize> {
    let mut joined = String::new();
    for (n, line) in cells.iter().take(3).enumerate() {
        if is_number(line) {
            return None;
        }
        joined.push_str(line.trim());
        let k = label_key(&joined);
        if k == key {
            return Some(n + 1);
        }
        if !key.starts_with(&k) {
            return None;
        }
    }
    None
}

fn later_label(toks: &[Tok], key: &str) -> bool {
    toks.iter()
        .any(|t| matches!(t, Tok::Label { key: k, .. } if k == key))
}

/// The cells of a table line of the import preview: cells separated by `｜` (a flagged block,
/// or a rebuilt table with its blank cells), or a table's plain text (cells separated by tabs,
/// rows by line breaks; blank cells kept).
pub fn cells_of_line(text: &str) -> Vec<&str> {
    if text.contains('｜') {
        text.split('｜').map(str::trim).collect()
    } else {
        text.split(['\t', '\n']).collect()
    }
}

/// The statutory table a whole preview line is (every cell used), if it is one.
pub fn recognise_line(text: &str) -> Option<Found> {
    let cells = cells_of_line(text.trim_matches('\n'));
    recognise(&cells).filter(|f| f.len == cells.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::disclosure::{THREE_CARRIED, THREE_NEW};

    fn flat(t: &Table) -> Vec<String> {
        t.rows
            .iter()
            .flatten()
            .map(|c| c.text().to_string())
            .collect()
    }

    #[test]
    fn keys_forgive_numbers_spaces_and_brackets() {
        assert_eq!(
            label_key("一、本年新收政府信息公开申请数量"),
            "本年新收政府信息公开申请数量"
        );
        assert_eq!(
            label_key(" 本年新收 政府信息公开申请数量"),
            "本年新收政府信息公开申请数量"
        );
        assert_eq!(label_key("第二十条第(一)项"), "第二十条第（一）项");
        assert_eq!(label_key("3．危及\"三安全一稳定\""), "危及三安全一稳定");
        assert!(is_number("12") && is_number("3.5") && !is_number("1.2.3") && !is_number("无"));
    }

    #[test]
    fn a_full_table_three_with_numbers_is_rebuilt() {
        let mut t = Statutory::Requests.table();
        for (k, (r, i)) in Statutory::Requests.number_cells().into_iter().enumerate() {
            t.rows[r][i].set_text(&(k % 5).to_string());
        }
        let cells = flat(&t);
        let mut input: Vec<&str> = cells.iter().map(String::as_str).collect();
        input.push("四、政府信息公开行政复议、行政诉讼情况");
        let f = recognise(&input).unwrap();
        assert_eq!(f.kind, Statutory::Requests);
        assert_eq!(f.len, cells.len());
        assert_eq!(f.table, t);
        assert!(f.rewritten.is_empty() && f.added.is_empty());
    }

    #[test]
    fn variants_and_missing_headers_are_tolerated_but_partial_rows_are_not() {
        let mut t = Statutory::Requests.table();
        t.rows[THREE_NEW][1].set_text("4");
        let mut cells = flat(&t);
        // No 勾稽 note, numbers without `一、`, half-width brackets; row 一 fully written.
        cells.remove(0);
        cells[9] = "本年新收 政府信息公开申请数量".into();
        for (k, c) in cells.iter_mut().enumerate().skip(10).take(7) {
            *c = if k == 10 { "4".into() } else { "0".into() };
        }
        // Blank number cells arrived as nothing: drop the empty ones after row 一.
        let input: Vec<&str> = cells
            .iter()
            .enumerate()
            .filter(|(k, c)| *k < 17 || !c.is_empty())
            .map(|(_, c)| c.as_str())
            .collect();
        let f = recognise(&input).unwrap();
        assert_eq!(f.table.rows[THREE_NEW][1].text(), "4");
        assert_eq!(f.table.rows[THREE_NEW][2].text(), "0");
        assert_eq!(f.table.rows[THREE_CARRIED][1].text(), "");
        assert_eq!(f.added.len(), 1);
        assert_eq!(f.rewritten.len(), 1);
        // Three numbers of seven: refused.
        let partial: Vec<&str> = ["自然人", "法人或其他组织", "总计", "商业企业", "科研机构"]
            .into_iter()
            .chain([
                "社会公益组织",
                "法律服务机构",
                "其他",
                "一、本年新收政府信息公开申请数量",
            ])
            .chain(["1", "2", "3", "二、上年结转政府信息公开申请数量"])
            .collect();
        assert!(recognise(&partial).is_none());
    }

    #[test]
    fn a_label_broken_over_two_lines_is_joined_and_an_unknown_row_refuses_the_table() {
        let t = Statutory::Requests.table();
        let cells = flat(&t);
        let long = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
        let at = cells.iter().position(|c| c == long).unwrap();
        let mut input: Vec<&str> = cells.iter().map(String::as_str).collect();
        input.splice(
            at..=at,
            [
                "1.申请人无正当理由逾期不补正、",
                "行政机关不再处理其政府信息公开申请",
            ],
        );
        let f = recognise(&input).unwrap();
        assert_eq!((f.len, &f.table), (input.len(), &t));
        assert!(f.rewritten.is_empty() && f.added.is_empty());
        // A row the format does not have, in the middle: not the statutory table.
        let mut odd: Vec<&str> = cells.iter().map(String::as_str).collect();
        odd.insert(at, "（六）其中：网上申请");
        assert!(recognise(&odd).is_none());
    }

    #[test]
    fn a_simplified_table_is_not_statutory() {
        let input = [
            "申请人类别",
            "自然人",
            "企业",
            "合计",
            "一、新收申请",
            "2",
            "0",
            "2",
        ];
        assert!(recognise(&input).is_none());
        assert!(recognise(&input[1..]).is_none());
    }

    #[test]
    fn preview_lines_round_trip() {
        let mut t = Statutory::Appeals.table();
        t.rows[3][4].set_text("0");
        let f = recognise_line(&t.plain()).unwrap();
        assert_eq!(f.table, t);
        let bars: Vec<&str> = t.rows.iter().flatten().map(|c| c.text()).collect();
        assert_eq!(recognise_line(&bars.join("｜")).unwrap().table, t);
        assert!(recognise_line("自然人｜法人｜1｜2").is_none());
    }
}
