"""CI mode of `check`: the config file, the gate, baselines and inline suppressions."""
