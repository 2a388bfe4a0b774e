"""Fuzzing harness: seeded byte and structure mutations of PDF and DOCX résumés, analysed in process.

Usage (from the repository, in an environment where resume-check is installed):

    python tools/fuzz.py [--cases 5000] [--seed 1] [--time-limit 10] [--save-failures DIR] [SEED_FILE ...]

Seeds are the bundled samples (samples/*.pdf, samples/*.docx), the synthetic test fixtures (tests/pdf_fixtures.py,
tests/docx_fixtures.py, when reportlab and python-docx are installed) and any SEED_FILEs given. Each case takes a
seed file and applies one to three mutations drawn from the seeded generator (the same --seed gives the same
cases): byte mutations (flips, inserts, deletes, duplicated or spliced ranges, interesting numbers, truncation),
PDF structure mutations (numbers, names, inflated and rewritten content streams, deep arrays, a broken xref) and
DOCX structure mutations (XML members mutated, elements duplicated or nested, relationship targets dropped, zip
headers flagged encrypted, AES or lying about sizes). Every case runs through extract -> analyse -> render under
the per-file time limit (the same in-process alarm as `resume-check check`).

Outcomes: analysed; an input error (the documented exit 3, the time limit included); a failure (any other
exception: what `resume-check` would report as exit 4; or a library's log record of warning level or above, which
Python's last-resort handler prints on the user's terminal); a hang (a case still running past the time limit plus a
grace second: the limit did not stop it). The run prints a summary table with the peak RSS of the process, and
exits 1 when there was a failure or a hang. tests/test_fuzz.py runs a short seeded round in CI.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import logging
import random
import re
import resource
import sys
import time
import traceback
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GRACE = 1.0  # seconds past the time limit before a case counts as a hang

INTERESTING_NUMBERS = (
    b"0",
    b"-1",
    b"1",
    b"255",
    b"65535",
    b"2147483647",
    b"-2147483648",
    b"4294967296",
    b"99999999999999999999",
    b"1e308",
    b"0.000001",
    b"-0",
    b"NaN",
)
PDF_NAMES = (
    b"/FlateDecode",
    b"/ASCIIHexDecode",
    b"/ASCII85Decode",
    b"/LZWDecode",
    b"/Length",
    b"/Type",
    b"/Page",
    b"/Pages",
    b"/Kids",
    b"/Count",
    b"/Encrypt",
    b"/Font",
    b"/Widths",
    b"/ToUnicode",
    b"/MediaBox",
    b"/Contents",
    b"/Resources",
    b"/Parent",
)
CONTENT_SNIPPETS = (
    b"BT /F1 12 Tf 72 700 Td (Managed a \xa3250k budget) Tj ET\n",
    b"BT /F1 0.001 Tf 1 0 0 1 0 0 Tm (tiny) Tj ET\n",
    b"BT /F1 99999 Tf 1e30 1e30 Td (huge) Tj ET\n",
    b"BT 3 Tr (invisible) Tj ET\n",
    b"q " * 200 + b"Q " * 200 + b"\n",
    b"BT /F1 12 Tf 1000 Tz 50 Tc (spaced) Tj ET\n",
    b"BT /F1 12 Tf [(A) -9999 (B) 99999 (C)] TJ ET\n",
    b"BT /F1 12 Tf (" + b"x" * 5000 + b") Tj ET\n",
    b"BT /F1 12 Tf <d800dfff00ff> Tj ET\n",
    b"1 0 0 RG 1 1 1 rg 0 0 612 792 re f\n",
)


@dataclasses.dataclass
class Case:
    number: int
    seed_name: str
    kind: str  # pdf or docx
    mutations: tuple[str, ...]
    outcome: str = ""  # analysed, input-error, time-limit, failure, hang
    seconds: float = 0.0
    detail: str = ""
    peak_mb: float = 0.0  # the process's peak RSS while this case was analysed (engine included)


@dataclasses.dataclass
class Summary:
    cases: list[Case]
    peak_rss_mb: float
    seconds: float
    time_limit: float

    @property
    def failures(self) -> list[Case]:
        return [c for c in self.cases if c.outcome == "failure"]

    @property
    def hangs(self) -> list[Case]:
        return [c for c in self.cases if c.outcome == "hang"]

    def table(self) -> str:
        outcomes = ("analysed", "input-error", "time-limit", "failure", "hang")
        rows = [("kind", *outcomes, "cases", "max s")]
        for kind in sorted({c.kind for c in self.cases}):
            mine = [c for c in self.cases if c.kind == kind]
            counts = Counter(c.outcome for c in mine)
            rows.append(
                (kind, *(str(counts[o]) for o in outcomes), str(len(mine)), f"{max(c.seconds for c in mine):.2f}")
            )
        counts = Counter(c.outcome for c in self.cases)
        rows.append(
            (
                "all",
                *(str(counts[o]) for o in outcomes),
                str(len(self.cases)),
                f"{max((c.seconds for c in self.cases), default=0):.2f}",
            )
        )
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
        mutation_counts = Counter(m.split(":")[0] for c in self.cases for m in c.mutations)
        lines.append("")
        lines.append("mutations: " + ", ".join(f"{name} {n}" for name, n in sorted(mutation_counts.items())))
        lines.append(
            f"time limit {self.time_limit:g} s (+{GRACE:g} s grace); wall {self.seconds:.0f} s; "
            f"peak RSS while analysing {self.peak_rss_mb:.0f} MB (the worst case; the engine included); "
            f"exit-4 equivalents (failures) {len(self.failures)}; "
            f"hangs past the limit {len(self.hangs)}"
        )
        for case in sorted(self.cases, key=lambda c: -c.peak_mb)[:3]:
            lines.append(
                f"  peak RSS {case.peak_mb:.0f} MB in case {case.number} ({case.seed_name}; "
                f"{', '.join(case.mutations)}; {case.outcome})"
            )
        for case in (self.failures + self.hangs)[:20]:
            lines.append(f"  case {case.number} ({case.seed_name}; {', '.join(case.mutations)}): {case.detail}")
        return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------------------- seeds


def default_seeds() -> list[tuple[str, bytes]]:
    """(name, bytes) of the sample PDFs and DOCX files, plus the synthetic test fixtures when they can be built."""
    seeds = [(p.name, p.read_bytes()) for p in sorted((REPO / "samples").glob("*")) if p.suffix in (".pdf", ".docx")]
    tests = str(REPO / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    with contextlib.suppress(Exception):  # reportlab / python-docx missing: the samples alone
        import docx_fixtures
        import pdf_fixtures

        for name in (
            "resume_pdf",
            "two_column_pdf",
            "dated_rows_pdf",
            "hidden_text_pdf",
            "letter_spaced_pdf",
            "no_space_pdf",
            "glyphs_pdf",
            "running_header_pdf",
            "table_rows_pdf",
            "top_down_pdf",
            "fake_bold_pdf",
        ):
            seeds.append((f"{name}.pdf", getattr(pdf_fixtures, name)()))
        for name in ("twin_docx", "layout_tables_docx", "textboxes_docx", "header_contact_docx"):
            seeds.append((f"{name}.docx", getattr(docx_fixtures, name)()))
    return seeds


# ------------------------------------------------------------------------------------------------- mutations

Mutator = Callable[[random.Random, bytes], bytes]


def _span(rnd: random.Random, data: bytes, longest: int = 64) -> tuple[int, int]:
    start = rnd.randrange(len(data) or 1)
    return start, min(len(data), start + rnd.randint(1, longest))


def flip_bytes(rnd: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rnd.randint(1, 16)):
        if out:
            out[rnd.randrange(len(out))] ^= 1 << rnd.randrange(8)
    return bytes(out)


def insert_bytes(rnd: random.Random, data: bytes) -> bytes:
    at = rnd.randrange(len(data) + 1)
    return data[:at] + rnd.randbytes(rnd.randint(1, 256)) + data[at:]


def delete_bytes(rnd: random.Random, data: bytes) -> bytes:
    start, end = _span(rnd, data, 4096)
    return data[:start] + data[end:]


def duplicate_range(rnd: random.Random, data: bytes) -> bytes:
    start, end = _span(rnd, data, 4096)
    at = rnd.randrange(len(data) + 1)
    return data[:at] + data[start:end] * rnd.randint(1, 50) + data[at:]


def truncate(rnd: random.Random, data: bytes) -> bytes:
    return data[: rnd.randrange(len(data) or 1)]


def interesting_number(rnd: random.Random, data: bytes) -> bytes:
    numbers = list(re.finditer(rb"-?\d+(?:\.\d+)?", data))
    if not numbers:
        return flip_bytes(rnd, data)
    out = data
    for m in sorted(rnd.sample(numbers, min(len(numbers), rnd.randint(1, 8))), key=lambda m: -m.start()):
        out = out[: m.start()] + rnd.choice(INTERESTING_NUMBERS) + out[m.end() :]
    return out


def swap_names(rnd: random.Random, data: bytes) -> bytes:
    names = list(re.finditer(rb"/[A-Za-z][A-Za-z0-9]*", data))
    if not names:
        return flip_bytes(rnd, data)
    out = data
    for m in sorted(rnd.sample(names, min(len(names), rnd.randint(1, 6))), key=lambda m: -m.start()):
        out = out[: m.start()] + rnd.choice(PDF_NAMES) + out[m.end() :]
    return out


def deep_arrays(rnd: random.Random, data: bytes) -> bytes:
    at = rnd.randrange(len(data) + 1)
    depth = rnd.choice((100, 1000, 10000))
    opener, closer = rnd.choice(((b"[", b"]"), (b"<<", b">>"), (b"(", b")")))
    return data[:at] + opener * depth + closer * rnd.choice((0, depth)) + data[at:]


def break_xref(rnd: random.Random, data: bytes) -> bytes:
    for marker in (b"xref", b"trailer", b"startxref", b"%%EOF"):
        if marker in data and rnd.random() < 0.5:
            data = data.replace(marker, rnd.choice((b"", b"xxxx", marker[:-1])), 1)
    return data


def _rewrite_streams(rnd: random.Random, data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """Inflate some FlateDecode streams, apply ``change`` to their content, deflate them back with a true /Length."""
    pattern = re.compile(rb"(/Length\s+)(\d+)([^>]*>>\s*stream\r?\n)", re.DOTALL)
    out, pos, changed = [], 0, False
    for m in pattern.finditer(data):
        length = int(m.group(2))
        start = m.end()
        raw = data[start : start + length]
        if not raw or rnd.random() < 0.5:
            continue
        try:
            content = zlib.decompress(raw)
        except zlib.error:
            continue
        new = zlib.compress(change(content))
        out.append(data[pos : m.start()] + m.group(1) + str(len(new)).encode() + m.group(3) + new)
        pos = start + length
        changed = True
    if not changed:
        return duplicate_range(rnd, data)
    out.append(data[pos:])
    return b"".join(out)


def mutate_content(rnd: random.Random, data: bytes) -> bytes:
    def change(content: bytes) -> bytes:
        choice = rnd.randrange(4)
        if choice == 0:
            at = rnd.randrange(len(content) + 1)
            return content[:at] + rnd.choice(CONTENT_SNIPPETS) * rnd.choice((1, 10, 1000)) + content[at:]
        if choice == 1:
            return interesting_number(rnd, content)
        if choice == 2:
            return duplicate_range(rnd, content)
        return flip_bytes(rnd, content)

    return _rewrite_streams(rnd, data, change)


def inflate_content(rnd: random.Random, data: bytes) -> bytes:
    """A small decompression bomb: one content stream made to inflate to many megabytes."""
    size = rnd.choice((1, 8, 64)) * 1024 * 1024

    def change(content: bytes) -> bytes:
        return content + b"\n%" + b" " * size

    return _rewrite_streams(rnd, data, change)


def _zip_members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:
        return None


def _zip(members: list[tuple[zipfile.ZipInfo, bytes]], rnd: random.Random) -> bytes:
    buf = io.BytesIO()
    method = rnd.choice((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))
    with zipfile.ZipFile(buf, "w", method) as archive:
        for info, body in members:  # a fixed timestamp: the same seed gives the same bytes
            archive.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), body, method)
    return buf.getvalue()


def mutate_member(rnd: random.Random, data: bytes) -> bytes:
    members = _zip_members(data)
    if not members:
        return flip_bytes(rnd, data)
    xml = [i for i, (info, _) in enumerate(members) if info.filename.endswith((".xml", ".rels"))] or [0]
    k = rnd.choice(xml)
    info, body = members[k]
    choice = rnd.randrange(7)
    if choice == 0:
        body = flip_bytes(rnd, body)
    elif choice == 1:  # duplicate an element many times
        tags = list(
            re.finditer(rb"<(w:p|w:r|w:tbl|w:tc|w:tr|Relationship)\b.*?</\1>|<Relationship\b[^>]*/>", body, re.S)
        )
        if tags:
            m = rnd.choice(tags)
            body = body[: m.end()] + m.group() * rnd.choice((10, 1000, 20000)) + body[m.end() :]
    elif choice == 2:  # deep nesting
        depth = rnd.choice((200, 5000, 100000))
        at = body.find(b"<w:body>")
        if at >= 0:
            at += len(b"<w:body>")
            body = body[:at] + b"<w:tbl><w:tr><w:tc>" * depth + b"</w:tc></w:tr></w:tbl>" * depth + body[at:]
    elif choice == 3:  # attributes dropped or set to interesting values
        attrs = list(re.finditer(rb'\s([A-Za-z:]+)="[^"]*"', body))
        if attrs:
            m = rnd.choice(attrs)
            replacement = rnd.choice((b"", b' %s="%s"' % (m.group(1), rnd.choice(INTERESTING_NUMBERS))))
            body = body[: m.start()] + replacement + body[m.end() :]
    elif choice == 4:  # relationship targets removed or pointed outside
        body = re.sub(
            rb'\sTarget="[^"]*"',
            lambda m: rnd.choice((b"", b' Target="../../../etc/passwd"', b' Target="http://x/"', m.group())),
            body,
        )
    elif choice == 5:  # entity declarations (billion laughs, external entities)
        body = re.sub(
            rb"^(<\?xml[^>]*\?>)?",
            lambda m: (
                (m.group() or b"")
                + b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                + b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY e SYSTEM "file:///etc/passwd">]>'
            ),
            body,
            count=1,
        )
    else:  # a huge run of text
        at = body.find(b"</w:t>")
        if at >= 0:
            body = body[:at] + b"Managed budget " * rnd.choice((1000, 100000)) + body[at:]
    members[k] = (info, body)
    return _zip(members, rnd)


def zip_headers(rnd: random.Random, data: bytes) -> bytes:
    """Lie in the zip headers: entries flagged encrypted, compression method 99 (AES), or false sizes."""
    out = bytearray(data)
    for signature, flag_at, method_at, size_at in ((b"PK\x03\x04", 6, 8, 22), (b"PK\x01\x02", 8, 10, 24)):
        for m in re.finditer(re.escape(signature), data):
            if rnd.random() < 0.5:
                continue
            base = m.start()
            if base + size_at + 4 > len(out):
                continue
            trick = rnd.randrange(3)
            if trick == 0:
                out[base + flag_at] |= 1
            elif trick == 1:
                out[base + method_at : base + method_at + 2] = (99).to_bytes(2, "little")
            else:
                out[base + size_at : base + size_at + 4] = rnd.choice((0, 1, 0xFFFFFFFF, 100)).to_bytes(4, "little")
    return bytes(out)


def splice(rnd: random.Random, data: bytes, other: bytes) -> bytes:
    return data[: rnd.randrange(len(data) + 1)] + other[rnd.randrange(len(other) + 1) :]


BYTE_MUTATIONS: dict[str, Mutator] = {
    "flip": flip_bytes,
    "insert": insert_bytes,
    "delete": delete_bytes,
    "duplicate": duplicate_range,
    "truncate": truncate,
    "number": interesting_number,
}
PDF_MUTATIONS: dict[str, Mutator] = {
    "pdf-names": swap_names,
    "pdf-deep": deep_arrays,
    "pdf-xref": break_xref,
    "pdf-content": mutate_content,
    "pdf-inflate": inflate_content,
}
DOCX_MUTATIONS: dict[str, Mutator] = {"docx-member": mutate_member, "docx-headers": zip_headers}


def mutate(rnd: random.Random, kind: str, data: bytes, others: list[bytes]) -> tuple[bytes, tuple[str, ...]]:
    structure = PDF_MUTATIONS if kind == "pdf" else DOCX_MUTATIONS
    names = []
    for _ in range(rnd.choice((1, 1, 2, 3))):
        if others and rnd.random() < 0.05:
            data = splice(rnd, data, rnd.choice(others))
            names.append("splice")
            continue
        table = structure if rnd.random() < 0.6 else BYTE_MUTATIONS
        name = rnd.choice(sorted(table))
        data = table[name](rnd, data)
        names.append(name)
    return data, tuple(names)


# ------------------------------------------------------------------------------------------------- running


class _Stopped(Exception):
    pass


def run_case(data: bytes, name: str, engine: Any, time_limit: float) -> tuple[str, str]:
    """(outcome, detail) of analysing ``data`` as the file ``name``: analysed, input-error, time-limit, failure."""
    from resume_check.analysis import analyse_document
    from resume_check.cli import time_budget
    from resume_check.errors import ResumeCheckError, TimeLimitError
    from resume_check.extract import extract_bytes
    from resume_check.render import renderer

    heard = _Heard()
    root = logging.getLogger()
    root.addHandler(heard)
    try:
        with time_budget(time_limit, "fuzz case"):
            analysis = analyse_document(extract_bytes(data, name), engine)
            for fmt in ("text", "json"):
                renderer(fmt).render(analysis).encode("utf-8")
    except TimeLimitError:
        return "time-limit", ""
    except ResumeCheckError as err:
        if err.exit_code == 3:
            return heard.outcome("input-error", str(err)[:200])
        return "failure", f"{type(err).__name__} (exit {err.exit_code}): {err}"[:300]
    except Exception as err:  # anything else is what the command reports as exit 4
        where = traceback.extract_tb(err.__traceback__)[-1]
        return "failure", f"{type(err).__name__}: {str(err)[:150]} at {Path(where.filename).name}:{where.lineno}"
    finally:
        root.removeHandler(heard)
    return heard.outcome("analysed", "")


class _Heard(logging.Handler):
    """The first log record of warning level or above that reaches the root logger while a case runs: with no
    handler set up (as in the command) Python prints it on stderr, so a library's warning is noise on the user's
    terminal, often with the damaged bytes in it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.first: logging.LogRecord | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.first is None:
            self.first = record

    def outcome(self, outcome: str, detail: str) -> tuple[str, str]:
        if self.first is None:
            return outcome, detail
        return "failure", f"log on stderr from {self.first.name}: {self.first.getMessage()[:150]!r}"


