"""resume-check: offline, explainable résumé analysis for IT project managers."""

__version__ = "0.1.0"
