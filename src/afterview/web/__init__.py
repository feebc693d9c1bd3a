"""The local web app: the same use cases as the CLI, as pages a candidate enjoys opening.

Server-rendered (Jinja2) with a little JavaScript of our own for progressive
enhancement; every asset is served from the package, so it works offline.
"""
