#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 interpreter, or explains and exits 1.
# Order: $PYTHON, python3.13, python3.12, python3.14, python3, then pyenv's and the
# usual install folders (pyenv shims answer "command not found" for versions that are
# installed but not selected, so each candidate is actually run).
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
cands=()
[ -n "${PYTHON:-}" ] && cands+=("$PYTHON")
for v in python3.13 python3.12 python3.14 python3; do
  p=$(command -v "$v" 2>/dev/null) && cands+=("$p")
done
root=${PYENV_ROOT:-$HOME/.pyenv}
for d in "$root"/versions/3.13* "$root"/versions/3.12* "$root"/versions/3.14* \
         /usr/local/bin /usr/bin /opt/python*/bin; do
  for n in python3.13 python3.12 python3.14 python3; do
    [ -x "$d/bin/$n" ] && cands+=("$d/bin/$n")
    [ -x "$d/$n" ] && cands+=("$d/$n")
  done
done
for c in "${cands[@]}"; do
  if ok "$c"; then
    "$c" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
echo "netduty needs Python 3.12 or newer, and none was found." >&2
echo "Tried: ${cands[*]:-(nothing on PATH)}" >&2
echo "Install one (e.g. 'apt-get install python3.12' or pyenv), or run: make run PYTHON=/path/to/python3.12" >&2
exit 1
