//! Character classes: 汉字, full-cell (wide) characters, and the sets of Chinese punctuation.
//!
//! Names of the sets follow GB/T 15834-2011 《标点符号用法》: 点号 (句末点号 。？！ and 句内点号
//! ，、；：) and 标号 (quotation marks, brackets, book-title marks, dash, ellipsis, 间隔号).

/// 句末点号 (GB/T 15834-2011 §4.1): the marks that end a sentence.
pub const SENTENCE_END: [char; 3] = ['。', '？', '！'];

/// 句内点号 (GB/T 15834-2011 §4.1): pauses inside a sentence.
pub const PAUSES: [char; 4] = ['，', '、', '；', '：'];

/// Opening 标号 in full width: quotation marks, brackets, book-title marks. Each stands in the
/// right half of its cell and may not end a line.
pub const OPENING: [char; 12] = [
    '（', '《', '〈', '「', '『', '【', '〔', '〖', '［', '｛', '“', '‘',
];

/// Closing 标号 in full width, the partners of [`OPENING`]. Each stands in the left half of
/// its cell and may not begin a line.
pub const CLOSING: [char; 12] = [
    '）', '》', '〉', '」', '』', '】', '〕', '〗', '］', '｝', '”', '’',
];

/// A 汉字: the CJK Unified Ideographs (with extension A), the compatibility ideographs, the
/// supplementary ideographic planes 2 and 3 (extensions B–H), and 〇 (the ideographic zero
/// of `二〇二四年`).
///
/// The copies this replaces differed: the check's stopped at U+2FFFF and so missed plane 3
/// (extensions G and H, rare characters of names and places), the typesetter's went on to
/// U+3FFFD; those characters are 汉字 all the same, so both planes count.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFD}'
        | '〇'
    )
}

/// Set in a full character cell with the CJK font. Quotation marks, dashes and ellipses are
/// full-width in Chinese text (GB/T 15834-2011 gives each mark one or two cells), although
/// Unicode calls them ambiguous.
pub fn is_wide(c: char) -> bool {
    is_cjk(c)
        || matches!(c,
            '\u{00B7}' // 间隔号 ·
            | '\u{2014}' | '\u{2015}' // ——
            | '\u{2018}'..='\u{201D}' // ‘’“”
            | '\u{2026}' // ……
            | '\u{2030}' | '\u{203B}' // ‰ ※
            | '\u{2103}' | '\u{2116}' // ℃ №
            | '\u{2160}'..='\u{216F}' // Ⅰ Ⅱ …
            | '\u{2190}'..='\u{21FF}' // arrows
            | '\u{2460}'..='\u{24FF}' // ① …
            | '\u{2500}'..='\u{257F}' // box drawing
            | '\u{25A0}'..='\u{25FF}' // ■□▲△○●◎◇◆
            | '\u{2605}' | '\u{2606}' // ★☆
            | '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{303E}' // radicals, CJK symbols and punctuation
            | '\u{3041}'..='\u{33FF}' // kana, bopomofo, CJK compatibility
            | '\u{A000}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{FE10}'..='\u{FE19}'
            | '\u{FE30}'..='\u{FE6F}'
            | '\u{FF01}'..='\u{FF60}' // full-width forms
            | '\u{FFE0}'..='\u{FFE6}'
        )
}

/// Chinese punctuation, every 点号 and 标号 of GB/T 15834-2011 in its full-width form:
/// [`SENTENCE_END`], [`PAUSES`], [`OPENING`], [`CLOSING`], the ellipsis `…`, the dash `—` and
/// the 间隔号 `·`. Text next to these is Chinese text.
///
/// The copies this replaces (the punctuation check's and the importer's) listed only the
/// round, book-title and square-bold brackets, and only the importer's the 间隔号; every
/// bracket of [`OPENING`]/[`CLOSING`] is Chinese punctuation as much as those.
pub fn is_cjk_punct(c: char) -> bool {
    SENTENCE_END.contains(&c)
        || PAUSES.contains(&c)
        || OPENING.contains(&c)
        || CLOSING.contains(&c)
        || matches!(c, '…' | '—' | '·')
}

/// Ends a sentence: a 句末点号, or its half-width form (`?` `!`) as pasted text has it. The
/// full stop `.` is left out: in Chinese text it is far more often a decimal point or a
/// heading number (`2.6万`, `1.`) than a mistyped `。`.
pub fn ends_sentence(c: char) -> bool {
    SENTENCE_END.contains(&c) || matches!(c, '?' | '!')
}

/// Ends a sentence or a clause: [`ends_sentence`], or `；` `：` (and `;` `:`). After one of
/// these a new item, heading or enumeration may start; a run-in heading that ends with one
/// needs no added `。`.
///
/// The copies this replaces differed: the model's list for run-in headings had only the
/// full-width marks, the importer's both widths; a clerk's half-width `:` ends the heading
/// just as well (the punctuation check then asks for the full-width form).
pub fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, '；' | '：' | ';' | ':')
}

