"""resume-check: offline, explainable résumé analysis for IT project managers."""

__version__ = "0.2.0"

__all__ = ["__version__", "analyse_many", "analyse_path"]


def __getattr__(name: str) -> object:
    """The public API, imported lazily so that `import resume_check` (and `--help`) stays fast."""
    if name == "analyse_path":
        from .analysis import analyse_path

        return analyse_path
    if name == "analyse_many":
        from .cohort.batch import analyse_many

        return analyse_many
    raise AttributeError(f"module 'resume_check' has no attribute {name!r}")
