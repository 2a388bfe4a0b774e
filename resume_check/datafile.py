"""Read YAML data files, bundled or given by the user, through one loader with one set of bounds.

Every YAML file the tool reads (lexicon packs, role profiles, cliché lists, the bundled vocabulary, verbs, weak
openers, headings, rules ...) goes through :func:`parse_yaml`: the safe loader, a size cap, at most
``MAX_EXPANDED_NODES`` values once anchors and aliases are expanded (no "billion laughs"), no self-referring alias and
at most ``MAX_DEPTH`` levels of nesting. Problems are ``LexiconError``s that say which file, what is wrong and how to
fix it, and never quote the file's content beyond a short token.

Vocabulary files (``lexicons/metrics.yaml``, ``lexicons/statements.yaml``: word tables the analysis reads) are also
checked against ``lexicons/vocabulary.schema.json`` by :func:`read_vocabulary`; the same schema file is what the
test suite validates them with (JSON Schema draft-07), so there is one description of their shape.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .budgets import NotRegularFile, TooLarge, read_regular
from .errors import LexiconError
from .escaping import display_path

#: the package holding the bundled data files (the top-level ``lexicons/`` folder, shipped inside the wheel)
BUNDLED_PACKAGE = "resume_check.lexicons"
#: data files larger than this are refused (far above the largest bundled pack)
MAX_DATA_BYTES = 5 * 1024 * 1024
#: a file may expand to at most this many YAML values through anchors and aliases
MAX_EXPANDED_NODES = 200_000
#: lists and mappings may nest this deep (the deepest bundled file nests 6 levels)
MAX_DEPTH = 64
#: the schema every vocabulary file is checked against
VOCABULARY_SCHEMA = "vocabulary.schema.json"

#: the safe loader (the C one when PyYAML has it)
YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class FileKind:
    """What a data file is, for the wording of error messages about it."""

    noun: str  # "lexicon pack"
    short: str  # "pack"
    file_hint: str  # what to give instead of a directory: "a .yaml pack file"
    missing_hint: str  # how to fix a missing file: "check the path given to --lexicon"
    split_hint: str  # how to fix a file that is too big: "split it into smaller packs"
    empty_hint: str = ""  # what the file needs when it is empty
    limit: int = MAX_DATA_BYTES


LEXICON_PACK = FileKind(
    "lexicon pack",
    "pack",
    "a .yaml pack file",
    "check the path given to --lexicon",
    "split it into smaller packs",
    "a pack needs 'pack:' and 'terms:' sections (see FORMAT.md)",
)
DATA_FILE = FileKind(
    "data file", "file", "a .yaml file", "check the path", "split it into smaller files", "give its entries"
)


def read_data_file(path: Path, name: str, kind: FileKind = DATA_FILE) -> str:
    """The text of a user's data file: a regular file (never a FIFO or device), at most ``kind.limit`` bytes, UTF-8."""
    name = display_path(name)
    try:
        data = read_regular(path, kind.limit)  # a FIFO or /dev/zero is refused, never read
    except TooLarge:
        raise LexiconError(f"{name}: {kind.noun} is over the {kind.limit:,}-byte limit; {kind.split_hint}") from None
    except NotRegularFile:
        raise LexiconError(f"{name}: is not a regular file (a FIFO, device or socket); give {kind.file_hint}") from None
    except FileNotFoundError:
        raise LexiconError(f"{name}: {kind.noun} not found; {kind.missing_hint}") from None
    except IsADirectoryError:
        raise LexiconError(f"{name}: is a directory; give the path of {kind.file_hint}") from None
    except OSError as err:
        raise LexiconError(f"{name}: cannot read {kind.noun} ({err.strerror or err}); check its permissions") from None
    return decode(data, name, kind)


