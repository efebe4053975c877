"""`python -m casestaff` runs the command line."""

from .cli import main

main()
