//! JSON text with positions, below the role file format and knowing nothing
//! of it: diagnostics with line and column.

pub mod diagnostic;
