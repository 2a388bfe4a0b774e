"""Suggestions (resume_check.advice): no invented figures, questions and placeholders from the statement, the
résumé's currency and spelling, whole words, correct verbs, and the O*NET-derived gallery."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from analysis_fixtures import bullets_resume
from conftest import CORPUS, REFERENCE, REPO, needs_corpus, needs_reference
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_check.advice import (
    MAX_CHARS_WITH_QUESTION,
    Voice,
    build_gallery,
    build_vocabulary,
    detect_voice,
    load_gallery,
    load_vocabulary,
    respell,
    whole_clause,
)
from resume_check.errors import LexiconError
from resume_check.impact import analyse_impact, load_verbs
from resume_check.models import Resume, Statement

PLACEHOLDER = re.compile(r"\[[^\[\]]*\]")
QUOTED = re.compile(r"“([^”]*)”")
#: a long-bullet note may follow the suggestion proper
LONG_NOTE = " It is long: keep the action and the result, split the rest."

GB = ("Saved £40k on licences across the organisation.",)
US = ("Saved $40k on licenses across the organization.",)
NEUTRAL = ("Kept the service desk running.",)


def build(texts: Sequence[str]) -> Resume:
    """A Resume whose experience section holds ``texts`` as bullets (no structure stage)."""
    return bullets_resume(texts)


def statement(text: str, context: Sequence[str] = GB) -> Statement:
    found = [s for s in analyse_impact(build([text, *context])).statements if s.text.rstrip(".") == text.rstrip(".")]
    assert len(found) == 1, [s.text for s in analyse_impact(build([text, *context])).statements]
    return found[0]


def invented_figures(suggestion: str, text: str) -> list[str]:
    """Digit runs of ``suggestion`` outside [placeholders] that the statement ``text`` does not contain."""
    own = set(re.findall(r"\d+", text))
    return [d for d in re.findall(r"\d+", PLACEHOLDER.sub(" ", suggestion)) if d not in own]


def dangling_quotes(suggestion: str) -> list[str]:
    """Quoted clauses of ``suggestion`` that end on a function word ("such", "the", "and" ...)."""
    dangling = load_vocabulary().dangling
    out = []
    for quote in QUOTED.findall(suggestion):
        words = PLACEHOLDER.sub("N", quote).split()
        if words and words[-1].strip(",;:.").lower() in dangling:
            out.append(quote)
    return out


def verb_before_clause(suggestion: str, text: str) -> list[str]:
    """Quoted examples that open with a verb of ours followed by a pronoun or finite auxiliary ("Delivered am")."""
    finite = load_vocabulary().finite
    out = []
    for quote in QUOTED.findall(suggestion):
        words = quote.split()
        if len(words) >= 2 and words[1].strip(",").lower() in finite and words[1] != words[1].upper() != "I":
            if quote[: len(words[0]) + len(words[1]) + 1].lower() not in text.lower():
                out.append(quote)
        elif len(words) >= 2 and words[1] == "I" and not text.startswith(f"{words[0]} I"):
            out.append(quote)
    return out


def check_properties(st_: Statement) -> None:
    s = st_.suggestion
    assert invented_figures(s, st_.text) == [], s
    assert dangling_quotes(s) == [], s
    assert verb_before_clause(s, st_.text) == [], s
    # one question stays past the cap, up to a hard bound; past that the example is given alone
    assert len(s.removesuffix(LONG_NOTE)) <= MAX_CHARS_WITH_QUESTION, s


# --------------------------------------------------------------------------------------------- the table

#: (statement, résumé context, substrings the suggestion must hold, substrings it must not hold)
TABLE: list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = [
    (
        "Responsible for vendor management and contract renewals.",
        GB,
        ("How many vendors?", "renewals worth", "[£ amount]"),
        ("[$", "120k", "£800k"),
    ),
    ("Responsible for vendor management and contract renewals.", US, ("How many vendors?", "[$ amount]"), ("[£",)),
    (
        "Responsible for vendor management and contract renewals.",
        NEUTRAL,
        ("How many vendors?", "[amount]"),
        ("[£", "[$", "[€"),
    ),
    ("Responsible for vendor management and contract renewals.", ("Saved €40k on hosting.",), ("[€ amount]",), ()),
    (
        "Managed the integration of third-party services such as Stripe for payments and Twilio for SMS.",
        US,
        ("How many services?", "“Managed the integration of [N] third-party services”"),
        ("such,", "such”", "12 people", "used by"),
    ),
    (
        "Helped troubleshoot network and printer issues for office staff",
        US,
        ("“Troubleshot [N] network and printer issues for [N] office staff”",),
        ("Troubleshooted", "30%"),
    ),
    ("Responsible for leading the weekly change advisory board", GB, ("“Led the weekly change advisory board",), ()),
    ("Responsible for building the release pipeline", GB, ("“Built the release pipeline",), ("Builded",)),
    ("Responsible for running the service desk", GB, ("“Ran the service desk",), ("Runned",)),
    ("Responsible for overseeing the data centre move", GB, ("“Oversaw the data centre move",), ("Overseed",)),
    (
        "Responsible for implementing and managing the CI/CD pipeline",
        US,
        ("“Implemented and managed the CI/CD pipeline",),
        ("and managing",),
    ),
    (
        "Am an experienced Software Engineer with a passion for clean code",
        US,
        ("Example (not yours):",),
        ("Delivered am", "Built am"),
    ),
    (
        "Door-to-door meetings with prospective clients",
        US,
        ("“Ran [N] door-to-door meetings with [N] prospective clients”", "How many clients?"),
        (),
    ),
    ("Execution of the test plans for the billing system", GB, ("“Executed the test plans",), ()),
    # after a hedge, and after "the" (found on the corpus: "Delivered the development of [N] early … features")
    (
        "Played a key role in the development of early payment features",
        US,
        ("“Developed [N] early payment features",),
        ("Delivered the development",),
    ),
    (
        "Contributed to the implementation of the new ERP system",
        GB,
        ("“Implemented the new ERP system",),
        ("Delivered the implementation",),
    ),
    # a hedge with its own rewrite keeps it ("Worked with" -> "Partnered with")
    ("Worked with the development of partners", US, ("“Partnered with",), ()),
    ("Analysis of recurring outages on the core network", GB, ("“Analysed recurring outages",), ("Analyzed",)),
    ("Analysis of recurring outages on the core network", US, ("“Analyzed recurring outages",), ("Analysed",)),
    ("Actively listening and helping them develop relationships with peers", US, ("Example (not yours):",), ()),
    ("Exceded monthly sales goals", US, (), ("Delivered exceded", "Ran exceded")),
    ("Served as scrum master for two squads", GB, ("“As scrum master for two squads,",), ()),
    # a role too long to quote whole is cut before its first preposition, never inside a range ("the vRA7 to vRA8
    # re-platforming" was quoted as "on the vRA7": found on the corpus)
    (
        "Served as Technical Lead on the vRA7 to vRA8 re-platforming initiative, driving design and delivery",
        GB,
        ("“As Technical Lead, ",),
        ("vRA7,",),
    ),
    (
        "The migration was delivered ahead of schedule",
        GB,
        ("“Delivered the migration", "You say 'ahead of schedule'"),
        ("two weeks",),
    ),
    ("Delivered projects on time and on budget", US, ("You say 'on time and on budget'", "[$ amount]"), ("£",)),
    ("Reduced P1 incidents for the payments platform", GB, ("By how much did the incidents fall?", "[N]%"), ("30%",)),
    ("Worked on the CRM rollout", GB, ("“Delivered the CRM rollout",), ()),
    ("Tasked with reducing the incident backlog", GB, ("“Reduced the incident backlog", "backlog fall?"), ()),
    (
        "Responsible for a $2m budget across 4 sites",
        US,
        ("It already has a number ($2m, 4 sites)", "“Managed a $2m budget across 4 sites”"),
        ("[",),
    ),
    ("Helped to onboard 35 new starters", GB, ("“Onboarded 35 new starters",), ("How many new starters",)),
    # one upgrade is named: no count of upgrades is asked for
    ("Managed stakeholder communications for the ERP upgrade", GB, ("How many stakeholders?",), ("How many upgrades",)),
    ("Ran sprint planning for the mobile squad", GB, ("How big was the squad?",), ()),
    (
        "Migrated the file servers to Azure",
        GB,
        ("How many servers?", "“Migrated the [N] file servers to Azure”"),
        ("1,200", "used by"),
    ),
    ("Resolved tickets for the service desk", GB, ("How many tickets, and in what time?",), ()),
    ("Led the tender for managed print services", GB, ("What was the tender worth",), ()),
    ("Drove adoption of Jira across the engineering teams", US, ("What was the adoption before and after?",), ()),
    ("We rolled out Teams to the finance department", GB, ("“Rolled out Teams to the finance department",), ()),
    ("Use the online chat feature to answer customer questions", US, (), ("Ran use", "Delivered use")),
    ("Tried my hands on Angular and React", US, (), ("Delivered tried", "Built tried", "Ran tried")),
    ("Reorganisation of the support rota", US, (), ("Reorganised",)),
    # counts go where the things counted are named, in place of "various" or "several"
    (
        "Wrote various automation scripts to scrape data from various websites",
        US,
        ("“Wrote [N] automation scripts to scrape data from [N] websites”", "How many scripts?", "How many websites?"),
        ("various", "used by"),
    ),
    (
        "Upgraded and maintained older Rails applications",
        US,
        ("“Upgraded and maintained [N] older Rails applications”",),
        (),
    ),
    ("Improved reporting by creating dashboards for the sales team", US, ("by creating [N] dashboards",), ()),
    ("Deployed automated tests for the billing service", GB, ("“Deployed [N] automated tests",), ()),
    (
        "Established standards for writing maintainable automated tests",
        GB,
        ("writing [N] maintainable automated tests",),
        (),
    ),
    ("Built fully automated CI/CD pipelines on CircleCI", GB, ("“Built [N] fully automated CI/CD pipelines",), ()),
    ("Reviewed defects for test cases in Jira", GB, ("for [N] test cases",), ("test [N]",)),
    (
        "Closed incidents and support tickets for the desk",
        GB,
        ("“Closed [N] incidents and support tickets",),
        ("support [N]",),
    ),
    (
        "Led squads to design, develop, and launch innovative products",
        US,
        ("launch [N] innovative products",),
        ("[N] launch",),
    ),
    (
        "Implemented and consumed APIs within the ordering platform",
        US,
        ("“Implemented and consumed [N] APIs",),
        ("[N] consumed",),
    ),
    ("Trained Acme's employees on Rails security", US, ("Acme's [N] employees",), ("[N] Acme's",)),
    (
        "Influence and persuade employees to adopt the new process",
        US,
        ("and persuade [N] employees",),
        ("[N] persuade",),
    ),
    # a phrase is counted once, however many count nouns share it
    (
        "Migrated servers and mobile apps to Azure",
        US,
        ("“Migrated [N] servers and mobile apps to Azure”",),
        ("[N] [N]",),
    ),
    # after a verb of change the change is the result, not a count of the things changed
    (
        "Reduced support tickets by automating password resets",
        US,
        ("“Reduced support tickets from [N] to [N] by automating password resets”",),
        ("[N] support", "resets, from"),
    ),
    ("Lowered costs by consolidating servers", US, ("from [$ amount] to [$ amount]",), ("[N] servers",)),
    # a rate changed by the verb takes its change at the end of the person's words, when they are one phrase
    ("Reduced outages across regions", US, ("“Reduced outages across regions by [N]%”",), ("[N] regions", "cutting")),
    ("Cut outages on the payments platform", GB, ("“Cut outages on the payments platform by [N]%”",), ("cutting",)),
    (
        "Raised compliance across the estate",
        GB,
        ("“Raised compliance across the estate from [N]% to [N]%”",),
        ("raising compliance",),
    ),
    ("Reduced the risk of outages", GB, ("“Reduced the risk of outages by [N]%”",), ("cutting risk",)),
    # "adoption of ..." measures adoption; "the number of ..." is a count that changed
    (
        "Increased adoption of the new service desk",
        GB,
        ("What was the adoption before and after?", "“Increased adoption of the new service desk from [N]% to [N]%”"),
        ("[N] users",),
    ),
    ("Reduced the number of support tickets", GB, ("“Reduced the number of support tickets, from [N] to [N]”",), ()),
    # guard: words after a comma stay after the change, which keeps its comma form
    (
        "Improved application performance, in preparation for the traffic spike",
        GB,
        ("the traffic spike, raising performance from [N]% to [N]%”",),
        ("spike from",),
    ),
    # a result never repeats the statement's own verb
    (
        "Improved tooling, documentation, and automation",
        US,
        ("“Improved tooling, documentation, and automation, lifting [what] by [N]%”",),
        ("improving",),
    ),
    ("Improved reporting for the board", GB, ("lifting [what] by [N]%",), ("improving",)),
    ("Saved money", GB, ("“Saved money, [£ amount] ([N]%) in total”",), ("saving",)),
    # a publication is measured by how often it was cited or read; a year before it is a date, not a count
    (
        "NeurIPS 2022 workshop paper on emergent communication protocols",
        US,
        ("How often was the paper cited or read?", "protocols, cited [N] times”"),
        ("weeks ahead",),
    ),
    ("Invited journal extension in JMLR (2023)", US, ("cited [N] times",), ("weeks ahead",)),
    # a noun asked about as a change ("before and after", "how early") sets the example's ending, which would
    # otherwise answer another question; a count ("How many vendors?") goes with the verb's own ending
    (
        "Added distributed tracing and performance testing",
        US,
        ("What was the performance before and after?", "testing, improving [what] by [N]%”"),
        ("for [N] users",),
    ),
    (
        "Co-led product strategy and launch planning",
        US,
        ("How much time did it save, or how early was it?", "planning, [N] weeks ahead of schedule”"),
        ("team of",),
    ),
    (
        "Led vendor management for the data centre exit",
        GB,
        ("How many vendors?", "exit, across [N] vendors”"),
        ("%", "with a team of"),
    ),
    # a team the example ends on is sized right after it, not after a comma ("Led a team, with [N] people")
    ("Led a team", GB, ("“Led a team of [N] people”",), ("with [N]",)),
    ("Managed the service desk team.", GB, ("“Managed the service desk team of [N] people”",), ("with [N]",)),
    ("Rolled out the new CRM to the sales team in Leeds", GB, ("in Leeds, with [N] people”",), ("of [N]",)),
    # a noun that is a phrasal verb run together, or a verb used as a noun, is turned back into the verb
    ("Setup of the new service desk in Leeds", GB, ("“Set up the new service desk in Leeds",), ("Resolved", "setup")),
    ("Rollout of Office 365 to the finance team", GB, ("“Rolled out Office 365 to the finance team",), ("rollout",)),
    ("Go-live of the new ERP for the warehouse", GB, ("go-live of the new ERP",), ("Went live", "Gone live")),
    ("Responsible for design of the new network", GB, ("“Designed the new network",), ("Delivered design",)),
    # after "for", "in", "with": a verb's bare form is a noun ("test automation"), not "Tested automation"
    ("Responsible for test automation", GB, ("“Led test automation",), ("Tested",)),
    # an activity is led or delivered; a family's verb never repeats the phrase or misses its activity
    ("Responsible for IT support", GB, ("“Led IT support",), ("Resolved",)),
    ("Involved in plan reviews", GB, ("“Led plan reviews",), ("Planned",)),
    ("Worked on the payroll system migration", GB, ("“Delivered the payroll system migration",), ("Led",)),
    # a nominalisation no suffix rule undoes, "Accountable for" as a duty, "Helped <whom> to <verb>"
    ("Oversight of third-party suppliers", GB, ("“Oversaw [N] third-party suppliers”",), ("Negotiated",)),
    ("Maintenance of the CMDB", GB, ("“Maintained the CMDB",), ("maintenance",)),
    (
        "Accountable for the delivery of a £3m digital transformation programme",
        GB,
        ("'Accountable for' describes a duty", "“Delivered a £3m digital transformation programme”"),
        ("“Accountable",),
    ),
    (
        "Helped the business to adopt Microsoft Teams",
        GB,
        ("“Guided the business to adopt Microsoft Teams",),
        ("Managed",),
    ),
    # a capital names a product, not a team to size ("Microsoft Teams of [N] people")
    ("Rolled out Microsoft Teams", GB, (), ("Teams of",)),
    # in a role, a verb of change takes its result at once (not "reduced [what], improving [what] by [N]%")
    (
        "Appointed as the agency's Cyber Security Officer",
        US,
        ("“As the agency's Cyber Security Officer, reduced [what] by [N]%”",),
        ("improving [what]",),
    ),
    (
        "Served as quality lead for the service desk",
        GB,
        ("“As quality lead for the service desk, improved [what] by",),
        (),
    ),
    # a point of contact is a role, not an object to build ("Built point of contact for all [N] ... changes")
    ("Point of contact for all infrastructure changes", GB, ("“As point of contact",), ("Built point",)),
    ("Contact centre migration for the council", GB, ("“Delivered contact centre migration",), ("As contact",)),
    # a claim of time or budget is replaced by the figures that would prove it, not followed by another result
    (
        "Delivered the ERP upgrade on time and on budget",
        GB,
        (
            "You say 'on time and on budget': give the figures ([N] weeks early and [N]% under a budget of [£ amount])",
            "“Delivered the ERP upgrade [N] weeks early and [N]% under a budget of [£ amount]”",
        ),
        ("on budget, ", ", worth"),
    ),
    (
        "Completed the migration ahead of schedule",
        US,
        ("give the figures ([N] weeks early)", "“Completed the migration [N] weeks early”"),
        ("ahead of schedule”", "budget"),
    ),
    (
        "Delivered multiple projects within the stipulated time and budget",
        GB,
        ("“Delivered [N] projects [N] weeks early and [N]% under a budget of [£ amount]”",),
        ("multiple",),
    ),
    # a list counted at its start keeps the first item's modifiers ("Managed project [N] risks and issues")
    ("Managed project risks and issues", GB, ("“Managed [N] project risks and issues”",), ("project [N]",)),
    ("Tracked programme risks, issues and dependencies", GB, ("“Tracked [N] programme risks, issues",), ("me [N]",)),
    # a lead-in naming the line an achievement is no part of the object ("Delivered key achievements include ...")
    (
        "Key achievements include the successful go-live of the new ERP",
        GB,
        ("“Delivered the successful go-live of the new ERP",),
        ("achievements", "include"),
    ),
    ("Highlights: delivery of the new intranet", GB, ("“Delivered the new intranet",), ("highlights",)),
    # a new thing was made, not changed; "A" opening a line is the article
    (
        "Achievements included a new service catalogue for the business units",
        GB,
        ("“Delivered a new service catalogue",),
        ("Improved", "Achievements"),
    ),
    ("A new incident process for the service desk", GB, ("“Delivered a new incident process",), ("Delivered A ",)),
    # a credential earned is listed with its year, not measured ("[N] weeks ahead of schedule")
    (
        "Achieved PRINCE2 Practitioner certification",
        GB,
        ("A certification is a credential", "“Certifications: PRINCE2 Practitioner ([year])”"),
        ("schedule", "[N]"),
    ),
    ("Passed the PMP exam", US, ("“Certifications: PMP ([year])”", "What did it let you do"), ("action verb",)),
    ("Secured a licence for the new data centre", GB, ("worth [£ amount]",), ("credential",)),
    # a candidate is counted
    ("Interviewed and assessed candidates", GB, ("“Interviewed and assessed [N] candidates”",), ("team of",)),
    # after "My" comes a noun with its own verb: no verb is made of it ("Contracted with ... converted into ...")
    (
        "My contracts with two banks soon converted into permanent jobs",
        GB,
        ("Drop 'My'",),
        ("Contracted",),
    ),
    # a member of a group did not run it: what they did in it is asked for
    (
        "Was a part of the Event Planning and outreach committee",
        GB,
        ("“As part of the Event Planning and outreach committee, delivered [what],",),
        ("Planned", "Led", "Ran"),
    ),
    (
        "Worked on the Payments team, in Go and Python, to build the ledger",
        US,
        ("“As part of the Payments team, delivered [what],",),
        ("Managed the",),
    ),
    ("Worked on the cloud migration programme", GB, ("“Delivered the cloud migration programme",), ("As part",)),
    # something made, stated without a verb and naming nothing to count: its reach, not its schedule
    ("Compiler for a subset of Scheme", US, ("“Compiler for a subset of Scheme, for [N] users”",), ("weeks ahead",)),
    # a line saying what a product or a company does: no verb is put in front of it
    (
        "Acmetrics utilizes machine learning to forecast prices for its clients",
        US,
        ("It says what Acmetrics does, not what you did", "Pattern:"),
        ("Ran acmetrics", "Delivered acmetrics"),
    ),
    (
        "The platform processes payments for small businesses",
        GB,
        ("It says what the platform does, not what you did",),
        ("Improved the platform processes",),
    ),
    # guard: a plural noun ending in -s before "for" is no verb
    (
        "Stakeholder engagement processes for the PMO",
        GB,
        ("“Improved stakeholder engagement processes",),
        ("says what",),
    ),
    # "Helped <whom> <do something>": they did it, guided by the person; no verb is put in front of the clause
    (
        "Helped clients migrate their workloads to Azure",
        US,
        ("“Guided [N] clients to migrate their workloads to Azure”",),
        ("Ran clients", "Managed clients"),
    ),
    (
        "Helped the team adopt Scrum",
        GB,
        ("“Guided the team to adopt Scrum, with [N] people”",),
        ("Managed the team adopt", "with a team of"),
    ),
    (
        "Helped 500+ customers shape their journey to adopting the cloud",
        US,
        ("“Guided 500+ customers to shape their journey to adopting the cloud”",),
        ("Ran 500+",),
    ),
    # events are counted in the plural ("cutting incident by [N]%" before); an acronym keeps its capitals
    (
        "Implemented ServiceNow for incident and change management",
        GB,
        ("By how much did the incidents fall?", "change management, cutting incidents by [N]%”"),
        ("cutting incident ",),
    ),
    # a project's logs and registers are measured by what they tracked
    (
        "Created and maintained the RAID log for the programme",
        GB,
        ("How many risks and issues did the RAID log track", "tracking [N] risks and issues and closing [N]”"),
        ("for [N] users",),
    ),
    # a quote never ends on an article and a participle whose noun was cut off
    (
        "Built a fully automated, audited release framework integrating Jenkins, GitLab, Terraform, Ansible, Vault, "
        "Consul, Nomad, Packer, and Linux and Windows hosts across every region",
        US,
        (),
        ("“Built a fully automated,",),
    ),
    # a list shares one [N], at its start
    (
        "Managed risks, issues and dependencies across the programme",
        GB,
        ("“Managed [N] risks, issues and dependencies across the programme”",),
        ("risks, [N]",),
    ),
    (
        "Migrated servers, databases and applications to Azure",
        US,
        ("“Migrated [N] servers, databases and applications to Azure”",),
        ("and [N] applications",),
    ),
    # who took part goes after the whole list, not inside it
    (
        "Ran several training sessions and workshops",
        GB,
        ("“Ran [N] training sessions and workshops for [N] people”",),
        ("sessions for [N] people and",),
    ),
    # ... a list of nouns only: "and tracked" after the counted noun is the next action (a guard)
    (
        "Organized weekly team meetings and tracked action items in Trello",
        US,
        ("“Organized [N] weekly team meetings for [N] people and tracked action items in Trello”",),
        ("tracked for",),
    ),
    # a word in -ous is no plural of a list ("various and workshops": found by the hypothesis test below)
    ("Ran various and regular workshops", GB, (), ("[N] various",)),
    # a qualification is no object a verb can go in front of ("Analyzed CISA qualified to ...": found on the corpus)
    (
        "CISA qualified to run security assessments for state agencies",
        US,
        ("Example (not yours):",),
        ("Analyzed CISA", "CISA qualified to run security assessments for state agencies,"),
    ),
    # competitions and town halls are events: counted, with who came (they were asked how early they finished)
    ("Organized project competitions", US, ("“Organized [N] project competitions for [N] people”",), ("schedule",)),
    ("Ran quarterly town halls for the IT department", GB, ("“Ran [N] quarterly town halls",), ("schedule",)),
    # meeting people is communication, not meeting a deadline (it was asked how early it finished)
    ("Met with corporate officials to discuss updates to the virtual office", US, (), ("ahead of",)),
    # a target beaten: by how much, right after the target
    (
        "Exceeded sales targets every quarter",
        GB,
        ("By how much did you beat it?", "“Exceeded sales targets by [N]% every quarter”"),
        ("ahead of schedule",),
    ),
    ("Surpassed the annual revenue goal", US, ("“Surpassed the annual revenue goal by [N]%”",), ("saving",)),
    ("Exceeded the project budget", GB, (), ("budget by [N]%",)),  # an overspend is no target beaten
    # a name in mixed case keeps its case in a rewrite ("gitLab" was written)
    ("GitLab pipelines for 30 services", GB, ("“Improved GitLab pipelines for 30 services”",), ("gitLab",)),
    # a change board or a steering committee is measured by the changes or decisions it handled; KPIs are counted
    (
        "Ran the change advisory board",
        GB,
        ("“Ran the change advisory board, handling [N] changes or decisions a month”",),
        ("with a team of",),
    ),
    ("Defined KPIs for the service desk", GB, ("“Defined [N] KPIs for the service desk”",), ("weeks ahead",)),
    # managers are people counted in the plural; "the programme manager" is one person's role
    ("Mentored junior project managers", GB, ("“Mentored [N] junior project managers”",), ("with a team of",)),
    # "address" is a verb (it was prefixed: "Built address problems with ..."); "Address:" stays a label (see
    # test_impact.py)
    (
        "Address problems with a strategic and long-term solution engineering mindset",
        US,
        ("“Address problems with a strategic and long-term solution engineering mindset, ",),
        ("Built address", "Delivered address"),
    ),
    # guard: "Helped troubleshoot ..." names the work itself
    ("Helped troubleshoot network issues", GB, ("“Troubleshot [N] network issues”",), ("Guided",)),
    # a name in title case: no verb is put in front of it
    (
        "Northern Region Threat Intelligence and Incident Response (NRTIR) Team",
        US,
        ("It does not open with an action verb", "Pattern:"),
        ("Planned Northern", "Led Northern"),
    ),
    ("Reduced provisioning timelines through automated workflows", US, ("through [N] automated workflows",), ()),
    ("Delivered programming for other company products", US, ("for [N] other company products",), ()),
    # a result that names a noun the quote leaves out is not used
    (
        "Applied the Scrum process to report results to product owners for development with test scripts written in "
        "Python",
        US,
        (),
        ("across [N] scripts",),
    ),
    # two-word verbs, numbers, possessives, ordinals, brackets and quotes around the phrase
    ("Set up CI/CD pipelines for the mobile squad", US, ("“Set up [N] CI/CD pipelines",), ("Set [N] up",)),
    ("Gathered requirements and set up servers", US, ("and set up [N] servers",), ("set [N] up",)),
    ("Upgraded 64-bit servers", US, ("“Upgraded [N] 64-bit servers”",), ("64-bit [N]",)),
    ("Ran A/B tests on landing pages", US, ("“Ran [N] A/B tests on [N] landing pages”",), ("A/[N]",)),
    ("Managed clients' servers", US, ("clients' [N] servers",), ("[N] clients'",)),
    ("Built the first dashboards for finance", US, ("the first [N] dashboards",), ("the [N] first",)),
    ("Built a few dashboards for finance", US, ("“Built [N] dashboards for finance”",), ("a [N]",)),
    ("Maintained servers (Linux/Windows) for the lab", US, ("How many servers?", "[N] servers (Linux"), ()),
    ("Deployed servers worldwide", US, ("How many servers?", "“Deployed [N] servers worldwide”"), ()),
    ("Python scripts for automating reports", US, ("[N] Python scripts",), ("python",)),
    ("Managed dev, test and prod environments", US, (), ("test [N] and", "and [N] prod")),
    # one thing named in the singular: no count of it is asked for
    (
        "Built a monitoring system for cloud servers",
        US,
        ("“Built a monitoring system for [N] cloud servers”", "How many servers?"),
        ("How many systems?",),
    ),
    (
        "Created an interactive analytics dashboard for a SaaS application",
        US,
        ("How many people use the dashboard?", "used by [N] people"),
        ("How many dashboards?",),
    ),
    ("Built web app to manage financial accounting", US, ("How many people use the app?", "used by [N] people"), ()),
    ("Designed and implemented a data pipeline", US, (), ("How many pipelines?", "used by [N] people")),
    ("Author and maintainer of this project", US, (), ("How many projects", "projects a month")),
    # nouns that qualify another noun are not counted ("machine learning", "project competitions")
    ("Built and deployed a machine learning pipeline for churn", US, (), ("How many machines?",)),
    ("Organized project competitions", US, (), ("How many projects", "projects a month")),
    ("Applied systems engineering methods to the billing rewrite", US, (), ("How many systems?", "[N] systems")),
    ("Ran Website Designing and volunteering committee", US, (), ("How many people use the website?", "used by")),
    # a verb in the present tense is put in the past, not behind "Delivered"
    ("Extract information from thousands of resumes in seconds", US, (), ("Delivered extract",)),
    # a result that speaks of one thing only when the quote names it
    (
        "Data Platform (4 years): Recruited and built a new team from scratch dedicated to the cloud infrastructure "
        "platform",
        US,
        ("“Recruited and built a new team from scratch,",),
        ("scratch, used by",),
    ),
    # a label before a colon is not quoted as the statement
    (
        "Recommendation System: Music and movie recommender systems using collaborative filtering",
        US,
        ("“[N] Music and movie recommender systems",),
        ("“Recommendation System,",),
    ),
    (
        "Course Dashboards: Instructor dashboards for learner surveys",
        US,
        ("“[N] Instructor dashboards for learner surveys”",),
        ("[N] Course Dashboards",),
    ),
    # ... but a project's own name before the colon is what was made: "Built <name>, <what it is>, <result>"
    # (shapes found on the corpus, names made up: "Improved <name>: Bulk data ..." was suggested)
    (
        "Velora: Bulk data transfer service from Kafka to Postgres",
        US,
        (
            "It says what Velora is, not what you did",
            "“Built Velora, bulk data transfer service from Kafka to Postgres, used by [N] people”",
        ),
        ("Improved Velora", "Velora:"),
    ),
    (
        "TrackDesk: Python backend for a web app used by fund managers",
        US,
        ("“Built TrackDesk, Python backend for a web app used by [N] fund managers”",),
        ("python backend",),
    ),
    # a heading's word before a colon is no part of the object, and a tool's name keeps its capital
    (
        "Tools: Jira and Confluence dashboards for the PMO",
        GB,
        ("[N] Jira and Confluence dashboards for the PMO”",),
        ("Tools:", "jira"),
    ),
    (
        "Runbookly: Book of on-call practices for platform teams",
        GB,
        ("“Wrote Runbookly, book of on-call practices",),
        (),
    ),
    # a sum asked about a noun before "of" sets the example's ending: the question and the example agree
    # a count asked of a noun that qualifies another ends the example when its group says so ("across [N] vendors"),
    # rather than the verb's generic ending
    (
        "Established a vendor governance framework",
        GB,
        ("How many vendors?", "“Established a vendor governance framework, across [N] vendors”"),
        ("for [N] users",),
    ),
    (
        "Managed stakeholder expectations throughout the project lifecycle",
        GB,
        ("How many stakeholders?", "lifecycle, across [N] stakeholders”"),
        ("with a team of",),
    ),
    # a preposition of time ends the phrase counted: "workshops" is what is counted, not a modifier of "after"
    (
        "Ran lessons-learned workshops after each release",
        GB,
        ("“Ran [N] lessons-learned workshops for [N] people after each release”",),
        ("with a team of",),
    ),
    ("Migrated mailboxes during the summer shutdown", GB, ("“Migrated [N] mailboxes during the summer shutdown”",), ()),
    # "own" is an action verb of leading
    (
        "Owned supplier performance reporting",
        GB,
        ("“Owned supplier performance reporting, across [N] suppliers”",),
        ("action verb",),
    ),
    # a business case is asked what it secured, a roadmap what it covered (core project-management artefacts)
    (
        "Produced the business case for the CRM replacement",
        GB,
        ("What funding did the business case secure", "replacement, securing [£ amount] of funding”"),
        ("for [N] users",),
    ),
    (
        "Developed the cloud migration roadmap",
        GB,
        ("What did the roadmap cover, and over how long?", "roadmap, covering [N] projects over [N] months”"),
        ("for [N] users",),
    ),
    # payroll is a system more often than a sum: it is not asked what it was worth
    ("Wrote the test strategy for the payroll upgrade", GB, ("“Wrote the test strategy",), ("payroll worth", "saving")),
    # a clause is no credential's name: advised as any other statement (found by the property test below)
    ("Achieved am an experienced engineer PRINCE2 certification", GB, (), ("Certifications:",)),
    (
        "Led the procurement of a new SD-WAN solution",
        GB,
        ("What was the procurement worth", "“Led the procurement of a new SD-WAN solution, saving [£ amount]"),
        ("with a team of",),
    ),
    # making a way of working better is asked how long it took before and after, by its own words
    (
        "Streamlined the onboarding process for new starters",
        GB,
        (
            "How long did the onboarding process take before and after?",
            "How many new starters?",
            "“Streamlined the onboarding process for new starters, cutting the time from [N] to [N] days”",
        ),
        ("for [N] new starters", "What did it make better"),
    ),
    (
        "Simplified the access request workflow",
        US,
        ("How long did the access request workflow take", "workflow, cutting the time from [N] to [N] days”"),
        ("What did it make better",),
    ),
    (
        "Improved processes, tooling and templates for the PMO",
        GB,
        ("How long did the processes take before and after?", "templates for the PMO, cutting the time from [N]"),
        ("lifting [what]",),
    ),
    # ... fewer processes is a count that changed, not a way of working made faster
    (
        "Reduced the number of approval processes",
        GB,
        ("“Reduced the number of approval processes",),
        ("cutting the time",),
    ),
    # ... and a process defined or written is advised as any other statement
    ("Defined the stage-gate process", GB, ("“Defined the stage-gate process",), ("cutting the time", "How long")),
    # by how much goes before the means of the change, not after it
    (
        "Reduced P1 incidents through better problem management",
        GB,
        ("“Reduced P1 incidents by [N]% through better problem management”",),
        ("management by [N]%",),
    ),
    (
        "Cut support tickets by automating password resets",
        GB,
        ("“Cut support tickets from [N] to [N] by automating password resets”",),
        ("resets, from",),
    ),
    (
        "Reduced hosting costs through vendor consolidation",
        GB,
        ("“Reduced hosting costs from [£ amount] to [£ amount] through vendor consolidation”",),
        ("consolidation, from",),
    ),
]


@pytest.mark.parametrize(
    ("text", "context", "present", "absent"), TABLE, ids=[f"{i}:{t[0][:40]}" for i, t in enumerate(TABLE)]
)
def test_suggestion_table(
    text: str, context: tuple[str, ...], present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    st_ = statement(text, context)
    assert st_.verdict != "strong"
    check_properties(st_)
    for part in present:
        assert part in st_.suggestion, st_.suggestion
    for part in absent:
        assert part not in st_.suggestion, st_.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "I am an experienced project manager with a passion for delivery",
        "Proficient in Salesforce and Zoho CRM",
        "Passionate about clean code and test automation",
    ],
)
def test_self_descriptions_are_context_not_statements(text: str) -> None:
    # skill claims and self-descriptions describe the person (issue 12 statements, hand labels): no suggestion
    assert [s.text for s in analyse_impact(build([text, *US])).statements if s.text.startswith(text[:12])] == []


def test_counts_in_place_are_the_placeholders_with_their_phrase() -> None:
    st_ = statement("Wrote various automation scripts to scrape data from various websites", US)
    assert st_.placeholders == ("[N] automation scripts", "[N] websites")
    assert st_.example_source == "statement"


def test_a_count_of_events_says_who_came_unless_the_statement_does() -> None:
    st_ = statement("Coordinated stakeholder workshops to prioritise the product backlog", GB)
    assert "“Coordinated [N] stakeholder workshops for [N] people to prioritise the product backlog”" in st_.suggestion
    assert st_.placeholders == ("[N] stakeholder workshops", "for [N] people")
    named = statement("Delivered training sessions for new starters", GB)
    assert "“Delivered [N] training sessions for [N] new starters”" in named.suggestion
    assert "people" not in named.suggestion.split("E.g.")[1]


def test_one_question_stays_past_the_cap_up_to_a_hard_bound() -> None:
    """Found by the synthetic statements: a long opener's advice, a long question and a gallery pattern made 345
    characters. One question stays past MAX_CHARS, but never past MAX_CHARS_WITH_QUESTION."""
    from resume_check.advice import MAX_CHARS, _advice

    question = "How many changes or decisions did the steering committee handle, and how often did it meet?"
    example = "Ran a communication plan for [N] stakeholders, raising survey satisfaction from [N]% to [N]%"
    label = "Pattern: <what you did>, <result>. Example (not yours):"
    for head_words, kept in ((12, True), (25, False)):
        head = " ".join(["word"] * head_words) + "."
        advice = _advice(head, (question, "How many stakeholders?"), example, "gallery:x", label)
        assert advice.questions == ((question,) if kept else ()), len(advice.text)
        assert len(advice.text) <= MAX_CHARS_WITH_QUESTION
        assert (len(advice.text) > MAX_CHARS) == kept  # the case kept is past the cap: the question stayed for it
        assert advice.text.endswith(f"{label} “{example}”.")


def test_advice_names_only_families_and_verbs_of_the_verb_lexicon() -> None:
    """The family ids and verbs the rewrite rules name in code must exist in verbs.yaml: a family renamed or a verb
    dropped there would silently switch the rule off."""
    from resume_check.advice import _CHANGING, _DELIVERED_WORK, _IRREGULAR_NOMINAL

    lex = load_verbs()
    assert set(lex.families) >= _CHANGING | _DELIVERED_WORK
    assert {verb for verb in _IRREGULAR_NOMINAL.values() if verb not in lex.forms} == set()


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 30


def test_structured_fields_follow_the_text() -> None:
    st_ = statement("Responsible for vendor management and contract renewals.", US)
    assert st_.questions and all(q in st_.suggestion for q in st_.questions)
    assert "How many vendors?" in st_.questions
    assert st_.placeholders and all(p in st_.suggestion for p in st_.placeholders)
    assert st_.example_source == "statement"
    gallery = statement("Actively listening and helping them develop relationships with peers", US)
    assert gallery.example_source.startswith("gallery:")
    assert gallery.example_source.removeprefix("gallery:") in {e.id for e in load_gallery().examples}


def test_strong_statements_get_no_suggestion() -> None:
    st_ = statement("Cut licence spend by £40k (18%) across 3 sites", NEUTRAL)
    assert st_.verdict == "strong"
    assert (st_.suggestion, st_.questions, st_.placeholders, st_.example_source) == ("", (), (), "")


# --------------------------------------------------------------------------------------------- voice


@pytest.mark.parametrize(
    ("text", "currency", "spelling"),
    [
        ("Saved £40k. Cut costs by £2m.", "£", "gb"),
        ("Saved $40k across the organization.", "$", "us"),
        ("Budget of €2m; optimised the programme.", "€", "gb"),
        ("Budget of 2m GBP.", "£", "gb"),
        ("Saved $4k and £3k.", "", "gb"),  # a tie in currency: neutral
        ("Optimized the organization's analyzing of behavior.", "", "us"),
        ("Organised the centre's catalogue.", "", "gb"),
        ("No money and no variant words here.", "", "gb"),
        ("Costs of $40k and $2m.", "$", "us"),  # no spelling evidence: the dollar decides
    ],
)
def test_detect_voice(text: str, currency: str, spelling: str) -> None:
    assert detect_voice(text) == Voice(currency, spelling)  # type: ignore[arg-type]


def test_respell_follows_the_voice_and_fills_the_currency() -> None:
    assert (
        respell("Analysed [amount] for the organisation", Voice("$", "us"))
        == "Analyzed [$ amount] for the organization"
    )
    assert (
        respell("Analyzed [amount] for the organization", Voice("", "gb")) == "Analysed [amount] for the organisation"
    )
    assert respell("Reorganised the centre", Voice("€", "us")) == "Reorganized the center"


def test_gallery_examples_are_respelt_for_an_american_resume() -> None:
    example = next(e for e in load_gallery().examples if "Reorganised" in e.example)
    assert "Reorganized" in respell(example.example, Voice("$", "us"))


@pytest.mark.parametrize(
    ("text", "not_asked"),
    [
        ("Served as tech lead for the payments platform rebuild across the estate", "How many leads"),
        ("Enabled the firm to graduate to a national rollout of its platform", "graduates"),
    ],
)
def test_a_role_or_a_verb_is_not_a_measure_noun(text: str, not_asked: str) -> None:
    """ "tech lead" is a role and "graduate to" a verb: the suggestion never asks how many of them."""
    assert not_asked not in analyse_impact(bullets_resume([text])).statements[0].suggestion


def test_a_plural_only_noun_is_still_measured_in_the_plural() -> None:
    assert (
        "How many leads"
        in analyse_impact(bullets_resume(["Generated sales leads through cold calling"])).statements[0].suggestion
    )


# --------------------------------------------------------------------------------------------- whole clauses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Managed the desk", "Managed the desk"),
        (
            "Managed the integration of third-party services such as Stripe for payments and Twilio for SMS services",
            "Managed the integration of third-party services",
        ),
        (
            "Developed and implemented a new responsive framework across the estate, improving cross-device support",
            "Developed and implemented a new responsive framework across the estate",
        ),
        ("Delivered the", None),
        ("Delivered https://example.com/a/very/long/path", None),
        # never inside a list of things: the quote would drop items mid-list
        (
            "Raised the delivery team's quarterly scores in Safety, Customer Satisfaction, and Delivery Metrics",
            "Raised the delivery team's quarterly scores",
        ),
        (
            "Built message workers consuming Kafka topics for email, SMS, chat and push notifications",
            "Built message workers consuming Kafka topics",
        ),
        (
            "Wrote onboarding scripts and email templates for the sales agents and all team leaders of the campaign",
            "Wrote onboarding scripts and email templates",
        ),
        # one sentence at most, abbreviations aside
        (
            "Provisioned a monitoring system with Kafka, Telegraf, InfluxDB, Grafana. Collected metrics from hosts",
            "Provisioned a monitoring system with Kafka, Telegraf, InfluxDB, Grafana",
        ),
        (
            "Developed the API for the U.S. Digital Service portal and its partners across several federal agencies",
            "Developed the API for the U.S. Digital Service portal and its partners",
        ),
        (
            "Migrated the estate to AWS. Reduced hosting costs for the agency by renegotiating the contract",
            "Migrated the estate to AWS",
        ),
        (
            "Opened the new St. Louis office for the regional delivery team and its partners across the state",
            "Opened the new St. Louis office",
        ),
        # an -ing noun in a list is no participle clause
        (
            "Reviewed and assessed information on property values, taxes, zoning, population growth, and traffic",
            "Reviewed and assessed information",
        ),
        # never on a participle cut from what completes it
        (
            "Co-led development of an open-source AI evaluation framework built on the UK AISI Inspect toolkit",
            "Co-led development of an open-source AI evaluation framework",
        ),
        (
            "Recruited and built a new team from scratch dedicated to the infrastructure platform and its tooling",
            "Recruited and built a new team from scratch",
        ),
        # a past form that ends the statement itself completes it
        ("Fixed the bugs users reported", "Fixed the bugs users reported"),
        ("Completed the rollout as planned", "Completed the rollout as planned"),
        # a list of actions may be cut before its next verb, unless the verbs share what follows
        (
            "Built a browser timer for speedcubers to record solve times and perform analysis of each session",
            "Built a browser timer for speedcubers to record solve times",
        ),
        (
            "Programmed a small web app to create and analyse finite automata and formal grammars",
            "Programmed a small web app",
        ),
        (
            "Designed and implemented a data pipeline for ingesting and processing large amounts of financial data",
            "Designed and implemented a data pipeline",
        ),
        # a verb the lexicon lacks after "to" shares its object with the next ("to accept": found on the corpus)
        (
            "Persuaded the employees and their managers to accept and implement the findings and recommendations",
            "Persuaded the employees and their managers",
        ),
        # after "to" and a comma, the next verb opens a clause of its own
        (
            "Presented all the financial outlooks and the necessary accrued expenses to customer, and develop budget.",
            "Presented all the financial outlooks and the necessary accrued expenses to customer",
        ),
        # a purpose goes with the agent that completes it ("for use" by whom: found on the corpus)
        (
            "Designed and published web pages for use by both HRO employees and customers of the agency",
            "Designed and published web pages",
        ),
        (
            "Submitted the design documents for approval by the architecture board and the change board",
            "Submitted the design documents",
        ),
        # a measure after "by" is no agent
        (
            "Cut the time for recovery by 30% across all of the regional data centres",
            "Cut the time for recovery by 30%",
        ),
    ],
)
def test_whole_clause(text: str, expected: str | None) -> None:
    assert whole_clause(text) == expected


def test_count_in_place_reads_no_adjective_or_possessive_as_a_listed_plural() -> None:
    """Found by the hypothesis test below: "various and workshops" took "various" for a plural listed before the
    counted noun and put [N] before it, keeping the vague word."""
    from resume_check.advice import _count_in_place, _found_measures

    vocab = load_vocabulary()
    clause = "various and workshops"
    placed = _count_in_place(clause, _found_measures(clause, vocab, opener=0), vocab)
    assert placed is not None and placed[0] == "various and [N] workshops for [N] people"
    # nor the "s" of a possessive ("Acme'[N] s and servers": found by the same test)
    clause = "Acme's and servers"
    placed = _count_in_place(clause, _found_measures(clause, vocab, opener=0), vocab)
    assert placed is not None and placed[0] == "Acme's and [N] servers"


def test_whole_clause_never_ends_on_an_idiom_missing_its_complement() -> None:
    """ "… to project consultant in recognition" (of what?) was quoted on the corpus: an idiom that needs its "of" or
    "for" ends no clause; "in place" and "ahead" may."""
    text = "Earned promotion from construction supervisor to project consultant in recognition for client care work"
    assert whole_clause(text) == "Earned promotion from construction supervisor to project consultant"
    assert whole_clause("Ran the weekly release calls on behalf of the programme director and the board", 8) == (
        "Ran the weekly release calls"
    )
    assert whole_clause("Put a new change process in place across all of the regional service desks and teams") == (
        "Put a new change process in place"
    )


def test_whole_clause_never_halves_a_range() -> None:
    """A cut before the "to" of a range or a move would keep where it started and lose where it went."""
    role = "Technical Lead on the vRA7 to vRA8 re-platforming initiative, driving design"
    assert whole_clause(role, 6, 1) == "Technical Lead"
    upgrade = "Upgraded 400 desktops from Windows 10 to Windows 11 across the regional offices"
    assert whole_clause(upgrade, 8) == "Upgraded 400 desktops"
    assert whole_clause("Migrated our London to Leeds links within the quarter", 4) is None
    # guards: a "to" before a verb is a purpose, and a participle after "from" ends the range (both found on the
    # corpus when the guard first took them for ranges)
    purpose = "Applied text mining to posts gathered from the web to extract named entities from each post using rules"
    assert whole_clause(purpose) == "Applied text mining to posts gathered from the web"
    game = "Built a small browser game from scratch using JavaScript to invite a friend to the end-of-year party"
    assert whole_clause(game) == "Built a small browser game from scratch using JavaScript"
    # guard: a move to a place named in lower case may still be cut at its "to"
    assert whole_clause("Moved 300 servers to the new data centre in Leeds within budget", 4) == "Moved 300 servers"


@given(
    st.lists(
        st.sampled_from(
            ["the", "of", "and", "such", "as", "platform", "team", "Managed", ",", "for", "users", "(", ")"]
        ),
        max_size=30,
    )
)
@settings(max_examples=300, deadline=None)
def test_whole_clause_never_ends_on_a_function_word(words: list[str]) -> None:
    clause = whole_clause(" ".join(words))
    if clause is not None:
        assert clause.split()[-1].strip(",;:").lower() not in load_vocabulary().dangling
        assert " ".join(words).replace(" ,", ",").startswith(clause) or clause in " ".join(words)
        assert len(clause.split()) <= 12


# --------------------------------------------------------------------------------------------- hypothesis

#: words of synthetic bullets for counts in place: verbs (one and two words), modifiers, count nouns in both numbers,
#: vague quantities, function words, punctuation, numbers, possessives and quotes
PLACE_WORDS = [
    "Built",
    "Set up",
    "and",
    "launch",
    "support",
    "servers",
    "server",
    "dashboards",
    "a",
    "few",
    "various",
    "the",
    "first",
    "for",
    "by",
    "creating",
    "monitoring",
    "64-bit",
    "A/B",
    "tests",
    "clients'",
    "Acme's",
    ",",
    "(",
    ")",
    '"',
    "workshops",
    "with",
    "users",
    "3",
    "to",
    "automated",
    "network",
    "issues",
    "Python",
    "scripts",
    "project",
    "risks",
]


def test_a_and_few_apart_are_not_one_vague_word() -> None:
    """Found by the property test below in CI: "a , few tests" had "a , few" replaced by [N] as if it were "a few"."""
    from resume_check.advice import _count_in_place, _found_measures

    vocab = load_vocabulary()
    clause = "a , few tests"
    placed = _count_in_place(clause, _found_measures(clause, vocab), vocab)
    assert placed is not None and placed[0] == "a , [N] tests"


@given(st.lists(st.sampled_from(PLACE_WORDS), min_size=1, max_size=14), st.integers(0, 2))
@settings(max_examples=400, deadline=None)
def test_a_count_in_place_only_adds_placeholders(words: list[str], opener: int) -> None:
    """Counting in place keeps the person's words whole: taking out each "[N] " (and what a group adds after its
    count, "for [N] people") gives back the clause, less the vague words "[N]" replaced; a placeholder never
    stands before a function word, and at most two are put in."""
    from resume_check.advice import _VAGUE, _count_in_place, _found_measures

    vocab = load_vocabulary()
    clause = " ".join(words)
    placed = _count_in_place(clause, _found_measures(clause, vocab, opener=min(opener, len(words))), vocab)
    if placed is None:
        return
    text, counted, phrases = placed
    assert 1 <= len(counted) <= 2 and text.count("[N] ") - text.count("for [N] people") == len(counted)
    # walk both word lists: a placeholder may stand where a vague word was ("various", "a few"), nothing else differs
    got = text.replace(" for [N] people", "").split()
    want = clause.split()
    i = j = 0
    while i < len(got):
        if got[i] == "[N]":
            if want[j : j + 2] == ["a", "few"]:
                j += 2
            elif j < len(want) and want[j] in _VAGUE:
                j += 1
            i += 1
            continue
        assert got[i] == want[j], (text, clause)
        i += 1
        j += 1
    assert j == len(want), (text, clause)
    for m in re.finditer(r"\[N\] (\S+)", text):
        assert m.group(1).lower() not in vocab.dangling
    assert all(p.startswith(("[N] ", "for [N]")) for p in phrases)


OPENERS = [
    "Responsible for",
    "Helped with",
    "I",
    "We",
    "Worked on",
    "Managed",
    "Led",
    "Delivered",
    "",
    "Served as",
    "Member of",
    "Accountable for",
    "Achieved",
    "Key achievements include",
    "My",
    "Implemented",
]
PHRASES = [
    "the vendor contracts",
    "am an experienced engineer",
    "is a strong communicator",
    "the migration of 300 servers",
    "troubleshooting network issues",
    "such as Stripe and",
    "weekly reporting to the board",
    "renewals worth £2m",
    "the release calendar for 4 squads",
    "Azure DevOps pipelines",
    "customer satisfaction",
    "https://example.com",
    "the team of",
    "setup of the service desk",
    "vendor management",
    "the steering committee",
    "PRINCE2 certification",
    "a new service catalogue",
    "sprint planning",
    "project risks and issues",
    "Microsoft Teams",
    "the infrastructure team",
]


@given(
    st.sampled_from(OPENERS),
    st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4),
    st.sampled_from([GB, US, NEUTRAL]),
)
@settings(max_examples=150, deadline=None)
def test_synthetic_statements_keep_the_rules(opener: str, phrases: list[str], context: tuple[str, ...]) -> None:
    text = " ".join([opener, *phrases]).strip()
    for st_ in analyse_impact(build([text, *context])).statements:
        check_properties(st_)
        currency = detect_voice("\n".join([text, *context])).currency  # the statement's own £ counts too
        for symbol in "£$€":
            assert (f"[{symbol} amount]" in st_.suggestion) <= (currency == symbol), st_.suggestion
        if not currency:
            assert not re.search(r"\[[£$€]", st_.suggestion)


# --------------------------------------------------------------------------------------------- the corpus


def _files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in (".pdf", ".docx", ".txt", ".md", ".json") and not p.stem.isupper()
    )


def _corpus_statements(folder: Path) -> list[Statement]:
    from resume_check.analysis import analyse_path, build_engine
    from resume_check.errors import InputError

    engine = build_engine()
    out: list[Statement] = []
    for path in _files(folder):
        try:
            analysis = analyse_path(path, engine=engine)
        except InputError:
            continue  # a scanned PDF: no text, no statements
        out.extend(analysis.impact.statements)
    return out


def _check_all(statements: list[Statement]) -> int:
    checked = 0
    for st_ in statements:
        if not st_.suggestion:
            continue
        checked += 1
        assert invented_figures(st_.suggestion, st_.text) == [], (st_.text, st_.suggestion)
        assert dangling_quotes(st_.suggestion) == [], (st_.text, st_.suggestion)
    return checked


@needs_corpus
def test_corpus_suggestions_never_invent_figures() -> None:
    checked = _check_all(_corpus_statements(CORPUS))
    assert checked >= 300  # the corpus gives about 490 suggestions: most statements are not strong


def test_sample_suggestions_never_invent_figures() -> None:
    checked = _check_all(_corpus_statements(REPO / "samples"))
    assert checked >= 10


# --------------------------------------------------------------------------------------------- the gallery


def _gallery_data() -> dict[str, Any]:
    data = yaml.safe_load((REPO / "lexicons" / "gallery.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_gallery_covers_every_verb_family_and_dimension() -> None:
    gallery = load_gallery()
    assert {e.family for e in gallery.examples} == set(load_verbs().families)
    assert {e.dimension for e in gallery.examples} == {"budget", "schedule", "scope", "team", "quality"}
    assert len({e.id for e in gallery.examples}) == len(gallery.examples)
    for example in gallery.examples:
        assert not re.search(r"\d", PLACEHOLDER.sub("", example.example)), example.id
        assert PLACEHOLDER.search(example.example), example.id
        assert example.id.endswith(f".{example.task}")


@needs_reference
def test_gallery_tasks_are_quoted_from_onet() -> None:
    with (REFERENCE / "onet" / "onet_task_statements.tsv").open(encoding="utf-8") as handle:
        tasks = {row["Task ID"]: (row["O*NET-SOC Code"], row["Task"]) for row in csv.DictReader(handle, delimiter="\t")}
    for example in load_gallery().examples:
        assert tasks[str(example.task)] == (example.soc, example.task_text), example.id


def _bad_gallery(**change: Any) -> dict[str, Any]:
    data = _gallery_data()
    entry = dict(data["examples"][0])
    entry.update(change)
    data["examples"] = [entry, *data["examples"][1:]]
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"example": "Managed budgets of £2m for 12 projects"}, r"example 1 \(lead.budget.16166\), example: .* figure"),
        ({"example": "Managed annual budgets"}, "has no placeholder"),
        ({"example": "Managed [N budgets"}, "unbalanced"),
        ({"family": "dance"}, "must be a verb family"),
        ({"dimension": "vibes"}, "`dimension` must be one of"),
        ({"onet": {"soc": "99-9999.99", "task": 1}}, "`onet` must give the source task"),
        ({"onet": {"soc": "15-1299.09", "task": "x"}}, "`onet.task` must be the O\\*NET task id"),
        ({"id": "lead.team.16163"}, "duplicate id"),
    ],
)
def test_bad_gallery_entries_are_lexicon_errors(change: dict[str, Any], message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        build_gallery(_bad_gallery(**change), frozenset(load_verbs().families))


def test_bad_vocabulary_is_a_lexicon_error() -> None:
    data = yaml.safe_load((REPO / "lexicons" / "advice.yaml").read_text(encoding="utf-8"))
    build_vocabulary(data)  # the bundled data is fine
    bad = dict(data)
    bad["measures"] = [{**data["measures"][0], "result": "serving 1,200 users"}, *data["measures"][1:]]
    with pytest.raises(LexiconError, match=r"measure 1 \(users\), result: .*never invent a number"):
        build_vocabulary(bad)
    bad = dict(data)
    bad["measures"] = [{**data["measures"][0], "dimension": "vibes"}]
    with pytest.raises(LexiconError, match="`dimension` must be one of"):
        build_vocabulary(bad)
    bad = {**data, "credentials": {**data["credentials"], "result": "(2021)"}}
    with pytest.raises(LexiconError, match=r"credentials\.result: .*never invent a number"):
        build_vocabulary(bad)
    bad = {**data, "credentials": {k: v for k, v in data["credentials"].items() if k != "section"}}
    with pytest.raises(LexiconError, match=r"credentials\.section"):
        build_vocabulary(bad)
    bad = dict(data)
    bad["measures"] = [{**data["measures"][0], "modifier_ends": "yes"}, *data["measures"][1:]]
    with pytest.raises(LexiconError, match=r"`modifier_ends` must be true or false"):
        build_vocabulary(bad)
    bad = {**data, "processes": {**data["processes"], "question": "How long did it take?"}}
    with pytest.raises(LexiconError, match=r"processes\.question: must hold \{phrase\}"):
        build_vocabulary(bad)
    bad = {**data, "processes": {**data["processes"], "families": ["improve", "tinker"]}}
    with pytest.raises(LexiconError, match=r"processes\.families: tinker is no verb family"):
        build_vocabulary(bad)
    bad = {**data, "processes": {**data["processes"], "result": "cutting the time from 10 to [N] days"}}
    with pytest.raises(LexiconError, match=r"processes\.result: .*never invent a number"):
        build_vocabulary(bad)
    bad = dict(data)
    bad["dimensions"] = {k: v for k, v in data["dimensions"].items() if k != "team"}
    with pytest.raises(LexiconError, match=r"dimensions.team: missing"):
        build_vocabulary(bad)
    bad = dict(data)
    bad["function_words"] = {"dangling": [], "finite": ["i"]}
    with pytest.raises(LexiconError, match=r"function_words\.dangling: must be a non-empty list"):
        build_vocabulary(bad)
    # the keys of counts in place: each malformed value is named
    teams = next(i for i, m in enumerate(data["measures"]) if m["kind"] == "size")
    for index, change, message in (
        (0, {"modifiers": "maybe"}, r"`modifiers` must be ask or ignore"),
        (teams, {"one": {"question": "How big?", "result": "of [N]"}}, r"`one` must be .* for a count only"),
        (0, {"counted_with": "for 12 people"}, r"counted_with: .*never invent a number"),
        (0, {"names_people": "yes"}, r"`names_people` must be true or false"),
        (0, {"changed": "by [N]%"}, r"`changed` is for a measure of kind rate only"),
        (0, {"events": ["outage"]}, r"`events` must be a list of the measure's own nouns"),
        (0, {"ends": "of [N] people"}, r"`ends` is for a measure of kind size only"),
        (teams, {"ends": "of 12 people"}, r"ends: .*never invent a number"),
        (
            next(i for i, m in enumerate(data["measures"]) if m.get("changed")),
            {"changed": "by 30%"},
            r"changed: .*never invent a number",
        ),
    ):
        bad = dict(data)
        bad["measures"] = [
            *data["measures"][:index],
            {**data["measures"][index], **change},
            *data["measures"][index + 1 :],
        ]
        with pytest.raises(LexiconError, match=message):
            build_vocabulary(bad)
    # the advice for an honour, and for named tools
    for key, change, message in (
        ("recognition", None, r"recognition: missing"),
        ("recognition", {"result": "one of 12 chosen"}, r"recognition\.result: .*never invent a number"),
        ("recognition", {"known": "It says so."}, r"recognition\.known: must hold \{numbers\}"),
        ("recognition", {"selective": []}, r"recognition\.selective: must be a non-empty list"),
        ("tools", None, r"tools: missing"),
        ("tools", {"question": ""}, r"tools\.question"),
        ("tools", {"not_tools": "it"}, r"tools\.not_tools: must be a non-empty list"),
        ("tools", {"openers": []}, r"tools\.openers: must be a non-empty list"),
        ("tools", {"categories": None}, r"tools\.categories: must be a non-empty list"),
        ("same_verb", {"improve": "lifting [what] by [N]%"}, r"same_verb: must map -ing words"),
        ("same_verb", {"saving": "12% in total"}, r"same_verb\.saving: .*never invent a number"),
    ):
        bad = {**data, key: None if change is None else {**data[key], **change}}
        with pytest.raises(LexiconError, match=message):
            build_vocabulary(bad)


# ------------------------------------------------------------------------------------------- honours


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Only analyst in my division to be awarded the Bronze Star", "unquantified"),  # a passive, but an honour
        ("52 out of 2500 applicants chosen to be a KPCB Fellow 2014.", "strong"),  # no verb, but an honour, measured
    ],
)
def test_an_honour_is_judged_as_something_achieved_not_a_passive_or_a_verbless_line(text: str, verdict: str) -> None:
    """Found on the corpus: "to be awarded" was told to make yourself the subject ("Awarded only ... to the Bronze
    Star"), and a selection already measured was prefixed with a verb ("Delivered 52 out of 2500 applicants ...")."""
    found = statement(text, US)
    assert found.verdict == verdict and "impact.passive" not in found.issues
    if verdict == "strong":
        assert found.suggestion == ""
    else:
        assert found.suggestion.startswith("It records an honour and already says how selective it was.")
        assert "What did you do that earned it?" in found.suggestion
        assert "Awarded" not in found.suggestion and "weeks" not in found.suggestion


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # found on the corpus: a promotion was given a saving ("..., saving [$ amount] ([N]%)")
        ("Earned promotion from construction supervisor to project consultant for industry knowledge", "saving"),
        ("Won the 2021 Innovation Award for the self-service portal", "used by"),
        ("Received the CIO Award for the data centre exit", "does not open with an action verb"),
        ("Promoted to team lead after one year", "with a team of"),
    ],
)
def test_an_honour_won_or_a_promotion_is_asked_what_earned_it(text: str, wrong: str) -> None:
    found = statement(text, US)
    assert found.verdict == "unquantified"
    assert found.suggestion.startswith("It records an honour: say how selective it was and what earned it.")
    assert "What did you do that earned it?" in found.suggestion and wrong not in found.suggestion


