//! Chinese numerals (一, 十二, 一百零一) both ways: written for heading numbers, read in typed
//! heading numbers, enumerations (`一是…二是…`) and dates (`二〇二四年十二月`).

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The Chinese numeral for `n` in 0..=999 as headings write it (一, 十, 十一, 二十,
/// 一百零一, 一百一十); larger numbers in Arabic digits.
pub fn to_chinese(n: usize) -> String {
    let digit = |d: usize| DIGITS[d].to_string();
    let tens_unit = |n: usize| {
        if n.is_multiple_of(10) {
            String::new()
        } else {
            digit(n % 10)
        }
    };
    match n {
        0..=9 => digit(n),
        10..=19 => format!("十{}", tens_unit(n)),
        20..=99 => format!("{}十{}", digit(n / 10), tens_unit(n)),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", digit(rest)),
                // 一百一十: inside a larger number the 十 keeps its 一.
                10..=19 => format!("一{}", to_chinese(rest)),
                _ => to_chinese(rest),
            };
            format!("{}百{}", digit(n / 100), tail)
        }
        _ => n.to_string(),
    }
}

/// The value of one digit character 1..=9 (`一` … `九`).
fn digit_value(c: char) -> Option<usize> {
    DIGITS.iter().position(|&d| d == c).filter(|&d| d > 0)
}

/// A Chinese numeral 1..=99 (`一`, `十`, `十二`, `二十三`) at the start of `c`:
/// `(value, chars used)`, or `None` when `c` does not start with one.
pub fn parse_chinese(c: &[char]) -> Option<(usize, usize)> {
    let mut i = 0;
    let mut value = 0;
    if let Some(d) = c.first().and_then(|&ch| digit_value(ch)) {
        value = d;
        i = 1;
    }
    if c.get(i) == Some(&'十') {
        value = if i == 0 { 10 } else { value * 10 };
        i += 1;
        if let Some(d) = c.get(i).and_then(|&ch| digit_value(ch)) {
            value += d;
            i += 1;
        }
    }
    (i > 0).then_some((value, i))
}

/// One digit of a year written digit by digit (`二〇二四`): 0 as `〇`, `○`, `零`, and the
/// letter O that a typist reaches for (`O` `Ｏ` `◯`), 1–9 as `一` … `九`.
pub(super) fn year_digit(ch: char) -> Option<u32> {
    match ch {
        '〇' | '○' | '零' | 'O' | '０' | 'Ｏ' | '◯' => Some(0),
        _ => digit_value(ch).map(|d| d as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_written() {
        let cases = [
            (0, "零"),
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (115, "一百一十五"),
            (230, "二百三十"),
            (1000, "1000"),
        ];
        for (n, s) in cases {
            assert_eq!(to_chinese(n), s, "{n}");
        }
    }

    #[test]
    fn numerals_read_back() {
        for n in 1..=99 {
            let c: Vec<char> = to_chinese(n).chars().collect();
            assert_eq!(parse_chinese(&c), Some((n, c.len())), "{n}");
        }
        let c: Vec<char> = "十二是".chars().collect();
        assert_eq!(parse_chinese(&c), Some((12, 2)));
        assert_eq!(parse_chinese(&['是']), None);
        assert_eq!(parse_chinese(&['零']), None);
        assert_eq!(year_digit('〇'), Some(0));
        assert_eq!(year_digit('四'), Some(4));
    }
}
