"""Run the CLI: ``python -m resume_check``."""

from .cli import run

run()
