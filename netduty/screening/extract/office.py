"""docx and xlsx, parsed straight from the zip with lxml (bounded, no external entities)."""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
from typing import IO

from lxml import etree

from .base import Extracted, ExtractError, Limits, Problem, TextBuilder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
_MEDIA = re.compile(r"\.(png|jpe?g|gif|bmp|tiff?|webp|emf|wmf)$", re.IGNORECASE)


class SafeZip:
    """A zip archive checked against the limits before anything is decompressed."""

    def __init__(self, data: bytes, limits: Limits, what: str) -> None:
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError, OSError) as exc:
            raise ExtractError(f"文件已损坏，不是有效的 {what}（{exc}）") from exc
        if len(infos) > limits.max_zip_members:
            raise ExtractError(f"压缩包内文件过多（{len(infos)} 个），疑似恶意文件", code="zip_bomb")
        total = sum(i.file_size for i in infos)
        if total > limits.max_unzipped_bytes:
            raise ExtractError(f"解压后过大（{total / 1e6:.0f} MB），疑似压缩炸弹", code="zip_bomb")
        for i in infos:
            if i.file_size > 1_000_000 and i.file_size > limits.max_member_ratio * max(i.compress_size, 1):
                raise ExtractError(f"压缩比异常（{i.filename}），疑似压缩炸弹", code="zip_bomb")
            if i.flag_bits & 0x1:
                raise ExtractError(f"{what} 已加密，无法读取", code="encrypted")
        self.limits = limits
        self.names = {i.filename for i in infos}
        self.infos = {i.filename: i for i in infos}

    def read(self, name: str) -> bytes:
        info = self.infos[name]
        cap = min(self.limits.max_unzipped_bytes, max(info.file_size, 0)) + 1
        try:
            with self.zf.open(info) as fh:
                data = fh.read(cap)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise ExtractError(f"文件已损坏（{name}：{exc}）") from exc
        if len(data) >= cap:
            raise ExtractError(f"压缩包成员大小与声明不符（{name}），疑似恶意文件", code="zip_bomb")
        return data

    def open(self, name: str) -> IO[bytes]:
        """A stream of one member (zipfile stops at the declared size and checks the CRC)."""
        try:
            return self.zf.open(self.infos[name])
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise ExtractError(f"文件已损坏（{name}：{exc}）") from exc

    def xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.read(name), _PARSER)
        except etree.XMLSyntaxError as exc:
            raise ExtractError(f"文件已损坏（{name} 不是有效的 XML）") from exc


# ---------------------------------------------------------------------------------- docx
# The docx parts are *streamed* (iterparse, every element cleared once read): peak memory is
# bounded by the largest single text node (lxml refuses nodes over 10 MB without huge_tree)
# plus the text budget (Limits.max_chars), whatever the size of document.xml.
_RUN_TEXT = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
_NOTE_ITEMS = {W + "footnote", W + "endnote", W + "comment"}
_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
# Only these elements reach Python (run properties, drawings … are parsed in C and cleared
# with their run or paragraph): about 3× faster on run-heavy documents.
_STREAM_TAGS = [W + "p", W + "r", W + "t", *_RUN_TEXT, W + "tbl", W + "tr", W + "tc", MC + "Fallback", *_NOTE_ITEMS]


def _stream_part(z: SafeZip, name: str, label: str, tb: TextBuilder, item_label: str | None = None) -> None:
    """Paragraphs of one part in document order: body paragraphs, tables (labelled by the
    outermost table's row and column), text boxes after their paragraph; deleted text, field
    codes and mc:Fallback copies skipped.  *item_label*: per-note labels (脚注N …)."""
    paras: list[tuple[list[str], list[str]]] = []  # open paragraphs: (text pieces, nested texts)
    tables: list[list[int]] = []  # open tables: [number, row, column]
    n_tables = 0
    counter = 0
    skip = 0
    item = 0
    base = label
    events = 0
    with z.open(name) as fh:
        ctx = etree.iterparse(fh, events=("start", "end"), tag=_STREAM_TAGS, resolve_entities=False, no_network=True,
                              huge_tree=False, remove_comments=True, remove_pis=True)
        try:
            for ev, el in ctx:
                tag = el.tag
                if ev == "start":
                    if tag == MC + "Fallback" or skip:
                        skip += 1
                    elif tag == W + "p":
                        paras.append(([], []))
                    elif tag == W + "tbl":
                        if not tables:
                            n_tables += 1
                        tables.append([n_tables, 0, 0])
                    elif tag == W + "tr" and len(tables) == 1:
                        tables[0][1] += 1
                        tables[0][2] = 0
                    elif tag == W + "tc" and len(tables) == 1:
                        tables[0][2] += 1
                    elif item_label is not None and tag in _NOTE_ITEMS:
                        if el.get(W + "type") in _SEPARATORS:
                            skip += 1
                        else:
                            item += 1
                            base, counter, n_tables = f"{item_label}{item}", 0, 0
                    continue
                # end
                if skip:
                    skip -= 1
                elif tag == W + "t":
                    if paras:
                        paras[-1][0].append(el.text or "")
                elif tag in _RUN_TEXT:
                    if paras:
                        paras[-1][0].append(_RUN_TEXT[tag])
                elif tag == W + "p" and paras:
                    pieces, nested = paras.pop()
                    text = "".join(pieces)
                    if paras:  # a paragraph inside a text box of the enclosing paragraph
                        paras[-1][1].append(text)
                        paras[-1][1].extend(nested)
                    else:
                        if tables:
                            t, r, c = tables[0]
                            where = f"{base}表格{t}第{r}行第{c}列"
                            tb.add(text, where)
                        else:
                            counter += 1
                            where = f"{base}第{counter}段"
                            tb.add(text, where)
                            where += "（文本框）"
                        for q in nested:
                            tb.add(q, where)
                elif tag == W + "tbl" and tables:
                    tables.pop()
                events += 1
                if not events & 0xFFF:
                    tb.check_time()
                el.clear()
                parent = el.getparent()
                if parent is not None:
                    while el.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            raise ExtractError(f"文件已损坏（{name} 不是有效的 XML：{exc.msg}）") from exc
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise ExtractError(f"文件已损坏（{name}：{exc}）") from exc


