//! Career Atlas: explore careers in tech offline — roles, their technology
//! stacks as a checklist, and sourced salary figures.
//!
//! The crate is a library plus a thin binary, so that tests and benchmarks drive
//! exactly the code people run:
//! - [`json`]: JSON text with positions: syntax errors, paths, diagnostics (knows no role);
//! - [`model`]: parsing, validation, the merged catalog, search, the profile (no UI);
//! - [`store`]: files on disk, written atomically;
//! - [`app`]: the `eframe::App` that owns state and applies commands;
//! - [`ui`]: one module per panel; panels read a narrow context and return
//!   commands, never write to disk, never import `app`;
//! - [`jobs`]: background jobs — imports, file dialogs, exports — off the UI thread;
//! - [`cli`]: the command line (`career-atlas validate FILE...`);
//! - [`cli_author`]: `career-atlas new FILE.json` and `validate --watch`;
//! - [`cli_skills`]: `career-atlas skills from-text FILE|-`;
//! - [`input`]: reading a file, pipe or standard input with a size limit;
//! - [`fonts`]: installed fonts as fallbacks for text in any script;
//! - [`watch`]: watch mode, a role file re-read when its author saves it;
//! - [`authoring`]: the starter role file and its schema (File › New role file…);
//! - [`user_files`]: writing the files a person names (new files, exports).

pub mod app;
pub mod authoring;
pub mod cli;
pub mod cli_author;
pub mod cli_launch;
pub mod cli_skills;
pub mod fonts;
pub mod input;
pub mod jobs;
pub mod json;
pub mod model;
pub mod state;
pub mod store;
pub mod ui;
pub mod user_files;
pub mod watch;

pub use app::{AppConfig, CareerAtlasApp};
