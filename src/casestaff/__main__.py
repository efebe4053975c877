"""`python -m casestaff` runs the command line."""

from casestaff.cli.app import main

main()
