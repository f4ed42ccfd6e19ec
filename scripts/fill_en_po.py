"""Fill netduty/locale/en/LC_MESSAGES/django.po from the glossary (scripts/en_glossary.py; run after makemessages).

Only entries without a translation are filled: empty ones, and the fuzzy guesses msgmerge makes
for new msgids (their guess is replaced and the fuzzy flag dropped). A plural msgid takes a
(singular, plural) tuple. A msgid with a context (pgettext) is looked up as "context\\x04msgid"
first, then as the bare msgid. Lists what is still untranslated."""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from en_glossary import EN  # noqa: E402

STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _unescape(text: str) -> str:
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def _parse(lines: list[str]) -> dict[str, str]:
    """keyword (msgctxt, msgid, msgid_plural, msgstr, msgstr[0]…) → unescaped value."""
    out: dict[str, str] = {}
    key = None
    for line in lines:
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if key is not None:
                out[key] += _unescape(STRING.match(line).group(1))
            continue
        key, _, rest = line.partition(" ")
        out[key] = _unescape(STRING.match(rest).group(1))
    return out


def _fill(block: str, missing: list[str]) -> str:
    if block.endswith("\n"):
        return _fill(block[:-1], missing) + "\n"
    lines = block.split("\n")
    fields = _parse(lines)
    msgid = fields.get("msgid")
    if msgid is None:
        return block
    fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
    if msgid == "":  # the header
        return "\n".join(line for line in lines if line != "#, fuzzy")
    plural = "msgid_plural" in fields
    empty = all(not v for k, v in fields.items() if k.startswith("msgstr"))
    if not (fuzzy or empty):
        return block
    ctxt = fields.get("msgctxt")
    value = EN.get(f"{ctxt}\x04{msgid}") if ctxt is not None else None
    if value is None:
        value = EN.get(msgid)
    if value is None or isinstance(value, tuple) != plural:
        missing.append(msgid)
        return block
    kept = []
    for line in lines:
        if line.startswith("#|"):
            continue
        if line.startswith("#,"):
            flags = [f.strip() for f in line[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
            if flags:
                kept.append("#, " + ", ".join(flags))
            continue
        if line.startswith("msgstr"):
            break
        kept.append(line)
    if plural:
        kept += [f'msgstr[0] "{_escape(value[0])}"', f'msgstr[1] "{_escape(value[1])}"']
    else:
        kept.append(f'msgstr "{_escape(value)}"')
    return "\n".join(kept)


def main(path: str) -> int:
    text = Path(path).read_text(encoding="utf-8")
    missing: list[str] = []
    blocks = text.split("\n\n")
    text = "\n\n".join(_fill(block, missing) for block in blocks)
    Path(path).write_text(text, encoding="utf-8")
    if missing:
        print("untranslated:", missing)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "netduty/locale/en/LC_MESSAGES/django.po"))
