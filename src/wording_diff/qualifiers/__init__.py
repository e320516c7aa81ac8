"""The scope-qualifier detector: a spaCy component and its lexicon (data, not code)."""
