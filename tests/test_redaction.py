"""Redaction: salted pseudonyms, names found from the document, and no personal detail surviving on the real corpus."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, DATA, needs_corpus

from resume_check.cli import main
from resume_check.cohort.redact import document_name, name_pieces, pseudonyms, redact_text, replace_name_words
from resume_check.models import Document, Line, Source


def test_pseudonyms_depend_on_the_salt() -> None:
    paths = ["cohort/jane-doe.pdf", "cohort/john-smith.pdf"]
    one, again, other = pseudonyms(paths, b"k1"), pseudonyms(paths, b"k1"), pseudonyms(paths, b"k2")
    assert one == again
    assert set(one.values()).isdisjoint(other.values())
    # an unsalted hash of the path is not the pseudonym: knowing the path is not enough
    plain = "candidate-" + hashlib.sha256(paths[0].encode()).hexdigest()[:6]
    assert one[paths[0]] != plain


def test_name_words_are_replaced_alone_and_inside_joined_words() -> None:
    text = "JaneDoe led DOE's team; see github.com/janedoe and jane's notes. Janet and Doeville stay."
    out = replace_name_words(text, ["Jane", "Doe"], "P")
    assert out == "PP led P's team; see github.com/janedoe and P's notes. Janet and Doeville stay."
    assert name_pieces("JoshHumpherys") == ["JoshHumpherys", "Josh", "Humpherys"]


def test_redact_text_hides_name_words_everywhere() -> None:
    out = redact_text("John Doe, john.doe@mail.com. Doe led it.", pseudonym="c-1", name_words=("John", "Doe"))
    assert "doe" not in out.lower() and "john" not in out.lower()


def pdf_line(text: str, size: float, top: float) -> Line:
    return Line(text, page=1, bbox=(50, top, 300, top + size), font_size=size)


def test_document_name_prefers_the_largest_font_at_the_top() -> None:
    doc = Document(
        Source("cv.pdf", "pdf", 1),
        (
            pdf_line("Creative and Innovative Web Developer", 11, 40),
            pdf_line("JOHN DOE", 24, 60),
            pdf_line("john.doe@mail.com | (555) 123-4567", 10, 90),
        ),
    )
    assert document_name(doc) == "JOHN DOE"


def test_document_name_falls_back_to_the_first_name_like_line() -> None:
    doc = Document(Source("cv.txt", "txt"), (Line("Curriculum Vitae"), Line("Anderson"), Line("Denver, Colorado")))
    assert document_name(doc) == "Anderson"
    assert document_name(Document(Source("cv.txt", "txt"), (Line("2019 - 2024"),))) is None


def make_cohort(folder: Path) -> Path:
    folder.mkdir()
    (folder / "cv-a.md").write_text(
        "# Zelda Quintrell\n\nzelda@example.org | +44 7700 900456\n\n## Experience\n\n"
        "- Led QuintrellCorp's Scrum migration for 40 users, as ZeldaQ on GitHub.\n",
        encoding="utf-8",
    )
    return folder


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_pseudonyms_change_per_run_unless_a_salt_is_given(tmp_path: Path) -> None:
    folder = make_cohort(tmp_path / "cohort")
    first = run("batch", str(folder), "--format", "csv", "--redact", "-q", "-j", "1")
    second = run("batch", str(folder), "--format", "csv", "--redact", "-q", "-j", "1")
    names = [re.findall(r"candidate-[0-9a-f]+", out) for out in (first, second)]
    assert names[0] and names[1] and names[0] != names[1]
    salted = [
        run("batch", str(folder), "--format", "csv", "--redact", "--redact-salt", "s3cret", "-q", "-j", "1")
        for _ in range(2)
    ]
    assert salted[0] == salted[1]
    details = run("batch", str(folder), "--format", "json", "--details", "--redact", "-q", "-j", "1")
    assert "zelda" not in details.lower() and "quintrell" not in details.lower()
    usage = CliRunner().invoke(main, ["batch", str(folder), "--redact-salt", "x"])
    assert usage.exit_code == 2 and "--redact" in usage.output


# --------------------------------------------------------------------------------------------- the real corpus

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
PHONE = re.compile(r"(?<!\d)\+?\(?\d[\d ().-]{7,}\d(?!\d)")
URL = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s,;|)\]]+)", re.IGNORECASE)


SALT = "corpus-test"


def name_hash(word: str) -> str:
    return hashlib.sha256(("resume-check-name:" + word.casefold()).encode()).hexdigest()[:20]


@functools.lru_cache(maxsize=64)
def secrets_of(path: Path) -> tuple[set[str], set[str], set[str]]:
    """Emails, phone numbers (digits only) and URLs (host and path) in what was read from ``path``."""
    from resume_check.errors import InputError
    from resume_check.extract import extract

    try:
        document = extract(path)
    except InputError:  # unreadable (an image-only PDF): its row holds only the error, checked for its path
        return set(), set(), set()
    text = "\n".join([*(line.text for line in document.lines), *document.links])
    emails = {m.lower() for m in EMAIL.findall(text) if not m.lower().startswith("mailto:")}
    phones = {d for d in (re.sub(r"\D", "", m) for m in PHONE.findall(text)) if 10 <= len(d) <= 15}
    phones = {p for p in phones if not re.fullmatch(r"(19|20)\d\d(19|20)\d\d\d*", p)}  # year ranges
    urls = {u.lower().rstrip("/.") for u in URL.findall(text) if len(u) >= 12}
    return emails, phones, urls


def leaks(out: str, emails: set[str], phones: set[str], urls: set[str], names: set[str]) -> list[str]:
    low = out.lower()
    found = [e for e in emails if e in low] + [u for u in urls if u in low]
    digits = {re.sub(r"\D", "", m) for m in PHONE.findall(out)}
    found += [p for p in phones if any(p in d for d in digits)]
    found += [f"name word #{h[:6]}" for h in names if h in {name_hash(w) for w in name_pieces(out)}]
    return found


@needs_corpus
@pytest.mark.parametrize("fmt", ["csv", "json", "json-details", "markdown", "html"])
def test_no_personal_detail_survives_redaction_on_the_corpus(fmt: str) -> None:
    labels = json.loads((DATA / "corpus_name_hashes.json").read_text("utf-8"))["names"]
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".pdf", ".docx"))
    assert len(files) >= 30
    args = [
        "batch",
        *map(str, files),
        "--redact",
        "--redact-salt",
        SALT,
        "-q",
        "-j",
        "2",
        "--format",
        fmt.split("-")[0],
    ]
    if fmt == "json-details":
        args.append("--details")
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 3), result.output
    out = result.stdout
    assert out.count("candidate-") >= len(files)
    secrets = {p.name: secrets_of(p) for p in files}
    assert sum(len(e) for e, _, _ in secrets.values()) >= 15  # the corpus does hold contact details to hide
    all_names = {h for hashes in labels.values() for h in hashes}
    if fmt == "json-details":
        # each person's details against their own name (another person may share a word: "Menlo Park")
        names = pseudonyms([str(p) for p in files], SALT.encode())
        by_pseudonym = {names[str(p)]: p.name for p in files}
        problems = []
        for person in json.loads(out)["people"]:
            name = by_pseudonym[person["file"]]
            emails, phones, urls = secrets[name]
            own = set(labels.get(name, ()))
            problems += [
                f"{name}: {x}" for x in leaks(json.dumps(person, ensure_ascii=False), emails, phones, urls, own)
            ]
    else:
        emails = set().union(*(e for e, _, _ in secrets.values()))
        phones = set().union(*(p for _, p, _ in secrets.values()))
        urls = set().union(*(u for _, _, u in secrets.values()))
        problems = leaks(out, emails, phones, urls, all_names)
    assert problems == [], f"{len(problems)} personal detail(s) left in the redacted {fmt} output"
