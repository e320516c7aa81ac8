"""Example statements shipped with the package (``make demo`` runs on them).

``FOLDER`` holds dated statements from the Clearview / facial-recognition case
(2019–2024), each quoted exactly from the stored official documents and news reports
named in its header; see ``clearview/README.md``.
"""

from pathlib import Path

FOLDER = Path(__file__).parent / "clearview"
COMPARE = (FOLDER / "2021-09-28-dekker.txt", FOLDER / "2021-10-13-grapperhaus.txt")
