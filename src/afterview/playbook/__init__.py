"""The playbook (P1–P12) as pure functions of facts and settings: no I/O, no clock."""

# P5: a thank-you's body is brief (the `thank_you_max_words` setting's default). Here, not
# only in settings.py, so `afterview check` can show it without loading the settings.
THANK_YOU_MAX_WORDS = 150

# In the reason of a step re-planned because its interview was entered late (plan.py);
# Today shows such steps "to catch up". Here, so `afterview today` reads it without
# loading the plan.
CATCH_UP_MARK = "so this is a catch-up"
