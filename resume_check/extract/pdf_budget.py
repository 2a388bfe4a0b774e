"""The decompression budget of a PDF, checked before PDFium opens it: a small file must not inflate to gigabytes.

PDFium decodes a page's content streams, fonts, maps and object streams when it loads the page, and holds several
times their size while it parses them. So every stream PDFium could decode is decoded here first, a chunk at a time
and without keeping the output, and the file is refused (exit 3) as soon as the bytes really produced pass the
budget; the /Length and the sizes a file declares are not trusted.

The streams are found the way PDFium reads them, not by looking for keywords:

- every ``stream`` keyword in the file is a candidate, including ones inside another stream's data (an object can
  hide there, reached through the cross-reference table);
- its dictionary is parsed forward from the nearest object header that yields one whole dictionary ending at the
  keyword, so strings, comments, nested dictionaries and ``#`` escapes in names cannot hide a key;
- its data runs for /Length bytes when "endstream" follows there (PDFium's rule); otherwise, or when /Length is
  not a number written in the file, the decoders are given the rest of the file and stop at their own end of data,
  so a decoy "endstream" inside the data cannot cut the count short;
- its filter chain is decoded as PDFium decodes it (FlateDecode, LZWDecode, ASCIIHexDecode, ASCII85Decode,
  RunLengthDecode, abbreviations included), up to the first image codec, which text extraction never runs.

Image data is left out (text extraction never decodes it), but only for a stream that says it is an image and is
referred to as nothing else: an image dictionary named as a page's /Contents, a font file or anything but an
XObject or a soft mask is counted like any other stream.
"""

from __future__ import annotations

import binascii
import dataclasses
import hashlib
import importlib
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from io import BytesIO
from types import ModuleType
from typing import Any, cast

from ..errors import InputError

#: decoded bytes of the streams other than images and fonts (page content, object and xref streams, CMaps,
#: forms) in one PDF; résumés of the corpus need under 1 MB
MAX_CONTENT_INFLATED = 4 * 1024 * 1024
#: decoded bytes of embedded font programs in one PDF
MAX_FONT_INFLATED = 16 * 1024 * 1024
#: deflate's densest code gives 258 bytes (a match of the longest length) for 2 bits (one-bit length and distance
#: codes), so n bytes of a zlib stream inflate to at most 1032 * n bytes
MAX_DEFLATE_RATIO = 1032
#: an LZW code is at least 9 bits and gives at most 4,096 bytes (the longest string its table can hold)
MAX_LZW_RATIO = 3641
#: what one input byte of each filter can give at most (ASCII85's "z" gives 4 bytes; a RunLength pair 128)
_RATIO = {"flate": MAX_DEFLATE_RATIO, "lzw": MAX_LZW_RATIO, "rl": 64, "a85": 4, "ahx": 1}
#: bytes inflated per call, so no single call can allocate more than this
_CHUNK = 1 << 20
#: bytes inflated per call when a damaged stream is counted again up to its damage (the call that meets it is lost)
_DAMAGED_CHUNK = 4096
#: how far before the "stream" keyword its object header is looked for; a longer dictionary is not parsed
_DICT_REACH = 65536
#: object headers tried, nearest first, before a dictionary counts as unreadable
_HEADER_TRIES = 8
#: bytes of dictionaries the full parser (strings, comments, deep nesting) reads in one file; the common simple
#: dictionary is read by one regex and does not count
_PARSE_BUDGET = 8 * 1024 * 1024
#: definitions of one object number looked at when an indirect /Length or /Filter is resolved; more is refused
_MAX_DEFINITIONS = 64
_FONT_KEYS = (b"Length1", b"Length2", b"Length3")
_FONT_SUBTYPES = (b"Type1C", b"CIDFontType0C", b"OpenType")
_FILTERS = {
    b"FlateDecode": "flate",
    b"Fl": "flate",
    b"LZWDecode": "lzw",
    b"LZW": "lzw",
    b"ASCIIHexDecode": "ahx",
    b"AHx": "ahx",
    b"ASCII85Decode": "a85",
    b"A85": "a85",
    b"RunLengthDecode": "rl",
    b"RL": "rl",
    b"DCTDecode": "image",
    b"DCT": "image",
    b"JPXDecode": "image",
    b"JBIG2Decode": "image",
    b"CCITTFaxDecode": "image",
    b"CCF": "image",
    b"Crypt": "identity",
}


class _Ref:
    """An indirect reference ``N G R`` in a parsed dictionary."""

    __slots__ = ("gen", "num")

    def __init__(self, num: int, gen: int) -> None:
        self.num = num
        self.gen = gen


class _Name(bytes):
    """A PDF name (``#`` escapes decoded), as distinct from a string."""


@dataclass(frozen=True)
class _Stream:
    start: int  # first data byte
    end: int | None  # end of the data by a checked /Length; None: unchecked (see ``_decode``)
    reach: int  # the first "endstream" after the data's start (PDFium's end for a length it cannot check)
    chain: tuple[str, ...] | None  # decoders in order (image codecs cut off); None: the dictionary is unreadable
    font: bool
    image: bool  # says it is an image (its references are checked before it is left out)
    objstm: bool
    number: int  # object number (-1 when unknown)
    gen: int
    xref: bool = False  # a cross-reference stream: never encrypted
    encrypt: bool = False  # its dictionary has /Encrypt (a cross-reference stream of an encrypted file)
    first: int = -1  # an object stream's /First: where its first object starts in the decoded data


