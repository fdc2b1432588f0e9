//! Extraction: pure functions that read an article's text and find who is
//! named in it (`people`) and what they said (`statements`).
//!
//! Nothing here touches the disk or the index: the lexicons are compiled in
//! from `schema/` and every function works on `&str`.

pub mod people;
pub mod statements;
