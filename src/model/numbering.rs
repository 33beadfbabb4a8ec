//! Heading numbers of the official layout, derived from a heading's level and position:
//! level 1 `一、`, level 2 `（一）`, level 3 `1.`, level 4 `（1）`.

/// Chinese numeral for 1..=999 as used in headings (一, 十, 十一, 二十, 一百零一 …).
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => DIGITS[0].to_string(),
        1..=9 => DIGITS[n].to_string(),
        10..=19 => format!(
            "十{}",
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", DIGITS[rest]),
                // 一百一十: inside a larger number the 十 keeps its 一.
                10..=19 => format!("一{}", chinese_numeral(rest)),
                _ => chinese_numeral(rest),
            };
            format!("{}百{}", DIGITS[n / 100], tail)
        }
        _ => n.to_string(),
    }
}

/// The number (with its punctuation) of the `index`-th (0-based) heading at `level` (1–4).
/// Levels beyond 4 are numbered like level 4; the model refuses them on input.
pub fn heading_number(level: u8, index: usize) -> String {
    let n = index + 1;
    match level {
        1 => format!("{}、", chinese_numeral(n)),
        2 => format!("（{}）", chinese_numeral(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let cases = [
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
        ];
        for (n, s) in cases {
            assert_eq!(chinese_numeral(n), s, "{n}");
        }
    }

    #[test]
    fn numbers_per_level() {
        assert_eq!(heading_number(1, 0), "一、");
        assert_eq!(heading_number(1, 10), "十一、");
        assert_eq!(heading_number(2, 2), "（三）");
        assert_eq!(heading_number(3, 11), "12.");
        assert_eq!(heading_number(4, 0), "（1）");
        assert_eq!(heading_number(7, 1), "（2）");
    }
}
