"""Config files: find and read ``.resume-check.toml`` or ``[tool.resume-check]`` in ``pyproject.toml`` into Settings.

Discovery walks up from the résumé's folder to the filesystem root; in each folder ``.resume-check.toml`` wins over
``pyproject.toml`` (which counts only when it has a ``[tool.resume-check]`` table). ``--config PATH`` skips discovery.

Precedence, lowest first: built-in defaults, the config's top-level keys, each ``[[overrides]]`` whose ``files`` glob
matches the résumé (in file order), then command-line options. In overrides, list keys (``disable``, ``enable``,
``required_terms``, ``forbidden_phrases``, ``lexicons``) add to the lists above them; other keys replace.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from ..budgets import MAX_CONFIG_BYTES, MAX_TOML_DEPTH, TooLarge, read_regular
from ..config import Settings, time_limit_problem
from ..errors import ConfigError
from ..escaping import display_path
from ..severity import SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the tomli backport
    import tomli as tomllib

CONFIG_NAME = ".resume-check.toml"
PYPROJECT = "pyproject.toml"
TOOL_TABLE = "resume-check"

#: config key -> Settings field
LIST_KEYS: dict[str, str] = {
    "required_terms": "required_terms",
    "forbidden_phrases": "forbidden_phrases",
    "lexicons": "lexicons",
    "disable": "disabled",
    "enable": "enabled",
}
SCALAR_KEYS: dict[str, str] = {
    "fail_under": "fail_under",
    "min_severity": "min_severity",
    "fail_level": "fail_level",
    "time_limit": "time_limit",
    "role": "role",
    "job": "job",
    "min_match": "min_match",
}
#: Settings field -> the command-line option that sets it, for "where did this threshold come from" messages
OPTION_NAMES: dict[str, str] = {
    "fail_under": "--fail-under",
    "min_severity": "--min-severity",
    "fail_level": "--fail-level",
    "time_limit": "--time-limit",
    "lexicons": "--lexicon",
    "model": "--model",
    "role": "--role",
    "job": "--job",
    "min_match": "--min-match",
}
SETTING_KEYS = {**LIST_KEYS, **SCALAR_KEYS}
TOP_KEYS = (*SETTING_KEYS, "overrides")
OVERRIDE_KEYS = ("files", *SETTING_KEYS)

STARTER = """\
# resume-check configuration (see "CI mode" in the README).
# Found by walking up from the résumé's folder; `resume-check check --config PATH` uses another file.
# The same keys work under [tool.resume-check] in pyproject.toml.

# Fail (exit 1) when the score is below this bar (0-100).
fail_under = 60

# Show findings of at least this severity ("info", "warning" or "error") in CI output...
min_severity = "warning"
# ...and fail when a finding has at least this one (failing findings are always shown).
fail_level = "error"

# Term ids that must be found (see `resume-check lexicons`), and phrases that must not appear.
required_terms = []
forbidden_phrases = ["responsible for", "references available on request"]

# Extra lexicon packs, relative to this file.
lexicons = []

# What résumés are measured against: "auto" (the role each résumé aims at, inferred from its headline and titles),
# a role profile id (`resume-check roles list`), a profile file relative to this file, or "lexicon" (every term).
role = "auto"

# Rule or term ids to switch off, by prefix ("impact.weak", "ats.cliche"; `resume-check rules` lists them all);
# `enable` switches a narrower prefix back on.
disable = []
enable = []

# Match against a job posting (relative to this file) and fail when the match rate is under min_match (0-100).
# job = "posting.md"
# min_match = 70

