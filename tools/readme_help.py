"""Regenerate the command reference in README.md from the commands' own --help text.

    python tools/readme_help.py          # rewrite README.md
    python tools/readme_help.py --check  # exit 1 if README.md is out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

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
    text = README.read_text(encoding="utf8")
    new = re.sub(re.escape(START) + ".*?" + re.escape(END), START + "\n" + help_text() + END, text, flags=re.S)
    if "--check" in sys.argv:
        if new != text:
            print("README.md: the command reference differs from --help; run `make help-readme`", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
