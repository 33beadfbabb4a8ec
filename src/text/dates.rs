//! Full dates written in a text (`2024年1月5日`, `2024年01月05日`, `二〇二四年十二月十六日`,
//! `2024-1-5`), found with their spelling so that a check can ask for the standard form.

use super::numerals::{parse_chinese, year_digit};

/// How a found date is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// `2024年1月5日` exactly as it should be.
    Standard,
    /// `2024年01月05日`.
    LeadingZero,
    /// `二〇二四年一月五日`.
    ChineseNumerals,
    /// `2024-1-5`, `2024.1.5`, `2024/1/5`.
    Separators,
}

/// A full date found in a text. The numbers are as written: `2023年2月30日` is found too,
/// and whether it is a real day is the caller's question (`model::Date::new`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// First char (not byte) of the date in the text.
    pub start: usize,
    /// One past its last char (`日` or `号` included).
    pub end: usize,
    /// The year as written (four digits).
    pub year: i32,
    /// The month as written (1–99).
    pub month: u32,
    /// The day as written (1–99).
    pub day: u32,
    /// How it is spelled.
    pub form: DateForm,
}

/// The value of up to `max` ASCII digits at `c[i..]`, and how many there were.
fn digits(c: &[char], i: usize, max: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut n = 0;
    while i + n < c.len() && n < max {
        match c[i + n].to_digit(10) {
            Some(d) if c[i + n].is_ascii_digit() => v = v * 10 + d,
            _ => break,
        }
        n += 1;
    }
    (v, n)
}

fn date_at(c: &[char], i: usize) -> Option<FoundDate> {
    if i > 0 && (c[i - 1].is_ascii_digit() || year_digit(c[i - 1]).is_some()) {
        return None; // inside a longer number
    }
    // Arabic year.
    let (y, n) = digits(c, i, 4);
    if n == 4 {
        let sep = *c.get(i + 4)?;
        if sep == '年' {
            let (m, mn) = digits(c, i + 5, 2);
            if mn == 0 || c.get(i + 5 + mn) != Some(&'月') {
                return None;
            }
            let (d, dn) = digits(c, i + 6 + mn, 2);
            if dn == 0 || !matches!(c.get(i + 6 + mn + dn), Some('日') | Some('号')) {
                return None;
            }
            let zero = (mn == 2 && c[i + 5] == '0') || (dn == 2 && c[i + 6 + mn] == '0');
            let std = !zero && c[i + 6 + mn + dn] == '日';
            return Some(FoundDate {
                start: i,
                end: i + 7 + mn + dn,
                year: y as i32,
                month: m,
                day: d,
                form: if std {
                    DateForm::Standard
                } else {
                    DateForm::LeadingZero
                },
            });
        }
        if matches!(sep, '-' | '.' | '/') {
            let (m, mn) = digits(c, i + 5, 2);
            if mn == 0 || c.get(i + 5 + mn) != Some(&sep) {
                return None;
            }
            let (d, dn) = digits(c, i + 6 + mn, 2);
            let end = i + 6 + mn + dn;
            if dn == 0 || c.get(end).is_some_and(|x| x.is_ascii_digit() || *x == sep) {
                return None;
            }
            return Some(FoundDate {
                start: i,
                end,
                year: y as i32,
                month: m,
                day: d,
                form: DateForm::Separators,
            });
        }
        return None;
    }
    // Chinese numerals: 二〇二四年十二月十六日.
    let mut y = 0u32;
    for k in 0..4 {
        y = y * 10 + year_digit(*c.get(i + k)?)?;
    }
    if c.get(i + 4) != Some(&'年') {
        return None;
    }
    let (m, mn) = parse_chinese(c.get(i + 5..)?)?;
    if c.get(i + 5 + mn) != Some(&'月') {
        return None;
    }
    let (d, dn) = parse_chinese(c.get(i + 6 + mn..)?)?;
    if !matches!(c.get(i + 6 + mn + dn), Some('日') | Some('号')) {
        return None;
    }
    Some(FoundDate {
        start: i,
        end: i + 7 + mn + dn,
        year: y as i32,
        month: m as u32,
        day: d as u32,
        form: DateForm::ChineseNumerals,
    })
}

/// Every full date (year, month and day) in `text`.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if let Some(d) = date_at(&c, i) {
            i = d.end;
            out.push(d);
        } else {
            i += 1;
        }
    }
    out
}

/// Years written `2023年` (four Arabic digits, 1900–2199, not part of a longer number):
/// `(start, end of the digits, year)` in chars.
pub fn find_years(text: &str) -> Vec<(usize, usize, i32)> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 < c.len() {
        let lead_ok = i == 0 || !c[i - 1].is_ascii_digit();
        let (y, n) = digits(&c, i, 4);
        if lead_ok && n == 4 && c[i + 4] == '年' && (1900..2200).contains(&y) {
            out.push((i, i + 4, y as i32));
            i += 5;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_date_forms() {
        let t = "2024年1月5日、2024年01月05日、二○○五年十二月十六日、2024-1-5和2023年2月30日";
        let forms: Vec<_> = find_dates(t)
            .iter()
            .map(|d| (d.form, d.year, d.month, d.day))
            .collect();
        assert_eq!(
            forms,
            vec![
                (DateForm::Standard, 2024, 1, 5),
                (DateForm::LeadingZero, 2024, 1, 5),
                (DateForm::ChineseNumerals, 2005, 12, 16),
                (DateForm::Separators, 2024, 1, 5),
                (DateForm::Standard, 2023, 2, 30),
            ]
        );
        assert!(find_dates("版本1.2.3，共2.6万次，12024年").is_empty());
    }

    #[test]
    fn years_only_whole_four_digits() {
        assert_eq!(find_years("2023年和12023年"), vec![(0, 4, 2023)]);
    }
}
