"""Bundled lexicon packs and vocabularies (data only), shipped as ``resume_check.lexicons``."""
