"""Settings: every threshold and switch the library reads, validated once in ``__post_init__``."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

from .errors import ConfigError
from .severity import SEVERITIES
from .targets.target import ChosenBy

DEFAULT_FAIL_UNDER: float | None = None
#: what CI output shows: findings at or above this severity (Vale's MinAlertLevel)
DEFAULT_MIN_SEVERITY = "warning"
#: what fails the gate: findings at or above this severity
DEFAULT_FAIL_LEVEL = "error"
DEFAULT_TIME_LIMIT = 30.0  # seconds per file
MAX_TIME_LIMIT = 3600.0  # the largest per-file time limit accepted (an hour)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # refuse larger input files
DEFAULT_ROLE = "auto"
ROLE_CHOSEN_BY = ("default", "auto", "option", "config")


@dataclass(frozen=True, slots=True)
class Settings:
    """What to analyse and how strictly to gate. Build one in the CLI and pass it down."""

    fail_under: float | None = DEFAULT_FAIL_UNDER
    min_severity: str = DEFAULT_MIN_SEVERITY  # shown in CI output
    fail_level: str = DEFAULT_FAIL_LEVEL  # fails the gate (always shown too)
    required_terms: tuple[str, ...] = ()  # term ids that must be found
    forbidden_phrases: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()  # extra lexicon pack paths
    disabled: tuple[str, ...] = ()  # rule/term id prefixes switched off
    enabled: tuple[str, ...] = ()  # prefixes switched back on (the most specific prefix wins)
    model: str | None = None  # an installed trained spaCy pipeline instead of blank("en")
    time_limit: float = DEFAULT_TIME_LIMIT
    max_bytes: int = DEFAULT_MAX_BYTES
    #: what résumés are measured against: "auto" (role inferred per résumé), a role profile id or file, "lexicon"
    role: str = DEFAULT_ROLE
    role_chosen_by: ChosenBy = "default"  # "default", "option" (--role) or "config", for the report's reason
    #: OCR for pages without a text layer: "auto" (when the OCR extra is installed), "force" (every page), "off"
    ocr: str = "auto"
    source: str | None = field(default=None, compare=False)  # the config file these came from, for messages
    #: (field, where its value came from: "the command line (--fail-under)", "fail_under in PATH" ...); a field not
    #: listed has its default. Gate messages name it.
    origins: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    job: str | None = None  # a job posting to match against (check --job, config ``job``)
    min_match: float | None = None  # gate: fail when the job match rate is under this (needs ``job``)
    #: where to keep compiled lexicons and matchers between runs (see runtime/cache.py); None: no disk cache
    cache_dir: str | None = field(default=None, compare=False)
    #: the speed tuning of ``resume_check.runtime`` (chunk cache, disk cache, GC policy) on; off: the plain paths,
    #: the same results
    tuned: bool = field(default=True, compare=False)

    def __post_init__(self) -> None:
        where = f" in {self.source}" if self.source else ""
        if self.fail_under is not None and not 0 <= self.fail_under <= 100:
            raise ConfigError(f"fail_under{where} must be between 0 and 100, got {self.fail_under!r}")
        for name in ("min_severity", "fail_level"):
            value = getattr(self, name)
            if value not in SEVERITIES:
                raise ConfigError(f"{name}{where} must be one of {', '.join(SEVERITIES)}, got {value!r}")
        problem = time_limit_problem(self.time_limit)
        if problem:
            raise ConfigError(f"time_limit{where} {problem}")
        if not isinstance(self.role, str) or not self.role.strip() or len(self.role) > 4096:
            raise ConfigError(
                f"role{where} must be auto, lexicon, a role profile id or a profile file path, got {self.role!r}"
            )
        if self.role_chosen_by not in ROLE_CHOSEN_BY:
            raise ConfigError(f"role_chosen_by must be one of {', '.join(ROLE_CHOSEN_BY)}, got {self.role_chosen_by!r}")
        if self.min_match is not None and not 0 <= self.min_match <= 100:
            raise ConfigError(f"min_match{where} must be between 0 and 100, got {self.min_match!r}")
        if self.min_match is not None and self.job is None:
            raise ConfigError(f'min_match{where} needs a job posting to match against: set job = "posting.md"')
        if self.ocr not in ("auto", "force", "off"):
            raise ConfigError(f"ocr{where} must be one of auto, force, off, got {self.ocr!r}")
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes{where} must be positive, got {self.max_bytes!r}")

    def origin(self, name: str) -> str:
        """Where the value of field ``name`` came from, for messages: a recorded origin, else "the default" when it
        has its default value, else "the settings" (a library caller built Settings itself)."""
        recorded = dict(self.origins).get(name)
        if recorded:
            return recorded
        default = next((f.default for f in dataclasses.fields(self) if f.name == name), None)
        return "the default" if getattr(self, name) == default else "the settings"

    def is_enabled(self, rule_id: str) -> bool:
        """True unless a disabled prefix covers ``rule_id`` more specifically than any enabled prefix."""
        best_off = max((len(p) for p in self.disabled if _covers(p, rule_id)), default=-1)
        best_on = max((len(p) for p in self.enabled if _covers(p, rule_id)), default=-1)
        return best_off < 0 or best_on >= best_off


def time_limit_problem(value: object) -> str | None:
    """What is wrong with ``value`` as a per-file time limit (None when it is fine): it must be a finite number of
    seconds above 0 and at most MAX_TIME_LIMIT (``inf``, ``nan`` and ``1e308`` are refused)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number of seconds, got {value!r}"
    if not math.isfinite(value) or not 0 < value <= MAX_TIME_LIMIT:
        return f"must be a number of seconds above 0 and at most {MAX_TIME_LIMIT:g}, got {value!r}"
    return None


def _covers(prefix: str, rule_id: str) -> bool:
    prefix = prefix.rstrip(".")
    return rule_id == prefix or rule_id.startswith(prefix + ".")
