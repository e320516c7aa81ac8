"""Batch scan of Kamervragen, in stages that can each be imported and tested alone:

``discover`` (which documents) → ``read`` (a document from a file or a bulk record) →
``pair`` (which statements to compare) → ``cache`` (parsed texts and compared pairs on
disk) → ``execute`` (units of work, in this process, a process pool, or on Dask with
``cluster``) → ``records`` (what is written, the ranking). ``batch.scan`` runs them all.
"""

from .batch import scan
from .cache import DocCache, ResultCache, cache_dir, code_fingerprint
from .discover import DocRef, discover
from .execute import Scanner, ScanSettings, UnitResult, local_executor
from .pair import ORIGINAL_LIKENESS, PAIR_KINDS, PairJob, Unreadable, originals_of, pairs_for, read_manifest, version_pairs
from .read import read
from .records import SCHEMA, ScanStats, TopPairs, error_record, magnitude, record_fails, record_for

__all__ = [
    "DocCache", "DocRef", "ORIGINAL_LIKENESS", "PAIR_KINDS", "PairJob", "ResultCache", "SCHEMA", "ScanSettings", "ScanStats",
    "Scanner", "TopPairs", "UnitResult", "Unreadable", "cache_dir", "code_fingerprint", "discover", "error_record",
    "local_executor", "magnitude", "originals_of", "pairs_for", "read", "read_manifest", "record_fails", "record_for", "scan",
    "version_pairs",
]
