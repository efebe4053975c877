"""Tests of casestaff's packset layer."""
