"""Writing: drafts composed from the candidate's own facts, and a checker for any text.

Pure like the playbook: no database, no clock, no network. Heavy resources (the
spelling dictionary, the tone lexicon) load lazily, once per process.
"""
