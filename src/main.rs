//! `gongwen`: the command line over the core (see `gongwen --help`).

mod cli;

fn main() {
    let code = cli::run(std::env::args_os().skip(1).collect());
    std::process::exit(code);
}