def check_inflated_size(data: bytes, path: str) -> None:
    """Raise InputError when the PDF's streams (images aside) decode past their budgets.

    Exact, but cheap for a résumé: a stream of n bytes whose length is checked decodes to at most n times its
    filters' densest ratio, so the streams of each budget are decoded largest first only until the bytes counted
    so far plus that bound for all the streams left fit the budget; those left cannot pass it and are not decoded.
    A stream whose length is not checked, or whose dictionary cannot be read, is always decoded.
    """
    streams = _streams(data, path)
    view = memoryview(data)
    decode = _decoder(data, streams)
    texts: list[bytes] = []  # decoded object streams, where references to images may be
    starts: dict[int, list[tuple[int, int]] | None] = {}  # by id(text): where each of its objects starts
    counted_first = 0  # their bytes, counted then rather than decoded twice
    if any(s.image for s in streams):
        objstms = [s for s in streams if s.objstm and s.chain is not None]
        streams = [s for s in streams if not (s.objstm and s.chain is not None)]
        for s in objstms:
            size, text = decode(view, s, MAX_CONTENT_INFLATED - counted_first, keep=True)
            counted_first += size
            _refuse_over(counted_first, MAX_CONTENT_INFLATED, "page content", path)
            texts.append(text)
            starts[id(text)] = _objstm_starts(text, s.first)
    images = [s for s in streams if s.image]
    only = _images_only(images, data, texts, starts) if images else set()
    counted = [s for s in streams if not (s.image and s.number in only)]
    for font, budget, what in (
        (False, MAX_CONTENT_INFLATED, "page content"),
        (True, MAX_FONT_INFLATED, "font programs"),
    ):
        mine = [s for s in counted if s.font is font and s.chain]  # () decodes nothing
        unchecked = [s for s in mine if s.end is None]
        checked = sorted((s for s in mine if s.end is not None), key=_bound)
        left = sum(_bound(s) for s in checked)
        total = 0 if font else counted_first
        for stream in unchecked:
            total += decode(view, stream, budget - total)[0]
            _refuse_over(total, budget, what, path)
        while checked and total + left > budget:
            stream = checked.pop()  # the largest bound left
            left -= _bound(stream)
            total += decode(view, stream, budget - total)[0]
            _refuse_over(total, budget, what, path)


def _refuse_over(total: int, budget: int, what: str, path: str) -> None:
    if total > budget:
        raise InputError(
            f"{path}: the PDF's compressed {what} inflate to over {budget:,} bytes, far more than a résumé "
            "needs: refused as a possible decompression bomb; export the résumé again",
            path=path,
        )


def _chain_bound(stream: _Stream, size: int) -> int:
    """The most ``size`` bytes can decode to through the stream's chain (deflate's ratio when it names none)."""
    for step in stream.chain or ("flate",):
        size *= _RATIO.get(step, 1)
    return size


def _bound(stream: _Stream) -> int:
    """The most a stream with a checked length can decode to."""
    assert stream.end is not None
    return _chain_bound(stream, stream.end - stream.start)


# --------------------------------------------------------------------------------------------- finding streams


_WHITE = b"\x00\t\n\x0c\r "
_HEADER = re.compile(rb"(\d{1,10})[\x00\t\n\x0c\r ]+(\d{1,10})[\x00\t\n\x0c\r ]+\Z")
# The regexes below read untrusted bytes: every token is possessive or atomic (Python 3.11), so none can
# backtrack into a token it has read, and each runs in time linear in its input. (A nested dictionary, or a
# stray "]", once made the pair reader try every way of splitting names: seconds on a 1 KB file.)
_WS = rb"[\x00\t\n\x0c\r ]"
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
_NAME = rb"/" + _REGULAR + rb"*+"
_REF = rb"\d++" + _WS + rb"++\d++" + _WS + rb"++R(?!" + _REGULAR + rb")"
_VALUE = rb"(?>" + _REF + rb"|" + _NAME + rb"|\[[^\[\]]*+\]|" + _REGULAR + rb"++)"
#: a dictionary without strings, comments or hex strings, nested at most one level: the common case, read by regex
_SIMPLE = re.compile(_WS + rb"*+<<((?:[^()<>%]++|<<[^()<>%]*+>>)*+)>>" + _WS + rb"*+\Z")
_NESTED = re.compile(rb"<<[^()<>%]*+>>")
_NESTED_ARRAY = re.compile(rb"\[[^\]]*+\[")
#: the entries alternate key, value exactly (checked before they are read one by one)
_PAIRS = re.compile(rb"(?>" + _WS + rb"*+" + _NAME + _WS + rb"*+" + _VALUE + rb")*+" + _WS + rb"*+")
_SIMPLE_ENTRY = re.compile(rb"/(" + _REGULAR + rb"*+)" + _WS + rb"*+(" + _VALUE + rb")?")
_DICT_START = re.compile(rb"(?:" + _WS + rb"++|%[^\r\n]*+)*+<<")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_ENDSTREAM = re.compile(rb"[\x00\t\n\x0c\r ]*endstream")


def _streams(data: bytes, path: str) -> list[_Stream]:
    find = data.find
    streams: list[_Stream] = []
    objects = _Objects(data)
    parse_left = [_PARSE_BUDGET]  # bytes the full parser may still read in this file
    pos = 0
    lf = cr = -1
    while True:
        at = find(b"stream", pos)
        if at < 0:
            return streams
        pos = at + 6
        if (
            data[at - 3 : at] == b"end"
            or data[pos : pos + 1] not in _KEYWORD_ENDS
            or (at and data[at - 1] in _REGULAR_BYTES)
        ):
            continue  # "endstream", or part of a longer word ("streaming", "upstream"): not the keyword
        # PDFium goes to the next line after the keyword, whatever stands before the line break (the positions
        # found are kept, so many keywords before one far line break cost one search)
        if lf < pos:
            lf = find(b"\n", pos)
            lf = len(data) if lf < 0 else lf
        if cr < pos:
            cr = find(b"\r", pos)
            cr = len(data) if cr < 0 else cr
        newline = min(lf, cr)
        if newline >= len(data):
            continue
        start = newline + 2 if data[newline : newline + 2] == b"\r\n" else newline + 1
        if not _after_a_dictionary(data, at):
            continue  # no dictionary ends right before it: PDFium cannot read a stream here
        found = _dictionary(data, at, parse_left)
        if found is None:
            raise InputError(
                f"{path}: the PDF has a stream whose dictionary cannot be read (its object header is missing, "
                "damaged or hidden), so what it inflates to cannot be bounded: refused as damaged or hostile; "
                "export the résumé again",
                path=path,
            )
        entries, number, gen = found
        stream = _describe(objects, entries, start, number, gen)
        if stream is not None and stream.chain is None:
            raise InputError(
                f"{path}: the PDF has a stream whose /Filter names an object the budget cannot read (held in a "
                "compressed object stream, defined more than once, or missing), so what it inflates to cannot be "
                "bounded: refused as damaged or hostile; export the résumé again",
                path=path,
            )
        if stream is None and b"Encrypt" in entries:  # an unfiltered cross-reference stream still says so
            stream = _Stream(start, start, start, (), False, False, False, number, gen, True, True)
        if stream is not None:
            streams.append(stream)


