"""Process and speed tuning (start-up cache, GC policy, atomic writes), none of which changes a result."""
