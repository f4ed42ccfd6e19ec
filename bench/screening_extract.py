"""Peak memory and time of extracting a crafted docx (issue 9 item 3).

    .venv/bin/python bench/screening_extract.py [--xml-mb 150] [--max-chars N] [--library PATH]

Builds a ~4.5 MB docx whose ``word/document.xml`` is ~150 MB (about 33:1 compressed, under the
200:1 ratio check and the 300 MB total), then screens it with ``Screener.screen_file`` in a
fresh child process and prints wall time, peak RSS of that process (``ru_maxrss``), the
extracted characters, and the structured problems (``over_budget`` when the character budget
cut it).  ``--library PATH`` runs the child against another checkout's ``netduty`` package
(e.g. the version before streaming) for a before/after comparison.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, resource, sys, time
# Import netduty from PYTHONPATH, not from the editable install of this checkout.
sys.meta_path = [f for f in sys.meta_path if "editable" not in type(f).__module__.lower()
                 and "editable" not in getattr(f, "__name__", "").lower()]
sys.path.insert(0, os.environ["BENCH_LIBRARY"])
from netduty.screening import Limits, Screener, Rules
path, max_chars = sys.argv[1], int(sys.argv[2])
limits = Limits(max_chars=max_chars) if max_chars else Limits()
s = Screener(Rules.default(), limits=limits)
t = time.perf_counter()
r = s.screen_file(path)
dt = time.perf_counter() - t
print(json.dumps({"seconds": round(dt, 2), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                  "library": __import__("netduty").__file__, "chars": r.chars, "findings": len(r.findings), "error": r.error,
                  "problems": [p.to_dict() for p in getattr(r, "problems", [])]}, ensure_ascii=False))
"""

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def craft(xml_mb: float, seed: int = 3) -> bytes:
    rng = random.Random(seed)
    alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(2, 4))) for _ in range(400)]
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>').encode()
    tail = b"</w:body></w:document>"
    target = int(xml_mb * 1_000_000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head)
            size = len(head)
            paras = ["<w:p>" + "".join(f"<w:r><w:rPr><w:b/></w:rPr><w:t>{rng.choice(words)}</w:t></w:r>" for _ in range(30))
                     + "</w:p>" for _ in range(30)]
            blobs = [p.encode() for p in paras]
            while size < target:
                chunk = b"".join(rng.choice(blobs) for _ in range(200))
                fh.write(chunk)
                size += len(chunk)
            fh.write(tail)
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--xml-mb", type=float, default=150)
    ap.add_argument("--max-chars", type=int, default=0, help="Limits.max_chars (0: the default)")
    ap.add_argument("--library", type=Path, default=ROOT)
    args = ap.parse_args()
    data = craft(args.xml_mb)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("word/document.xml")
    print(f"docx {len(data) / 1e6:.1f} MB; document.xml {info.file_size / 1e6:.0f} MB, "
          f"ratio {info.file_size / info.compress_size:.0f}:1; library {args.library}")
    with tempfile.NamedTemporaryFile(suffix=".docx", delete=False) as tmp:
        tmp.write(data)
    try:
        env = {**os.environ, "BENCH_LIBRARY": str(args.library)}
        out = subprocess.run([sys.executable, "-c", CHILD, tmp.name, str(args.max_chars)], env=env,
                             capture_output=True, text=True, check=False)
        if out.returncode:
            print(f"child failed (exit {out.returncode}): {out.stderr[-400:]}")
            return 1
        res = json.loads(out.stdout.strip().splitlines()[-1])
        print(json.dumps(res, ensure_ascii=False))
    finally:
        os.unlink(tmp.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