def docx(data: bytes, limits: Limits) -> Extracted:
    z = SafeZip(data, limits, "docx")
    if "word/document.xml" not in z.names:
        raise ExtractError("文件已损坏，不是有效的 docx（缺少 word/document.xml）")
    tb = TextBuilder(limits)
    _stream_part(z, "word/document.xml", "正文", tb)
    parts = sorted(z.names)
    for prefix, label in (("word/header", "页眉"), ("word/footer", "页脚")):
        for name in parts:
            if name.startswith(prefix) and name.endswith(".xml"):
                _stream_part(z, name, label, tb)
    for name, label in (("word/footnotes.xml", "脚注"), ("word/endnotes.xml", "尾注"), ("word/comments.xml", "批注")):
        if name in z.names:
            _stream_part(z, name, label, tb, item_label=label)
    notes: list[str] = []
    problems: list[Problem] = []
    images = [n for n in parts if n.startswith("word/media/") and _MEDIA.search(n)]
    if images:
        from .ocr import ocr_images

        problems += ocr_images([(n, functools.partial(z.read, n)) for n in images[: limits.max_images]], tb, limits)
        notes += [pr.message for pr in problems]
    return tb.result("docx", notes, problems)


# ---------------------------------------------------------------------------------- xlsx
def _si_text(si: etree._Element) -> str:
    return "".join(t.text or "" for t in si.iter(S + "t") if t.getparent().tag != S + "rPh")


def _number(v: str) -> str:
    if "E" in v or "e" in v:
        try:
            f = float(v)
        except ValueError:
            return v
        if f.is_integer() and abs(f) < 1e16:
            return str(int(f))
    elif v.endswith(".0"):
        return v[:-2]
    return v


def _shared_strings(z: SafeZip, limits: Limits) -> list[str]:
    """The shared strings, streamed, within the character budget (strings beyond it are
    never shown in full anyway: the text builder stops at the same budget)."""
    out: list[str] = []
    total = 0
    with z.open("xl/sharedStrings.xml") as fh:
        try:
            for _, si in etree.iterparse(fh, events=("end",), tag=S + "si", resolve_entities=False,
                                         no_network=True, huge_tree=False):
                text = _si_text(si)
                total += len(text)
                if total > limits.max_chars:
                    text = text[: max(0, limits.max_chars - (total - len(text)))]
                out.append(text)
                si.clear()
                parent = si.getparent()
                if parent is not None:
                    while si.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            raise ExtractError(f"文件已损坏（xl/sharedStrings.xml 不是有效的 XML：{exc.msg}）") from exc
    return out


def xlsx(data: bytes, limits: Limits) -> Extracted:
    z = SafeZip(data, limits, "xlsx")
    if "xl/workbook.xml" not in z.names:
        raise ExtractError("文件已损坏，不是有效的 xlsx（缺少 xl/workbook.xml）")
    shared: list[str] = []
    if "xl/sharedStrings.xml" in z.names:
        shared = _shared_strings(z, limits)
    rels: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in z.names:
        for rel in z.xml("xl/_rels/workbook.xml.rels").iter(PR + "Relationship"):
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            rels[rel.get("Id", "")] = target
    tb = TextBuilder(limits)
    cells = 0
    for sheet in z.xml("xl/workbook.xml").iter(S + "sheet"):
        sname = sheet.get("name", "")
        target = rels.get(sheet.get(R + "id", ""), "")
        if target not in z.names:
            continue
        fh = z.open(target)  # streamed: the sheet is never held whole in memory
        ctx = etree.iterparse(fh, events=("end",), tag=S + "c",
                              resolve_entities=False, no_network=True, huge_tree=False)
        for _, c in ctx:
            cells += 1
            if not cells & 0xFFF:
                tb.check_time()
            if cells > limits.max_cells:
                raise ExtractError(f"表格单元格过多（超过 {limits.max_cells} 个的上限）", code="over_budget")
            t = c.get("t")
            value = None
            if t == "s":
                v = c.findtext(S + "v")
                if v is not None and v.strip().isdigit() and int(v) < len(shared):
                    value = shared[int(v)]
            elif t == "inlineStr":
                is_ = c.find(S + "is")
                value = _si_text(is_) if is_ is not None else None
            elif t in ("str", "e"):
                value = c.findtext(S + "v")
            elif t == "b":
                v = c.findtext(S + "v")
                value = None if v is None else ("TRUE" if v == "1" else "FALSE")
            else:
                v = c.findtext(S + "v")
                value = None if v is None else _number(v)
            if value:
                tb.add(value, f"{sname}!{c.get('r', '')}")
            c.clear()
            parent = c.getparent()
            if parent is not None:
                while c.getprevious() is not None:
                    del parent[0]
        fh.close()
    return tb.result("xlsx")
