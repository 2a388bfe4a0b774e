"""Issue 15: hostile names, configs and lexicon packs. File names of any encoding work in every format, control
characters from input never reach a terminal or a CI log raw, every batch entry gets a row, and configs and packs
are bounded (regular files, size caps, depth, glob and pattern complexity)."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_check.budgets import MAX_TOML_DEPTH
from resume_check.ci.configfile import _glob_fullmatch, _glob_match, _glob_tokens, load_config
from resume_check.cli import main
from resume_check.cohort.batch import expand_paths
from resume_check.errors import ConfigError, LexiconError
from resume_check.escaping import display_path, escape_controls
from resume_check.lexicon import MAX_PATTERN_REPEAT, load_lexicon, pattern_problem, regex_problem
from resume_check.render.github import escape_data, escape_property

ALEX_TEXT = (SAMPLES / "alex-morgan.txt").read_text(encoding="utf-8")
LATIN1 = os.fsdecode(b"caf\xe9.md")  # a name from a Windows zip: not UTF-8
EVIL = "evil\x1b[31mred\n::error::x.txt"  # ESC drives a terminal; the newline would start a GitHub command
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    for name in (LATIN1, EVIL):
        (cvs / name).write_text(ALEX_TEXT, encoding="utf-8")
    return cvs


# --------------------------------------------------------------------------------------------- names


def test_display_path_escapes_undecodable_bytes_and_controls_and_keeps_the_rest() -> None:
    assert display_path(LATIN1) == "caf%E9.md"
    assert display_path(EVIL) == "evil%1B[31mred%0A::error::x.txt"
    assert display_path("Zoë Ødegård – CV (2026).pdf") == "Zoë Ødegård – CV (2026).pdf"
    assert display_path("\u202etxt.exe") == "%u202Etxt.exe"
    assert escape_controls("a\tb\x07") == "a\tb%07"


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "html"])
def test_batch_with_a_latin1_and_a_control_character_name_works_in_every_format(
    folder: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"cohort.{fmt}"
    result = CliRunner().invoke(main, ["batch", str(folder), "-q", "-j", "1", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_bytes().decode("utf-8")  # strict: the file is valid UTF-8
    assert not CONTROL.search(text.replace("\n", "").replace("\r", "").replace("\t", ""))
    assert "caf%E9.md" in text
    assert "\x1b" not in text and "evil%1B" in text
    if fmt == "json":
        json.loads(text)


@pytest.mark.parametrize("fmt", ["line", "github", "junit", "sarif", "text", "json"])
def test_check_in_ci_mode_with_hostile_names_escapes_them(folder: Path, tmp_path: Path, fmt: str) -> None:
    (folder / ".resume-check.toml").write_text("fail_under = 99\n", encoding="utf-8")
    files = sorted(str(p) for p in folder.iterdir() if p.suffix != ".toml")
    out = tmp_path / "report"
    args = ["check", *files, "--format", fmt, "-o", str(out)]
    if fmt in ("text", "json"):
        args.remove("--format")
        args.remove(fmt)
        args[args.index("-o") : args.index("-o")] = ["--format", fmt]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # the gate fails (fail_under 99): no crash, no exit 4
    text = out.read_bytes().decode("utf-8")
    assert "\x1b" not in text and "\x1b" not in result.stderr
    if fmt == "sarif":  # artifact locations are URIs of the files themselves: the name's own bytes, percent-encoded
        uris = [
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(text)["runs"][0]["results"]
        ]
        assert uris[0] == "file://" + quote(os.fsencode(str(folder / LATIN1)), safe="/")
        assert uris[0].endswith("/caf%E9.md") and uris[-1].endswith("/evil%1B%5B31mred%0A::error::x.txt")
        assert {os.fsdecode(unquote_to_bytes(uri.removeprefix("file://"))) for uri in uris} == set(files)
    elif fmt == "github":  # workflow commands escape % as %25
        assert "caf%25E9.md" in text
    else:
        assert "caf%E9.md" in text
    for line in result.stderr.splitlines():  # the gate's FAILED lines: one per file, the newline escaped
        assert not line.startswith("::") and not line.startswith("x.txt")
    assert f"FAILED {folder}/evil%1B[31mred%0A::error::x.txt: 1 gate failure(s)" in result.stderr
    if fmt == "github":
        commands = ("::error file=", "::warning file=", "::notice file=")  # one command a line, none injected
        assert all(line.startswith(commands) for line in text.splitlines())
        assert f"::error file={folder}/evil%251B[31mred%250A%3A%3Aerror%3A%3Ax.txt," in text
    if fmt == "line":
        assert all(line.startswith((f"{folder}/caf%E9.md:", f"{folder}/evil%1B")) for line in text.splitlines())


def test_github_annotations_escape_percent_cr_lf_as_the_spec_says() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert escape_data("\x1b[2J") == "%251B[2J"  # ESC made visible (%1B), then % escaped as the spec says


def test_the_error_line_for_a_missing_hostile_name_is_one_escaped_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(tmp_path / EVIL)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "\x1b" not in result.stderr


# --------------------------------------------------------------------------------------------- batch entries


def test_batch_gives_every_entry_a_row_dangling_links_fifos_loops_and_folders_included(tmp_path: Path) -> None:
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "good.txt").write_text(ALEX_TEXT, encoding="utf-8")
    (cvs / "dangling.docx").symlink_to(cvs / "nowhere.docx")
    (cvs / "loop.md").symlink_to(cvs / "loop.md")
    os.mkfifo(cvs / "fifo.pdf")
    (cvs / "folder.pdf").mkdir()
    unreadable = cvs / "locked.txt"
    unreadable.write_text(ALEX_TEXT, encoding="utf-8")
    unreadable.chmod(0)
    assert {Path(p).name for p in expand_paths([str(cvs)])} == {
        "good.txt",
        "dangling.docx",
        "loop.md",
        "fifo.pdf",
        "folder.pdf",
        "locked.txt",
    }
    out = tmp_path / "cohort.json"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["batch", str(cvs), "-q", "-j", "1", "--format", "json", "-o", str(out)])
    assert time.monotonic() - started < 120  # the FIFO never blocks
    assert result.exit_code == 3, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    text = json.dumps(data)
    for name in ("dangling.docx", "loop.md", "fifo.pdf", "folder.pdf"):
        assert name in text
    assert "is not a regular file" in text and "is a folder" in text and "no such file" in text
    if os.geteuid() != 0:  # root reads any file
        assert "permission denied" in text


# --------------------------------------------------------------------------------------------- configs


def test_config_fifo_and_device_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_config("/dev/zero")


def test_a_huge_config_is_refused(tmp_path: Path) -> None:
    big = tmp_path / ".resume-check.toml"
    big.write_text("# x\n" * 400_000, encoding="utf-8")
    with pytest.raises(ConfigError, match="byte limit"):
        load_config(big)


@pytest.mark.parametrize("text", ["a = " + "[" * 5000 + "]" * 5000, "x = " + "{a = " * 100 + "1" + "}" * 100])
def test_a_deeply_nested_config_is_exit_3_not_a_recursion_error(tmp_path: Path, text: str) -> None:
    cfg = tmp_path / ".resume-check.toml"
    cfg.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"nest deeper than {MAX_TOML_DEPTH}"):
        load_config(cfg)
    cv = tmp_path / "cv.txt"
    cv.write_text(ALEX_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(cv)])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1


def _reference_glob(pattern: str) -> re.Pattern[str]:
    """The regex translation the matcher replaced (same meaning, exponential on hostile patterns)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab/*?.", max_size=8), st.text(alphabet="ab/.", max_size=10))
def test_glob_matcher_agrees_with_the_glob_regex(pattern: str, path: str) -> None:
    expected = _reference_glob(pattern).fullmatch(path) is not None
    assert _glob_fullmatch(_glob_tokens(pattern), path) is expected


def test_a_glob_with_many_double_stars_runs_in_linear_time(tmp_path: Path) -> None:
    pattern = "**a" * 12 + "**b"
    path = tmp_path / ("a" * 200) / ("a" * 200 + ".md")
    started = time.monotonic()
    assert not _glob_match(pattern, str(path), tmp_path)
    assert time.monotonic() - started < 5  # the regex form takes hours on this path


# --------------------------------------------------------------------------------------------- lexicons

PACK = """\
pack:
  id: hostile
  version: "1.0"
  language: en
  description: a hostile pack
  sources:
    - {{id: own, name: Own, url: "https://example.org", licence: MIT}}
categories:
  - {{id: hostile, label: Hostile, weight: 1}}
terms:
  - id: hostile.term
    label: {label}
    category: hostile
    weight: 1
    sources: [own]
    patterns:
      - {pattern}
    examples: ["managed a budget"]
"""


def _pack(tmp_path: Path, pattern: str, label: str = "Hostile term") -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(PACK.format(pattern=pattern, label=label), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ('[{LOWER: managed}, {OP: "*"}, {LOWER: budget}]', "no upper bound"),
        ('[{LOWER: managed}, {IS_ALPHA: true, OP: "+"}]', "no upper bound"),
        ('[{LOWER: managed}, {OP: "{0,100000}"}, {LOWER: budget}]', f"at most {MAX_PATTERN_REPEAT}"),
        ('[{LOWER: managed}, {OP: "{2,}"}, {LOWER: budget}]', "upper bound must be given"),
        ('[{TEXT: {REGEX: "^(a+)+$"}}]', "nested quantifiers"),
        ('[{TEXT: {REGEX: "^(a|aa)*$"}}]', "repeats an alternation"),
        ('[{TEXT: {REGEX: "(a)\\\\1"}}]', "back-reference"),
        ('[{TEXT: {REGEX: ".*a.*b"}}]', "more than one unbounded quantifier"),
        ("[" + ", ".join(["{LOWER: a}"] * 17) + "]", "over the limit of 16"),
    ],
)
def test_lexicon_patterns_that_could_run_for_minutes_are_refused_with_a_clear_message(
    tmp_path: Path, pattern: str, message: str
) -> None:
    path = _pack(tmp_path, pattern)
    started = time.monotonic()
    with pytest.raises(LexiconError, match=re.escape(message)):
        load_lexicon([path], bundled=False)
    result = CliRunner().invoke(main, ["lexicons", "validate", str(path), "--alone"])
    assert result.exit_code == 3 and message in result.stderr and result.stderr.count("\n") == 1
    assert time.monotonic() - started < 30


def test_safe_patterns_and_regexes_pass() -> None:
    assert pattern_problem([{"LOWER": "managed"}, {"OP": "{0,3}"}, {"LOWER": "budget"}]) is None
    assert regex_problem("^[A-Z][a-z]+ing$") is None
    assert regex_problem("(?i)scrum(master)?") is None


def test_a_lexicon_label_with_an_escape_sequence_is_refused(tmp_path: Path) -> None:
    path = _pack(tmp_path, "[{LOWER: managed}]", label='"Evil \\e[31m red"')
    with pytest.raises(LexiconError, match="control character U\\+001B"):
        load_lexicon([path], bundled=False)


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/null"])
def test_lexicon_path_must_be_a_regular_file(tmp_path: Path, special: str) -> None:
    path = special
    if special == "fifo":
        path = str(tmp_path / "pack.yaml")
        os.mkfifo(path)
    started = time.monotonic()
    with pytest.raises(LexiconError, match="not a regular file"):
        load_lexicon([path], bundled=False)
    cv = tmp_path / "cv.txt"
    cv.write_text(ALEX_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(cv), "--lexicon", path])
    assert result.exit_code == 3, result.output
    assert "not a regular file" in result.stderr
    assert time.monotonic() - started < 60


def test_a_lexicon_error_never_quotes_the_files_content(tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:s3cret-token:/root:/bin/bash\ndaemon:x:1:1\n", encoding="utf-8")
    for name in ("s3cret-token", "root:x"):
        with pytest.raises(LexiconError) as info:
            load_lexicon([secret], bundled=False)
        assert name not in str(info.value)
    config = tmp_path / ".resume-check.toml"
    config.write_text(f'lexicons = ["{secret}"]\n', encoding="utf-8")
    cv = tmp_path / "cv.txt"
    cv.write_text(ALEX_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(cv)])
    assert result.exit_code == 3
    assert "s3cret" not in result.output and "root:x" not in result.output


def test_an_unknown_required_term_is_exit_3_naming_it(tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text(ALEX_TEXT, encoding="utf-8")
    (tmp_path / ".resume-check.toml").write_text('required_terms = ["methodology.scrumm"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(cv)])
    assert result.exit_code == 3, result.output
    assert result.stderr.splitlines() == [
        f"resume-check: error: {tmp_path / '.resume-check.toml'}: required_terms: 'methodology.scrumm' is not a "
        "term id of the lexicon; did you mean 'methodology.scrum'?"
    ]
    (tmp_path / ".resume-check.toml").write_text('required_terms = ["methodology"]\n', encoding="utf-8")
    assert CliRunner().invoke(main, ["check", str(cv)]).exit_code in (0, 1)  # a prefix names terms: accepted


def test_a_big_pack_without_aliases_is_refused_with_a_message_about_its_size(tmp_path: Path) -> None:
    head = PACK.split("terms:")[0].format(pattern="", label="x")
    terms = "".join(f"  - {{id: hostile.t{k}, label: Term {k}}}\n" for k in range(50_000))
    path = tmp_path / "big.yaml"
    path.write_text(head + "terms:\n" + terms, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([path], bundled=False)
    message = str(info.value).split(": ", 1)[1]
    assert message == (
        "the pack holds over 200,000 YAML values (keys, strings, lists), more than a lexicon pack may; "
        "split it into smaller packs"
    )
