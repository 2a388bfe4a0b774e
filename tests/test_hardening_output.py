"""Issue 15: where reports are written. --output writes through symlinks, refuses device nodes, folders, read-only
files and the input itself, keeps the target's mode; write errors (stdout too) exit 3 with one line."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from resume_check.cli import main
from resume_check.errors import OutputError
from resume_check.runtime.atomic import write_atomic

ALEX_TEXT = (SAMPLES / "alex-morgan.txt").read_text(encoding="utf-8")


def check(*args: str) -> object:
    return CliRunner().invoke(main, ["check", *args])


def one_error_line(result: object) -> str:
    lines = result.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, result.stderr  # type: ignore[attr-defined]
    assert lines[0].startswith("resume-check: error: ")
    assert "Traceback" not in result.output  # type: ignore[attr-defined]
    return lines[0]


def test_output_to_a_device_node_is_refused_and_the_node_stays(cv: Path) -> None:
    before = os.stat("/dev/null")
    result = check(str(cv), "-o", "/dev/null")
    assert result.exit_code == 3  # type: ignore[attr-defined]
    assert "not a regular file" in one_error_line(result)
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(cv: Path, tmp_path: Path) -> None:
    target = tmp_path / "real" / "report.txt"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = check(str(cv), "-o", str(link))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Score" in target.read_text(encoding="utf-8")
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_output_through_a_dangling_symlink_creates_its_target(cv: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "new.txt")
    result = check(str(cv), "-o", str(link))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert link.is_symlink() and (tmp_path / "new.txt").read_text(encoding="utf-8").startswith("resume-check")


def test_output_equal_to_the_input_is_refused_and_the_input_kept(cv: Path, tmp_path: Path) -> None:
    link = tmp_path / "same.txt"
    link.symlink_to(cv)
    for target in (str(cv), str(link), str(tmp_path / "." / "cv.txt")):
        result = check(str(cv), "-o", target)
        assert result.exit_code == 3  # type: ignore[attr-defined]
        assert "is the input file" in one_error_line(result)
        assert cv.read_text(encoding="utf-8") == ALEX_TEXT


def test_output_keeps_an_existing_files_mode(cv: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n")
    target.chmod(0o640)
    assert check(str(cv), "-o", str(target)).exit_code == 0  # type: ignore[attr-defined]
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_output_file_is_0644_under_the_usual_umask(cv: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert check(str(cv), "-o", str(tmp_path / "new.txt")).exit_code == 0  # type: ignore[attr-defined]
        os.umask(0o077)
        assert check(str(cv), "-o", str(tmp_path / "private.txt")).exit_code == 0  # type: ignore[attr-defined]
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "private.txt").stat().st_mode) == 0o600


def test_a_read_only_output_file_is_refused_not_replaced(cv: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("keep me\n")
    target.chmod(0o444)
    result = check(str(cv), "-o", str(target))
    assert result.exit_code == 3  # type: ignore[attr-defined]
    assert "read-only" in one_error_line(result)
    assert target.read_text() == "keep me\n"


def test_output_to_a_folder_or_an_empty_path_exits_2_or_3_with_one_line(cv: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = check(str(cv), "-o", str(folder))
    assert result.exit_code == 2  # type: ignore[attr-defined]  # Click's own check (dir_okay=False)
    result = check(str(cv), "-o", "")
    assert result.exit_code == 3  # type: ignore[attr-defined]
    assert "output path is empty" in one_error_line(result)
    with pytest.raises(OutputError, match="is a folder"):
        write_atomic(folder, "x")


def test_a_fifo_as_output_is_refused_without_blocking(cv: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = check(str(cv), "-o", str(fifo))
    assert result.exit_code == 3  # type: ignore[attr-defined]
    assert "not a regular file" in one_error_line(result)


def test_every_command_writing_output_refuses_its_input(cv: Path, tmp_path: Path) -> None:
    for args in (
        ["extract", str(cv), "-o", str(cv)],
        ["batch", str(cv), "-o", str(cv), "-q", "-j", "1"],
        ["baseline", str(cv), "-o", str(cv)],
        ["check", str(cv), "--format", "junit", "-o", str(cv)],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 3, (args, result.output)
        assert "is the input file" in result.stderr, args
        assert cv.read_text(encoding="utf-8") == ALEX_TEXT


def test_a_full_disk_exits_3_with_one_line(cv: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import resume_check.runtime.atomic as atomic

    def no_space(handle: tuple[int, str], target: Path, data: bytes) -> None:
        os.close(handle[0])
        os.unlink(handle[1])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "replace_with", no_space)
    result = check(str(cv), "-o", str(tmp_path / "report.txt"))
    assert result.exit_code == 3  # type: ignore[attr-defined]
    assert "No space left on device" in one_error_line(result)
    assert [p.name for p in tmp_path.iterdir()] == ["cv.txt"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_stdout_to_a_full_device_exits_3_with_one_line(cv: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "resume_check", "check", str(cv)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "RESUME_CHECK_CACHE_DIR": ""},
            timeout=120,
        )
    assert done.returncode == 3, done.stderr
    assert done.stderr.splitlines() == [
        "resume-check: error: cannot write the report to standard output (No space left on device); "
        "check where it goes, or use --output FILE"
    ]
