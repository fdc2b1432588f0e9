//! The index schema, built from `schema/index.json` (the one place the
//! fields are declared and documented).

use crate::error::Error;
use serde::Deserialize;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STRING,
};

/// The schema declaration, compiled in.
pub const SCHEMA_JSON: &str = include_str!("../../schema/index.json");

#[derive(Debug, Deserialize)]
struct SchemaFile {
    version: u32,
    fields: Vec<FieldSpec>,
}

/// One field as declared in `schema/index.json`.
#[derive(Debug, Deserialize)]
pub struct FieldSpec {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub analyzer: Option<String>,
    #[serde(default)]
    pub options: Vec<String>,
    pub doc: String,
}

impl FieldSpec {
    fn has(&self, option: &str) -> bool {
        self.options.iter().any(|o| o == option)
    }
}

/// The schema version compiled into this binary.
pub fn version() -> Result<u32, Error> {
    Ok(parse()?.version)
}

/// The field declarations, in order.
pub fn field_specs() -> Result<Vec<FieldSpec>, Error> {
    Ok(parse()?.fields)
}

fn parse() -> Result<SchemaFile, Error> {
    serde_json::from_str(SCHEMA_JSON)
        .map_err(|e| Error::Internal(format!("schema/index.json is invalid: {e}")))
}

/// Builds the tantivy schema from the declaration.
pub fn build() -> Result<Schema, Error> {
    let mut builder = Schema::builder();
    for spec in parse()?.fields {
        match spec.kind.as_str() {
            "text" => {
                builder.add_text_field(&spec.name, text_options(&spec));
            }
            "string" => {
                builder.add_text_field(&spec.name, string_options(&spec));
            }
            "date" => {
                builder.add_date_field(&spec.name, date_options(&spec));
            }
            "u64" => {
                builder.add_u64_field(&spec.name, numeric_options(&spec));
            }
            "i64" => {
                builder.add_i64_field(&spec.name, numeric_options(&spec));
            }
            other => {
                return Err(Error::Internal(format!(
                    "schema/index.json: field `{}` has unknown type `{other}`",
                    spec.name
                )))
            }
        }
    }
    Ok(builder.build())
}

fn text_options(spec: &FieldSpec) -> TextOptions {
    let mut options = TextOptions::default();
    if spec.has("indexed") {
        let record = if spec.has("positions") {
            IndexRecordOption::WithFreqsAndPositions
        } else {
            IndexRecordOption::WithFreqs
        };
        let analyzer = spec.analyzer.as_deref().unwrap_or("default");
        options = options.set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(record),
        );
    }
    if spec.has("stored") {
        options = options.set_stored();
    }
    options
}

fn string_options(spec: &FieldSpec) -> TextOptions {
    let mut options = if spec.has("indexed") {
        STRING
    } else {
        TextOptions::default()
    };
    if spec.has("stored") {
        options = options.set_stored();
    }
    if spec.has("fast") {
        options = options.set_fast("raw");
    }
    options
}

fn date_options(spec: &FieldSpec) -> DateOptions {
    let mut options = DateOptions::default().set_precision(DateTimePrecision::Seconds);
    if spec.has("indexed") {
        options = options.set_indexed();
    }
    if spec.has("stored") {
        options = options.set_stored();
    }
    if spec.has("fast") {
        options = options.set_fast();
    }
    options
}

fn numeric_options(spec: &FieldSpec) -> NumericOptions {
    let mut options = NumericOptions::default();
    if spec.has("indexed") {
        options = options.set_indexed();
    }
    if spec.has("stored") {
        options = options.set_stored();
    }
    if spec.has("fast") {
        options = options.set_fast();
    }
    options
}

/// Handles to every field, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub doctype: Field,
    pub id: Field,
    pub path: Field,
    pub article_id: Field,
    pub date: Field,
    pub agency: Field,
    pub place: Field,
    pub headline: Field,
    pub body: Field,
    pub parts: Field,
    pub people: Field,
    pub person: Field,
    pub signature: Field,
    pub url: Field,
    pub kind: Field,
    pub span_start: Field,
    pub span_end: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
}

impl Fields {
    pub fn new(schema: &Schema) -> Result<Fields, Error> {
        let get = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| Error::Internal(format!("schema has no field `{name}`")))
        };
        Ok(Fields {
            doctype: get("doctype")?,
            id: get("id")?,
            path: get("path")?,
            article_id: get("article_id")?,
            date: get("date")?,
            agency: get("agency")?,
            place: get("place")?,
            headline: get("headline")?,
            body: get("body")?,
            parts: get("parts")?,
            people: get("people")?,
            person: get("person")?,
            signature: get("signature")?,
            url: get("url")?,
            kind: get("kind")?,
            span_start: get("span_start")?,
            span_end: get("span_end")?,
            file_size: get("file_size")?,
            file_mtime: get("file_mtime")?,
            file_hash: get("file_hash")?,
        })
    }
}

/// Values of the `doctype` field.
pub mod doctype {
    pub const ARTICLE: &str = "article";
    pub const STATEMENT: &str = "statement";
    pub const SOURCE: &str = "source";
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_declared_schema_builds() {
        let schema = super::build().expect("schema builds");
        super::Fields::new(&schema).expect("all fields present");
    }
}
