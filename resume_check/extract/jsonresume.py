"""JSON Resume (jsonresume.org schema, MIT) -> Document: the fields are the structure, no heading inference.

Every line carries the section its field declares (``Line.section``), the JSON line its value starts on
(``Line.source_line``) and its JSON path (``Line.source_key``, e.g. ``work[0].highlights[2]``), so findings point
into the JSON. ``basics`` gives the contact lines and the summary; ``work`` the roles (position – employer, dates,
summary) and their ``highlights`` as bullets; then ``volunteer``, ``education``, ``skills``, ``certificates``,
``projects``, ``awards``, ``publications``, ``languages`` and ``interests`` in the order the file gives them.
``references`` and ``meta`` are not résumé text and are left out.

The file is validated against the schema's shape before anything is read (types, dates, top-level fields); a JSON
file that is not a JSON Resume, or too large or too deeply nested, is an ``InputError`` (exit 3). Keys starting
with ``x-`` are extensions: ``"x-resume-check": {"disable": [...]}`` on the document or an item switches rules off
in CI mode (``suppress.parse_json_suppressions``).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..models import DeclaredRole, Document, Finding, Line, Source
from .normalize import collapse_spaces, normalisation_findings, normalize_ligatures, remove_controls, strip_unmapped

#: a JSON Resume is a few kilobytes (tens with an embedded photo); larger files are refused before parsing
MAX_JSON_BYTES = 2 * 1024 * 1024
#: objects and arrays nested deeper than this are refused before parsing (the schema needs 4 levels)
MAX_JSON_DEPTH = 16
#: the extension key for inline suppression
SUPPRESS_KEY = "x-resume-check"

JsonPath = tuple[str | int, ...]

_SCHEMA_HINT = "jsonresume.org schema: basics, work, education, skills, projects, ..."
_DATE = re.compile(r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$")
_IDENT = re.compile(r"^[A-Za-z_$][\w$-]*$")
_RULE_PREFIX = re.compile(r"^[A-Za-z0-9_.*-]+$")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# ----------------------------------------------------------------------------------------- schema shape

STRING, STRINGS, DATE, OBJECT = "string", "strings", "date", "object"
#: the top-level fields of the schema; each array section maps its item fields to a kind
SECTION_FIELDS: dict[str, dict[str, str]] = {
    "work": {
        "name": STRING,
        "location": STRING,
        "description": STRING,
        "position": STRING,
        "url": STRING,
        "startDate": DATE,
        "endDate": DATE,
        "summary": STRING,
        "highlights": STRINGS,
    },
    "volunteer": {
        "organization": STRING,
        "position": STRING,
        "url": STRING,
        "startDate": DATE,
        "endDate": DATE,
        "summary": STRING,
        "highlights": STRINGS,
    },
    "education": {
        "institution": STRING,
        "url": STRING,
        "area": STRING,
        "studyType": STRING,
        "startDate": DATE,
        "endDate": DATE,
        "score": STRING,
        "courses": STRINGS,
    },
    "awards": {"title": STRING, "date": DATE, "awarder": STRING, "summary": STRING},
    "certificates": {"name": STRING, "date": DATE, "url": STRING, "issuer": STRING},
    "publications": {"name": STRING, "publisher": STRING, "releaseDate": DATE, "url": STRING, "summary": STRING},
    "skills": {"name": STRING, "level": STRING, "keywords": STRINGS},
    "languages": {"language": STRING, "fluency": STRING},
    "interests": {"name": STRING, "keywords": STRINGS},
    "references": {"name": STRING, "reference": STRING},
    "projects": {
        "name": STRING,
        "description": STRING,
        "highlights": STRINGS,
        "keywords": STRINGS,
        "startDate": DATE,
        "endDate": DATE,
        "url": STRING,
        "roles": STRINGS,
        "entity": STRING,
        "type": STRING,
    },
}
BASICS_FIELDS = {
    "name": STRING,
    "label": STRING,
    "image": STRING,
    "email": STRING,
    "phone": STRING,
    "url": STRING,
    "summary": STRING,
    "location": OBJECT,
    "profiles": "profiles",
}
LOCATION_FIELDS = {"address": STRING, "postalCode": STRING, "city": STRING, "countryCode": STRING, "region": STRING}
PROFILE_FIELDS = {"network": STRING, "username": STRING, "url": STRING}
TOP_LEVEL = ("$schema", "basics", *SECTION_FIELDS, "meta")
#: fields holding résumé content: a document with none of them is not a JSON Resume
CONTENT_FIELDS = ("basics", *(name for name in SECTION_FIELDS if name != "references"))

#: (section id of Document lines, heading shown) per top-level field read
SECTION_OF: dict[str, tuple[str, str]] = {
    "work": ("experience", "Experience"),
    "volunteer": ("other", "Volunteering"),
    "education": ("education", "Education"),
    "skills": ("skills", "Skills"),
    "certificates": ("certifications", "Certifications"),
    "projects": ("projects", "Projects"),
    "awards": ("other", "Awards"),
    "publications": ("other", "Publications"),
    "languages": ("other", "Languages"),
    "interests": ("other", "Interests"),
}


# ----------------------------------------------------------------------------------------- parsing with positions


class JsonSyntaxError(ValueError):
    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


@dataclass(frozen=True, slots=True)
class JsonTree:
    """A parsed JSON document with the lines where each value starts and ends (by JSON path)."""

    value: Any
    spans: Mapping[JsonPath, tuple[int, int]] = field(repr=False)  # path -> (first line, last line), 1-based

    def line(self, path: JsonPath) -> int | None:
        span = self.spans.get(path)
        return span[0] if span else None


_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_DEPTH_TOKENS = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]|"')


def nesting_depth(text: str) -> int:
    """The deepest nesting of objects and arrays, scanning once without parsing (strings skipped)."""
    depth = deepest = 0
    for match in _DEPTH_TOKENS.finditer(text):
        token = match.group(0)
        if token in ("[", "{"):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("]", "}"):
            depth -= 1
        elif token == '"':
            break  # an unterminated string: nothing after it nests, and the parser reports it
    return deepest


class _Parser:
    """Strict JSON (RFC 8259) with the line span of every value; strings are decoded by the json module."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: dict[JsonPath, tuple[int, int]] = {}
        self._newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def line_at(self, position: int) -> int:
        return bisect.bisect_left(self._newlines, position) + 1

    def parse(self) -> JsonTree:
        end = self._skip(0)
        value, end = self._value(end, (), 0)
        end = self._skip(end)
        if end != len(self.text):
            raise JsonSyntaxError("extra data after the JSON value", end)
        return JsonTree(value, self.spans)

    def _skip(self, position: int) -> int:
        match = _WS.match(self.text, position)
        return match.end() if match else position

    def _value(self, position: int, path: JsonPath, depth: int) -> tuple[Any, int]:
        text = self.text
        if position >= len(text):
            raise JsonSyntaxError("unexpected end of the file", position)
        char = text[position]
        value: Any
        if char == "{":
            value, end = self._object(position, path, depth + 1)
        elif char == "[":
            value, end = self._array(position, path, depth + 1)
        elif char == '"':
            value, end = self._string(position)
        else:
            number = _NUMBER.match(text, position)
            if number:
                literal = number.group(0)
                value = float(literal) if any(c in literal for c in ".eE") else int(literal)
                end = number.end()
            else:
                for word, literal_value in _LITERALS.items():
                    if text.startswith(word, position):
                        value, end = literal_value, position + len(word)
                        break
                else:
                    raise JsonSyntaxError("expected a value", position)
        self.spans[path] = (self.line_at(position), self.line_at(max(position, end - 1)))
        return value, end

    def _string(self, position: int) -> tuple[str, int]:
        try:
            return json.decoder.scanstring(self.text, position + 1, True)  # type: ignore[attr-defined,no-any-return]
        except json.JSONDecodeError as err:
            raise JsonSyntaxError(err.msg.lower(), err.pos) from None

    def _object(self, position: int, path: JsonPath, depth: int) -> tuple[dict[str, Any], int]:
        if depth > MAX_JSON_DEPTH:
            raise JsonSyntaxError(f"nested more than {MAX_JSON_DEPTH} levels deep", position)
        out: dict[str, Any] = {}
        position = self._skip(position + 1)
        if self.text.startswith("}", position):
            return out, position + 1
        while True:
            if not self.text.startswith('"', position):
                raise JsonSyntaxError("expected a quoted key", position)
            key, position = self._string(position)
            position = self._skip(position)
            if not self.text.startswith(":", position):
                raise JsonSyntaxError("expected ':' after the key", position)
            position = self._skip(position + 1)
            out[key], position = self._value(position, (*path, key), depth)
            position, more = self._after_item(position, "}")
            if not more:
                return out, position

    def _array(self, position: int, path: JsonPath, depth: int) -> tuple[list[Any], int]:
        if depth > MAX_JSON_DEPTH:
            raise JsonSyntaxError(f"nested more than {MAX_JSON_DEPTH} levels deep", position)
        out: list[Any] = []
        position = self._skip(position + 1)
        if self.text.startswith("]", position):
            return out, position + 1
        while True:
            value, position = self._value(position, (*path, len(out)), depth)
            out.append(value)
            position, more = self._after_item(position, "]")
            if not more:
                return out, position

    def _after_item(self, position: int, closer: str) -> tuple[int, bool]:
        """After a member or element: past a comma (more to come: True) or past ``closer`` (the end: False)."""
        position = self._skip(position)
        if self.text.startswith(",", position):
            return self._skip(position + 1), True
        if self.text.startswith(closer, position):
            return position + 1, False
        raise JsonSyntaxError(f"expected ',' or '{closer}'", position)


