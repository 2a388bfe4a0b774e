"""Batch engines beyond the local worker processes of ``batch.analyse_many`` (optional extras)."""
