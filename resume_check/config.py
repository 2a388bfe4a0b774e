"""Settings: every threshold and switch the library reads, validated once in ``__post_init__``."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import ConfigError
from .models import SEVERITIES

DEFAULT_FAIL_UNDER: float | None = None
DEFAULT_MIN_SEVERITY = "error"
DEFAULT_TIME_LIMIT = 30.0  # seconds per file
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # refuse larger input files


@dataclass(frozen=True, slots=True)
class Settings:
    """What to analyse and how strictly to gate. Build one in the CLI and pass it down."""

    fail_under: float | None = DEFAULT_FAIL_UNDER
    min_severity: str = DEFAULT_MIN_SEVERITY
    required_terms: tuple[str, ...] = ()  # term ids that must be found
    forbidden_phrases: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()  # extra lexicon pack paths
    disabled: tuple[str, ...] = ()  # rule/term id prefixes switched off
    enabled: tuple[str, ...] = ()  # prefixes switched back on (the most specific prefix wins)
    model: str | None = None  # an installed trained spaCy pipeline instead of blank("en")
    time_limit: float = DEFAULT_TIME_LIMIT
    max_bytes: int = DEFAULT_MAX_BYTES
    source: str | None = field(default=None, compare=False)  # the config file these came from, for messages
    #: where to keep compiled lexicons and matchers between runs (see cache.py); None: no disk cache
    cache_dir: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        where = f" in {self.source}" if self.source else ""
        if self.fail_under is not None and not 0 <= self.fail_under <= 100:
            raise ConfigError(f"fail_under{where} must be between 0 and 100, got {self.fail_under!r}")
        if self.min_severity not in SEVERITIES:
            raise ConfigError(
                f"min_severity{where} must be one of {', '.join(SEVERITIES)}, got {self.min_severity!r}"
            )
        if self.time_limit <= 0:
            raise ConfigError(f"time_limit{where} must be a positive number of seconds, got {self.time_limit!r}")
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes{where} must be positive, got {self.max_bytes!r}")

    def is_enabled(self, rule_id: str) -> bool:
        """True unless a disabled prefix covers ``rule_id`` more specifically than any enabled prefix."""
        best_off = max((len(p) for p in self.disabled if _covers(p, rule_id)), default=-1)
        best_on = max((len(p) for p in self.enabled if _covers(p, rule_id)), default=-1)
        return best_off < 0 or best_on >= best_off


def _covers(prefix: str, rule_id: str) -> bool:
    prefix = prefix.rstrip(".")
    return rule_id == prefix or rule_id.startswith(prefix + ".")