@pytest.mark.parametrize("text", ["Won a $2M contract with the NHS", "Secured funding for the new PMO"])
def test_winning_work_or_money_is_no_honour(text: str) -> None:
    """A guard for the rule above: what was won is not an award."""
    assert "It records an honour" not in statement(text, US).suggestion


def test_an_honour_is_asked_how_selective_it_was_in_the_persons_own_words() -> None:
    """It was given a result that means nothing for an honour: "Selected by ... as a SME, saving [$ amount] ([N]%)"."""
    found = statement("Selected by the National Guard Bureau as a SME for their capabilities assessment", US)
    assert found.verdict == "unquantified"
    assert found.suggestion == (
        "It records an honour: say how selective it was and what earned it. How many were chosen, and from how "
        "many? What did you do that earned it? E.g. “Selected by the National Guard Bureau as a SME, one of [N] "
        "chosen from [N]”."
    )
    assert found.placeholders == ("[N] chosen", "[N]")


@pytest.mark.parametrize(
    "text",
    [
        "Selected vendors for the ERP programme",  # choosing is the work here
        "Assigned tickets to the support team",
    ],
)
def test_an_action_that_shares_a_word_with_an_honour_is_advised_as_an_action(text: str) -> None:
    found = statement(text, US)
    assert found.verdict == "unquantified"
    assert "honour" not in found.suggestion and found.suggestion.startswith("Add the result as a number.")


