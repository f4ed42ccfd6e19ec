"""Tasks used by test_worker.py (a real `netduty db_worker` subprocess imports them by path)."""

import time
from pathlib import Path

from django.tasks import task


@task()
def slow_once(marker_dir: str, seconds: float) -> str:
    """Write `started-N`; the first run sleeps `seconds` (long enough to be killed), later ones finish."""
    folder = Path(marker_dir)
    runs = len(list(folder.glob("started-*"))) + 1
    (folder / f"started-{runs}").write_text("1")
    if runs == 1:
        time.sleep(seconds)
    (folder / f"done-{runs}").write_text("1")
    return f"run {runs}"