# Per-file settings: any key above, for files matching a glob relative to this file's folder.
# List keys add to the lists above; other keys replace.
# [[overrides]]
# files = "drafts/**"
# fail_under = 40
# disable = ["impact"]
"""


@dataclass(frozen=True, slots=True)
class Override:
    files: tuple[str, ...]  # globs relative to the config folder
    values: tuple[tuple[str, Any], ...]  # (config key, validated value)


@dataclass(frozen=True, slots=True)
class Config:
    """A validated config file (or none: ``path`` None, no values)."""

    path: str | None = None
    values: tuple[tuple[str, Any], ...] = ()
    overrides: tuple[Override, ...] = ()

    @property
    def folder(self) -> Path:
        return Path(self.path).parent if self.path else Path(".")

    def settings_for(self, file: str | None = None, **options: Any) -> Settings:
        """Settings for ``file``: defaults < config < matching overrides < ``options`` that are not None.

        ``options`` use Settings field names (``fail_under=70``, ``disabled=("impact",)``); list options add.
        """
        fields: dict[str, Any] = {}
        origins: dict[str, str] = {}
        _apply(fields, self.values, origins, f"{{key}} in {self.path}")
        if file is not None:
            for override in self.overrides:
                if any(_glob_match(pattern, file, self.folder) for pattern in override.files):
                    where = f"{{key}} in {self.path} ([[overrides]] files = {list(override.files)!r})"
                    _apply(fields, override.values, origins, where)
        for name, value in options.items():
            if value is None:
                continue
            if name in LIST_KEYS.values():
                fields[name] = (*fields.get(name, ()), *value)
            else:
                fields[name] = value
            origins[name] = f"the command line ({OPTION_NAMES.get(name, name)})"
        try:
            return Settings(**fields, source=self.path, origins=tuple(origins.items()))
        except ConfigError as err:
            raise ConfigError(f"{err}; fix the value in {self.path} or on the command line") from None


def _apply(fields: dict[str, Any], values: Iterable[tuple[str, Any]], origins: dict[str, str], where: str) -> None:
    for key, value in values:
        name = SETTING_KEYS[key]
        if key in LIST_KEYS:
            fields[name] = (*fields.get(name, ()), *value)
        else:
            fields[name] = value
        origins[name] = where.replace("{key}", key, 1)
        if key == "role":
            fields["role_chosen_by"] = "config"


def find_config(start: str | Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file's folder or a folder), or None."""
    folder = Path(start).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = _parse_toml(read_regular(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return False  # a broken pyproject.toml that is not ours must not stop discovery
    tool = data.get("tool")
    return isinstance(tool, dict) and TOOL_TABLE in tool


def _parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads`` with the depth budget: ValueError when tables or arrays nest deeper than MAX_TOML_DEPTH
    (RecursionError when the parser itself gives up first)."""
    data = tomllib.loads(text)
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_TOML_DEPTH:
            raise ValueError(depth)
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return data


def load_config(path: str | Path) -> Config:
    """Read and validate a config file (``.resume-check.toml`` or a ``pyproject.toml``).

    Budgets: a regular file of at most MAX_CONFIG_BYTES, tables and arrays nested at most MAX_TOML_DEPTH deep;
    error messages name the file and the problem, never its content (a wrong path may name a secret file).
    """
    p = Path(path)
    name = display_path(str(p))
    try:
        text = read_regular(p, MAX_CONFIG_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{name}: config file not found; check the --config path") from None
    except TooLarge:
        raise ConfigError(f"{name}: over the {MAX_CONFIG_BYTES:,}-byte limit for a config file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{name}: cannot read the config file (not UTF-8); save it as UTF-8 text") from None
    except OSError as err:
        raise ConfigError(f"{name}: cannot read the config file ({err.strerror or err}); check the path") from None
    try:
        data: dict[str, Any] = _parse_toml(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{name}: not valid TOML ({err}); fix the syntax") from None
    except (RecursionError, ValueError):
        raise ConfigError(
            f"{name}: tables or arrays nest deeper than {MAX_TOML_DEPTH} levels; a config needs two or three"
        ) from None
    where = name
    if p.name == PYPROJECT:
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or TOOL_TABLE not in tool:
            raise ConfigError(f"{name}: has no [tool.{TOOL_TABLE}] table; add one or point --config at another file")
        data = tool[TOOL_TABLE]
        where = f"{name} [tool.{TOOL_TABLE}]"
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: must be a table; write it as [tool.{TOOL_TABLE}] with keys below it")
    values = _validate(data, where, TOP_KEYS, p.parent)
    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list) or not all(isinstance(o, dict) for o in raw_overrides):
        raise ConfigError(f"{where}: overrides must be an array of tables; write each as [[overrides]]")
    for number, raw in enumerate(raw_overrides, start=1):
        at = f"{where}, [[overrides]] #{number}"
        files = raw.get("files")
        if isinstance(files, str):
            files = [files]
        if not files or not isinstance(files, list) or not all(isinstance(f, str) and f for f in files):
            raise ConfigError(f'{at}: files must be a glob or a list of globs, e.g. files = "drafts/**"')
        overrides.append(Override(tuple(files), _validate(raw, at, OVERRIDE_KEYS, p.parent)))
    return Config(str(p), values, tuple(overrides))


def _validate(
    data: Mapping[str, Any], where: str, allowed: tuple[str, ...], folder: Path
) -> tuple[tuple[str, Any], ...]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"valid keys: {', '.join(allowed)}"
            raise ConfigError(f"{where}: unknown key {key!r}; {hint}")
        if key in ("overrides", "files"):
            continue
        out.append((key, _check_value(key, value, where, folder)))
    return tuple(out)


def _check_value(key: str, value: Any, where: str, folder: Path) -> Any:
    if key in LIST_KEYS:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f'{where}: {key} must be a list of non-empty strings, e.g. {key} = ["..."]')
        if key == "lexicons":
            return tuple(str(folder / v) for v in value)
        return tuple(v.strip() for v in value)
    if key in ("min_severity", "fail_level"):
        if value not in SEVERITIES:
            raise ConfigError(f"{where}: {key} must be one of {', '.join(SEVERITIES)}, got {value!r}")
        return value
    if key == "fail_under":
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise ConfigError(f"{where}: fail_under must be a number from 0 to 100, got {value!r}")
        return float(value)
    if key == "time_limit":
        problem = time_limit_problem(value)
        if problem:
            raise ConfigError(f"{where}: time_limit {problem}")
        return float(value)
    if key == "role":
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                f'{where}: role must be "auto", "lexicon", a role profile id or a profile file, got {value!r}'
            )
        from ..targets.roles import is_profile_path

        return str(folder / value) if is_profile_path(value) else value.strip()
    if key == "job":
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f'{where}: job must be the path of a job posting, e.g. job = "posting.md"')
        return str(folder / value.strip())
    if key == "min_match":
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise ConfigError(f"{where}: min_match must be a number from 0 to 100, got {value!r}")
        return float(value)
    raise AssertionError(key)  # pragma: no cover - every allowed key is handled above


def resolve_config(config_path: str | None, start: str | Path) -> Config:
    """``--config PATH`` when given, else the config discovered from ``start``, else an empty Config."""
    if config_path:
        return load_config(config_path)
    found = find_config(start)
    return load_config(found) if found else Config()


def settings_for_batch(
    config_path: str | None,
    files: Iterable[str],
    *,
    time_limit: float | None = None,
    lexicons: tuple[str, ...] = (),
    model: str | None = None,
    role: str | None = None,
) -> Settings:
    """One Settings for a whole batch: the config from ``--config`` or found above the files' common folder.

    Per-file overrides do not apply in a batch: every worker shares one engine built from these settings.
    """
    paths = [Path(os.path.realpath(f)).parent for f in files] or [Path.cwd()]  # a link loop does not raise
    common = Path(*_common_parts(paths))
    chosen_by = "option" if role is not None else None
    settings = resolve_config(config_path, common).settings_for(
        None, lexicons=lexicons, model=model, role=role, role_chosen_by=chosen_by
    )
    return replace(settings, time_limit=time_limit) if time_limit is not None else settings


def _common_parts(paths: list[Path]) -> tuple[str, ...]:
    parts = paths[0].parts
    for other in paths[1:]:
        n = 0
        for a, b in zip(parts, other.parts, strict=False):
            if a != b:
                break
            n += 1
        parts = parts[:n]
    return parts or (Path.cwd().anchor,)


def _glob_match(pattern: str, file: str, folder: Path) -> bool:
    """Does ``file`` match ``pattern`` (relative to ``folder``; ``**`` any depth; a bare pattern any name)?"""
    path = Path(os.path.realpath(file))  # never raises (Path.resolve does on a link loop)
    try:
        rel = path.relative_to(os.path.realpath(folder)).as_posix()
    except ValueError:
        rel = path.as_posix()
    tokens = _glob_tokens(pattern.strip("/"))
    if _glob_fullmatch(tokens, rel):
        return True
    return "/" not in pattern and _glob_fullmatch(tokens, PurePosixPath(rel).name)


#: glob tokens: any folders ("**/": empty, or anything ending in "/"), anything ("**"), a name part ("*"), one
#: character ("?"); any other token is a literal character
_ANY_DIRS, _ANY, _STAR, _ONE = "**/", "**", "*", "?"


def _glob_tokens(pattern: str) -> tuple[str, ...]:
    out, i = [], 0
    while i < len(pattern):
        for token in (_ANY_DIRS, _ANY, _STAR, _ONE):
            if pattern.startswith(token, i):
                out.append(token)
                i += len(token)
                break
        else:
            out.append(pattern[i])
            i += 1
    return tuple(out)


def _glob_fullmatch(tokens: tuple[str, ...], text: str) -> bool:
    """Glob matching by a set of positions in the pattern, one step per character: time O(len(pattern) x
    len(text)) whatever the pattern (a regex with many ``.*`` backtracks exponentially on a long path)."""
    end = len(tokens)
    inside = end + 1  # state inside + i: within an "**/" at token i, after some characters but no "/" yet

    def close(states: set[int]) -> set[int]:
        todo = list(states)
        while todo:
            i = todo.pop()
            if i < end and tokens[i] in (_ANY_DIRS, _ANY, _STAR) and i + 1 not in states:
                states.add(i + 1)
                todo.append(i + 1)
        return states

    states = close({0})
    for ch in text:
        after: set[int] = set()
        for i in states:
            if i >= inside:  # within an "**/": anything; a "/" may end it
                after.add(i)
                if ch == "/":
                    after.add(i - inside + 1)
                continue
            if i == end:
                continue
            token = tokens[i]
            if token == _ANY:
                after.add(i)
            elif token == _ANY_DIRS:
                after.add(i + 1 if ch == "/" else inside + i)
                if ch == "/":
                    after.add(inside + i)
            elif token == _STAR:
                if ch != "/":
                    after.add(i)
            elif token == _ONE:
                if ch != "/":
                    after.add(i + 1)
            elif token == ch:
                after.add(i + 1)
        if not after:
            return False
        states = close(after)
    return end in states
