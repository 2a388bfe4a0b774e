"""Run the CLI: ``python -m resume_check``."""

from .cli import main

main()
