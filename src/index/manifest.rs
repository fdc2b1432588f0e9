//! The manifest: what the index knows of each source file (size, mtime,
//! hash), read from the `source` records committed with the documents, so
//! it can never disagree with them.

use super::documents::SourceRecord;
use crate::error::{Error, Result};
use std::collections::HashMap;
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
        let mut path = String::new();
        let mut hash = String::new();
        for doc in segment.doc_ids_alive() {
            let Some(size) = sizes.first(doc) else {
                continue; // not a source record
            };
            let read = |column: &tantivy::columnar::StrColumn, out: &mut String| -> Result<()> {
                out.clear();
                if let Some(ord) = column.ords().first(doc) {
                    column
                        .ord_to_str(ord, out)
                        .map_err(|e| Error::Internal(format!("manifest column: {e}")))?;
                }
                Ok(())
            };
            read(&paths, &mut path)?;
            read(&hashes, &mut hash)?;
            manifest.insert(
                path.clone(),
                SourceRecord {
                    path: path.clone(),
                    size,
                    mtime_ns: mtimes.first(doc).unwrap_or(0),
                    hash: hash.clone(),
                },
            );
        }
    }
    Ok(manifest)
}
