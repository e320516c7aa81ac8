"""Regenerate the command reference in README.md from the commands' own --help text.

    python tools/readme_help.py          # rewrite README.md
    python tools/readme_help.py --check  # exit 1 if README.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from blocks import replace_block  # tools/blocks.py
from click.testing import CliRunner

from wording_diff.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- help:start -->", "<!-- help:end -->"


def help_text() -> str:
    runner = CliRunner()
    parts = []
    for args in ([], *([name] for name in sorted(cli.commands))):
        out = runner.invoke(cli, [*args, "--help"], prog_name="wording-diff", terminal_width=100).stdout
        title = "wording-diff " + " ".join(args) if args else "wording-diff"
        parts.append(f"### `{title} --help`\n\n```\n{out.rstrip()}\n```\n")
    return "\n".join(parts)


def main() -> int:
    return replace_block(README, START, END, "\n" + help_text(), check="--check" in sys.argv,
                         hint="README.md: the command reference differs from --help; run `make help-readme`")

if __name__ == "__main__":
    sys.exit(main())