/// The full-width form of a half-width mark that Chinese text must not use
/// (`,` `;` `:` `?` `!` `(` `)`), or `None`.
pub fn to_full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// May not begin a line (避头, GB/T 15834-2011 §5.1.2 and the line-breaking rules of Chinese
/// layout): every 点号, every closing 标号, `…` `—` `·` `％` `‰` `．`, their half-width
/// forms, the prolonged sound mark and the small kana.
pub fn no_line_start(c: char) -> bool {
    SENTENCE_END.contains(&c)
        || PAUSES.contains(&c)
        || CLOSING.contains(&c)
        || matches!(
            c,
            '…' | '—'
                | '·'
                | '％'
                | '‰'
                | '．'
                | ','
                | '.'
                | ';'
                | ':'
                | '?'
                | '!'
                | ')'
                | ']'
                | '}'
                | '%'
                | 'ー'
                | 'ぁ'
                | 'ぃ'
                | 'ぅ'
                | 'ぇ'
                | 'ぉ'
                | 'っ'
                | 'ゃ'
                | 'ゅ'
                | 'ょ'
        )
}

/// May stand beyond the right edge of a full line (标点悬挂): the 点号 in full width
/// (GB/T 15834-2011 §4.1: 。？！，、；：) and the full-width full stop `．`. These are the
/// hanging characters of LibreOffice's zh-CN locale data, used when a paragraph allows hanging
/// punctuation (`w:overflowPunct`, on unless switched off); closing 标号 (）》”) never hang
/// there and move to the next line with the character before them.
pub fn may_hang(c: char) -> bool {
    SENTENCE_END.contains(&c) || PAUSES.contains(&c) || c == '．'
}

/// May not end a line (避尾): every opening 标号 and the half-width `(` `[` `{`.
pub fn no_line_end(c: char) -> bool {
    OPENING.contains(&c) || matches!(c, '(' | '[' | '{')
}

/// Where a full-width punctuation mark's blank half is: it may be squeezed to half a cell
/// (标点挤压).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    /// No blank half (a 汉字, or a centred mark like `？` `！` `·`).
    None,
    /// Closing marks and pauses: the ink sits in the left half (，。）”).
    Right,
    /// Opening marks: the ink sits in the right half (（“《).
    Left,
}

/// The blank half of `c`: [`Blank::Right`] for `，。、；：` and [`CLOSING`], [`Blank::Left`]
/// for [`OPENING`].
pub fn blank_half(c: char) -> Blank {
    if CLOSING.contains(&c) || PAUSES.contains(&c) || c == '。' {
        Blank::Right
    } else if OPENING.contains(&c) {
        Blank::Left
    } else {
        Blank::None
    }
}

/// Opening quotation marks, which Unicode leaves ambiguous but Chinese text does not.
pub fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘')
}

/// Closing quotation marks (see [`is_opening_quote`]).
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’')
}

/// Replaces what cannot be typeset (control characters, line breaks inside a paragraph) with a
/// space, so odd input never reaches the layout as something unmeasurable.
pub fn clean(c: char) -> char {
    if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
        ' '
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_wide('中') && is_wide('，') && is_wide('“') && is_wide('—'));
        assert!(!is_wide('4') && !is_wide('L') && !is_wide(' ') && !is_wide('%'));
        assert!(is_cjk('中') && is_cjk('〇') && is_cjk('\u{30000}') && is_cjk('𠀀'));
        assert!(!is_cjk('，') && !is_cjk('A') && !is_cjk('ア'));
        assert!(no_line_start('，') && no_line_start('”') && !no_line_start('“'));
        assert!(no_line_end('《') && !no_line_end('》'));
        assert_eq!(blank_half('，'), Blank::Right);
        assert_eq!(blank_half('“'), Blank::Left);
        assert_eq!(blank_half('中'), Blank::None);
        assert_eq!(blank_half('？'), Blank::None);
        assert_eq!(clean('\n'), ' ');
    }

    #[test]
    fn punctuation_sets() {
        for c in "。？！，、；：（）《》〈〉「」『』【】〔〕〖〗［］｛｝“”‘’…—·".chars()
        {
            assert!(is_cjk_punct(c), "{c}");
        }
        assert!(!is_cjk_punct(',') && !is_cjk_punct('中'));
        assert!(ends_sentence('。') && ends_sentence('!') && !ends_sentence('；'));
        assert!(ends_clause('；') && ends_clause(':') && !ends_clause('，'));
        assert!(!ends_clause('.'));
        assert_eq!(to_full_width(','), Some('，'));
        assert_eq!(to_full_width('.'), None);
        // Every mark squeezed to half a cell is one that may not start or not end a line.
        for c in OPENING.iter().chain(&CLOSING).chain(&PAUSES) {
            assert!(
                no_line_start(*c) != no_line_end(*c),
                "{c} is exactly one of 避头/避尾"
            );
        }
    }
}
