"""docx and xlsx, parsed straight from the zip with lxml (bounded, no external entities)."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from .base import Extracted, ExtractError, Limits, TextBuilder

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
            raise ExtractError(f"压缩包内文件过多（{len(infos)} 个），疑似恶意文件")
        total = sum(i.file_size for i in infos)
        if total > limits.max_unzipped_bytes:
            raise ExtractError(f"解压后过大（{total / 1e6:.0f} MB），疑似压缩炸弹")
        for i in infos:
            if i.file_size > 1_000_000 and i.file_size > limits.max_member_ratio * max(i.compress_size, 1):
                raise ExtractError(f"压缩比异常（{i.filename}），疑似压缩炸弹")
            if i.flag_bits & 0x1:
                raise ExtractError(f"{what} 已加密，无法读取")
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
            raise ExtractError(f"压缩包成员大小与声明不符（{name}），疑似恶意文件")
        return data

    def xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.read(name), _PARSER)
        except etree.XMLSyntaxError as exc:
            raise ExtractError(f"文件已损坏（{name} 不是有效的 XML）") from exc


# ---------------------------------------------------------------------------------- docx
def _para_text(p: etree._Element, nested: list[etree._Element]) -> str:
    """Visible text of one paragraph; paragraphs inside text boxes go to *nested*."""
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        for ch in el:
            tag = ch.tag
            if not isinstance(tag, str):
                continue
            if tag == W + "t":
                out.append(ch.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag in (W + "delText", W + "instrText", MC + "Fallback", W + "rPr", W + "pPr"):
                continue
            elif tag == W + "txbxContent":
                nested.extend(ch.iter(W + "p"))
            elif tag == W + "p":
                nested.append(ch)
            else:
                walk(ch)

    walk(p)
    return "".join(out)


def _blocks(container: etree._Element, label: str, tb: TextBuilder, counter: list[int], tables: list[int]) -> None:
    for el in container:
        tag = el.tag
        if tag == W + "p":
            nested: list[etree._Element] = []
            counter[0] += 1
            tb.add(_para_text(el, nested), f"{label}第{counter[0]}段")
            seen: set[int] = set()
            for q in nested:
                if id(q) in seen:
                    continue
                seen.add(id(q))
                inner: list[etree._Element] = []
                tb.add(_para_text(q, inner), f"{label}第{counter[0]}段（文本框）")
        elif tag == W + "tbl":
            tables[0] += 1
            t = tables[0]
            for r, tr in enumerate(el.iter(W + "tr"), 1):
                if tr.getparent() is not el:
                    continue
                for c, tc in enumerate(tr.findall(W + "tc"), 1):
                    for p in tc.iter(W + "p"):
                        tb.add(_para_text(p, []), f"{label}表格{t}第{r}行第{c}列")
        elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", MC + "AlternateContent", MC + "Choice"):
            _blocks(el, label, tb, counter, tables)


def docx(data: bytes, limits: Limits) -> Extracted:
    z = SafeZip(data, limits, "docx")
    if "word/document.xml" not in z.names:
        raise ExtractError("文件已损坏，不是有效的 docx（缺少 word/document.xml）")
    tb = TextBuilder(limits)
    root = z.xml("word/document.xml")
    body = root.find(W + "body")
    if body is not None:
        _blocks(body, "正文", tb, [0], [0])
    parts = sorted(z.names)
    for prefix, label in (("word/header", "页眉"), ("word/footer", "页脚")):
        for name in parts:
            if name.startswith(prefix) and name.endswith(".xml"):
                _blocks(z.xml(name), label, tb, [0], [0])
    for name, item, label in (("word/footnotes.xml", "footnote", "脚注"), ("word/endnotes.xml", "endnote", "尾注"),
                              ("word/comments.xml", "comment", "批注")):
        if name in z.names:
            for i, note in enumerate(z.xml(name).findall(W + item), 1):
                if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                _blocks(note, f"{label}{i}", tb, [0], [0])
    notes = []
    images = [n for n in parts if n.startswith("word/media/") and _MEDIA.search(n)]
    if images:
        from .ocr import ocr_images

        notes += ocr_images([(n, z.read(n)) for n in images[: limits.max_images]], tb, limits)
    return tb.result("docx", notes)


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


def xlsx(data: bytes, limits: Limits) -> Extracted:
    z = SafeZip(data, limits, "xlsx")
    if "xl/workbook.xml" not in z.names:
        raise ExtractError("文件已损坏，不是有效的 xlsx（缺少 xl/workbook.xml）")
    shared: list[str] = []
    if "xl/sharedStrings.xml" in z.names:
        shared = [_si_text(si) for si in z.xml("xl/sharedStrings.xml").iter(S + "si")]
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
        ctx = etree.iterparse(io.BytesIO(z.read(target)), events=("end",), tag=S + "c",
                              resolve_entities=False, no_network=True, huge_tree=False)
        for _, c in ctx:
            cells += 1
            if cells > limits.max_cells:
                raise ExtractError(f"表格单元格过多（超过 {limits.max_cells} 个的上限）")
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
    return tb.result("xlsx")
