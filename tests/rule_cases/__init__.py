"""Annotated rule cases: one folder per program and rule (see harness.py)."""
