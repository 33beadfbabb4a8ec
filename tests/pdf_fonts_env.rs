//! `GONGWEN_NO_SYSTEM_FONTS=1` makes discovery use only imported and bundled fonts (its own test
//! binary: the variable is process-wide).

use gongwen::fonts::{FontSet, Source, NO_SYSTEM_FONTS_ENV};
use gongwen::spec::Spec;

#[test]
fn no_system_fonts_switch_leaves_only_bundled_fonts() {
    std::env::set_var(NO_SYSTEM_FONTS_ENV, "1");
    let fonts = FontSet::discover(None).unwrap();
    assert!(fonts.files().iter().all(|f| f.source == Source::Bundled));
    assert_eq!(
        fonts.report(&Spec::official()).len(),
        gongwen::spec::Role::ALL.len()
    );
    // A folder that does not exist is no error: nothing imported yet.
    let fonts = FontSet::discover(Some(std::path::Path::new("/nonexistent/fonts"))).unwrap();
    assert!(fonts.files().iter().all(|f| f.source == Source::Bundled));
}