def run(
    cases: int,
    seed: int,
    *,
    time_limit: float = 10.0,
    seeds: list[tuple[str, bytes]] | None = None,
    engine: Any = None,
    save_failures: Path | None = None,
    progress: Callable[[Case], None] | None = None,
) -> Summary:
    """Run ``cases`` mutated files (deterministic for a given ``seed``) and summarise the outcomes."""
    from resume_check.analysis import build_engine

    seeds = seeds if seeds is not None else default_seeds()
    if not seeds:
        raise SystemExit("fuzz: no seed files")
    engine = engine if engine is not None else build_engine()
    rnd = random.Random(seed)
    started = time.monotonic()
    done = []
    payloads = [d for _, d in seeds]
    for number in range(cases):
        seed_name, data = seeds[rnd.randrange(len(seeds))]
        kind = "pdf" if seed_name.endswith(".pdf") else "docx"
        case_rnd = random.Random(rnd.getrandbits(64))
        mutated, names = mutate(case_rnd, kind, data, payloads)
        case = Case(number, seed_name, kind, names)
        del data
        _reset_peak()  # the peak of this case's analysis, not of making its input (a 64 MB stream is built here)
        begin = time.monotonic()
        case.outcome, case.detail = run_case(mutated, f"fuzz-{number}.{kind}", engine, time_limit)
        case.seconds = time.monotonic() - begin
        case.peak_mb = _peak_mb()
        if case.seconds > time_limit + GRACE:
            case.outcome, case.detail = "hang", f"ran {case.seconds:.1f} s: the time limit did not stop it"
        if save_failures is not None and case.outcome in ("failure", "hang"):
            save_failures.mkdir(parents=True, exist_ok=True)
            (save_failures / f"case-{seed}-{number}.{kind}").write_bytes(mutated)
        done.append(case)
        if progress is not None:
            progress(case)
    peak = max((c.peak_mb for c in done), default=0.0)
    return Summary(done, peak, time.monotonic() - started, time_limit)


