"""One module per playbook rule (P1–P12); each returns planned actions with their reasons."""
