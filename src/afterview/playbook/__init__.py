"""The playbook (P1–P12) as pure functions of facts and settings: no I/O, no clock."""
