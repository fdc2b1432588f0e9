//! The manifest: what the index knows of each source file (size, mtime,
//! hash), read from the `source` records committed with the documents, so
//! it can never disagree with them.

use super::documents::SourceRecord;
use crate::error::{Error, Result};
use std::collections::HashMap;
use tantivy::columnar::StrColumn;
use tantivy::Searcher;

/// Source records by relative path.
pub type Manifest = HashMap<String, SourceRecord>;

/// Reads every live source record from the index's fast fields (no
/// stored-document reads: this is what keeps a no-change run fast).
pub fn load(searcher: &Searcher) -> Result<Manifest> {
    let mut manifest = Manifest::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let sizes = fast.u64("file_size")?;
        let mtimes = fast.i64("file_mtime")?;
        let (Some(paths), Some(hashes)) = (fast.str("path")?, fast.str("file_hash")?) else {
            continue;
        };
        let path_terms = column_terms(&paths)?;
        let hash_terms = column_terms(&hashes)?;
        let term = |column: &StrColumn, terms: &[String], doc| {
            column
                .ords()
                .first(doc)
                .and_then(|ord| terms.get(ord as usize))
                .cloned()
                .unwrap_or_default()
        };
        for doc in segment.doc_ids_alive() {
            let Some(size) = sizes.first(doc) else {
                continue; // not a source record
            };
            let path = term(&paths, &path_terms, doc);
            let record = SourceRecord {
                path: path.clone(),
                size,
                mtime_ns: mtimes.first(doc).unwrap_or(0),
                hash: term(&hashes, &hash_terms, doc),
            };
            manifest.insert(path, record);
        }
    }
    Ok(manifest)
}

/// Every term of a string column, indexed by term ordinal. Reading the
/// dictionary once in order is far cheaper than looking up ordinals one by
/// one (each lookup decompresses a block).
pub fn column_terms(column: &StrColumn) -> Result<Vec<String>> {
    let mut terms = Vec::with_capacity(column.num_terms());
    let mut stream = column
        .dictionary()
        .stream()
        .map_err(|e| Error::Internal(format!("fast field dictionary: {e}")))?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}
