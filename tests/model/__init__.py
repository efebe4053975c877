"""Tests of casestaff's model layer."""
