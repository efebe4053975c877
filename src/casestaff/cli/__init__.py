"""The command line: parses arguments and presents. The only layer that imports typer or rich."""