def _dictionary(data: bytes, at: int, parse_left: list[int]) -> tuple[dict[bytes, Any], int, int] | None:
    """The entries of the dictionary that ends at the ``stream`` keyword at ``at``, with its object number and
    generation, parsed from the nearest object header that stands alone (see ``_stands_alone``) and yields exactly
    one dictionary there; None when none does within reach."""
    low = max(0, at - _DICT_REACH)
    end = at
    tries = 0
    while tries < _HEADER_TRIES:
        obj = data.rfind(b"obj", low, end)
        if obj < 0:
            return None
        end = obj
        header = _HEADER.search(data, max(low, obj - 40), obj)
        if header is None or (obj + 3 < at and data[obj + 3] not in _WHITE and data[obj + 3 : obj + 5] != b"<<"):
            continue
        if not _stands_alone(data, header.start()):
            continue  # inside a comment or a string, or after something no object follows
        tries += 1
        if not _DICT_START.match(data, obj + 3, at):
            continue  # no dictionary follows this header: not the stream's object (and not worth tokenising)
        region = data[obj + 3 : at]
        entries = _simple_entries(region)
        if entries is None and parse_left[0] > 0:
            parse_left[0] -= len(region)
            entries = _parsed_entries(region)
        if entries is not None:
            return entries, int(header.group(1)), int(header.group(2))
    return None


def _stands_alone(data: bytes, at: int) -> bool:
    """True when an object header at ``at`` can begin an object: only white space, or the end of the previous
    object, before it on its line; and before that line the end of an object or stream (a comment after it aside),
    a comment line, the end of a file revision, or the file's start. A header written inside a comment or a string
    (to be taken for the stream's own) fails this."""
    line = max(data.rfind(b"\n", 0, at), data.rfind(b"\r", 0, at)) + 1
    head = data[line:at].strip(_WHITE)
    if head:
        return head.endswith((b"endobj", b"endstream"))  # "endobj 5 0 obj" on one line
    before = data[max(0, line - 512) : line].rstrip(_WHITE)
    last = before.replace(b"\r", b"\n").rsplit(b"\n", 1)[-1].strip(_WHITE)
    if last.startswith(b"%"):
        return True  # a comment line
    code = last.split(b"%", 1)[0].rstrip(_WHITE)  # "endobj % written by X"
    return (
        not before
        or code.endswith((b"endobj", b"endstream"))
        or before.endswith(b"%%EOF")
        or _STARTXREF_TAIL.search(before) is not None
    )


_HEADER_WITH_COMMENTS = re.compile(
    rb"(?<![0-9])(\d{1,10})(?:" + _WS + rb"++|%[^\r\n]*+)++(\d{1,10})(?:" + _WS + rb"++|%[^\r\n]*+)++\Z"
)
_STARTXREF_TAIL = re.compile(rb"startxref[\x00\t\n\x0c\r ]+\d+\Z")


def _after_a_dictionary(data: bytes, at: int) -> bool:
    """True when what stands before the keyword at ``at`` ends with ">>", white space and comments aside however
    long they are: only then can PDFium read a stream there (a keyword inside compressed data or text is not
    one). A "%" on a line is taken as the start of a comment, which can only make more keywords candidates."""
    end = at
    while end > 0:
        chunk = data[max(0, end - 4096) : end]
        stripped = chunk.rstrip(_WHITE)
        if not stripped:
            end -= len(chunk)  # white space all the way back: keep walking
            continue
        end -= len(chunk) - len(stripped)
        if data[max(0, end - 2) : end] == b">>":
            return True
        line = max(data.rfind(b"\n", 0, end), data.rfind(b"\r", 0, end)) + 1
        comment = data.find(b"%", line, end)
        if comment < 0:
            return False
        end = comment  # the line ends in a comment: look before it
    return False


_COMMENT = re.compile(rb"%[^\r\n]*")
#: bytes that may follow the keyword (white space, a delimiter, the end of the file) and bytes that are part of a word
_KEYWORD_ENDS = frozenset([b""] + [bytes([c]) for c in b"\x00\t\n\x0c\r ()<>[]{}/%"])
_REGULAR_BYTES = frozenset(set(range(256)) - set(b"\x00\t\n\x0c\r ()<>[]{}/%"))


def _simple_entries(region: bytes) -> dict[bytes, Any] | None:
    """The common dictionary (no strings, comments or hex strings; nested at most one level) read by regex; None
    sends it to the full parser. A nested dictionary stands as a null value, and the entries must alternate
    key, value exactly, or this gives up (a regex misreading the pairs could hide /Filter)."""
    match = _SIMPLE.match(region)
    if match is None:
        return None
    inner = _NESTED.sub(b" null ", match.group(1))  # the keys of nested dictionaries are not the stream's
    if _NESTED_ARRAY.search(inner) or not _PAIRS.fullmatch(inner):
        return None  # nested arrays, or entries that do not pair up: the full parser
    entries: dict[bytes, Any] = {}
    for key, value in _SIMPLE_ENTRY.findall(inner):
        entries[_name(key)] = _simple_value(value)
    return entries


def _simple_value(value: bytes) -> Any:
    if not value:
        return None
    if value.startswith(b"/"):
        return _Name(_name(value[1:]))
    if value.startswith(b"["):
        parsed = _parse(_tokens(value))
        return parsed[0] if parsed else None
    if value.endswith(b"R"):
        words = value.replace(b"\0", b" ").split()
        if len(words) == 3 and _is_int(words[0]) and _is_int(words[1]):
            return _Ref(int(words[0]), int(words[1]))
    return value


