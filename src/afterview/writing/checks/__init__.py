"""One module per check; see afterview.writing.checker."""
