"""Words of today's job hunt that the size-60 word lists predate, added to both languages.

A false alarm costs more than a missed typo here: an ERROR blocks sending (P5), and
a candidate told that "LinkedIn" or "onboarding" is misspelt stops trusting the
check. The list is short and deliberate: each word appears in ordinary professional
email and is no plausible misspelling of another word. Names of people and
organisations do not belong here: they come from the candidate's records
(CheckContext.known_words). Written for Afterview; no third-party list.
"""

from __future__ import annotations

_WORDS = """
LinkedIn Glassdoor GitHub GitLab Bitbucket Jira Confluence Trello Webex Figma Miro
Salesforce HubSpot Tableau Databricks PowerPoint SharePoint OneDrive Dropbox
Kubernetes Terraform Ansible Docker Kafka TypeScript JavaScript Golang Kotlin PyTorch
TensorFlow NumPy Django MySQL MongoDB Redis Elasticsearch SaaS PaaS DevOps MLOps
FinOps fintech healthtech edtech proptech insurtech regtech onboarding offboarding
onboarded upskill upskilled upskilling reskill reskilling skillset skillsets roadmap
roadmaps cybersecurity ecommerce microservice microservices backend backends frontend
frontends fullstack datasets datastore timeframe timeframes learnings wellbeing rebrand
rebrands rebranded rebranding Kanban hackathon hackathons walkthrough walkthroughs
workstream workstreams livestream chatbot chatbots scalable scalability serverless
observability geospatial résumé résumés plc Wi Fi WiFi wifi inclusivity neurodiverse
neurodivergent neurodiversity uncompetitive unarchived devs ramped flyer flyers ok
undiscounted conferenced conferencing financials brainer impactful telecom telecoms telco
telcos unlink unlinked unlinking strategize strategized strategizes strategizing
strategise strategised strategises strategising incentivize incentivized incentivizing
incentivise incentivised incentivising incent incented incenting mentee mentees upsell
upselling upsold timebox timeboxed offboard cafe cafes
"""
WORDS: frozenset[str] = frozenset(_WORDS.split())