def test_an_appointment_names_a_role() -> None:
    """Hand labels call "Appointed as the directorate's security officer" weak (a role, no action); it was judged
    an unquantified action and told to add "improving [what] by [N]%" to the appointment itself."""
    found = statement("Appointed as the directorate's Information Assurance Security Officer", US)
    assert (found.verdict, found.verb) == ("weak", "Appointed as")
    assert found.suggestion.startswith("'Appointed as' names a role, not what you achieved in it")
    assert "As the directorate's Information Assurance Security Officer, " in found.suggestion


# ------------------------------------------------------------------------------------------- named tools


@pytest.mark.parametrize(
    ("text", "example", "placeholders"),
    [
        ("Worked with C# and XML", "Delivered [what] with C# and XML, for [N] users", ("[what] with", "[N] users")),
        (
            "Worked with AWS Lambda and Python to build a serverless API for the claims team",
            "Built a serverless API for the claims team using AWS Lambda and Python, for [N] users",
            ("[N] users",),
        ),
        (
            "Worked with AWS Lambda and Python to cut hosting costs by 40%",
            "Cut hosting costs by 40% using AWS Lambda and Python",
            (),
        ),
        # product names holding a measure noun ("server", "teams"); the tools go before what a comma adds
        (
            "Worked with SQL Server and SSIS to build the finance data warehouse",
            "Built the finance data warehouse using SQL Server and SSIS, for [N] users",
            ("[N] users",),
        ),
        (
            "Worked with React and TypeScript to build the customer portal, used by 10,000 customers",
            "Built the customer portal using React and TypeScript, used by 10,000 customers",
            (),
        ),
    ],
)
def test_worked_with_named_tools_is_asked_what_was_done_with_them(
    text: str, example: str, placeholders: tuple[str, ...]
) -> None:
    """Found on the corpus: "Worked with C# and XML" was told to partner with them ("Partnered with C# and XML,
    with a team of [N]")."""
    found = statement(text, US)
    assert found.verdict == "weak"
    assert found.suggestion.startswith("'Worked with' names tools, not what you did with them")
    assert QUOTED.search(found.suggestion).group(1) == example  # type: ignore[union-attr]
    assert found.placeholders == placeholders and "Partnered" not in found.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Worked with Sarah Chen to plan the release",  # a person: no name here is only a technology's
        "Worked with IT and Finance to close the books",  # groups written as names
        "Worked with DBAs and Developers to tune queries",
        "Worked with 10,000+ global customers, business users, and IT staff",  # a figure is no name
        "Worked with the IT department to fix scanners",
        # acronyms and names of roles, teams and organisations (found in review): not in the lexicon's tools
        "Worked with CIO and CFO to secure funding for the data platform",
        "Worked with BAs and POs to refine the product backlog",
        "Worked with DevOps and SecOps to harden the release pipelines",
        "Worked with HMRC and DWP on the data share",
        "Worked with McKinsey and PwC on the operating model",
        # vendors: no name of the list is one of the lexicon's tools
        "Worked with Microsoft and Oracle on the licence renegotiation",
    ],
)
def test_worked_with_people_is_still_asked_what_was_achieved_together(text: str) -> None:
    found = statement(text, US)
    assert "says who you were with" in found.suggestion and "names tools" not in found.suggestion


