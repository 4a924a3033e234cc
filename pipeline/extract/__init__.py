"""Extract: rows the tables need (references, tasks, assignments) read from a normalised document."""
