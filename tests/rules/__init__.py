"""Tests of casestaff's rules layer."""
