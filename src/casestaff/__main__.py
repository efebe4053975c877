"""`python -m casestaff` runs the command line."""

from casestaff.cli.main import main

main()
