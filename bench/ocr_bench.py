"""OCR benchmark: word recall against the source text, and seconds per page, for synthetic scans.

Usage (from the repository, in an environment with the OCR extra: pip install -e ".[ocr]"):

    python bench/ocr_bench.py [--corpus FOLDER]

Each synthetic scan is the sample résumé (samples/alex-morgan.pdf, a text PDF) rendered to an image at a given
resolution and wrapped as an image-only PDF, or pasted into a DOCX; the OCR text is compared with the text layer
of the original. Recall is the share of the source's words (with repeats, case-folded) found in the OCR text.
Seconds are wall time (and CPU time of the process, all threads) per page, the engine already loaded. Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from ocr_fixtures import image_docx, image_pdf, render, word_recall  # noqa: E402

from resume_check.extract import extract_bytes  # noqa: E402
from resume_check.extract.ocr import load_engine  # noqa: E402
from resume_check.extract.pdf import extract_pdf  # noqa: E402


def text_of(document: object) -> str:
    return "\n".join(line.text for line in document.lines)  # type: ignore[attr-defined]


def measure(label: str, data: bytes, name: str, source: str | None, pages: int) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    document = extract_bytes(data, name)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    recall = f"{word_recall(source, text_of(document)):.3f}" if source is not None else "  -  "
    print(f"{label:<44} recall {recall}   {wall / pages:6.2f} s/page wall   {cpu / pages:6.2f} s/page CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "real")
    args = parser.parse_args()

    start = time.perf_counter()
    load_engine()
    print(f"OCR engine import and load: {time.perf_counter() - start:.2f} s")
    sample = (REPO / "samples" / "alex-morgan.pdf").read_bytes()
    source = text_of(extract_pdf(sample, "alex-morgan.pdf"))
    for dpi in (150, 300):
        images = render(sample, dpi=dpi)
        measure(f"alex-morgan, {dpi}-dpi image-only PDF", image_pdf(images, dpi=dpi), "scan.pdf", source, len(images))
    images = render(sample, dpi=150)
    measure("alex-morgan, 150-dpi picture in a DOCX", image_docx(images), "picture.docx", source, len(images))
    scanned = args.corpus / "mathdebate09__job-cli__marketing_specialist.pdf"
    if scanned.is_file():
        measure("corpus image-only PDF (2 pages, no source)", scanned.read_bytes(), scanned.name, None, 2)
    sys.path.insert(0, str(REPO / "bench"))
    from bench import machine_reference

    print(f"machine-speed reference: {machine_reference():.1f} ms (bench/bench.py's; compare runs by it)")


if __name__ == "__main__":
    main()
