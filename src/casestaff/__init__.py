"""casestaff: who needs a case staffing and why, from a folder of YAML case files."""

__version__ = "0.1.0"
