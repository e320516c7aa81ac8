"""Readers, in layers that import only downwards: raw bytes (``raw``) → markup (``markup``)
→ text (``text``) → Kamervragen documents (``kamervragen``); ``formats`` is the one table
of file formats on top of them, and ``bulk`` reads many documents from one file (JSON
Lines) or from a folder in the official repository's layout."""

from .formats import FORMATS, Format, format_of, read_document, read_text

__all__ = ["FORMATS", "Format", "format_of", "read_document", "read_text"]
