"""The one YAML loader (resume_check.datafile) and the vocabulary files it checks against their schema."""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from resume_check import datafile
from resume_check.ats import load_cliches
from resume_check.cli import main
from resume_check.datafile import (
    MAX_DEPTH,
    VOCABULARY_SCHEMA,
    check_vocabulary,
    parse_yaml,
    read_bundled_yaml,
    read_vocabulary,
    vocabulary_schema,
)
from resume_check.errors import LexiconError
from resume_check.metrics import cue_dimensions, find_metrics

REPO = Path(__file__).resolve().parent.parent
LEXICONS = REPO / "lexicons"
#: the bundled vocabulary files: word tables the analysis reads, each with a definition in the schema
VOCABULARY_FILES = ("metrics.yaml", "statements.yaml")


def schema_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LEXICONS / VOCABULARY_SCHEMA).read_text(encoding="utf-8"))
    return data


def good(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((LEXICONS / name).read_text(encoding="utf-8"))
    return data


# ------------------------------------------------------------------------------------------------ the schema


@pytest.mark.parametrize("name", VOCABULARY_FILES)
def test_every_vocabulary_file_validates_against_the_schema(name: str) -> None:
    """The schema is checked with a JSON Schema validator here, and by the loader's own checker at run time."""
    schema = schema_json()
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator({**schema, "$ref": f"#/definitions/{name}"})
    errors = sorted(validator.iter_errors(good(name)), key=str)
    assert not errors, [e.message for e in errors]
    assert read_vocabulary(name)["id"] == name.removesuffix(".yaml")


def test_every_vocabulary_file_in_the_schema_is_bundled_and_tested() -> None:
    defined = {k for k in schema_json()["definitions"] if k.endswith(".yaml")}
    assert defined == set(VOCABULARY_FILES)
    bundled = importlib.resources.files("resume_check.lexicons")
    assert all(bundled.joinpath(name).is_file() for name in defined)
    assert bundled.joinpath(VOCABULARY_SCHEMA).is_file()


def _keywords(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            if key in ("properties", "definitions"):
                for child in value.values():
                    yield from _keywords(child)
            elif key != "enum":
                yield from _keywords(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keywords(item)


def test_the_schema_uses_only_keywords_the_loader_checks() -> None:
    """The run-time checker implements a subset of JSON Schema: a keyword outside it would be silently ignored."""
    implemented = {
        "$ref",
        "type",
        "enum",
        "minLength",
        "items",
        "minItems",
        "uniqueItems",
        "properties",
        "required",
        "additionalProperties",
        "propertyNames",
        "minProperties",
    }
    annotations = {"$schema", "$id", "title", "description", "definitions"}
    used = set(_keywords(schema_json())) - set(schema_json()["definitions"])
    used -= {k for d in schema_json()["definitions"].values() for k in d.get("properties", {})}
    assert used - annotations <= implemented, used - annotations - implemented


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("metrics.yaml", lambda d: d.pop("rate_words"), r"metrics\.yaml, key 'rate_words': is missing"),
        ("metrics.yaml", lambda d: d.update(rate_words="uptime"), r"metrics\.yaml, key 'rate_words': must be a list"),
        (
            "metrics.yaml",
            lambda d: d["count_nouns"].update(money=["pounds"]),
            r"metrics\.yaml, key 'count_nouns\.money': must be one of budget, schedule, scope, team, quality",
        ),
        (
            "metrics.yaml",
            lambda d: d["count_nouns"]["team"].append(""),
            r"metrics\.yaml, key 'count_nouns\.team\[\d+\]': must not be empty",
        ),
        (
            "metrics.yaml",
            lambda d: d["labels"].append("phase"),
            r"metrics\.yaml, key 'labels': lists 'phase' twice; keep one",
        ),
        ("metrics.yaml", lambda d: d.update(unit_words=["day"]), r"metrics\.yaml, key 'unit_words': unknown key"),
        (
            "statements.yaml",
            lambda d: d["job_nouns"].append(7),
            r"statements\.yaml, key 'job_nouns\[\d+\]': must be a string, got int 7",
        ),
        ("statements.yaml", lambda d: d.update(determiners=[]), r"statements\.yaml, key 'determiners': must list"),
    ],
)
def test_a_malformed_vocabulary_file_is_a_lexicon_error_naming_the_file_and_key(
    name: str, change: Any, message: str
) -> None:
    data = good(name)
    change(data)
    with pytest.raises(LexiconError, match=message):
        check_vocabulary(data, name)


def test_a_malformed_bundled_vocabulary_file_stops_loading_with_the_file_and_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through the real reader: the file is read, parsed and checked, and the error names file and key."""
    broken = good("statements.yaml")
    broken["lead_in_words"] = {"as": True}
    monkeypatch.setattr(datafile, "read_bundled_yaml", lambda name: broken)
    read_vocabulary.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"statements\.yaml, key 'lead_in_words': must be a list, got a mapping"):
            read_vocabulary("statements.yaml")
    finally:
        read_vocabulary.cache_clear()


def test_an_error_quotes_at_most_a_short_token_of_the_file() -> None:
    data = good("metrics.yaml")
    data["labels"] = 12345678901234567890123456789012345678901234567890
    with pytest.raises(LexiconError) as info:
        check_vocabulary(data, "metrics.yaml")
    assert "int 123456789012345678901234567..." in str(info.value)
    assert "12345678901234567890123456789012345678901234567890" not in str(info.value)


def test_a_file_without_a_definition_is_refused() -> None:
    with pytest.raises(LexiconError, match=r"other\.yaml: no definition in vocabulary\.schema\.json"):
        check_vocabulary({"id": "other"}, "other.yaml")


def test_the_schema_is_read_once_per_process() -> None:
    assert vocabulary_schema() is vocabulary_schema()
    assert read_vocabulary("metrics.yaml") is read_vocabulary("metrics.yaml")


# ------------------------------------------------------------------------------------------------ the data is used


def test_the_metric_words_come_from_the_vocabulary_file() -> None:
    """Each table drives the behaviour it names (a word removed from the file would change these results)."""
    vocab = read_vocabulary("metrics.yaml")
    assert "engineers" in vocab["count_nouns"]["team"] and "tenders" in vocab["count_nouns"]["budget"]
    metric = find_metrics("Led 12 engineers across 3 sites")[0]
    assert (metric.text, metric.kind, metric.measures) == ("12 engineers", "count", "team")
    assert [m.text for m in find_metrics("Upgraded 40 servers to Windows 11 in 2021")] == ["40 servers"]
    assert [m.kind for m in find_metrics("Kept 99.9% uptime")] == ["rate"]
    assert "uptime" in vocab["rate_words"] and "Windows(?: Server)?" in vocab["products"]
    assert "lead time" in vocab["cue_pairs"]["schedule"]
    assert cue_dimensions("cut the lead time") == ("schedule",)
    assert find_metrics("Delivered a week early") and "early" in vocab["early_words"]


def test_british_and_american_spellings_stay_in_the_vocabulary() -> None:
    metrics = read_vocabulary("metrics.yaml")
    statements = read_vocabulary("statements.yaml")
    assert "organi[sz]ations" in metrics["count_nouns"]["scope"] and "licen[cs]es" in metrics["count_nouns"]["scope"]
    assert {"utilisation", "utilization"} <= set(metrics["cue_words"]["team"])
    assert {"licensing", "licencing"} <= set(metrics["cue_words"]["budget"])
    assert {"organised", "organized"} <= set(statements["adjectival_participles"])
    assert {"programme", "program"} <= set(statements["pm_title_areas"])
    assert {"coordinator", "co-ordinator"} <= set(statements["pm_title_roles"])
    assert [m.text for m in find_metrics("Onboarded 30 organisations and 20 organizations")] == [
        "30 organisations",
        "20 organizations",
    ]


# ------------------------------------------------------------------------------------------------ one loader


def test_every_bundled_yaml_file_passes_the_bounds_that_bundled_loading_skips() -> None:
    """Bundled files are parsed without the alias and depth walk (they ship with the code): walk every one here."""
    root = importlib.resources.files("resume_check.lexicons")
    names = [p.name for p in root.iterdir() if p.name.endswith(".yaml")]
    names += [f"roles/{p.name}" for p in root.joinpath("roles").iterdir() if p.name.endswith(".yaml")]
    assert len(names) >= 25
    for name in names:
        assert parse_yaml(root.joinpath(name).read_text(encoding="utf-8"), name) is not None, name


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    deep = "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2)
    with pytest.raises(LexiconError, match=rf"deep\.yaml: the YAML nests over {MAX_DEPTH} levels deep"):
        parse_yaml(deep, "deep.yaml")
    shallow = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse_yaml(shallow, "ok.yaml") == json.loads(shallow)


def test_a_bundled_file_that_is_not_a_mapping_means_a_broken_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datafile, "read_bundled_text", lambda name: "- a\n- b\n")
    with pytest.raises(LexiconError, match=r"x\.yaml: must be a mapping at the top level; reinstall resume-check"):
        read_bundled_yaml("x.yaml")


def test_a_users_cliche_list_goes_through_the_bounded_loader(tmp_path: Path) -> None:
    bomb = tmp_path / "cliches.yaml"
    bomb.write_text(
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdef", "bcdefg", strict=True))
        + "entries: []\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"cliches\.yaml: the YAML expands to over 200,000 values"):
        load_cliches(str(bomb))
    missing = tmp_path / "nope.yaml"
    with pytest.raises(LexiconError, match=r"nope\.yaml: cliché list not found"):
        load_cliches(str(missing))
    fine = tmp_path / "ok.yaml"
    fine.write_text("entries:\n  - {id: go-getter, phrases: [go-getter], suggestion: Show it.}\n", encoding="utf-8")
    assert [c.id for c in load_cliches(str(fine))] == ["go-getter"]


def test_a_role_profile_goes_through_the_bounded_loader(tmp_path: Path) -> None:
    profile = tmp_path / "deep.yaml"
    profile.write_text("profile: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n", encoding="utf-8")
    cv = REPO / "samples" / "alex-morgan.md"
    result = CliRunner().invoke(main, ["check", str(cv), "--role", str(profile)])
    assert result.exit_code == 3, result.output
    assert "levels deep" in result.stderr and "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_readme_limits_table_states_the_yaml_bounds() -> None:
    from resume_check.targets.roles import MAX_PROFILE_BYTES

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| lexicon pack |"))
    assert f"YAML nested at most {MAX_DEPTH} deep" in row
    assert f"{datafile.MAX_EXPANDED_NODES:,} YAML values" in row and f"{datafile.MAX_DATA_BYTES // 2**20} MiB" in row
    assert f"a role profile {MAX_PROFILE_BYTES // 1024} KiB" in row
