"""Lexicon loading and validation: precise LexiconError messages, forms, the bundled packs, the schema."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from resume_check.cli import main
from resume_check.errors import LexiconError
from resume_check.lexicon import (
    MAX_PACK_BYTES,
    bundled_pack_names,
    expand_phrase,
    load_lexicon,
    spelling_table,
    term_forms,
)

REPO = Path(__file__).resolve().parent.parent

HEADER = """\
pack:
  id: test-pack
  version: "1.0.0"
  language: en
  description: "A test pack."
  sources:
    - {id: own, name: "Written for the tests", licence: "MIT", url: "https://example.org"}
categories:
  - {id: methodology, label: "Methodologies", weight: 1.5}
terms:
"""

SCRUM = """\
  - id: methodology.scrum
    label: Scrum
    category: methodology
    weight: 3
    aliases: [scrum framework]
    sources: [own]
    examples: ["Ran Scrum ceremonies."]
    counterexamples: ["A scrumptious lunch."]
"""


def write(tmp_path: Path, body: str, name: str = "terms-test.yaml", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + body.rstrip("\n") + "\n", encoding="utf-8")
    return path


def term_yaml(**fields: object) -> str:
    """One term entry in YAML (indented under terms:), from keyword fields; None drops a key."""
    base: dict[str, object] = {"id": "methodology.kanban", "label": "Kanban", "category": "methodology", "weight": 3}
    base.update(fields)
    entry = {k: v for k, v in base.items() if v is not None}
    return textwrap.indent(yaml.safe_dump([entry], sort_keys=False, allow_unicode=True), "  ")


def load_error(tmp_path: Path, body: str, **kwargs: object) -> str:
    path = write(tmp_path, body, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(LexiconError) as info:
        load_lexicon([path], bundled=False)
    return str(info.value)


# ------------------------------------------------------------------------------------------- loading


def test_load_small_pack(tmp_path: Path) -> None:
    path = write(tmp_path, SCRUM)
    lexicon = load_lexicon([path], bundled=False)
    assert [p.id for p in lexicon.packs] == ["test-pack"]
    pack = lexicon.packs[0]
    assert (pack.version, pack.language, pack.path, pack.bundled) == ("1.0.0", "en", str(path), False)
    assert pack.sources[0].licence == "MIT"
    assert pack.terms == ("methodology.scrum",) and pack.categories == ("methodology",)
    scrum = lexicon.term("methodology.scrum")
    assert (scrum.label, scrum.category, scrum.weight, scrum.pack) == ("Scrum", "methodology", 3.0, "test-pack")
    assert scrum.aliases == ("scrum framework",) and scrum.sources == ("own",) and scrum.match_label is True
    assert lexicon.category("methodology").weight == 1.5
    with pytest.raises(KeyError):
        lexicon.term("methodology.nope")


def test_load_is_cached_per_arguments(tmp_path: Path) -> None:
    path = write(tmp_path, SCRUM)
    assert load_lexicon([path], bundled=False) is load_lexicon((str(path),), bundled=False)


def test_focus_narrows_a_pattern_hit_without_matching_alone(tmp_path: Path) -> None:
    from resume_check.matching import build_matcher
    from resume_check.nlp import build_nlp

    pattern = [{"LOWER": "kanban"}, {"LOWER": "and"}, {"LOWER": "scrum"}]
    for focus, expected in ((["kanban"], ["kanban"]), (None, ["kanban and scrum"])):
        body = term_yaml(label="Kanban method", patterns=[pattern], focus=focus)
        lexicon = load_lexicon([write(tmp_path, body)], bundled=False)
        assert lexicon.term("methodology.kanban").focus == tuple(focus or ())
        matcher = build_matcher(build_nlp(), lexicon)
        assert [m.text for m in matcher.match_text("Ran kanban and scrum boards.")] == expected
        assert matcher.match_text("A kanban board.") == ()  # a focus word is no form: alone it finds nothing
        assert [m.text for m in matcher.match_text("The Kanban method.")] == ["Kanban method"]


def test_acronym_shorthand_and_case(tmp_path: Path) -> None:
    body = term_yaml(acronyms=["KB", {"text": "kbn", "case_sensitive": False}])
    term = load_lexicon([write(tmp_path, body)], bundled=False).term("methodology.kanban")
    assert [(a.text, a.case_sensitive) for a in term.acronyms] == [("KB", True), ("kbn", False)]


def test_user_pack_may_use_a_category_of_another_pack(tmp_path: Path) -> None:
    first = write(tmp_path, SCRUM, name="a.yaml")
    header = HEADER.replace("test-pack", "other-pack").replace(
        'categories:\n  - {id: methodology, label: "Methodologies", weight: 1.5}\n', ""
    )
    second = write(tmp_path, term_yaml(), name="b.yaml", header=header)
    lexicon = load_lexicon([first, second], bundled=False)
    assert [t.id for t in lexicon.terms] == ["methodology.scrum", "methodology.kanban"]
    assert lexicon.term("methodology.kanban").pack == "other-pack"


# ------------------------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            term_yaml(weight="high"),
            "entry 1 (methodology.kanban): weight must be a number from 1 to 5, got 'high'",
        ),
        (term_yaml(weight=9), "entry 1 (methodology.kanban): weight must be a number from 1 to 5, got 9"),
        (term_yaml(weight=True), "weight must be a number from 1 to 5, got True"),
        (
            term_yaml(colour="red"),
            "entry 1 (methodology.kanban): unknown key 'colour'; allowed keys: id, label, category, weight,",
        ),
        (term_yaml(alias=["x"]), "unknown key 'alias' (did you mean 'aliases'?)"),
        (term_yaml(label=None), "entry 1 (methodology.kanban): missing required key 'label'"),
        (
            term_yaml(id="delivery.kanban"),
            "entry 1 (delivery.kanban): id prefix 'delivery' must equal the category 'methodology': "
            "rename it methodology.kanban",
        ),
        (
            term_yaml(category="delivery", id="delivery.kanban"),
            "unknown category 'delivery'; define it under 'categories:' (known: methodology)",
        ),
        (term_yaml(id="Methodology.Kanban"), "id must be dotted lower-case words like 'methodology.scrum'"),
        (term_yaml(id="kanban"), "id must be dotted lower-case words"),
        (term_yaml(aliases="kanban board"), "aliases must be a list of strings, got a single string"),
        (term_yaml(aliases=["ok", 3]), "aliases[1] must be a non-empty string, got 3"),
        (term_yaml(match_label="no"), "match_label must be true or false, got 'no'"),
        (term_yaml(sources=["esco"]), "source 'esco' is not declared in pack.sources (declared: own)"),
        (term_yaml(patterns=[{"LOWER": "x"}]), "patterns[0] must be a list of token patterns"),
        (term_yaml(patterns="kanban"), "patterns must be a list of token patterns"),
        (term_yaml(patterns=[[{"LOWERX": "kanban"}]]), "patterns[0] is not a valid spaCy token pattern"),
        (term_yaml(patterns=[[{"LOWER": "kanban", "OP": "?"}]]), "patterns[0] can match zero tokens"),
        (term_yaml(acronyms=[{"text": "K B"}]), "acronyms[0].text must be one word without spaces"),
        (term_yaml(acronyms=[{"text": "KB", "case": True}]), "acronyms[0]: unknown key 'case'"),
        (term_yaml(id="methodology.lean", label="Lean"), "the label 'Lean' is a common word"),
        (term_yaml(aliases=["platform"]), "the form 'platform' is a common word"),
        (term_yaml(aliases=["R"]), "the form 'R' is a common word"),
        (term_yaml(acronyms=["C"]), "the acronym 'C' would match ordinary text"),
        (term_yaml(acronyms=["Go"]), "the acronym 'Go' would match ordinary text"),
        (term_yaml(match_label=False), "this term can never match"),
        (term_yaml(aliases=["x" * 130]), "is over 120 characters"),
        (term_yaml(focus=["kanban board"]), "focus narrows pattern hits: give the term patterns, or drop focus"),
        (term_yaml(focus="board", patterns=[[{"LOWER": "kanban"}]]), "focus must be a list of strings"),
    ],
)
def test_bad_entries_name_file_entry_and_fix(tmp_path: Path, body: str, message: str) -> None:
    text = load_error(tmp_path, body)
    assert text.startswith(str(tmp_path / "terms-test.yaml") + ", ")
    assert message in text


def test_entry_index_is_one_based_and_counts_entries(tmp_path: Path) -> None:
    body = SCRUM + term_yaml(weight=0)
    assert "terms-test.yaml, entry 2 (methodology.kanban): weight must be a number from 1 to 5, got 0" in load_error(
        tmp_path, body
    )


def test_duplicate_term_id_across_packs(tmp_path: Path) -> None:
    first = write(tmp_path, SCRUM, name="a.yaml")
    header = HEADER.replace("test-pack", "pack-b").replace("id: methodology,", "id: delivery,")
    second = write(tmp_path, SCRUM, name="b.yaml", header=header)
    with pytest.raises(LexiconError) as info:
        load_lexicon([first, second], bundled=False)
    assert str(info.value) == (
        f"{second}, entry 1 (methodology.scrum): term id 'methodology.scrum' is already defined in {first}; "
        "ids must be unique"
    )


def test_duplicate_category_and_pack_ids(tmp_path: Path) -> None:
    first = write(tmp_path, SCRUM, name="a.yaml")
    second = write(tmp_path, "", name="b.yaml", header=HEADER.replace("test-pack", "pack-b"))
    with pytest.raises(LexiconError) as info:
        load_lexicon([first, second], bundled=False)
    assert str(info.value) == (
        f"{second}, category entry 1 (methodology): category 'methodology' is already defined in {first}; "
        "define each category once and refer to it by id"
    )
    third = write(tmp_path, "", name="c.yaml")
    with pytest.raises(LexiconError) as info:
        load_lexicon([first, third], bundled=False)
    assert str(info.value) == (
        f"{third}, pack: pack id 'test-pack' is already used by {first}; give each pack its own id"
    )


def test_same_form_in_two_terms(tmp_path: Path) -> None:
    body = SCRUM + term_yaml(aliases=["Scrum Framework"])
    assert load_error(tmp_path, body).endswith(
        "entry 2 (methodology.kanban): the form 'scrum framework' is also a form of methodology.scrum; "
        "a phrase may belong to one term only (remove it from one of them)"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("pack: [unclosed\n", "invalid YAML at line 2, column 1"),
        ("", "the file is empty"),
        (
            "- just\n- a list\n",
            "not a lexicon pack: the top level must be a mapping with 'pack', 'categories' and 'terms'",
        ),
        ("terms: []\n", "missing the 'pack:' header"),
        ("pack: {}\nextra: 1\n", "unknown top-level key 'extra'"),
        (HEADER.replace('version: "1.0.0"', "version: 1.0") + "  []\n", "version must be a non-empty string"),
        (HEADER.replace("  sources:\n    - {id: own", "  sourcesx:\n    - {id: own"), "pack: unknown key 'sourcesx'"),
        (HEADER.replace("weight: 1.5}", "weight: 20}"), "category entry 1 (methodology): weight must be a number"),
        ("pack: &a [*a]\n", "a YAML alias refers to itself (line 1); remove the recursion"),
    ],
)
def test_bad_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([path], bundled=False)
    assert str(info.value).startswith(f"{path}")
    assert message in str(info.value)


def test_billion_laughs_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bomb.yaml: the YAML expands to over 200,000 values through anchors"):
        load_lexicon([path], bundled=False)


def test_anchors_and_aliases_within_the_cap_are_fine(tmp_path: Path) -> None:
    body = term_yaml(aliases=["kanban board"]).replace("- kanban board", "- &board kanban board") + term_yaml(
        id="methodology.kanban_method", label="Kanban method", examples=["x"]
    ).replace("- x", "- *board")
    lexicon = load_lexicon([write(tmp_path, body)], bundled=False)
    assert lexicon.term("methodology.kanban_method").examples == ("kanban board",)


def test_size_limit_missing_file_directory_and_encoding(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_PACK_BYTES + 1))
    with pytest.raises(LexiconError, match=r"over the 5,242,880-byte limit; split it into smaller packs"):
        load_lexicon([big], bundled=False)
    with pytest.raises(LexiconError, match="lexicon pack not found; check the path given to --lexicon"):
        load_lexicon([tmp_path / "nope.yaml"], bundled=False)
    with pytest.raises(LexiconError, match="is a directory"):
        load_lexicon([tmp_path], bundled=False)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("pack: {id: caf\xe9}\n".encode("latin-1"))
    with pytest.raises(LexiconError, match=r"latin.yaml: not UTF-8 text \(byte 14\); save the pack as UTF-8"):
        load_lexicon([latin], bundled=False)


# ------------------------------------------------------------------------------------------- forms


def test_spelling_table_pairs() -> None:
    table = spelling_table()
    assert set(table["organisation"]) == {"organisation", "organization"}
    assert set(table["analyze"]) == {"analyse", "analyze"}
    assert set(table["programme"]) == {"program", "programme"}
    assert "check" not in table and "practice" not in table  # sense-specific pairs left out


def test_expand_phrase_spelling_and_hyphens() -> None:
    assert set(expand_phrase("organisational change")) == {
        "organisational change",
        "organizational change",
        "organisational-change",
        "organizational-change",
    }
    assert expand_phrase("kick-off") == ("kick-off", "kick off", "kickoff")
    assert expand_phrase("kick off") == ("kick off", "kick-off")
    assert expand_phrase("Scrum") == ("Scrum",)
    assert expand_phrase("end-to-end testing") == ("end-to-end testing", "end to end testing", "endtoend testing")
    assert "programme management office" in expand_phrase("program management office")


def test_term_forms(tmp_path: Path) -> None:
    body = term_yaml(
        label="Kanban board",
        aliases=["kanban method"],
        variants=["kanban-board"],
        acronyms=["KB", {"text": "kbd", "case_sensitive": False}],
    )
    term = load_lexicon([write(tmp_path, body)], bundled=False).term("methodology.kanban")
    phrases, exact = term_forms(term)
    # variants duplicating a generated form (case-insensitively) are listed once, at their first place
    assert phrases == ("Kanban board", "Kanban-board", "kanban method", "kanban-method", "kanbanboard", "kbd")
    assert exact == ("KB",)


def test_match_label_false_drops_the_label(tmp_path: Path) -> None:
    body = term_yaml(id="methodology.lean", label="Lean", match_label=False, aliases=["lean thinking"])
    term = load_lexicon([write(tmp_path, body)], bundled=False).term("methodology.lean")
    assert term_forms(term) == (("lean thinking", "lean-thinking"), ())


# ------------------------------------------------------------------------------------------- bundled packs


def test_bundled_packs_exist_and_load() -> None:
    names = bundled_pack_names()
    assert names, "no lexicons/terms-*.yaml found"
    assert all(n.startswith("terms-") and n.endswith(".yaml") for n in names)
    lexicon = load_lexicon()
    assert sorted(p.path for p in lexicon.packs) == sorted(names)
    assert all(p.bundled for p in lexicon.packs)
    assert len(lexicon.terms) == sum(len(p.terms) for p in lexicon.packs)
    for pack in lexicon.packs:
        assert pack.sources, f"{pack.path} cites no sources"


@pytest.mark.parametrize("name", bundled_pack_names())
def test_bundled_pack_matches_json_schema(name: str) -> None:
    schema = json.loads((REPO / "lexicons" / "lexicon.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    data = yaml.safe_load((REPO / "lexicons" / name).read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(data)]
    assert errors == []


def test_schema_rejects_what_the_loader_rejects() -> None:
    schema = json.loads((REPO / "lexicons" / "lexicon.schema.json").read_text(encoding="utf-8"))
    pack = yaml.safe_load(HEADER + term_yaml(weight=9))
    assert not jsonschema.Draft7Validator(schema).is_valid(pack)
    pack = yaml.safe_load(HEADER + term_yaml(colour="red"))
    assert not jsonschema.Draft7Validator(schema).is_valid(pack)
    pack = yaml.safe_load(HEADER + term_yaml())
    assert jsonschema.Draft7Validator(schema).is_valid(pack)


def test_bundled_terms_have_examples_and_counterexamples() -> None:
    lexicon = load_lexicon()
    lacking = [t.id for t in lexicon.terms if not t.examples or not t.counterexamples]
    assert lacking == []


def test_only_terms_files_are_bundled_packs() -> None:
    others = {p.name for p in (REPO / "lexicons").glob("*.yaml")} - set(bundled_pack_names())
    assert all(not n.startswith("terms-") for n in others)


# ------------------------------------------------------------------------------------------- CLI

CLI_PACK = (
    HEADER
    + SCRUM
    + term_yaml(
        id="methodology.safe",
        label="Scaled Agile Framework",
        weight=4,
        acronyms=["SAFe"],
        examples=["Rolled out SAFe."],
        counterexamples=["Kept it safe."],
    )
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_cli_list_own_pack(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, CLI_PACK.split("terms:\n", 1)[1])
    result = runner.invoke(main, ["lexicons", "list", "--no-bundled", "--lexicon", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"test-pack 1.0.0 (en): 2 terms, 1 category - {path}\n"
        "  A test pack.\n"
        "  source own: Written for the tests [MIT] https://example.org\n"
        "Total: 1 pack, 2 terms, 1 categories\n"
    )


def test_cli_list_bundled(runner: CliRunner) -> None:
    result = runner.invoke(main, ["lexicons", "list"])
    assert result.exit_code == 0, result.output
    lexicon = load_lexicon()
    headers = [line for line in result.output.splitlines() if not line.startswith(" ")]
    assert headers == [
        *(
            f"{p.id} {p.version} ({p.language}): {len(p.terms)} terms, {len(p.categories)} "
            f"{'category' if len(p.categories) == 1 else 'categories'} - {p.path}"
            for p in lexicon.packs
        ),
        f"Total: {len(lexicon.packs)} packs, {len(lexicon.terms)} terms, {len(lexicon.categories)} categories",
    ]
    assert [p.path for p in lexicon.packs] == list(bundled_pack_names())
    assert len(lexicon.packs) >= 1


def test_cli_show_term(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, CLI_PACK.split("terms:\n", 1)[1])
    result = runner.invoke(main, ["lexicons", "show", "methodology.safe", "--no-bundled", "--lexicon", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "term methodology.safe: Scaled Agile Framework\n"
        "  category: methodology (Methodologies), weight 4\n"
        f"  pack: test-pack 1.0.0 ({path})\n"
        "  label matched: yes\n"
        "  acronyms: SAFe (exact case)\n"
        "  forms matched (any case, and their inflections): Scaled Agile Framework\n"
        "  forms matched (exact case): SAFe\n"
        "  examples (must match):\n"
        "    + Rolled out SAFe.\n"
        "  counterexamples (must not match):\n"
        "    - Kept it safe.\n"
    )


def test_cli_show_category_and_pack(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, CLI_PACK.split("terms:\n", 1)[1])
    args = ["--no-bundled", "--lexicon", str(path)]
    result = runner.invoke(main, ["lexicons", "show", "methodology", *args])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "category methodology: Methodologies\n"
        "  weight: 1.5\n"
        "  terms (2, by weight):\n"
        "    4  methodology.safe  Scaled Agile Framework\n"
        "    3  methodology.scrum  Scrum\n"
    )
    result = runner.invoke(main, ["lexicons", "show", "test-pack", *args])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"pack test-pack 1.0.0 (en) - {path}\n"
        "  A test pack.\n"
        "  source own: Written for the tests [MIT] https://example.org\n"
        "  categories: methodology\n"
        "  terms: 2\n"
    )


def test_cli_show_unknown_id_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, CLI_PACK.split("terms:\n", 1)[1])
    result = runner.invoke(main, ["lexicons", "show", "methodology.scrumm", "--no-bundled", "--lexicon", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for ID: no term, category or pack with id 'methodology.scrumm'. "
        "Did you mean: methodology.scrum, methodology.safe, methodology?"
    )


def test_cli_validate_ok(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, CLI_PACK.split("terms:\n", 1)[1])
    result = runner.invoke(main, ["lexicons", "validate", "--alone", str(path)])
    assert (result.exit_code, result.output) == (0, "OK: 2 terms\n")


def test_cli_validate_bad_pack_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, term_yaml(weight="high"))
    result = runner.invoke(main, ["lexicons", "validate", "--alone", str(path)])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        f"resume-check: error: {path}, entry 1 (methodology.kanban): weight must be a number from 1 to 5, got 'high'\n"
    )


def test_cli_validate_failing_examples_exit_3(runner: CliRunner, tmp_path: Path) -> None:
    body = term_yaml(examples=["Moved to kanban."], counterexamples=["Kanban boards everywhere."])
    body += term_yaml(id="methodology.flow", label="flow metrics", examples=["Tracked cycle time."])
    path = write(tmp_path, body)
    result = runner.invoke(main, ["lexicons", "validate", "--alone", str(path)])
    assert result.exit_code == 3
    assert result.stderr == (
        "resume-check: error: 2 example(s) behave wrongly; fix the term's forms or patterns, or the example:\n"
        "  methodology.kanban: counterexample 'Kanban boards everywhere.' matches it at 'Kanban'\n"
        "  methodology.flow: example 'Tracked cycle time.' does not match it (found: nothing)\n"
    )


def test_cli_validate_missing_file_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["lexicons", "validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 3
    assert result.stderr == (
        f"resume-check: error: {tmp_path / 'nope.yaml'}: lexicon pack not found; check the path given to --lexicon\n"
    )


def test_cli_validate_needs_a_path(runner: CliRunner) -> None:
    result = runner.invoke(main, ["lexicons", "validate"])
    assert result.exit_code == 2
    assert "Missing argument 'PATH...'" in result.stderr


@pytest.mark.parametrize("command", [[], ["list"], ["show"], ["validate"]])
def test_cli_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(main, ["lexicons", *command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_importing_does_not_import_spacy() -> None:
    """spaCy is imported inside functions, so ``resume-check --help`` stays fast."""
    import subprocess
    import sys

    code = (
        "import sys, resume_check.cli, resume_check.lexicon, resume_check.matching, resume_check.nlp\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "[]\n"


def test_the_bundled_packs_pass_the_alias_walk_that_loading_them_skips() -> None:
    """Bundled packs are loaded without walking their anchors and aliases (they ship with the code): this walks
    every one of them, as a user's pack is walked on every load."""
    from resume_check import lexicon

    names = lexicon.bundled_pack_names()
    assert len(names) >= 10
    walked = 0
    for name, text in lexicon._read_bundled():
        loader = lexicon._Loader(text)
        try:
            lexicon._check_expansion(loader.get_single_node(), name)
            walked += 1
        finally:
            loader.dispose()
    assert walked == len(names)