def decode(data: bytes, name: str, kind: FileKind = DATA_FILE) -> str:
    """``data`` as text: at most ``kind.limit`` bytes of UTF-8 (a byte-order mark is dropped)."""
    if len(data) > kind.limit:
        raise LexiconError(f"{name}: {kind.noun} is over the {kind.limit:,}-byte limit; {kind.split_hint}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LexiconError(f"{name}: not UTF-8 text (byte {err.start}); save the {kind.short} as UTF-8") from None


def load_yaml_file(path: Path, name: str, kind: FileKind = DATA_FILE) -> Any:
    """A user's YAML data file, read and parsed within the bounds (see :func:`parse_yaml`)."""
    return parse_yaml(read_data_file(path, name, kind), name, kind)


def parse_yaml(text: str, name: str, kind: FileKind = DATA_FILE, *, walk_aliases: bool = True) -> Any:
    """Parse with the safe loader; anchors/aliases are allowed but capped (no "billion laughs"), nesting too.

    ``walk_aliases=False`` skips the walk, for bundled files only: they ship with the code and the test suite walks
    every one of them (the walk was a large share of loading the term packs, which the first run after an install pays).
    """
    loader = YAML_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise LexiconError(f"{name}: the file is empty; {kind.empty_hint or 'give its entries'}")
        if walk_aliases:
            check_expansion(node, name, kind)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise LexiconError(f"{name}: invalid YAML{where}: {err.problem}; fix the syntax") from None
    except yaml.YAMLError as err:
        raise LexiconError(f"{name}: invalid YAML: {err}; fix the syntax") from None
    except RecursionError:
        raise LexiconError(f"{name}: the YAML nests too deeply; flatten it") from None
    finally:
        loader.dispose()


def check_expansion(root: yaml.Node, name: str, kind: FileKind = LEXICON_PACK) -> None:
    """Refuse recursive aliases, alias "bombs" and deep nesting: the document expanded (aliases written out) must
    stay under MAX_EXPANDED_NODES nodes and MAX_DEPTH levels. Computed on the node graph, without expanding it."""
    size: dict[int, int] = {}
    active: set[int] = set()
    shared = False
    stack: list[tuple[yaml.Node, bool, int]] = [(root, False, 0)]
    while stack:
        node, done, depth = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            active.discard(key)
            total = 1 + sum(size[id(c)] for c in children)
            if total > MAX_EXPANDED_NODES:
                if not shared:  # a plain file that is simply too big: no alias is involved
                    raise LexiconError(
                        f"{name}: the {kind.short} holds over {MAX_EXPANDED_NODES:,} YAML values (keys, strings, "
                        f"lists), more than a {kind.noun} may; {kind.split_hint}"
                    )
                raise LexiconError(
                    f"{name}: the YAML expands to over {MAX_EXPANDED_NODES:,} values through anchors and aliases "
                    f"(&name / *name, line {node.start_mark.line + 1}); write the values out or use fewer aliases"
                )
            size[key] = total
            continue
        if key in size:
            shared = True  # reached a second time: through an alias
            continue
        if key in active:
            raise LexiconError(
                f"{name}: a YAML alias refers to itself (line {node.start_mark.line + 1}); remove the recursion"
            )
        if depth > MAX_DEPTH:
            raise LexiconError(
                f"{name}: the YAML nests over {MAX_DEPTH} levels deep (line {node.start_mark.line + 1}); flatten it"
            )
        active.add(key)
        stack.append((node, True, depth))
        shared = shared or any(id(c) in size for c in children)
        stack.extend((c, False, depth + 1) for c in children if id(c) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def read_bundled_text(name: str) -> str:
    """A bundled data file from ``resume_check.lexicons`` as text (missing or unreadable: a broken install)."""
    try:
        return importlib.resources.files(BUNDLED_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"{name}: cannot be read ({type(err).__name__}); reinstall resume-check") from None


def read_bundled_yaml(name: str) -> dict[str, Any]:
    """A bundled data file from ``resume_check.lexicons`` (headings, verbs, weak openers, clichés ...) as a mapping."""
    text = read_bundled_text(name)
    if len(text) > MAX_DATA_BYTES:
        raise LexiconError(f"{name}: over the {MAX_DATA_BYTES:,}-byte limit; reinstall resume-check")
    data = parse_yaml(text, name, walk_aliases=False)
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: must be a mapping at the top level; reinstall resume-check")
    return data


def string_list(value: Any, where: str) -> tuple[str, ...]:
    """``value`` as a tuple of stripped strings (None: empty); LexiconError naming ``where`` if it is not a list of
    non-empty strings."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


# ------------------------------------------------------------------------------------------------ vocabulary


@functools.lru_cache(maxsize=1)
def vocabulary_schema() -> Mapping[str, Any]:
    """``lexicons/vocabulary.schema.json``: the shape of every vocabulary file (one definition per file)."""
    schema: dict[str, Any] = json.loads(read_bundled_text(VOCABULARY_SCHEMA))
    return MappingProxyType(schema)


@functools.lru_cache(maxsize=8)
def read_vocabulary(name: str) -> Mapping[str, Any]:
    """A bundled vocabulary file (``metrics.yaml`` ...), read once per process and checked against its schema
    (``vocabulary.schema.json``, definition ``name``); LexiconError naming the file and the key on bad data."""
    return check_vocabulary(read_bundled_yaml(name), name)


def check_vocabulary(data: Any, name: str) -> Mapping[str, Any]:
    """``data`` (a parsed vocabulary file called ``name``) if it has the shape its schema definition gives."""
    schema = vocabulary_schema()
    definition = schema.get("definitions", {}).get(name)
    if definition is None:
        raise LexiconError(f"{name}: no definition in {VOCABULARY_SCHEMA}; add one under 'definitions'")
    _check(data, definition, schema, name, "")
    return MappingProxyType(data)


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def _check(value: Any, schema: Mapping[str, Any], root: Mapping[str, Any], name: str, where: str) -> None:
    """The subset of JSON Schema the vocabulary schema uses: $ref, type, enum, minLength, items, minItems,
    uniqueItems (of strings), properties, required, additionalProperties, propertyNames, minProperties."""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target: Any = root
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        _check(value, target, root, name, where)
        return
    at = f"{name}, key '{where}'" if where else name
    expected = schema.get("type")
    if isinstance(expected, str):
        types = _JSON_TYPES[expected]
        if not isinstance(value, types) or (expected in ("integer", "number") and isinstance(value, bool)):
            raise LexiconError(f"{at}: must be {_a(expected)}, got {_kind(value)}; see {VOCABULARY_SCHEMA}")
    if "enum" in schema and value not in schema["enum"]:
        raise LexiconError(f"{at}: must be one of {', '.join(map(str, schema['enum']))}, got {_token(value)}")
    if isinstance(value, str) and len(value.strip()) < schema.get("minLength", 0):
        raise LexiconError(f"{at}: must not be empty")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            raise LexiconError(f"{at}: must list at least {schema['minItems']} item(s)")
        if schema.get("uniqueItems"):
            seen: set[Any] = set()
            for item in value:
                if isinstance(item, str) and item in seen:
                    raise LexiconError(f"{at}: lists {_token(item)} twice; keep one")
                if isinstance(item, str):
                    seen.add(item)
        items = schema.get("items")
        if isinstance(items, Mapping):
            for index, item in enumerate(value):
                _check(item, items, root, name, f"{where}[{index + 1}]")
    if isinstance(value, dict):
        if len(value) < schema.get("minProperties", 0):
            raise LexiconError(f"{at}: must have at least {schema['minProperties']} key(s)")
        for key in schema.get("required", ()):
            if key not in value:
                raise LexiconError(f"{name}, key '{_join(where, key)}': is missing; add it (see {VOCABULARY_SCHEMA})")
        properties: Mapping[str, Any] = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        names = schema.get("propertyNames")
        for key, item in value.items():
            if isinstance(names, Mapping):
                _check(key, names, root, name, _join(where, str(key)))
            if key in properties:
                _check(item, properties[key], root, name, _join(where, str(key)))
            elif extra is False:
                known = ", ".join(properties)
                shown = str(key) if len(str(key)) <= 30 else str(key)[:27] + "..."
                raise LexiconError(f"{name}, key '{_join(where, shown)}': unknown key; use one of {known}")
            elif isinstance(extra, Mapping):
                _check(item, extra, root, name, _join(where, str(key)))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _a(expected: str) -> str:
    return {"object": "a mapping", "array": "a list", "string": "a string", "integer": "a whole number"}.get(
        expected, f"a {expected}"
    )


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {_token(value)}"


def _token(value: Any) -> str:
    """A short token of a file's content for a message: never more than 30 characters."""
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "..."
