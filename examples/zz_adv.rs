fn main() {
    for f in ["FandolFang-Regular", "FandolSong-Regular"] {
        let data = std::fs::read(format!("resources/fonts/{f}.otf")).unwrap();
        let face = ttf_parser::Face::parse(&data, 0).unwrap();
        let upem = face.units_per_em() as f32;
        for c in "·“”‘’—…，；（）《》、。：,;()%.".chars() {
            let adv = face
                .glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(|a| a as f32 / upem);
            println!("{f} {c} U+{:04X} {:?}", c as u32, adv);
        }
    }
}
