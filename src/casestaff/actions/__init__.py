"""What a command does, between the core and the command line: the settings and packs a command
works with, the case it is about, and the agendas and narrations it asks the core for -- chosen,
run through the cached caseload runner and written here, so the CLI only parses and presents.

Pure of typer and rich; every error is one of `casestaff.model.errors`.
"""