def _name(raw: bytes) -> bytes:
    return _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw) if b"#" in raw else raw


_TOKEN = re.compile(
    rb"(?P<skip>(?:[\x00\t\n\x0c\r ]++|%[^\r\n]*+)++)|(?P<open><<)|(?P<close>>>)|(?P<aopen>\[)|(?P<aclose>\])"
    rb"|(?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)|(?P<hex><[^<>]*>)|(?P<string>\()"
    rb"|(?P<word>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+)"
)
_PAREN = re.compile(rb"\\.|[()]", re.DOTALL)


def _tokens(region: bytes) -> list[tuple[str, Any]] | None:
    """The tokens of ``region`` (strings and hex strings as one token each), or None when it is not PDF syntax."""
    out: list[tuple[str, Any]] = []
    pos, size = 0, len(region)
    while pos < size:
        match = _TOKEN.match(region, pos)
        if match is None:
            return None
        kind = match.lastgroup or ""
        pos = match.end()
        if kind == "skip":
            continue
        if kind == "string":  # balanced parentheses, backslash escapes
            depth = 1
            for paren in _PAREN.finditer(region, pos):
                token = paren.group()
                if token == b"(":
                    depth += 1
                elif token == b")":
                    depth -= 1
                    if not depth:
                        pos = paren.end()
                        break
            else:
                return None
            out.append(("string", b""))
        elif kind == "name":
            out.append(("name", _Name(_name(match.group()[1:]))))
        else:
            out.append((kind, match.group()))
    return out


def _parse(tokens: list[tuple[str, Any]] | None) -> list[Any] | None:
    """The objects the tokens spell (dictionaries, arrays, names, references, other scalars), or None."""
    if tokens is None:
        return None
    stack: list[list[Any]] = [[]]
    kinds: list[str] = []
    for kind, value in tokens:
        top = stack[-1]
        if kind in ("open", "aopen"):
            if len(stack) > 32:
                return None
            stack.append([])
            kinds.append(kind)
        elif kind in ("close", "aclose"):
            if not kinds or kinds[-1] != ("open" if kind == "close" else "aopen"):
                return None
            kinds.pop()
            items = stack.pop()
            if kind == "aclose":
                stack[-1].append(items)
            elif len(items) % 2:
                return None
            else:
                stack[-1].append(
                    {items[i]: items[i + 1] for i in range(0, len(items), 2) if isinstance(items[i], _Name)}
                )
        elif kind == "word" and value == b"R" and len(top) >= 2 and _is_int(top[-1]) and _is_int(top[-2]):
            gen, num = top.pop(), top.pop()
            top.append(_Ref(int(num), int(gen)))
        else:
            top.append(value)
    return stack[0] if len(stack) == 1 else None


def _is_int(value: Any) -> bool:
    """A non-negative integer of at most 10 digits (a longer one is no object number, generation or length a
    résumé has, and converting thousands of digits is refused by Python itself)."""
    return type(value) is bytes and 0 < len(value) <= 10 and value.isdigit()


def _parsed_entries(region: bytes) -> dict[bytes, Any] | None:
    parsed = _parse(_tokens(region))
    if parsed is None or len(parsed) != 1 or not isinstance(parsed[0], dict):
        return None
    return {bytes(k): v for k, v in parsed[0].items()}


def _describe(objects: _Objects, entries: dict[bytes, Any], start: int, number: int, gen: int) -> _Stream | None:
    """What PDFium decodes of the stream with these dictionary entries, or None when it decodes nothing."""
    data = objects.data
    chain = _chain(objects, entries.get(b"Filter"))
    if chain == ():
        # not encoded, or only by an image codec, by its dictionary as read here; data that starts as encoded data
        # does is counted anyway, so that a dictionary PDFium reads otherwise (a trick not foreseen) hides no bomb
        chain = _sniff(data[start : start + 4096])
        if not chain:
            return None
    end = None
    length = objects.resolve(entries.get(b"Length"))
    if _is_int(length):
        candidate = start + int(length)
        if candidate <= len(data) and _ENDSTREAM.match(data, candidate):
            end = candidate
    subtype = entries.get(b"Subtype")
    kind = entries.get(b"Type")
    font = any(key in entries for key in _FONT_KEYS) or subtype in _FONT_SUBTYPES
    objstm = kind == b"ObjStm"
    image = subtype == b"Image" and kind not in (b"ObjStm", b"XRef")
    reach = _reach(data, start) if end is None else end
    encrypt = b"Encrypt" in entries
    first = entries.get(b"First")
    first_at = int(first) if objstm and isinstance(first, bytes) and _is_int(first) else -1
    return _Stream(start, end, reach, chain, font, image, objstm, number, gen, kind == b"XRef", encrypt, first_at)


def _sniff(head: bytes) -> tuple[str, ...]:
    """The filters whose output ``head`` looks like the start of: a zlib stream (a valid two-byte header), hex text
    or ASCII85 text whose decoding starts one, an LZW stream (its first code clears the table); () for anything
    else (text, JPEG, font programs ... whose first bytes make a valid zlib header only rarely, and then inflate to
    little)."""
    if _is_zlib(head):
        return ("flate",)
    if len(head) > 1 and head[0] == 0x80 and not head[1] & 0x80:  # the 9-bit clear code, 256, comes first
        return ("lzw",)
    text = head.lstrip(_WHITE)
    all_hex = len(text) >= 8 and _NOT_HEX.sub(b"", text[:16]) == text[:16].translate(None, _WHITE)
    if all_hex and _is_zlib(_hex(text[:64], 4)):
        return ("ahx", "flate")
    if _is_zlib(_a85(text[:64], 4)):
        return ("a85", "flate")
    return ()


def _is_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] & 0x0F == 8 and head[0] >> 4 <= 7 and (head[0] << 8 | head[1]) % 31 == 0


