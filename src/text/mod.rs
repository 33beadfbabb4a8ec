//! Characters and words of Chinese text, the bottom layer every other module uses: which
//! characters are 汉字 and which take a full cell ([`is_cjk`], [`is_wide`]), the sets of
//! Chinese punctuation (点号 and 标号 after GB/T 15834-2011, the 避头尾 sets of GB/T 15834 /
//! JIS X 4051 line breaking), Chinese numerals both ways ([`to_chinese`], [`parse_chinese`]),
//! measure words, and full dates written in a text ([`find_dates`]).
//!
//! One definition of each: a check, the importer and the typesetter that disagreed on what
//! counts as Chinese would flag what another accepts. Nothing here knows the report model.

mod chars;
mod dates;
mod numerals;
mod words;

pub use chars::{
    blank_half, clean, ends_clause, ends_sentence, is_cjk, is_cjk_punct, is_closing_quote,
    is_opening_quote, is_wide, may_hang, no_line_end, no_line_start, to_full_width, Blank, CLOSING,
    OPENING, PAUSES, SENTENCE_END,
};
pub use dates::{find_dates, find_years, DateForm, FoundDate};
pub use numerals::{parse_chinese, to_chinese};
pub use words::{measure_word_at, word_at};
