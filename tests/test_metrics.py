"""Metrics: every kind of result number, with what it measures, and the numbers that are not results."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resume_check.metrics import cue_dimensions, find_metrics, mask_non_metrics

# (text, expected (metric text, kind, measures) in order)
METRICS = [
    # a place in a ranking is a measured result of no dimension (the hand labels count "Ranked number 1 among all
    # BDRs" strong); it is read from the text, since the mask hides ordinals and "#1" (a label elsewhere)
    ("Ranked #1 in the region", [("#1", "rank", None)]),
    ("Ranked number 1 among all account managers", [("number 1", "rank", None)]),
    ("Ranked 4th for total market share in 2010", [("4th", "rank", None)]),
    ("Won 1st place at the 2019 regional hackathon", [("1st place", "rank", None)]),
    ("Ranked first among peers for customer satisfaction", [("first", "rank", None)]),
    ("Voted the company's top 5 team by staff", [("top 5", "rank", None)]),
    ("Ranked top 10% of 300 engineers", [("10%", "percent", None), ("300 engineers", "count", "team")]),
    ("Rated 4.8/5 by users", [("Rated 4.8/5", "rate", "quality")]),
    (
        "Rated at 4.5 out of 5 by 300 users",
        [("Rated at 4.5 out of 5", "rate", "quality"), ("300 users", "count", "scope")],
    ),
    # money
    ("Managed a £1.2m budget", [("£1.2m", "money", "budget")]),
    ("Saved $500K in licence costs", [("$500K", "money", "budget")]),
    ("Won a €3bn framework", [("€3bn", "money", "budget")]),
    ("Negotiated a GBP 2m contract", [("GBP 2m", "money", "budget")]),
    ("Closed a USD 1.5 million deal", [("USD 1.5 million", "money", "budget")]),
    ("Cut spend by 2 million pounds", [("2 million pounds", "money", "budget")]),
    ("Ran a $250,000 programme", [("$250,000", "money", "budget")]),
    ("Saved £200k a year", [("£200k a year", "money", "budget")]),
    ("Controlled a £3 million capital budget", [("£3 million", "money", "budget")]),
    # percentages and percentage points
    ("Cut costs by 20%", [("20%", "percent", "budget")]),
    ("Improved on-time delivery from 60% to 92%", [("from 60% to 92%", "percent", "schedule")]),
    ("Reduced P1 incidents by 40 per cent", [("40 per cent", "percent", "quality")]),
    ("Raised adoption by 15 percentage points", [("15 percentage points", "percent", "scope")]),
    ("Reduced staff attrition by 12%", [("12%", "percent", "team")]),
    (
        "Went live two weeks early and 6% under budget",
        [("two weeks early", "duration", "schedule"), ("6%", "percent", "budget")],
    ),
    ("Achieved 98% user satisfaction", [("98%", "percent", "quality")]),
    ("Migrated 45 on-premises servers", [("45 on-premises servers", "count", "scope")]),
    ("Lifted velocity by 30 percent", [("30 percent", "percent", "schedule")]),
    # counts of people, teams, sites, users, systems, projects, vendors, stakeholders
    ("Led 12 engineers", [("12 engineers", "count", "team")]),
    ("Managed 40+ stakeholders", [("40+ stakeholders", "count", "team")]),
    ("Led a team of twelve", [("team of twelve", "count", "team")]),
    ("Built a 12-person team", [("12-person", "count", "team")]),
    ("Coordinated 5 vendors and 3 suppliers", [("5 vendors", "count", "team"), ("3 suppliers", "count", "team")]),
    (
        "Rolled out Teams to 3,000 users across 14 sites",
        [("3,000 users", "count", "scope"), ("14 sites", "count", "scope")],
    ),
    ("Migrated 250 servers", [("250 servers", "count", "scope")]),
    ("Delivered 30+ projects", [("30+ projects", "count", "scope")]),
    ("Decommissioned seven legacy systems", [("seven legacy systems", "count", "scope")]),
    ("Supported 10k users", [("10k users", "count", "scope")]),
    ("Closed 120 audit findings", [("120 audit findings", "count", "quality")]),
    (
        "Managed 5 concurrent IT infrastructure projects",
        [("5 concurrent IT infrastructure projects", "count", "scope")],
    ),
    ("Onboarded 2000 users", [("2000 users", "count", "scope")]),
    ("Handled 200 tickets a week", [("200 tickets a week", "rate", "scope")]),
    ("Managed 6 direct reports", [("6 direct reports", "count", "team")]),
    ("Scaled the engineering team from 3 to 28", [("from 3 to 28", "count", "team")]),
    ("Grew active users from 2,000 to 9,000 users", [("from 2,000 to 9,000 users", "count", "scope")]),
    ("Filed 2 patents and wrote 3 papers", [("2 patents", "count", "scope"), ("3 papers", "count", "scope")]),
    ("Developed 4 Ansible playbooks", [("4 Ansible playbooks", "count", "scope")]),
    # durations and time saved
    ("Went live two weeks early", [("two weeks early", "duration", "schedule")]),
    ("Delivered the upgrade in 8 weeks", [("8 weeks", "duration", "schedule")]),
    ("Automated reporting, saving 300 hours a year", [("300 hours a year", "duration", "schedule")]),
    ("Cut resolution time from 3 days to 4 hours", [("from 3 days to 4 hours", "duration", "quality")]),
    ("Finished a week early", [("a week early", "duration", "schedule")]),
    ("Brought the programme in 2 years ahead of schedule", [("2 years ahead of schedule", "duration", "schedule")]),
    # multipliers
    ("Achieved 3x faster releases", [("3x", "multiplier", "schedule")]),
    ("Grew throughput threefold", [("threefold", "multiplier", "schedule")]),
    ("Doubled test coverage", [("Doubled", "multiplier", "scope")]),
    ("Cut licence costs 2.5× over two years", [("2.5×", "multiplier", "budget")]),
    ("Made builds 3 times faster", [("3 times faster", "multiplier", "schedule")]),
    ("Cut the run time by a factor of 200", [("by a factor of 200", "multiplier", "schedule")]),
    ("Cut build time by a factor of ten", [("by a factor of ten", "multiplier", "schedule")]),
    # rates and service levels
    ("Maintained 99.9% uptime", [("99.9% uptime", "rate", "quality")]),
    ("Held availability at 99.95%", [("availability at 99.95%", "rate", "quality")]),
    ("Met an SLA of 98%", [("SLA of 98%", "rate", "quality")]),
    ("Raised CSAT to 4.8/5", [("CSAT to 4.8/5", "rate", "quality")]),
    # a number before a plural noun the count lists lack is still a count (hand labels: "strong")
    ("Delivered 250+ packages daily", [("250+ packages", "count", None)]),
    ("Exceeded a sales goal of 9 cars per month", [("9 cars per month", "rate", None)]),
    ("Published 4 articles on data structures", [("4 articles", "count", None)]),
    ("Presented findings to 20+ faculty and students", [("20+ faculty", "count", "scope")]),
    ("Led research. Published 4 chapters", [("4 chapters", "count", None)]),
]

# numbers that are never metrics
NON_METRICS = [
    "Worked here 2015–2019",
    "Jan 2020 – Present",
    "March 2018 to June 2021",
    "Since 2019",
    "Q3 2021 go-live planning",
    "Rolled out Windows 11",
    "Migrated mailboxes to Office 365",
    "Upgraded to Python 3.12",
    "Certified in ITIL 4 and ISO 27001",
    "PRINCE2 Practitioner, Series 7, CompTIA Tech+",
    "Moved to SQL Server 2019 and Java 17",
    "Call (123) 456-7890 or +44 20 7946 0958",
    "Office: 444.444.4444",
    "London SW1A 1AA",
    "McLean, VA 22101",
    "Licence No. 1234567",
    "PMP #1234567",
    "Credential ID 9876543",
    "1. Planned the rollout",
    "2) Ran the workshops",
    "Provided 24/7 support",
    "Provided 24x7 cover",
    "Over 20 years of experience",
    "20+ years' experience in IT",
    "Led the service desk for 3 years",
    "Phase 2 of the programme",
    "Tier 3 escalations",
    "Release 4.2.1 notes",
    "Finished first phase of the migration",  # an order of work, not a place in a ranking
    "Fixed issue #123 in the tracker",
    "Placed 2nd-line engineers on the rota",  # a support line, not a place
    "Ran 1:1s with the team",
    "Works in Sprint 12",
    "Published 4 papers May 2022 – Aug 2022 4 months",  # tenure from a date column (the papers count)
    # a product's version before a plural noun names the product, it counts nothing
    "Wrote Python 3 scripts for the build",
    "Built the Acme 3 widgets for the trade show",  # a name the product masks do not know
    "Upgraded the fleet to Windows 10 machines",
    "Trained staff on Dynamics 365 dashboards",
    # a plural-looking word that is no plural, and a duration, are not counted by the plural rule
    "Ran 3 analysis",
    "Cleared 2 status",
]


@pytest.mark.parametrize(("text", "expected"), METRICS, ids=[t for t, _ in METRICS])
def test_metric_kinds_and_dimensions(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = [(m.text, m.kind, m.measures) for m in find_metrics(text)]
    assert found == expected


@pytest.mark.parametrize("text", NON_METRICS)
def test_numbers_that_are_not_results(text: str) -> None:
    assert all(m.kind != "duration" and m.text != "4" for m in find_metrics(text))
    if "papers" not in text:
        assert find_metrics(text) == ()


def test_versions_next_to_real_counts() -> None:
    found = find_metrics("Rolled out Windows 11 and Office 365 to 3,000 laptops in 2019")
    assert [(m.text, m.kind, m.measures) for m in found] == [("3,000 laptops", "count", "scope")]


def test_offsets_are_shifted_into_resume_text() -> None:
    text = "Saved £40k and led 6 engineers"
    found = find_metrics(text, offset=100)
    assert [(m.start, m.end) for m in found] == [(106, 110), (119, 130)]
    assert [text[m.start - 100 : m.end - 100] for m in found] == ["£40k", "6 engineers"]


def test_mask_keeps_length() -> None:
    text = "Jan 2020 – Present, call 020 7946 0958, Windows 11"
    masked = mask_non_metrics(text)
    assert len(masked) == len(text)
    assert "2020" not in masked and "7946" not in masked and "11" not in masked


def test_cue_dimensions_in_order_of_mention() -> None:
    assert cue_dimensions("Cut incident backlog and licence costs") == ("quality", "budget")
    assert cue_dimensions("Ran the weekly stand-up") == ()


#: one statement of each kind of measured result; the property test below wraps them in arbitrary text
_SURE_METRICS = (
    "cut costs by £2.4m",
    "reduced failed changes by 40%",
    "led 18 engineers",
    "delivered two weeks early",
    "tripled throughput",
    "kept 99.9% uptime",
    "saved 300 hours a year",
    "onboarded a dozen vendors",
    "passed the audit with no major findings",
    "migrated the ledger with zero downtime",
)


@given(st.text(max_size=120), st.sampled_from(_SURE_METRICS), st.text(max_size=120))
def test_metrics_slice_back_to_their_text(before: str, sure: str, after: str) -> None:
    """Arbitrary text around a known result: the result is still found, and every metric (the known one and any
    the arbitrary text makes) slices back to its own text with an offset."""
    text = f"{before}. {sure}. {after}"
    metrics = find_metrics(text, offset=7)
    for metric in metrics:
        assert text[metric.start - 7 : metric.end - 7] == metric.text
        assert metric.kind in ("money", "percent", "count", "duration", "multiplier", "rate", "rank", "zero")
    start = len(before) + 2 + 7
    assert any(start <= m.start and m.end <= start + len(sure) for m in metrics), (text, metrics)


# ------------------------------------------------------------------------ issue 12: number words, product durations

# real-style phrases (written for these tests, modelled on what the corpus shows): number words are measured results,
# with the dimension their noun or cue gives
NUMBER_WORD_METRICS = [
    (
        "Scaled the booking API to hundreds of thousands of requests per second",
        [("hundreds of thousands of requests per second", "rate", "scope")],
    ),
    ("Negotiated renewals with a dozen vendors", [("a dozen vendors", "count", "team")]),
    ("Cut over the payroll system two weeks early", [("two weeks early", "duration", "schedule")]),
    ("Tripled weekly active users of the portal", [("Tripled", "multiplier", "scope")]),
    ("Halved the release cycle time", [("Halved", "multiplier", "schedule")]),
    ("Managed dozens of concurrent change requests", [("dozens of concurrent change requests", "count", "scope")]),
    ("Supported thousands of users across the trust", [("thousands of users", "count", "scope")]),
    ("Served millions of customers through the new app", [("millions of customers", "count", "scope")]),
    (
        "Processed tens of thousands of transactions a day",
        [("tens of thousands of transactions a day", "rate", "scope")],
    ),
    ("Handled hundreds of tickets per week", [("hundreds of tickets per week", "rate", "scope")]),
    ("Cut licence costs by a third", [("by a third", "percent", "budget")]),
    ("Reduced P1 incidents by half", [("by half", "percent", "quality")]),
    ("Reduced audit findings by two-thirds", [("by two-thirds", "percent", "quality")]),
    ("Hired a dozen engineers for the platform team", [("a dozen engineers", "count", "team")]),
    ("Saved three months of effort on the data migration", [("three months", "duration", "schedule")]),
    ("Fitted out a 40,000-square-foot office", [("40,000-square-foot", "count", "scope")]),
    ("Delivered a 10-month ERP programme two months early", [("two months early", "duration", "schedule")]),
    ("Delivered a 2-day reduction in month-end close", [("2-day", "duration", "schedule")]),
    # a hyphenated duration still counts where it is what was saved, or the time something took
    ("Reduced month-end close by 3 days", [("3 days", "duration", "schedule")]),
    ("Went live in 6 weeks", [("6 weeks", "duration", "schedule")]),
]

# not results: the length of a product feature, document or event, and idioms that only look like multipliers
NUMBER_WORD_NON_METRICS = [
    "Built a 5-day forecast feature for the weather app",
    "Built a 5 day weather forecast view",
    "Added a 7-day rolling average to the dashboard",
    "Wrote a 10-page design document",
    "Wrote a two-page summary template",
    "Ran a 3-day discovery workshop",
    "Designed a two-week sprint cadence",
    "Doubled down on test automation",
    "Doubling as the team's scrum master",
    "Worked across the first half of the year",
    "Served on behalf of the board",
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_WORD_METRICS, ids=[t for t, _ in NUMBER_WORD_METRICS])
def test_number_words_are_metrics(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(m.text, m.kind, m.measures) for m in find_metrics(text)] == expected


@pytest.mark.parametrize("text", NUMBER_WORD_NON_METRICS)
def test_product_durations_and_idioms_are_not_metrics(text: str) -> None:
    assert find_metrics(text) == ()


#: every way a metric can state a quantity: digits, number words, multiplier stems, fractions, "a week early"
_QUANTITY = re.compile(
    r"\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundreds?|thousands?"
    r"|millions|billions|dozens?|tens|half|third|thirds|quarters|several|few)\b|fold|doubl|tripl|quadrupl|halv",
    re.IGNORECASE,
)
_VOCABULARY = """a an the of by to for in over twelve a dozen hundreds thousands millions tens two half third doubled
halved users engineers vendors requests per second day days week weeks early ahead forecast feature page report 5-day
10-page 3 40 built cut reduced saved team sites fewer incidents costs budget , ."""
_WORDS = st.sampled_from(_VOCABULARY.split())


@given(st.lists(_WORDS, max_size=14))
def test_every_metric_states_a_quantity(words: list[str]) -> None:
    """Whatever the words around it, a metric holds a digit or a quantity word: context alone never makes one."""
    text = " ".join(words)
    for metric in find_metrics(text):
        assert _QUANTITY.search(metric.text), (text, metric)


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(["day", "week", "month", "hour", "page", "year"]),
    st.sampled_from(["forecast feature", "weather widget", "design document", "workshop", "rolling average view"]),
    st.sampled_from(["Built a", "Added a", "Shipped the", "Wrote a", "Ran a"]),
)
def test_a_product_duration_is_never_a_result(number: int, unit: str, thing: str, verb: str) -> None:
    """'N-day'/'N-page' describing a product, feature, document or event is its length, not a measured result."""
    text = f"{verb} {number}-{unit} {thing}"
    assert find_metrics(text) == (), text


@given(
    st.lists(
        st.sampled_from(["Built", "the", "portal", "for", "users", "and", "staff", ",", "with", "a", "new", "report"]),
        max_size=12,
    )
)
def test_adding_words_without_a_quantity_creates_no_metric(words: list[str]) -> None:
    """Words with no digit and no quantity word in them never make a metric, in any order."""
    assert find_metrics(" ".join(words)) == ()


# ------------------------------------------------------------------------ results stated as none of something

#: "zero" is a number word, and "no" after "with", "and" or at a clause's start says the same: a count of zero of
#: something that goes wrong is a measured result (made-up statements)
ZERO_METRICS = [
    ("Passed the ISO 27001 surveillance audit with no major findings", ["no major findings"]),
    ("Migrated the payroll platform to Azure with zero downtime", ["zero downtime"]),
    ("Closed the data centre with no loss of service", ["no loss of service"]),
    ("No P1 incidents in the first year of operation", ["No P1 incidents"]),
    ("Delivered the cutover without a single rollback", ["without a single rollback"]),
    ("Moved 40 sites to SD-WAN with no downtime and zero data loss", ["no downtime", "zero data loss"]),
    ("Ran the supplier audit, no non-conformities raised", ["no non-conformities"]),
    ("Upgraded the core switches, ensuring no unplanned outages", ["no unplanned outages"]),
]
#: a "zero" or "no" that is no result: a hyphenated description, a noun outside the list, "no" inside a phrase
ZERO_NON_METRICS = [
    "Designed zero-downtime deployments for the payments API",
    "Built the integration layer with no external dependencies",
    "Led no-code automation projects for the finance team",
    "Adopted zero trust networking across the estate",
    "Set up the service desk with no prior tooling",
    "Retired servers no longer in use",
]


@pytest.mark.parametrize(("text", "expected"), ZERO_METRICS, ids=[t for t, _ in ZERO_METRICS])
def test_a_result_of_none_is_a_quality_metric(text: str, expected: list[str]) -> None:
    zeros = [m for m in find_metrics(text) if m.kind == "zero"]
    assert [m.text for m in zeros] == expected
    assert all(m.measures == "quality" for m in zeros)


@pytest.mark.parametrize("text", ZERO_NON_METRICS)
def test_zero_or_no_that_states_no_result_is_not_a_metric(text: str) -> None:
    assert find_metrics(text) == ()
