"""Markup: XML and HTML parsed safely (network access and external entities off, DTDs that
declare entities refused, so a hostile file can neither read local files nor expand entity
bombs), and the readable text of an element or a whole file."""

from __future__ import annotations

import re

from ..errors import InputError
from .raw import decode


def safe_parser(html: bool = False):
    from lxml import etree
    from lxml import html as lxml_html

    if html:
        return lxml_html.HTMLParser(no_network=True, remove_comments=True, recover=True, huge_tree=False)
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, recover=False)


def refuse_dtd(data: bytes, label: str) -> None:
    if b"<!entity" in data[:65536].lower():
        raise InputError(f"{label}: XML with entity declarations (DTD) is refused for safety")


def xml_root(data: bytes, label: str):
    """Parse XML safely: entity declarations refused, entities and network never used."""
    from lxml import etree

    refuse_dtd(data, label)
    try:
        return etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{label}: malformed XML ({str(exc).splitlines()[0]})") from None
    except ValueError as exc:
        raise InputError(f"{label}: refused XML ({exc})") from None


def html_root(data: bytes, label: str):
    from lxml import etree

    text = decode(data, label)
    try:
        root = etree.fromstring(text.encode("utf8"), parser=safe_parser(html=True))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{label}: malformed HTML ({exc})") from None
    if root is None:
        raise InputError(f"{label}: malformed HTML (no document)")
    return root


def text_of(el) -> str:
    """Text of an element without its footnotes."""
    parts = []

    def walk(node):
        if node.tag in ("noot", "voetnoot") or (isinstance(node.tag, str) and node.tag.endswith("noot")):
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if node is not el and node.tail:
            parts.append(node.tail)

    walk(el)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def visible_text(el):
    """Text of an element without footnote-number links (``<a class="nootnum">``)."""
    if el.text:
        yield el.text
    for child in el:
        if "nootnum" not in (child.get("class") or "") and child.tag not in ("sup",):
            yield from visible_text(child)
        if child.tail:
            yield child.tail


def xml_text(data: bytes, label: str) -> str:
    """The readable text of an XML file, one paragraph per ``<al>`` (footnotes left out)."""
    root = xml_root(data, label)
    paras = [text_of(al) for al in root.iter("al")] or [text_of(root)]
    return "\n\n".join(p for p in paras if p)


def html_text(data: bytes, label: str) -> str:
    """The readable text of an HTML page, one paragraph per block element."""
    root = html_root(data, label)
    for junk in list(root.iter("script", "style", "head", "nav", "header", "footer")):
        junk.getparent().remove(junk)
    paras = [re.sub(r"\s+", " ", "".join(visible_text(p))).strip() for p in root.iter("p", "li", "h1", "h2", "h3", "td")]
    if not any(paras):
        paras = [re.sub(r"\s+", " ", " ".join(root.itertext())).strip()]
    return "\n\n".join(p for p in paras if p)
