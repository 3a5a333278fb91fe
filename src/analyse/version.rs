//! The analyser's version. The library cache keys on it: bump it whenever
//! a change to ingest, cleaning or analysis changes what an article
//! becomes, so that cached results from the old analyser are not reused.

/// Bump on every change to what the analysis produces.
pub const ANALYSER_VERSION: u32 = 19;
