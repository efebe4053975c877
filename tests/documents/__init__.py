"""Tests of casestaff's documents layer."""