def test_only_the_openers_that_name_what_was_used_are_read_for_tools() -> None:
    """ "Assisted with UAT for 200 users" names a task (found by an existing test when the rule read every opener
    ending in "with"); "Experience with Python and PostgreSQL" names tools."""
    assert "names tools" not in statement("Assisted with UAT for 200 users", US).suggestion
    found = statement("Experience with Python and PostgreSQL", US)
    assert found.suggestion.startswith("'Experience with' names tools")
    found = statement("Gained experience with AWS and Terraform", US)  # was "Delivered AWS and Terraform, ..."
    assert found.suggestion.startswith("'Gained experience with' names tools")


def test_a_liaison_is_a_role_not_a_thing_delivered() -> None:
    """Found on the corpus: "Delivered liaison to the … Working Group, [N] weeks ahead of schedule"."""
    found = statement("Liaison to the regional fusion centre's IT Sector Working Group", US)
    assert found.verdict == "weak"
    assert "“As liaison, delivered [what]," in found.suggestion and "Delivered liaison" not in found.suggestion


def test_a_size_asked_of_an_acronym_keeps_its_capitals() -> None:
    """Found on the corpus: "How big was the pmo?"."""
    assert "How big was the PMO?" in statement("Ran the PMO for the bank", US).suggestion


# ------------------------------------------------------------------------------------------- found in review


