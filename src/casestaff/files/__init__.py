"""Reading and writing files: YAML, validation, the caseload and its cache, atomic writes, settings. Imports only casestaff.model."""
