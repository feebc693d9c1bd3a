"""The command line: thin adapters that parse input, call a service, render the result."""
