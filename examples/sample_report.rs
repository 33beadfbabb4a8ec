//! Prints our sample report of N pages as exchange JSON, for demos and benchmarks:
//! `cargo run --example sample_report -- 10 > r10.json && gongwen export r10.json --pdf r10.pdf`

fn main() {
    let pages = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let r = gongwen::fixtures::sample_report(pages);
    match serde_json::to_string_pretty(&r) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("生成示例失败：{e}");
            std::process::exit(1);
        }
    }
}