def format_path(path: JsonPath) -> str:
    """``("work", 0, "highlights", 2)`` -> ``work[0].highlights[2]``; the root is ``(document)``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENT.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or "(document)"


def decode_json_text(data: bytes, path: str) -> str:
    """The text of a JSON file: UTF-8 (a byte-order mark is allowed), size-checked before anything else."""
    if len(data) > MAX_JSON_BYTES:
        raise InputError(
            f"{path}: {len(data):,} bytes is over the {MAX_JSON_BYTES:,}-byte limit for a JSON Resume; "
            "remove embedded images (basics.image should be a URL) or other large values",
            path=path,
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: a JSON file must be UTF-8, and byte {err.start:,} is not; save it as UTF-8", path=path
        ) from None


def parse_json_tree(data: bytes, path: str) -> JsonTree:
    """Parse JSON bytes with line spans, refusing large or deeply nested input before parsing.

    Raises InputError naming the line and column of a syntax error.
    """
    text = decode_json_text(data, path)
    if nesting_depth(text) > MAX_JSON_DEPTH:
        raise InputError(
            f"{path}: the JSON is nested more than {MAX_JSON_DEPTH} levels deep, which no JSON Resume needs "
            "(the schema uses 4); refused before parsing",
            path=path,
        )
    parser = _Parser(text)
    try:
        return parser.parse()
    except JsonSyntaxError as err:
        line = parser.line_at(err.position)
        start = text.rfind("\n", 0, err.position) + 1
        raise InputError(
            f"{path}: not valid JSON: line {line}, column {err.position - start + 1}: {err}; fix the syntax there "
            "(a JSON linter or `python -m json.tool` shows it too)",
            path=path,
        ) from None


# ----------------------------------------------------------------------------------------- validation


@dataclass(slots=True)
class _Problems:
    tree: JsonTree
    found: list[str] = field(default_factory=list)

    def add(self, where: JsonPath, message: str) -> None:
        line = self.tree.line(where)
        at = f"line {line}, " if line is not None else ""
        self.found.append(f"{at}{format_path(where)}: {message}")


def _kind_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _check_field(value: Any, kind: str, where: JsonPath, problems: _Problems) -> None:
    if kind in (STRING, DATE):
        if not isinstance(value, str):
            problems.add(where, f"must be a string, not {_kind_name(value)}")
        elif kind == DATE and not _DATE.match(value):
            problems.add(
                where,
                f"{value!r} is not a JSON Resume date: write YYYY, YYYY-MM or YYYY-MM-DD "
                "(leave endDate out for a current role)",
            )
    elif kind == STRINGS:
        if not isinstance(value, list):
            problems.add(where, f"must be a list of strings, not {_kind_name(value)}")
        else:
            for index, item in enumerate(value):
                if not isinstance(item, str):
                    problems.add((*where, index), f"must be a string, not {_kind_name(item)}")
    elif kind == OBJECT:
        if not isinstance(value, dict):
            problems.add(where, f"must be an object, not {_kind_name(value)}")
        else:
            _check_object(value, LOCATION_FIELDS, where, problems)
    elif kind == "profiles":
        if not isinstance(value, list):
            problems.add(where, f"must be a list of objects, not {_kind_name(value)}")
        else:
            for index, item in enumerate(value):
                if not isinstance(item, dict):
                    problems.add((*where, index), f"must be an object, not {_kind_name(item)}")
                else:
                    _check_object(item, PROFILE_FIELDS, (*where, index), problems)


def _check_object(value: dict[str, Any], fields: Mapping[str, str], where: JsonPath, problems: _Problems) -> None:
    for key, item in value.items():
        if key == SUPPRESS_KEY:
            check_suppress_value(item, (*where, key), problems.add)
        elif key in fields:
            _check_field(item, fields[key], (*where, key), problems)
        # other keys are allowed inside items (the schema's additionalProperties: true)


def check_suppress_value(value: Any, where: JsonPath, report: Any) -> None:
    """Validate an ``"x-resume-check": {"disable": ["rule.id", ...]}`` value; ``report(where, message)``."""
    if not isinstance(value, dict):
        report(where, f'must be an object like {{"disable": ["impact.weak"]}}, not {_kind_name(value)}')
        return
    for key in value:
        if key != "disable":
            report((*where, key), 'is not a resume-check setting; the only one is "disable" (a list of rule ids)')
    disable = value.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(i, str) and _RULE_PREFIX.match(i) for i in disable):
        report(
            (*where, "disable"),
            'must be a list of rule ids or prefixes, e.g. ["impact.weak", "ats.cliche"] ("*" for all)',
        )


def validate_json_resume(tree: JsonTree, path: str) -> dict[str, Any]:
    """The document as a dict when it is a JSON Resume; InputError naming the fields and lines otherwise."""
    value = tree.value
    if not isinstance(value, dict):
        raise InputError(
            f"{path}: not a JSON Resume: the document is {_kind_name(value)}, not an object with "
            f"basics, work, education ... ({_SCHEMA_HINT}); check you chose the right file",
            path=path,
        )
    unknown = [k for k in value if k not in TOP_LEVEL and not k.startswith("x-")]
    if unknown or not any(k in value for k in CONTENT_FIELDS):
        what = (
            f"its top-level field(s) {', '.join(repr(k) for k in unknown[:5])} are not JSON Resume fields"
            if unknown
            else "it has none of the JSON Resume fields"
        )
        raise InputError(
            f"{path}: not a JSON Resume: {what} ({_SCHEMA_HINT}; extensions start with 'x-'); "
            "check you chose the right file, or move extra data under 'meta'",
            path=path,
        )
    problems = _Problems(tree)
    for key, item in value.items():
        where: JsonPath = (key,)
        if key == SUPPRESS_KEY:
            check_suppress_value(item, where, problems.add)
        elif key == "basics":
            if not isinstance(item, dict):
                problems.add(where, f"must be an object, not {_kind_name(item)}")
            else:
                _check_object(item, BASICS_FIELDS, where, problems)
        elif key in SECTION_FIELDS:
            if not isinstance(item, list):
                problems.add(where, f"must be a list of objects, not {_kind_name(item)}")
                continue
            for index, entry in enumerate(item):
                if not isinstance(entry, dict):
                    problems.add((*where, index), f"must be an object, not {_kind_name(entry)}")
                else:
                    _check_object(entry, SECTION_FIELDS[key], (*where, index), problems)
        elif key in ("$schema",) and not isinstance(item, str):
            problems.add(where, f"must be a string, not {_kind_name(item)}")
        elif key == "meta" and not isinstance(item, dict):
            problems.add(where, f"must be an object, not {_kind_name(item)}")
    if problems.found:
        more = f" (and {len(problems.found) - 3} more)" if len(problems.found) > 3 else ""
        raise InputError(
            f"{path}: does not validate as a JSON Resume: {'; '.join(problems.found[:3])}{more}; "
            "fix these fields (see jsonresume.org/schema)",
            path=path,
        )
    return value


# ----------------------------------------------------------------------------------------- lines


def format_date(value: str | None) -> str:
    """``2021-03`` -> ``March 2021``; ``2021`` stays; a missing date is empty."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def date_range(item: Mapping[str, Any], start_key: str = "startDate", end_key: str = "endDate") -> str:
    """``March 2021 – Present`` (no end date: the role is current), ``2012 – 2014``, or a single date."""
    start, end = format_date(item.get(start_key)), format_date(item.get(end_key))
    if start:
        return f"{start} – {end or 'Present'}"
    return end


