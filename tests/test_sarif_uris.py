"""SARIF artifactLocation.uri: an RFC 3986 URI reference that names the file itself, whatever its name holds (``%``,
spaces, ``#``, non-ASCII letters, bytes that are not UTF-8), and decodes back to it."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from hypothesis import given
from hypothesis import strategies as st

from resume_check.cli import main
from resume_check.render.sarif import artifact_uri

#: RFC 3986 section 3.3: a path is segments of pchar (unreserved, pct-encoded, sub-delims, ":" and "@") and "/"
_PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-F]{2})"
#: relative-ref with an empty authority (4.2): path-noscheme (no ":" in the first segment) or path-absolute
RELATIVE = re.compile(
    rf"(?:(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-F]{{2}})+(?:/{_PCHAR}*)*|/(?:{_PCHAR}+(?:/{_PCHAR}*)*)?)"
)
#: a file URI (RFC 8089) with an empty authority: "file://" + path-absolute
FILE_URI = re.compile(rf"file:///{_PCHAR}*(?:/{_PCHAR}*)*")


def decoded(uri: str) -> str:
    """The path a URI reference from artifact_uri names (the bytes it percent-encodes, as the OS decodes them)."""
    return os.fsdecode(unquote_to_bytes(uri.removeprefix("file://")))


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("100% done.md", "100%25%20done.md"),
        ("cv #2?.pdf", "cv%20%232%3F.pdf"),
        ("Zoë Ødegård.pdf", "Zo%C3%AB%20%C3%98deg%C3%A5rd.pdf"),
        (os.fsdecode(b"caf\xe9.md"), "caf%E9.md"),  # not UTF-8 (a Windows zip's Latin-1 name): its own byte
        ("a:b.pdf", "a%3Ab.pdf"),  # a colon in the first segment would read as a scheme
        ("./cvs/%41.md", "cvs/%2541.md"),  # a literal %41 is not the letter A
        ("/tmp/a b/caf\u00e9.pdf", "file:///tmp/a%20b/caf%C3%A9.pdf"),
    ],
)
def test_uris_are_percent_encoded_bytes_of_the_name(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri
    assert (FILE_URI if uri.startswith("file:") else RELATIVE).fullmatch(uri)
    assert decoded(uri) == path.removeprefix("./")


SEGMENT = st.binary(min_size=1, max_size=12).filter(lambda b: not {47, 0, 92} & set(b) and b not in (b".", b".."))


@given(st.lists(SEGMENT, min_size=1, max_size=4), st.booleans())
def test_any_name_gives_a_valid_uri_that_round_trips(segments: list[bytes], absolute: bool) -> None:
    raw = (b"/" if absolute else b"") + b"/".join(segments)  # no "/", NUL or backslash inside a name
    path = os.fsdecode(raw)
    uri = artifact_uri(path)
    assert (FILE_URI if absolute else RELATIVE).fullmatch(uri), uri
    assert unquote_to_bytes(uri.removeprefix("file://")) == raw


def test_check_sarif_names_each_file_so_it_can_be_opened(tmp_path: Path) -> None:
    import jsonschema

    text = (SAMPLES / "alex-morgan.txt").read_text(encoding="utf-8")
    names = ["100% done.md", "cv #2 (final).md", "Zoë Ødegård.md", os.fsdecode(b"caf\xe9 r\xe9sum\xe9.md")]
    for name in names:
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = [str(tmp_path / name) for name in names]
    out = tmp_path / "report.sarif"
    result = CliRunner().invoke(main, ["check", *files, "--format", "sarif", "--fail-under", "99", "-o", str(out)])
    assert result.exit_code == 1, result.output  # the gate fails (a result per file), nothing crashes
    doc = json.loads(out.read_text(encoding="utf-8"))
    schema_path = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=str) == []
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]}
    assert len(uris) == len(names)
    for uri in uris:
        assert FILE_URI.fullmatch(uri), uri
        assert Path(decoded(uri)).read_text(encoding="utf-8") == text  # names the file itself
    assert {decoded(uri) for uri in uris} == set(files)
    assert "caf%E9%20r%E9sum%E9.md" in "".join(uris) and "100%25%20done.md" in "".join(uris)


def test_a_relative_name_stays_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "my cv%.md").write_text((SAMPLES / "alex-morgan.txt").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "my cv%.md", "--format", "sarif", "--fail-under", "99"])
    assert result.exit_code == 1, result.output
    uri = json.loads(result.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "my%20cv%25.md"} and Path(decoded(uri["uri"])).exists()