def test_a_selection_for_work_is_advised_on_the_work() -> None:
    """ "Chosen to run the programme" was told "Delivered chosen to run the top-priority programme"."""
    found = statement("Chosen to run the top-priority programme", US)
    assert (found.verdict, found.verb) == ("unquantified", "Chosen to run")
    assert (
        "“Chosen to run the top-priority programme, " in found.suggestion and "Delivered chosen" not in found.suggestion
    )


@pytest.mark.parametrize(
    "text",
    [
        "Implemented a process that was chosen to be the company standard for all new projects",  # led by its verb
        "Developed a reporting tool later selected to be rolled out company-wide",
        "Awarded contracts worth $2M to three vendors",  # awarding is the work
        "Selected to lead the data centre consolidation programme",  # the work, not the selection, has a result
    ],
)
def test_work_that_mentions_a_selection_is_not_an_honour(text: str) -> None:
    assert "honour" not in statement(text, US).suggestion


@pytest.mark.parametrize(
    ("text", "selective"),
    [
        ("Awarded the Army Commendation Medal for leading the brigade network upgrade", False),
        ("Invited to speak at the PMI Global Congress on hybrid delivery", False),
        ("Selected as Employee of the Quarter for first-time-right releases", False),  # "first" in a compound
        ("Named one of the best project managers in the region", True),
    ],
)
def test_the_common_wordings_of_an_honour_are_honours(text: str, selective: bool) -> None:
    found = statement(text, US)
    assert found.verdict == "unquantified"
    assert found.suggestion.startswith(
        "It records an honour and already says how selective it was."
        if selective
        else "It records an honour: say how selective it was and what earned it."
    )