def _reach(data: bytes, start: int) -> int:
    """Where PDFium's search for the end of data with no checked length can stop at the latest: the first
    "endstream" standing as a whole word ("Xendstream" inside the data is not one), else the end of the file."""
    match = _WHOLE_ENDSTREAM.search(data, start)
    return len(data) if match is None else match.start()


_WHOLE_ENDSTREAM = re.compile(rb"(?<![^\x00\t\n\x0c\r ()<>\[\]{}/%])endstream(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])")


class _Objects:
    """The file's uncompressed objects by (number, generation), indexed on first use (one find loop over the file,
    so a thousand indirect lengths cost one scan, not a thousand)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._at: dict[tuple[int, int], list[int]] | None = None

    def resolve(self, value: Any) -> Any:
        """The value an indirect reference names; None when the file holds no such uncompressed object, or holds
        it more than once with different values."""
        if not isinstance(value, _Ref):
            return value
        if self._at is None:
            self._at = self._index()
        definitions = self._at.get((value.num, value.gen), [])
        if len(definitions) > _MAX_DEFINITIONS:
            return None
        values = []
        for at in definitions:
            close = self.data.find(b"endobj", at, at + 4096)
            parsed = _parse(_tokens(self.data[at:close])) if close > 0 else None
            values.append(parsed[0] if parsed and len(parsed) == 1 else None)
        return values[0] if values and all(v == values[0] for v in values) else None

    def _index(self) -> dict[tuple[int, int], list[int]]:
        data = self.data
        found: dict[tuple[int, int], list[int]] = {}
        find = data.find
        at = find(b"obj", 1)
        while at >= 0:
            if data[at - 1] in _WHITE:
                header = _HEADER.search(data, max(0, at - 40), at)
                if header is None and b"%" in data[max(0, at - 1024) : at]:  # comments between the header's words
                    header = _HEADER_WITH_COMMENTS.search(data, max(0, at - 1024), at)
                if header is not None:
                    found.setdefault((int(header.group(1)), int(header.group(2))), []).append(at + 3)
            at = find(b"obj", at + 3)
        return found


def _chain(objects: _Objects, value: Any) -> tuple[str, ...] | None:
    """The decoders PDFium runs for a /Filter value, up to the first image codec; None when it cannot be read."""
    if isinstance(value, _Ref):
        value = objects.resolve(value)
        if value is None:
            return None  # held in a compressed object stream, or nowhere: what PDFium finds there is unknown
    if isinstance(value, _Name):
        names: list[Any] = [value]
    elif isinstance(value, list):
        names = value
    else:
        return ()  # absent, null or not a filter: PDFium decodes nothing
    steps: list[str] = []
    for name in names:
        if not isinstance(name, _Name):
            return None
        step = _FILTERS.get(bytes(name), "flate")  # an unknown name is tried as deflate data: garbage gives little
        if step == "image":
            break
        if step != "identity":
            steps.append(step)
    return tuple(steps)


# --------------------------------------------------------------------------------------------- images


def _images_only(
    images: list[_Stream], data: bytes, texts: list[bytes], starts: dict[int, list[tuple[int, int]] | None]
) -> set[int]:
    """The object numbers of the image streams PDFium never decodes for text. Fail-safe: an image is left out
    only when at least one reference to it is found and every one is positively an image use, as the tokenizer
    reads the object PDFium parses around it: the value of an entry of an /XObject resource dictionary (written
    in place, or as an object whose own references, at least one, are all /XObject values), or of /SMask or
    /Mask in another image's dictionary. References match by object number alone, as PDFium resolves them. When
    the references cannot all be read within a bounded amount of work, no image is left out."""
    budget = [_REFERENCE_BUDGET]
    image_numbers = {s.number for s in images if s.number >= 0}
    refs = _references((data, *texts), image_numbers, budget)
    if refs is None:
        return set()
    verdicts: dict[int, list[str | int]] = {}
    for number in image_numbers:
        roles = [_role(text, at, data, starts, image_numbers, budget) for text, at in refs.get(number, ())]
        if roles and None not in roles:  # else no reference was found, or one is not an image use: counted
            verdicts[number] = cast(list[str | int], roles)
    # objects holding XObject entries written as their own object: is each named only as an /XObject value? Their
    # references are found in one more scan, for all of them at once
    held = {role for roles in verdicts.values() for role in roles if isinstance(role, int)}
    holder_refs = (_references((data, *texts), held, budget) if held else None) or {}
    holders = {
        holder: bool(found)
        and all(_role(text, at, data, starts, image_numbers, budget) == "xobject-dict" for text, at in found)
        for holder, found in ((holder, holder_refs.get(holder, [])) for holder in held)
    }
    return {
        number
        for number, roles in verdicts.items()
        if all(role == "image" or (isinstance(role, int) and holders[role]) for role in roles)
    }


def _objstm_starts(text: bytes, first: int) -> list[tuple[int, int]] | None:
    """(offset in ``text``, object number) of each object of a decoded object stream, from its header of number
    and offset pairs and its /First, as PDFium finds them; None when the header cannot be read."""
    if first < 0 or first > len(text):
        return None
    words = text[:first].split()
    if len(words) % 2 or not all(_is_int(w) for w in words):
        return None
    pairs = [(first + int(words[i + 1]), int(words[i])) for i in range(0, len(words), 2)]
    return sorted(pairs)


#: bytes the reference scan may read with its slow paths (comments, the tokenizer) in one file; past it, no image
#: is left out (they are all counted)
_REFERENCE_BUDGET = 4 * 1024 * 1024


def _role(
    text: bytes,
    at: int,
    data: bytes,
    starts: dict[int, list[tuple[int, int]] | None],
    image_numbers: set[int],
    budget: list[int],
) -> str | int | None:
    """What the reference starting at ``at`` in ``text`` is the value of, read from the start of the object that
    holds it: "image" (an entry of an /XObject dictionary, or /SMask or /Mask of an image's own dictionary),
    "xobject-dict" (the value of /XObject itself), the number of the object whose top-level dictionary holds it
    as an entry (an XObject dictionary written as its own object, perhaps), or None (anything else, or unknown)."""
    if text is data:
        start = _object_start(data, at)
        if start < 0:
            return None
        header = _HEADER_AT.match(data, start)
        if header is None:
            return None
        owner, region = int(header.group(1)), data[header.end() : at]
    else:  # an object stream: the object that holds the reference, from the stream's own table
        table = starts.get(id(text))
        holding = [(offset, num) for offset, num in table if offset <= at] if table else []
        if not holding:
            return None
        offset, owner = holding[-1]
        region = text[offset:at]
    budget[0] -= len(region)
    if budget[0] < 0:
        return None
    path = _key_path(_tokens(region))
    if not path:
        return None
    key, parent = path[-1], path[-2] if len(path) > 1 else None
    if parent == b"XObject" or (len(path) == 1 and key in (b"SMask", b"Mask") and owner in image_numbers):
        return "image"
    if key == b"XObject":
        return "xobject-dict"
    return owner if len(path) == 1 and owner >= 0 else None


_HEADER_AT = re.compile(rb"(\d{1,10})" + _WS + rb"++\d{1,10}" + _WS + rb"++obj")


def _object_start(data: bytes, at: int) -> int:
    """Where the nearest object header before ``at`` that stands alone starts (-1: none within reach)."""
    low, end = max(0, at - _DICT_REACH), at
    while True:
        obj = data.rfind(b"obj", low, end)
        if obj < 0:
            return -1
        end = obj
        header = _HEADER.search(data, max(low, obj - 40), obj)
        if header is not None and data[obj - 3 : obj] != b"end" and _stands_alone(data, header.start()):
            return header.start()


def _key_path(tokens: list[tuple[str, Any]] | None) -> list[bytes | None] | None:
    """The keys of the dictionaries open at the end of the tokens, outermost first (None for an array level); None
    when the tokens are not well formed (a value where a key must stand, an unbalanced close) or the end is not
    where a dictionary entry's value stands."""
    if tokens is None:
        return None
    stack: list[list[Any]] = []  # [kind, expecting a key, key]
    for kind, value in tokens:
        if not stack and kind not in ("open", "aopen"):
            return None  # outside the object's dictionary: the region is not one object ("endobj", junk)
        frame = stack[-1] if stack else None
        in_key = frame is not None and frame[0] == "dict" and frame[1]
        if kind in ("open", "aopen"):
            if in_key:
                return None
            stack.append(["dict", True, None] if kind == "open" else ["array", False, None])
        elif kind in ("close", "aclose"):
            if not stack or stack[-1][0] != ("dict" if kind == "close" else "array"):
                return None
            stack.pop()
            if not stack:
                return None  # the object's dictionary closed before the reference
            if stack[-1][0] == "dict":
                stack[-1][1] = True  # the container was a value
        elif in_key:
            assert frame is not None
            if kind == "name":
                frame[1], frame[2] = False, bytes(value)
            elif not (kind == "word" and (value == b"R" or value.isdigit())):
                return None  # the rest of "N G R" after its first number is no key; anything else breaks it
        elif frame is not None and frame[0] == "dict":
            frame[1] = True  # a value
    if not stack or stack[-1][0] != "dict" or stack[-1][1]:
        return None
    return [frame[2] if frame[0] == "dict" else None for frame in stack]


def _references(
    texts: Iterable[bytes], wanted: set[int], budget: list[int]
) -> dict[int, list[tuple[bytes, int]]] | None:
    """Where each indirect reference ``N G R`` to a ``wanted`` object number stands: (text, offset of N), by N.
    Found from the ``R`` keywords standing alone (white space before, a delimiter or the end after), which one
    regex scan finds; None when the slow path (comments between the reference's words) would read more than the
    budget allows."""
    found: dict[int, list[tuple[bytes, int]]] = {}
    for text in texts:
        for keyword in _R_KEYWORD.finditer(text):
            at = keyword.start()
            base = max(0, at - 48)
            window = text[base:at]
            if window.rstrip(_WHITE)[-1:] not in _NUMBER_ENDS and b"%" not in window:
                continue  # no number right before it: not a reference (the common case, without a regex)
            if b"%" in window:  # comments between the reference's words
                base = max(0, at - 1024)
                budget[0] -= at - base
                if budget[0] < 0:
                    return None
                window = _COMMENT.sub(lambda m: b" " * len(m.group()), text[base:at])
            ref = _NUMBERS_BEFORE.search(window)
            if ref is not None and int(ref.group(1)) in wanted:
                found.setdefault(int(ref.group(1)), []).append((text, base + ref.start()))
    return found


#: an "R" keyword: white space before it, and a delimiter, white space or the end of the text after it. Found by
#: the regex engine (its literal first lets it skip ahead): a résumé's compressed photo holds an "R" every 256
#: bytes or so, each one a turn of a Python loop before
_R_KEYWORD = re.compile(rb"R(?<=[\x00\t\n\x0c\r ]R)(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])")


#: the two numbers of a reference, right before its "R" (delimiters such as "[" may come before the first)
_NUMBERS_BEFORE = re.compile(
    rb"(?<![0-9.+-])[+-]?+0*+(\d{1,10})(?:\.\d*+)?+" + _WS + rb"++[+-]?+\d++(?:\.\d*+)?+" + _WS + rb"++\Z"
)
_NUMBER_ENDS = frozenset(bytes([c]) for c in b"0123456789.")


# --------------------------------------------------------------------------------------------- encryption


Decode = Callable[..., tuple[int, bytes]]


def _decoder(data: bytes, streams: list[_Stream]) -> Decode:
    """``_decode``, or for an encrypted file (which PDFium opens without asking when the user password is empty)
    ``_decode`` of each stream's data decrypted first: the ciphertext itself inflates to nothing. Decryption is
    pdfminer's (a pdfplumber dependency), which implements the same standard security handlers. When it cannot
    set up decryption, every stream counts as the most its data could give."""
    if not (any(s.encrypt for s in streams) or _may_be_encrypted(data)):
        return _decode
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        return _decode  # it asks for a password: PDFium will not open it, and says so
    except Exception:  # pdfminer raises many kinds on a damaged file: then nothing is decrypted, all is bounded
        decipher = None
    else:
        if document.encryption is None:
            return _decode  # "Encrypt" was only a word in the file
        decipher = _fast_rc4(document.decipher)

    def decode(view: memoryview, stream: _Stream, limit: int, *, keep: bool = False) -> tuple[int, bytes]:
        if stream.chain == ():
            return _decode(view, stream, limit, keep=keep)
        end = stream.end if stream.end is not None else stream.reach
        decrypted: tuple[int, bytes] = (_chain_bound(stream, end - stream.start), b"")  # bounded, not decrypted
        if decipher is not None and stream.number >= 0:
            try:
                plain = decipher(stream.number, stream.gen, bytes(view[stream.start : end]))
            except Exception:  # a damaged ciphertext (pdfminer's AES raises on bad padding): bounded
                plain = None
            if plain is not None:
                clear = dataclasses.replace(stream, start=0, end=len(plain), reach=len(plain))
                decrypted = _decode(memoryview(plain), clear, limit, keep=keep)
        if stream.xref:  # the file's cross-reference stream is not encrypted; a stream that only says so may be
            return max(_decode(view, stream, limit, keep=keep), decrypted, key=lambda result: result[0])
        return decrypted

    return decode


def _fast_rc4(decipher: Any) -> Any:
    """pdfminer's decipher, with RC4 done by ``cryptography`` (a pdfminer dependency) in C: pdfminer's own RC4 is
    pure Python and grows worse than linearly, so a 1.6 MB encrypted stream took minutes. The per-object key is
    derived as pdfminer derives it (PDF 32000-1, 7.6.2, algorithm 1); AES and crypt filters stay pdfminer's."""
    handler = getattr(decipher, "__self__", None)
    key = getattr(handler, "key", None)
    rc4 = getattr(handler, "decrypt_rc4", None)
    uses_rc4 = type(handler).__name__ == "PDFStandardSecurityHandler" or (
        getattr(handler, "cfm", {}).get(getattr(handler, "strf", None)) == rc4
    )
    if not (uses_rc4 and isinstance(key, bytes)):
        return decipher
    try:
        arc4 = importlib.import_module("cryptography.hazmat.decrepit.ciphers.algorithms").ARC4
    except ImportError:  # pragma: no cover - cryptography before 43
        arc4 = importlib.import_module("cryptography.hazmat.primitives.ciphers.algorithms").ARC4
    from cryptography.hazmat.primitives.ciphers import Cipher

    def decrypt(objid: int, genno: int, data: bytes, attrs: Any = None) -> bytes:
        salted = key + (objid & 0xFFFFFF).to_bytes(3, "little") + (genno & 0xFFFF).to_bytes(2, "little")
        object_key = hashlib.md5(salted, usedforsecurity=False).digest()[: min(len(salted), 16)]
        return Cipher(arc4(object_key), mode=None).decryptor().update(data)

    return decrypt


def _may_be_encrypted(data: bytes) -> bool:
    """True when the file holds the name /Encrypt anywhere, spelt plainly or with ``#`` escapes, as PDFium reads a
    name (it ends at white space or a delimiter): then pdfminer, which reads the trailer as a PDF reader does,
    decides. One regex scan, whatever the file holds (reading every "trailer" dictionary instead let a file of
    thousands of them make the check slow). The word "Encrypt" elsewhere (in a string, or in a longer name such as
    /EncryptMetadata) is no /Encrypt key for PDFium, so it does not count; a substring search for it, made before
    the scan, cost a second pass over the file."""
    return _ENCRYPT_NAME.search(data) is not None


_ENCRYPT_NAME = re.compile(
    rb"/(?:E|#45)(?:n|#6[Ee])(?:c|#63)(?:r|#72)(?:y|#79)(?:p|#70)(?:t|#74)(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])"
)


# --------------------------------------------------------------------------------------------- decoding


def _decode(view: memoryview, stream: _Stream, limit: int, *, keep: bool = False) -> tuple[int, bytes]:
    """(bytes the stream decodes to, counting stops once past ``limit``; the bytes themselves when ``keep``)."""
    assert stream.chain is not None  # streams whose filters cannot be read are refused when found
    return _run(_input(view, stream, stream.chain), stream.chain, limit, keep=keep)


def _input(view: memoryview, stream: _Stream, chain: tuple[str, ...]) -> memoryview:
    """The data a chain decodes: up to the checked /Length; without one, deflate data runs to its own end (a decoy
    "endstream" inside it cannot cut the count short) and other data to the first "endstream", as PDFium reads it."""
    if stream.end is not None:
        return view[stream.start : stream.end]
    return view[stream.start :] if chain[0] == "flate" else view[stream.start : stream.reach]


def _run(data: memoryview | bytes, chain: Iterable[str], limit: int, *, keep: bool) -> tuple[int, bytes]:
    """Decode ``data`` through the chain, counting the last output; an output that is itself a zlib stream (a
    layer the dictionary did not name, as read here) is inflated again, up to four more layers."""
    steps = list(chain)
    most = len(steps) + 4  # decoders run at most, the layers found by their output included
    index = 0
    while index < len(steps):
        step = steps[index]
        last = index == len(steps) - 1
        if step == "flate":
            size, out = _flate(data, limit, keep=keep or not last)  # unkept: its first bytes only
            if last and not keep and size <= limit and _is_zlib(out) and len(steps) < most:
                size, out = _flate(data, limit, keep=True)  # it holds another layer: needed whole
        else:
            out = _DECODERS[step](bytes(data), limit)
            size = len(out)
        if size > limit:
            return size, out if keep else b""
        if last and _is_zlib(out[:2]) and len(steps) < most:
            steps.append("flate")  # one more layer
            last = False
        if last:
            return size, out if keep else b""
        data = out
        index += 1
    return 0, b""


def _flate(stream: memoryview | bytes, limit: int, *, keep: bool) -> tuple[int, bytes]:
    """(bytes the zlib stream at the start of ``stream`` inflates to, counting stops once past ``limit``; the bytes
    when ``keep``, else their first two, to see whether they start another layer).

    The deflate data after the 2-byte zlib header is inflated raw, so a wrong Adler-32 checksum at its end does not
    void the count: PDFium keeps what such a stream gives. A stream damaged mid-way counts what it gives before
    the damage, to within ``_DAMAGED_CHUNK`` bytes."""
    body = memoryview(stream)[2:]
    try:
        return _count(body, limit, _CHUNK, keep=keep)
    except (zlib.error, INFLATE.error):
        return _count(body, limit, _DAMAGED_CHUNK, damaged=True, keep=keep)


def _count(body: memoryview, limit: int, chunk: int, *, damaged: bool = False, keep: bool = False) -> tuple[int, bytes]:
    inflater = INFLATE.decompressobj(-15)
    size = 0
    parts: list[bytes] = []
    try:
        out = inflater.decompress(body, chunk)
        size = len(out)
        parts.append(out if keep else out[:2])  # unkept: the first bytes, to see whether they start another layer
        while not inflater.eof and size <= limit:
            # called again even when all the input is taken: ISA-L can hold output back with no unconsumed tail
            out = inflater.decompress(inflater.unconsumed_tail, chunk)
            if not out:
                break
            size += len(out)
            if keep:
                parts.append(out)
            elif len(parts[0]) < 2:  # ISA-L may hold the first bytes back a call
                parts[0] += out[: 2 - len(parts[0])]
    except (zlib.error, INFLATE.error):
        if not damaged:
            raise
    return size, b"".join(parts)


def _hex(data: bytes, limit: int) -> bytes:
    """ASCIIHexDecode: hex digits up to ">", every other byte skipped (as PDFium skips it); an odd last digit is
    followed by 0."""
    end = data.find(b">")
    digits = _NOT_HEX.sub(b"", data if end < 0 else data[:end])
    if len(digits) % 2:
        digits += b"0"
    return binascii.unhexlify(digits[: 2 * (limit + 1)])


_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]+")


