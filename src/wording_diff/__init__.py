"""wording-diff: how an official Dutch statement changed between two versions."""

__version__ = "0.1.0"