def test_assigned_to_a_post_names_a_role() -> None:
    """The duty opener "assigned to" took it first: "Delivered the post of Signals Officer for the battalion"."""
    found = statement("Assigned to the post of Signals Officer for the battalion", US)
    assert found.verb == "Assigned to the post of"
    assert "“As Signals Officer for the battalion, delivered [what]" in found.suggestion


def test_a_measure_after_by_is_no_agent_for_a_cut() -> None:
    """ "by around a third" measures; the quote keeps "for users" before it."""
    text = "Cut the average wait time on the service desk for users by around a third across all regional offices"
    assert whole_clause(text) == "Cut the average wait time on the service desk for users"


def test_a_role_whose_figure_is_outside_its_words_is_not_given_placeholders() -> None:
    """Found in review: "Vendor liaison for the data centre exit, managing 3 suppliers" was given "As vendor liaison,
    negotiated [what], saving [$ amount] ([N]%)", dropping its own figure; a figure in the role's words stays."""
    found = statement("Vendor liaison for the data centre exit, managing 3 suppliers", US)
    assert "It already has a number (3 suppliers): lead with what you achieved in the role" in found.suggestion
    assert "[" not in found.suggestion
    kept = statement("Served as scrum master for two teams", US)
    assert "“As scrum master for two teams, " in kept.suggestion


