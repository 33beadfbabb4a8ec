//! What kind of character a character is, for Chinese typesetting: one full cell or its natural
//! (Latin) width, which punctuation may not start or end a line (避头尾), and which
//! punctuation has a blank half that may be squeezed (标点挤压).

/// Set in a full character cell with the CJK font. Quotation marks, dashes and ellipses are
/// full-width in Chinese text (docs/format.md), although Unicode calls them ambiguous.
pub fn is_wide(c: char) -> bool {
    matches!(c,
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
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE6F}'
        | '\u{FF01}'..='\u{FF60}' // full-width forms
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}'
    )
}

/// May not begin a line (避头).
pub fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '〉'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〗'
            | '］'
            | '｝'
            | '”'
            | '’'
            | '…'
            | '—'
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

/// May not end a line (避尾).
pub fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '（' | '《'
            | '〈'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〖'
            | '［'
            | '｛'
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
    )
}

/// Where a full-width punctuation mark's blank half is: it may be squeezed to half a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    None,
    /// Closing marks and pauses: the ink sits in the left half (，。）”).
    Right,
    /// Opening marks: the ink sits in the right half (（“《).
    Left,
}

pub fn blank_half(c: char) -> Blank {
    match c {
        '，' | '。' | '、' | '；' | '：' | '）' | '》' | '〉' | '」' | '』' | '】' | '〕'
        | '〗' | '］' | '｝' | '”' | '’' => Blank::Right,
        '（' | '《' | '〈' | '「' | '『' | '【' | '〔' | '〖' | '［' | '｛' | '“' | '‘' => {
            Blank::Left
        }
        _ => Blank::None,
    }
}

/// Opening quotation marks, which Unicode leaves ambiguous but Chinese text does not.
pub fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘')
}

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
        assert!(no_line_start('，') && no_line_start('”') && !no_line_start('“'));
        assert!(no_line_end('《') && !no_line_end('》'));
        assert_eq!(blank_half('，'), Blank::Right);
        assert_eq!(blank_half('“'), Blank::Left);
        assert_eq!(blank_half('中'), Blank::None);
        assert_eq!(clean('\n'), ' ');
    }
}
