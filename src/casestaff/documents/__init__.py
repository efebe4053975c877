"""Documents: agendas, readiness, redaction, narration, schema, skeletons. Imports model, files and rules."""