# ------------------------------------------------------------------------------------------- found in a second review


@pytest.mark.parametrize(
    ("text", "example"),
    [
        (
            "Worked with SQL Server and SSIS to migrate 10,000 customer records",
            "Migrated 10,000 customer records using SQL Server and SSIS",  # was "Migrated 10 using …,000 customer …"
        ),
        (
            "Worked with Python to automate 2,500 test cases, cutting regression time by 60%",
            "Automated 2,500 test cases using Python, cutting regression time by 60%",
        ),
        # half of the names in the lexicon is enough ("Django", "Qt" are not in it)
        (
            "Worked with Python and Django to build an internal portal",
            "Built an internal portal using Python and Django, for [N] users",
        ),
        (
            "Worked with C++ and Qt to deliver firmware for 3 product lines",
            "Delivered firmware for 3 product lines using C++ and Qt",
        ),
    ],
)
def test_tools_go_before_a_comma_that_is_not_inside_a_figure(text: str, example: str) -> None:
    assert QUOTED.search(statement(text, US).suggestion).group(1) == example  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Selected to attend the Army Sergeants Major Academy",  # was "saving [$ amount] ([N]%)"
        "Selected to represent the UK at the NATO interoperability exercise",
        "Chosen to attend the Army Sergeants Major Academy",  # was "Delivered chosen to attend …"
        "Chosen to speak at the PMI Global Congress",
    ],
)
def test_a_selection_to_attend_or_represent_is_an_honour(text: str) -> None:
    found = statement(text, US)
    assert found.verdict == "unquantified"
    assert found.suggestion.startswith("It records an honour: say how selective it was and what earned it.")


def test_a_selection_for_work_is_told_of_in_the_past() -> None:
    """ "Chosen to lead" took the tense of "lead": a role mixing it with "Led" was said to mix past and present."""
    impact = analyse_impact(build(["Chosen to lead the ERP upgrade for 5 business units", "Led the CRM rollout"]))
    assert [s.verb for s in impact.statements] == ["Chosen to lead", "Led"]
    assert "impact.mixed-tense" not in [f.id for f in impact.findings]


def test_the_engine_gives_the_advice_the_tool_names_of_its_own_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The advice loaded the bundled lexicon again (every pack parsed: +70 ms on a `check` of a résumé holding
    "Worked with C# and XML"), although the engine had it loaded from the disk cache already."""
    from resume_check import advice
    from resume_check.analysis import analyse_path, build_engine

    engine = build_engine()
    monkeypatch.setattr(advice, "_bundled_tool_names", lambda categories: pytest.fail("the lexicon was loaded again"))
    cv = tmp_path / "cv.md"
    cv.write_text("# Jo Bloggs\n\n## Experience\n\n- Worked with C# and XML\n", encoding="utf-8")
    found = analyse_path(cv, engine=engine).impact.statements
    assert found[0].suggestion.startswith("'Worked with' names tools")