def _a85(data: bytes, limit: int) -> bytes:
    """ASCII85Decode up to "~>" or the first byte that is not part of it ("z" is four zero bytes), stopping past
    ``limit`` bytes. A group over 2**32 - 1 wraps, as PDFium decodes it (Python's decoder refuses it)."""
    end = data.find(b"~>")
    text = re.sub(rb"[\x00\t\n\x0c\r ]+", b"", data if end < 0 else data[:end])
    text = text[: len(_A85_TEXT.match(text).group())]  # type: ignore[union-attr]
    out = bytearray()
    pos, size = 0, len(text)
    while pos < size and len(out) <= limit:
        if text[pos] == 0x7A:  # "z"
            out += b"\0\0\0\0"
            pos += 1
            continue
        group = text[pos : pos + 5]
        pos += len(group)
        if len(group) == 1:
            break  # a lone last char gives nothing
        value = 0
        for char in group.ljust(5, b"u"):
            value = value * 85 + char - 33
        out += (value & 0xFFFFFFFF).to_bytes(4, "big")[: len(group) - 1]
    return bytes(out)


_A85_TEXT = re.compile(rb"[!-uz]*+")


def _runlength(data: bytes, limit: int) -> bytes:
    """RunLengthDecode, stopping past ``limit`` bytes or at the end-of-data byte (128)."""
    out = bytearray()
    pos, size = 0, len(data)
    while pos < size and len(out) <= limit:
        length = data[pos]
        if length == 128:
            break
        if length < 128:
            out += data[pos + 1 : pos + 2 + length]
            pos += 2 + length
        else:
            out += data[pos + 1 : pos + 2] * (257 - length)
            pos += 2
    return bytes(out)


