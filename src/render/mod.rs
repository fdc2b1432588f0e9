//! Output: hits and summaries for a terminal, a pipe, or a script (JSON).

pub mod output;
pub mod show;
pub mod snippet;
