"""Build src/wording_diff/data/nl-words.bloom from the OpenTaal word list.

    apt-get download wdutch && dpkg-deb -x wdutch_*.deb wdutch
    python tools/build_word_filter.py wdutch/usr/share/dict/dutch

The list (Debian package wdutch 1:2.20.19-2, OpenTaal, BSD or CC BY 3.0) is read as it is,
lower-cased; the filter holds every form, at about one false positive in a hundred.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wording_diff.runons import FILTER_FILE, HASHES, WordFilter  # noqa: E402

FALSE_POSITIVES = 0.01


def main(path: str) -> int:
    words = sorted({line.strip().lower() for line in Path(path).read_text(encoding="utf8").splitlines() if line.strip()})
    m = math.ceil(-len(words) * math.log(FALSE_POSITIVES) / math.log(2) ** 2)
    FILTER_FILE.write_bytes(WordFilter.build(words, m, HASHES).to_bytes())
    print(f"{len(words)} words, {m} bits -> {FILTER_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
