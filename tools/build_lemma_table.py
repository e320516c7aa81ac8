"""Build src/wording_diff/data/nl-lemmas.tsv.gz from spaCy's Dutch lemma lookup table.

    pip install 'spacy-lookups-data>=1.0.5'
    python tools/build_lemma_table.py

The table (``nl_lemma_lookup`` of spacy-lookups-data 1.0.5, MIT licence) maps a word form to
its lemma. Only the entries whose lemma differs from the form are kept: the others would
change nothing. One "form<TAB>lemma" line each, sorted by their UTF-8 bytes, so that a
lookup is a binary search in the decompressed lines (building a dictionary of 200,000
entries would cost every run most of a second).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from wording_diff.lemmas import TABLE_FILE  # noqa: E402


def main() -> int:
    import spacy_lookups_data

    source = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
    table = json.loads(gzip.decompress(source.read_bytes()))
    kept = {form.lower(): lemma.lower() for form, lemma in table.items() if form.lower() != lemma.lower() and "\t" not in form + lemma and "\n" not in form + lemma}
    data = b"\n".join(sorted(f"{form}\t{lemma}".encode() for form, lemma in kept.items()))
    # mtime 0: the same table gives the same bytes
    TABLE_FILE.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(kept)} of {len(table)} forms -> {TABLE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
