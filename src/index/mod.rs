pub mod documents;
pub mod manifest;
pub mod schema;
pub mod status;
pub mod store;
pub mod writer;