@dataclass(slots=True)
class _Builder:
    tree: JsonTree
    lines: list[Line] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    roles: list[DeclaredRole] = field(default_factory=list)
    ligatures: int = 0
    glyphs: int = 0

    def emit(self, text: str, where: JsonPath, section: str, *, bullet: bool = False, heading: bool = False) -> None:
        text = remove_controls(text)
        text, ligatures = normalize_ligatures(text)
        text, glyphs = strip_unmapped(text)
        self.ligatures += ligatures
        self.glyphs += glyphs
        text = collapse_spaces(text)
        if not text or not any(ch.isalnum() for ch in text):
            return
        self.lines.append(
            Line(
                text=text,
                bullet=bullet,
                style="heading" if heading else None,
                source_line=self.tree.line(where),
                section=section,
                source_key=format_path(where),
            )
        )

    def paragraphs(self, text: str, where: JsonPath, section: str) -> None:
        """A multi-paragraph string (blank lines between) as one line per paragraph."""
        for paragraph in re.split(r"\n\s*\n", text):
            self.emit(paragraph, where, section)

    def link(self, target: str) -> None:
        target = target.strip()
        if target and target not in self.links:
            self.links.append(target)


def _text(item: Mapping[str, Any], key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def _first_key(item: Mapping[str, Any], keys: Sequence[str], fallback: JsonPath, base: JsonPath) -> JsonPath:
    for key in keys:
        if _text(item, key):
            return (*base, key)
    return fallback


def _joined(*parts: str, sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def _basics(basics: Mapping[str, Any], out: _Builder) -> None:
    base: JsonPath = ("basics",)
    for key in ("name", "label"):
        if _text(basics, key):
            out.emit(_text(basics, key), (*base, key), "contact")
    location = basics.get("location")
    if isinstance(location, dict):
        place = _joined(_text(location, "city"), _text(location, "region") or _text(location, "countryCode"))
        if place:
            out.emit(
                place,
                _first_key(
                    location,
                    ("city", "region", "countryCode"),
                    (*base, "location"),
                    (
                        *base,
                        "location",
                    ),
                ),
                "contact",
            )
    if _text(basics, "email"):
        out.emit(_text(basics, "email"), (*base, "email"), "contact")
        out.link(f"mailto:{_text(basics, 'email')}")
    if _text(basics, "phone"):
        out.emit(_text(basics, "phone"), (*base, "phone"), "contact")
    if _text(basics, "url"):
        out.emit(_text(basics, "url"), (*base, "url"), "contact")
        out.link(_text(basics, "url"))
    profiles = basics.get("profiles")
    for index, profile in enumerate(profiles if isinstance(profiles, list) else ()):
        where: JsonPath = (*base, "profiles", index)
        url = _text(profile, "url")
        if url:
            out.emit(url, (*where, "url"), "contact")
            out.link(url)
        elif _text(profile, "username"):
            out.emit(_joined(_text(profile, "network"), _text(profile, "username"), sep=": "), where, "contact")
    if _text(basics, "summary"):
        out.emit("Summary", (*base, "summary"), "summary", heading=True)
        out.paragraphs(_text(basics, "summary"), (*base, "summary"), "summary")


def role_date(value: Any) -> str | None:
    """A JSON Resume date as ``Role`` keeps it: ``"YYYY-MM"`` (a day is dropped) or ``"YYYY"``."""
    return value[:7] if isinstance(value, str) and value else None


def _role(item: Mapping[str, Any], where: JsonPath, section: str, out: _Builder, employer_key: str) -> None:
    """work / volunteer: "Position – Employer, Location", the dates, the summary, then the highlights."""
    first = len(out.lines)
    title = _joined(_text(item, "position"), _joined(_text(item, employer_key), _text(item, "location")), sep=" – ")
    out.emit(title, _first_key(item, ("position", employer_key), where, where), section)
    dates = date_range(item)
    if dates:
        out.emit(dates, _first_key(item, ("startDate", "endDate"), where, where), section)
    if employer_key == "name" and len(out.lines) > first:  # work[]: a role, as declared
        start = role_date(item.get("startDate"))
        end = role_date(item.get("endDate")) or ("present" if start else None)
        out.roles.append(
            DeclaredRole(
                title=_text(item, "position") or None,
                employer=_text(item, employer_key) or None,
                location=_text(item, "location") or None,
                start=start,
                end=end,
                dates_text=dates or None,
                lines=tuple(range(first, len(out.lines))),
            )
        )
    if _text(item, "description"):
        out.emit(_text(item, "description"), (*where, "description"), section)
    if _text(item, "summary"):
        out.paragraphs(_text(item, "summary"), (*where, "summary"), section)
    for index, highlight in enumerate(item.get("highlights") or ()):
        out.emit(highlight, (*where, "highlights", index), section, bullet=True)
    if _text(item, "url"):
        out.link(_text(item, "url"))


def _item(key: str, item: Mapping[str, Any], where: JsonPath, section: str, out: _Builder) -> None:
    if key in ("work", "volunteer"):
        _role(item, where, section, out, "name" if key == "work" else "organization")
    elif key == "education":
        degree = _joined(_text(item, "studyType"), _text(item, "area"), sep=" ")
        line = _joined(degree, _joined(_text(item, "institution"), date_range(item)), sep=" – ")
        out.emit(line, _first_key(item, ("studyType", "area", "institution"), where, where), section, bullet=True)
        if _text(item, "score"):
            out.emit(f"Grade: {_text(item, 'score')}", (*where, "score"), section)
        if item.get("courses"):
            out.emit("Courses: " + ", ".join(item["courses"]), (*where, "courses"), section)
    elif key == "skills":
        name = _text(item, "name") + (f" ({_text(item, 'level')})" if _text(item, "level") else "")
        keywords = ", ".join(k.strip() for k in item.get("keywords") or () if k.strip())
        text = f"{name}: {keywords}" if name and keywords else name or keywords
        out.emit(text, _first_key(item, ("name", "keywords"), where, where), section, bullet=True)
    elif key == "certificates":
        text = _joined(_text(item, "name"), _joined(_text(item, "issuer"), format_date(item.get("date"))), sep=" – ")
        out.emit(text, _first_key(item, ("name", "issuer"), where, where), section, bullet=True)
    elif key == "projects":
        title = _joined(_text(item, "name"), _text(item, "entity"), sep=" – ")
        out.emit(title, _first_key(item, ("name", "entity"), where, where), section)
        dates = date_range(item)
        if dates:
            out.emit(dates, _first_key(item, ("startDate", "endDate"), where, where), section)
        if _text(item, "description"):
            out.paragraphs(_text(item, "description"), (*where, "description"), section)
        for index, highlight in enumerate(item.get("highlights") or ()):
            out.emit(highlight, (*where, "highlights", index), section, bullet=True)
        for list_key, label in (("roles", "Roles"), ("keywords", "Technologies")):
            if item.get(list_key):
                out.emit(f"{label}: " + ", ".join(item[list_key]), (*where, list_key), section)
    elif key == "awards":
        text = _joined(_text(item, "title"), _joined(_text(item, "awarder"), format_date(item.get("date"))), sep=" – ")
        out.emit(text, _first_key(item, ("title", "awarder"), where, where), section, bullet=True)
        if _text(item, "summary"):
            out.emit(_text(item, "summary"), (*where, "summary"), section)
    elif key == "publications":
        text = _joined(
            _text(item, "name"), _joined(_text(item, "publisher"), format_date(item.get("releaseDate"))), sep=" – "
        )
        out.emit(text, _first_key(item, ("name", "publisher"), where, where), section, bullet=True)
        if _text(item, "summary"):
            out.emit(_text(item, "summary"), (*where, "summary"), section)
    elif key == "languages":
        fluency = f" ({_text(item, 'fluency')})" if _text(item, "fluency") else ""
        out.emit(_text(item, "language") + fluency, where, section, bullet=True)
    elif key == "interests":
        keywords = ", ".join(item.get("keywords") or ())
        out.emit(_joined(_text(item, "name"), keywords, sep=": "), where, section, bullet=True)
    if key not in ("work", "volunteer", "projects") and _text(item, "url"):
        out.link(_text(item, "url"))


def iter_sections(document: Mapping[str, Any]) -> Iterator[tuple[str, list[Any]]]:
    """The array sections read, in the order the file gives them."""
    for key, value in document.items():
        if key in SECTION_OF and isinstance(value, list) and value:
            yield key, value


def extract_json_resume(data: bytes, path: str) -> Document:
    """Read a JSON Resume file into a Document whose lines declare their sections.

    Raises InputError for a file over ``MAX_JSON_BYTES`` or nested deeper than ``MAX_JSON_DEPTH`` (both checked
    before parsing), invalid JSON (with line and column), a JSON document that is not a JSON Resume, fields of the
    wrong type, or a résumé without any text.
    """
    tree = parse_json_tree(data, path)
    document = validate_json_resume(tree, path)
    out = _Builder(tree)
    basics = document.get("basics")
    if isinstance(basics, dict):  # the contact lines head the résumé wherever the file puts them
        _basics(basics, out)
    for key, value in iter_sections(document):
        section, heading = SECTION_OF[key]
        out.emit(heading, (key,), section, heading=True)
        for index, item in enumerate(value):
            _item(key, item, (key, index), section, out)
    if not out.lines:
        raise InputError(
            f"{path}: the JSON Resume holds no résumé text (basics, work, education, skills ... are empty); "
            "check you chose the right file",
            path=path,
            warning_id="text.empty",
        )
    warnings: list[Finding] = normalisation_findings(out.ligatures, out.glyphs)
    return Document(
        source=Source(path=path, type="json", pages=None, size=len(data)),
        lines=tuple(out.lines),
        links=tuple(out.links),
        warnings=tuple(warnings),
        roles=tuple(out.roles),
    )
