"""Stage 2: turn raw text into checked, broken and fitted lines."""
