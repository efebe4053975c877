"""Tests of casestaff's cli layer."""