def _reset_peak() -> None:
    """Reset the process's peak RSS (VmHWM) on Linux, so each case's peak is measured on its own."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    """The process's peak RSS since the last reset (VmHWM), in MB; elsewhere the lifetime peak (ru_maxrss)."""
    with contextlib.suppress(OSError, ValueError, StopIteration):
        status = Path("/proc/self/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed_files", nargs="*", type=Path, help="extra PDF/DOCX files to mutate")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--save-failures", type=Path, help="write failing and hanging inputs here")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    seeds = default_seeds() + [(p.name, p.read_bytes()) for p in args.seed_files]
    print(f"fuzz: {args.cases} cases, seed {args.seed}, {len(seeds)} seed files, time limit {args.time_limit:g} s")

    def progress(case: Case) -> None:
        if not args.quiet and (case.number + 1) % 250 == 0:
            print(f"  {case.number + 1} cases", file=sys.stderr, flush=True)
        if case.outcome in ("failure", "hang"):
            print(f"  case {case.number}: {case.outcome}: {case.detail}", file=sys.stderr, flush=True)

    summary = run(
        args.cases,
        args.seed,
        time_limit=args.time_limit,
        seeds=seeds,
        save_failures=args.save_failures,
        progress=progress,
    )
    print(summary.table(), end="")
    return 1 if summary.failures or summary.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
