"""Records and as-of queries: the case file and program packs as typed data, and the facts every command asks of them. Imports nothing else of casestaff."""