def _lzw(data: bytes, limit: int) -> bytes:
    """LZWDecode, stopping past ``limit`` bytes: the larger of the two code-width rules (/EarlyChange 1, the
    default, and 0), since the dictionary's /DecodeParms are not read here."""
    return max((_lzw_run(data, limit, early) for early in (1, 0)), key=len)


def _lzw_run(data: bytes, limit: int, early: int) -> bytes:
    """LZW as PDF writes it (9 to 12-bit codes, 256 clears the table, 257 ends the data), stopping at damaged
    data. The table holds at most 4,096 entries, as the format allows, so its memory is bounded whatever the
    data (pdfminer's decoder, used before, grew its table without end and raised IndexError on damage)."""
    out = bytearray()
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    width, previous, bits, held = 9, b"", 0, 0
    for byte in data:
        bits = ((bits << 8) | byte) & 0xFFFFFF
        held += 8
        while held >= width:
            held -= width
            code = (bits >> held) & ((1 << width) - 1)
            if code == 256:
                del table[258:]
                width, previous = 9, b""
                continue
            if code == 257:
                return bytes(out)
            if code < len(table) and (code < 256 or code > 257):
                word = table[code]
                entry = previous + word[:1]
            elif code == len(table) and previous:
                word = entry = previous + previous[:1]
            else:
                return bytes(out)  # damaged
            if previous and len(table) < 4096:
                table.append(entry)
            previous = word
            out += word
            if len(out) > limit:
                return bytes(out)
            size = len(table) + early
            width = 12 if size >= 2048 else 11 if size >= 1024 else 10 if size >= 512 else 9
    return bytes(out)


_DECODERS: dict[str, Callable[[bytes, int], bytes]] = {"ahx": _hex, "a85": _a85, "rl": _runlength, "lzw": _lzw}


def _inflate_module() -> ModuleType:
    """ISA-L's zlib-compatible inflater (the ``isal`` package), which counts the same bytes faster than zlib (the
    benchmark's extraction figures show by how much), or zlib itself where no isal wheel is installed (the
    dependency is limited to the platforms it ships wheels for)."""
    try:
        return importlib.import_module("isal.isal_zlib")
    except ImportError:  # pragma: no cover - a platform without the isal wheel
        return zlib


#: the module whose ``decompressobj`` counts inflated bytes (``_inflate_module``); tests run the budget with both
INFLATE = _inflate_module()
