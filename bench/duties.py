"""Benchmark for duties generation and the board (issue 4).

    .venv/bin/python bench/duties.py [--units 2000] [--year 2026] [--database sqlite|postgres-url]

Creates a fresh database (SQLite file in a temp dir by default), loads the default policy pack,
bulk-creates a unit tree of --units units (1 校党委, 宣传部, then 党总支/直属党支部/附属医院党委,
校属部门 and 党支部 in realistic proportions), then measures:

* generating a whole year (all tasks, every cadence) — time and number of queries (target < 10 s);
* generating the same year again (idempotent: nothing created) — time and queries;
* building the 宣传部's board for the year over every unit — time and queries.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--database", default="", help="DATABASE_URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="netduty-bench-")
    os.environ["DATABASE_URL"] = args.database or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ["NETDUTY_VAR_DIR"] = tmp

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from netduty.duties import board, services, slots
    from netduty.duties.models import Obligation, ObligationPeriod
    from netduty.org.models import Unit
    from netduty.policy.services import load_default_pack

    load_default_pack()
    if Unit.objects.exists():
        sys.exit("the database already has units; give an empty database")
    root = Unit.objects.create(code="root", name="中共基准大学委员会", kind="school_committee")
    Unit.objects.filter(pk=root.pk).update(path=f"/{root.pk}/")
    kinds = ["general_branch"] * 6 + ["direct_branch"] * 2 + ["department"] * 3 + ["institute", "hospital_committee"]
    batch = [Unit(code=f"u{i}", name=f"单位{i}党组织", short_name=f"单位{i}", kind=kinds[i % len(kinds)],
                  parent=root, depth=1) for i in range(args.units - 1)]
    Unit.objects.bulk_create(batch, batch_size=1000)
    Unit.objects.bulk_update([Unit(pk=u.pk, path=f"/{root.pk}/{u.pk}/") for u in Unit.objects.filter(parent=root)],
                             ["path"], batch_size=1000)
    print(f"database: {connection.vendor}; units: {Unit.objects.count()}")

    with CaptureQueriesContext(connection) as q:
        t0 = time.perf_counter()
        result = services.generate_year(actor=None, year=args.year)
        took = time.perf_counter() - t0
    print(f"generate {args.year}: {took:.2f} s, {len(q)} queries — {result.obligations_created} obligations, "
          f"{result.periods_created} periods (target < 10 s)")
    with CaptureQueriesContext(connection) as q:
        t0 = time.perf_counter()
        again = services.generate_year(actor=None, year=args.year)
        took = time.perf_counter() - t0
    print(f"generate again (idempotent): {took:.2f} s, {len(q)} queries — created {again.periods_created}")
    print(f"rows: {Obligation.objects.count()} obligations, {ObligationPeriod.objects.count()} periods")

    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("benchadmin", "b@example.com", "x" * 12)
    for key in (str(args.year), f"{args.year}-Q2"):
        with CaptureQueriesContext(connection) as q:
            t0 = time.perf_counter()
            data = board.build(admin, slots.parse_slot(key))
            took = time.perf_counter() - t0
        print(f"board {key}: {took * 1000:.0f} ms, {len(q)} queries — {len(data.rows)} units × "
              f"{len(data.columns)} tasks")


if __name__ == "__main__":
    main()
