"""Many résumés at once: batch runs, the cohort summary, JSONL streams, redaction and scale-out engines."""
