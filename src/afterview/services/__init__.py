"""Use cases: the only API the CLI, the web app and background jobs call."""
