"""`python -m casestaff` runs the command line."""

from casestaff.cli.launch import main

main()
