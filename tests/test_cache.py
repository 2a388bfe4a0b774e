"""The disk cache of compiled lexicons and matchers: same results as a fresh build, never stale, never fatal."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from resume_check.analysis import analyse_document, build_engine
from resume_check.cli import main
from resume_check.config import Settings
from resume_check.extract import extract
from resume_check.matching import TermMatcher, check_examples
from resume_check.runtime import cache

PACK = """\
pack:
  id: cache-test
  version: "1"
  language: en
  description: a pack for the cache tests
  sources:
    - {id: own, name: Own work, licence: CC0-1.0, url: "https://example.org"}
categories:
  - {id: cachetest, label: Cache test}
terms:
  - id: cachetest.widget
    label: widget wrangling
    category: cachetest
    weight: 3
    sources: [own]
    examples: ["Led widget wrangling for a year."]
    counterexamples: ["A widget."]
"""

@pytest.fixture(autouse=True)
def _fresh_memo() -> None:
    """The in-process memo of loaded entries would hide what the disk cache does."""
    cache.forget_loaded()


def test_second_engine_comes_from_the_cache_and_behaves_the_same(tmp_path: Path) -> None:
    built = build_engine(Settings(cache_dir=str(tmp_path)))
    assert not built.matcher.stats.from_cache
    assert len(cache.entries(tmp_path)) == 1
    cache.forget_loaded()
    loaded = build_engine(Settings(cache_dir=str(tmp_path)))
    assert loaded.matcher.stats.from_cache
    assert loaded.matcher is not built.matcher
    # same lexicon, same patterns, and every term's examples and counterexamples still behave
    assert [t.id for t in loaded.lexicon.terms] == [t.id for t in built.lexicon.terms]
    assert loaded.matcher.stats.phrase_patterns == built.matcher.stats.phrase_patterns
    assert loaded.matcher.stats.lemma_patterns == built.matcher.stats.lemma_patterns
    assert loaded.matcher.stats.token_patterns == built.matcher.stats.token_patterns
    assert check_examples(loaded.matcher) == ()
    for name in ("alex-morgan.pdf", "alex-morgan.docx", "sam-taylor.txt"):
        document = extract(SAMPLES / name)
        assert analyse_document(document, loaded) == analyse_document(document, built)


def test_a_state_round_trips_through_pickle(tmp_path: Path) -> None:
    engine = build_engine(Settings())
    matcher = engine.matcher
    assert isinstance(matcher, TermMatcher)
    state = pickle.loads(pickle.dumps(matcher.state()))
    again = TermMatcher(matcher.nlp, engine.lexicon, state)
    text = "Managed a £2.5m budget; kicked off the programme; C#, .NET and CI/CD; grade C in R&D; a lean team."
    assert again.match_text(text) == matcher.match_text(text)
    assert again.match_text(text)  # the sentence does hold terms: the comparison is not between two empties


def test_the_key_changes_when_a_pack_changes(tmp_path: Path) -> None:
    pack = tmp_path / "extra.yaml"
    pack.write_text(PACK, encoding="utf-8")
    settings = Settings(lexicons=(str(pack),), cache_dir=str(tmp_path / "cache"))
    first = cache.entry_key(settings.lexicons)
    assert first == cache.entry_key(settings.lexicons)
    pack.write_text(PACK.replace("widget wrangling", "gadget wrangling"), encoding="utf-8")
    assert cache.entry_key(settings.lexicons) != first
    assert cache.entry_key(()) != first  # without the extra pack


def test_an_edited_pack_is_never_served_stale(tmp_path: Path) -> None:
    pack = tmp_path / "extra.yaml"
    pack.write_text(PACK, encoding="utf-8")
    settings = Settings(lexicons=(str(pack),), cache_dir=str(tmp_path / "cache"))
    assert build_engine(settings).lexicon.term("cachetest.widget").label == "widget wrangling"
    cache.forget_loaded()
    pack.write_text(PACK.replace("label: widget wrangling", "label: gadget wrangling"), encoding="utf-8")
    engine = build_engine(settings)
    assert engine.lexicon.term("cachetest.widget").label == "gadget wrangling"
    assert not engine.matcher.stats.from_cache


def test_a_corrupt_entry_is_a_miss_and_is_rebuilt(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path))
    key = cache.entry_key(settings.lexicons)
    assert key is not None
    cache.entry_path(tmp_path, key).write_bytes(b"not a pickle at all")
    engine = build_engine(settings)
    assert not engine.matcher.stats.from_cache
    assert check_examples(engine.matcher, ["methodology.scrum"]) == ()
    assert isinstance(cache.load(tmp_path, key), tuple)  # rewritten


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")  # mkdir fails under it, even for root
    engine = build_engine(Settings(cache_dir=str(blocker / "sub")))
    assert engine.matcher.stats.terms > 300
    assert not engine.matcher.stats.from_cache
    assert check_examples(engine.matcher, ["methodology.scrum", "commercial.budget_management"]) == ()


def test_store_reports_an_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert cache.store(blocker / "sub", "k", {"a": 1}) is False  # a file stands where the folder should be
    assert cache.store(tmp_path / "ok", "k", {"a": 1}) is True
    assert cache.load(tmp_path / "ok", "k") == {"a": 1}
    assert (tmp_path / "ok").stat().st_mode & 0o077 == 0  # private to the user


def test_fingerprint_separates_parts() -> None:
    assert cache.fingerprint(["ab", "c"]) != cache.fingerprint(["a", "bc"])
    assert cache.fingerprint([b"x"]) == cache.fingerprint(["x"])


def test_cli_check_writes_the_cache_and_gives_the_same_report(tmp_path: Path) -> None:
    runner = CliRunner()
    sample = str(SAMPLES / "alex-morgan.txt")
    env = {"RESUME_CHECK_CACHE_DIR": str(tmp_path), "NO_COLOR": "1"}
    first = runner.invoke(main, ["check", sample, "--format", "json"], env=env)
    assert first.exit_code == 0, first.output
    assert len(cache.entries(tmp_path)) == 1
    cache.forget_loaded()
    second = runner.invoke(main, ["check", sample, "--format", "json"], env=env)
    off = runner.invoke(main, ["check", sample, "--format", "json"], env={"RESUME_CHECK_CACHE_DIR": ""})
    assert second.exit_code == off.exit_code == 0
    assert first.output == second.output == off.output


def test_cli_cache_command_shows_and_clears(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"RESUME_CHECK_CACHE_DIR": str(tmp_path)}
    build_engine(Settings(cache_dir=str(tmp_path)))
    shown = runner.invoke(main, ["cache"], env=env)
    assert shown.exit_code == 0
    assert shown.output.startswith(f"cache: {tmp_path}: 1 entries, ")
    cleared = runner.invoke(main, ["cache", "--clear"], env=env)
    assert cleared.output == f"cache: {tmp_path}: removed 1 entries\n"
    assert cache.entries(tmp_path) == []
    off = runner.invoke(main, ["cache"], env={"RESUME_CHECK_CACHE_DIR": ""})
    assert off.output == "cache: off (RESUME_CHECK_CACHE_DIR is empty)\n"
