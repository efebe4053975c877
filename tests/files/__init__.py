"""Tests of casestaff's files layer."""
