"""Afterview: the candidate's companion for everything after a job interview."""

__version__ = "0.1.0"
