"""Rules and evaluation: what needs a staffing, when, and the morning list. Imports model and files."""
