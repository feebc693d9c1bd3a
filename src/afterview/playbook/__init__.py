"""The playbook (P1–P12) as pure functions of facts and settings: no I/O, no clock."""

# P5: a thank-you's body is brief (the `thank_you_max_words` setting's default). Here, not
# only in settings.py, so `afterview check` can show it without loading the settings.
THANK_YOU_MAX_WORDS = 150
