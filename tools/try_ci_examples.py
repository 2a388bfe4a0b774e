"""Run the README's GitHub Actions steps and the pre-commit hook literally, in a scratch résumé repository.

The workflow's ``run:`` steps are read from the README's ``.github/workflows/resume.yml`` example and run in order
with bash, as a runner would, in a fresh virtual environment, with ``RESUME_CHECK`` pointing at this checkout
instead of a release tag. Then ``pre-commit try-repo`` runs the hook from this checkout. Each is run twice: on a
résumé that matches its baseline (every step must pass) and on one that lost a quantified bullet (the gate step
must fail with exit 1 and a GitHub error annotation, and the hook must fail).

    python tools/try_ci_examples.py            # prints a table; exit 0 when everything behaved as documented

Needs the network access pip needs (package registries) and, for the hook, ``pip install pre-commit``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

CV = """\
# Alex Sample

alex.sample@example.com | +44 7700 900123 | linkedin.com/in/alex-sample

## Summary

IT project manager delivering agile programmes for public-sector clients.

## Experience

### Senior IT Project Manager, Example Ltd (2019-2024)

- Delivered a £2M ERP migration 3 weeks ahead of schedule with a team of 12 engineers.
- Cut cloud costs by 20% through vendor renegotiation and capacity planning.
- Led Scrum ceremonies and sprint planning for four squads using Jira.
- Managed the risk register and stakeholder reporting for the steering committee.

## Education

BSc Computer Science, University of Leeds, 2014

## Skills

Scrum, Kanban, Jira, risk management, budget management, PRINCE2, stakeholder management
"""
LOST = "- Cut cloud costs by 20% through vendor renegotiation and capacity planning.\n"
CONFIG = 'fail_under = 20\nmin_severity = "error"\n'


def workflow_steps() -> tuple[dict[str, str], list[dict[str, object]]]:
    readme = (ROOT / "README.md").read_text("utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", readme, flags=re.DOTALL):
        if ".github/workflows/resume.yml" in block:
            doc = yaml.safe_load(block)
            (job,) = doc["jobs"].values()
            return dict(doc.get("env", {})), [s for s in job["steps"] if "run" in s]
    raise SystemExit("the README has no .github/workflows/resume.yml example")


def sh(cmd: str | list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    args = ["bash", "-eo", "pipefail", "-c", cmd] if isinstance(cmd, str) else cmd
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)


def main() -> int:
    env_vars, steps = workflow_steps()
    rows: list[tuple[str, str, int, str]] = []
    ok = True
    with tempfile.TemporaryDirectory(prefix="resume-ci-") as tmp:
        work = Path(tmp)
        venv = work / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        env = {**os.environ, **env_vars, "RESUME_CHECK": str(ROOT), "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"}
        env.pop("VIRTUAL_ENV", None)
        repo = work / "cv-repo"
        repo.mkdir()
        (repo / "cv.md").write_text(CV, encoding="utf-8")
        (repo / ".resume-check.toml").write_text(CONFIG, encoding="utf-8")
        for cmd in (
            ["git", "init", "-q"],
            ["git", "config", "user.email", "ci@example.invalid"],
            ["git", "config", "user.name", "ci"],
        ):
            subprocess.run(cmd, cwd=repo, check=True)
        install, *checks = steps
        done = sh(str(install["run"]), repo, env)
        rows.append(("install", str(install["run"]), done.returncode, "0"))
        ok &= done.returncode == 0
        baseline = sh("resume-check baseline cv.md --output resume-check.baseline.json", repo, env)
        ok &= baseline.returncode == 0
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
        subprocess.run(["git", "commit", "-qm", "cv"], cwd=repo, check=True)
        for case, text in (("unchanged", CV), ("regressed", CV.replace(LOST, ""))):
            (repo / "cv.md").write_text(text, encoding="utf-8")
            failed_before = False
            for step in checks:
                if failed_before and step.get("if") != "always()":
                    continue
                done = sh(str(step["run"]), repo, env)
                gate = "--baseline" in str(step["run"])
                want = 1 if (case == "regressed" and gate) else 0
                rows.append((case, str(step["run"]), done.returncode, str(want)))
                ok &= done.returncode == want
                if gate and case == "regressed":
                    ok &= "::error " in done.stdout
                failed_before |= done.returncode != 0
            exe = shutil.which("pre-commit", path=env["PATH"]) or shutil.which("pre-commit")
            if exe:
                # the hook reads the repository's .resume-check.toml: a score gate it meets, then one it cannot
                gate = CONFIG if case == "unchanged" else 'fail_under = 99\nmin_severity = "error"\n'
                (repo / ".resume-check.toml").write_text(gate, encoding="utf-8")
                subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
                done = sh([exe, "try-repo", str(ROOT), "resume-check", "--files", "cv.md"], repo, env)
                want = 0 if case == "unchanged" else 1
                hook_cmd = "pre-commit try-repo <checkout> resume-check --files cv.md"
                rows.append((case, hook_cmd, done.returncode, str(want)))
                ok &= done.returncode == want
                (repo / ".resume-check.toml").write_text(CONFIG, encoding="utf-8")
            else:
                rows.append((case, "pre-commit (not installed: pip install pre-commit)", -1, "skipped"))
    width = max(len(r[1]) for r in rows)
    print(f"{'case':<10} {'step':<{width}} exit  expected")
    for case, cmd, code, want in rows:
        print(f"{case:<10} {cmd:<{width}} {code:>4}  {want}")
    print("OK: every step behaved as the README says" if ok else "FAILED: a step did not behave as documented")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
