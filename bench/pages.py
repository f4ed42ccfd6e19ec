"""Page speed at the DESIGN scale: dashboards and queues under 200 ms p95 on one core, and a
query count per page that does not depend on the amount of data.

    .venv/bin/python bench/pages.py                 # SQLite files in a fresh temp dir, DESIGN scale
    .venv/bin/python bench/pages.py --quick         # small smoke run (a few seconds)
    .venv/bin/python bench/pages.py --keep /tmp/nd_pages_bench   # build once, reuse on later runs
    .venv/bin/python bench/pages.py --database postgres://postgres@127.0.0.1:5432/nd_pages_bench

Two data sets are built with the same shape — "small" (a tenth of the size) and "full" (DESIGN:
2,000 units, 20,000 people, 200,000 submissions with a revision and their decisions, 500,000
obligation periods) — each in its own throwaway database (SQLite files under a temp dir, or the
PostgreSQL database named in --database plus "<name>_small"; both are dropped and rebuilt unless
--keep is given). Every data set is built and measured in its own child process pinned to one
core (`os.sched_setaffinity`); settings are `config.settings.test` with DATABASE_URL pointed at
the bench database and NETDUTY_VAR_DIR at a temp dir, so nothing touches var/.

Building: migrate, load the default policy pack, then raw bulk inserts (not the services, which
are per-row with audit): a unit tree (校党委 → 党总支/附属医院党委/直属党支部/部门 → 党支部),
people with logins, appointments, a year of obligations per year back to the period target (the
duties service `generate_year`; the bench pack assigns the 各级党组织 tasks to 党支部 too and is
back-dated, so the history reaches the DESIGN volume), realistic statuses, channels with their
review stages, submissions over two years (most published, some in review at every stage),
their revisions, decisions and publications, and audit events.

Measuring: Django's test `Client` with `force_login`, for three users — "office" (宣传部,
school-wide), "secretary" (a college's 第一责任人, its subtree) and "officer" (that college's 信息员,
its own unit) — on the dashboard, unit list, unit page, duties index, duties board, review queue,
channel registry and audit list: a warm-up request, then --requests timed requests each → p50 /
p95 wall-clock ms and p95 process CPU ms, plus the query count at both sizes. Pages over the
200 ms budget are marked SLOW ("slow (cpu ok)" on SQLite when only the wall clock is over: the
machine was busy), query counts that differ between the sizes GROWS; the exit status is 1 if any.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BUDGET_MS = 200.0
DESIGN = {"units": 2000, "people": 20000, "submissions": 200000, "periods": 500000}
PAGES = [
    ("home", "home", None),
    ("org:unit_list", "org:unit_list", None),
    ("org:unit_detail", "org:unit_detail", "college"),
    ("duties:index", "duties:index", None),
    ("duties:board", "duties:board", None),
    ("review:index", "review:index", None),
    ("fronts:index", "fronts:index", None),
    ("audit_list", "audit_list", None),
]


# ---- orchestration (parent process) ------------------------------------------------------------

def _pin_one_core() -> str:
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
        return f"pinned to CPU {cpus[-1]}"
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return "not pinned (no sched_setaffinity)"


def _pg_url(base: str, suffix: str) -> str:
    parts = urlparse(base)
    return urlunparse(parts._replace(path=parts.path.rstrip("/") + suffix))


def _pg_recreate(url: str, keep: bool) -> bool:
    """Create the database (drop it first unless keep). Returns True when it already existed."""
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
        if exists and keep:
            return True
        if exists:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small smoke run (scales 0.01 and 0.03, 5 requests)")
    parser.add_argument("--scale", type=float, default=1.0, help="full data set as a fraction of DESIGN (default 1)")
    parser.add_argument("--small", type=float, default=0.1, help="small data set as a fraction of DESIGN")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page and user")
    parser.add_argument("--database", default="", help="PostgreSQL URL for the full data set (default: SQLite)")
    parser.add_argument("--keep", default="", help="directory for SQLite files / keep PostgreSQL databases, "
                                                   "reused when present")
    parser.add_argument("--only", default="", help="comma-separated page names to measure")
    parser.add_argument("--json", default="", help="also write the results to this file")
    parser.add_argument("--worker", default="", help=argparse.SUPPRESS)
    parser.add_argument("--url", default="", help=argparse.SUPPRESS)
    parser.add_argument("--var", default="", help=argparse.SUPPRESS)
    parser.add_argument("--marker", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    if args.quick:
        args.scale, args.small, args.requests = 0.03, 0.01, 5
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nd_pages_bench-"))
    base.mkdir(parents=True, exist_ok=True)
    var = base / "var"
    var.mkdir(exist_ok=True)
    results = {}
    for label, scale in (("small", args.small), ("full", args.scale)):
        marker = base / f"{label}-{scale:g}.built"  # written after a complete build (--keep reuses it)
        reuse = bool(args.keep) and marker.exists()
        if args.database:
            url = args.database if label == "full" else _pg_url(args.database, "_small")
            if args.quick:
                url = _pg_url(url, "_quick")
            _pg_recreate(url, keep=reuse)
        else:
            path = base / f"{label}-{scale:g}.sqlite3"
            if not reuse:
                for stale in base.glob(f"{path.name}*"):
                    stale.unlink()
            url = f"sqlite:///{path}"
        out = base / f"result-{label}.json"
        cmd = [sys.executable, __file__, "--worker", label, "--scale", str(scale), "--url", url,
               "--var", str(var), "--requests", str(args.requests), "--json", str(out), "--only", args.only,
               "--marker", str(marker)]
        print(f"[{label}] scale {scale:g} → {url}", flush=True)
        subprocess.run(cmd, check=True)
        results[label] = json.loads(out.read_text())
    report(results, args)


def report(results: dict, args) -> None:
    small, full = results["small"], results["full"]
    print()
    print(f"database: {full['vendor']}; {full['pinned']}; {args.requests} timed requests per row")
    for label in ("small", "full"):
        r = results[label]
        print(f"{label:5}: " + ", ".join(f"{v:,} {k}" for k, v in r["counts"].items())
              + f" (built in {r['build_s']:.0f} s)")
    print()
    head = f"{'page':17} {'user':9} {'status':>6} {'q small':>7} {'q full':>6} {'p50 ms':>7} {'p95 ms':>7} {'cpu95':>6} {'KiB':>5}"
    print(head)
    print("-" * len(head))
    problems = 0
    for key, row in full["pages"].items():
        page, user = key.split("|")
        q_small = small["pages"].get(key, {}).get("queries")
        flags = []
        if row["status"] == 200 and row["p95"] > BUDGET_MS:
            # on SQLite all the work is in this process: CPU time within budget means the wall
            # time was spent waiting for a busy machine's CPU, not working
            flags.append("SLOW" if full["vendor"] != "sqlite" or row["cpu95"] > BUDGET_MS else "slow (cpu ok)")
        if q_small is not None and q_small != row["queries"]:
            flags.append("GROWS")
        problems += any(f in ("SLOW", "GROWS") for f in flags)
        print(f"{page:17} {user:9} {row['status']:>6} {q_small if q_small is not None else '-':>7} "
              f"{row['queries']:>6} {row['p50']:>7.1f} {row['p95']:>7.1f} {row['cpu95']:>6.1f} "
              f"{row['bytes'] // 1024:>5} {' '.join(flags)}")
    print()
    print("all pages within budget, query counts independent of size" if not problems
          else f"{problems} rows over budget or with growing query counts")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1))
    if problems:
        sys.exit(1)


# ---- worker: build and measure one data set ------------------------------------------------------

def worker(args) -> None:
    pinned = _pin_one_core()
    os.environ["DATABASE_URL"] = args.url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["NETDUTY_VAR_DIR"] = args.var
    import logging

    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # the expected 403s
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from netduty.org.models import Unit

    t0 = time.perf_counter()
    if not Unit.objects.exists():
        Builder(args.scale).build()
    build_s = time.perf_counter() - t0
    Path(args.marker).write_text(args.url)  # complete: --keep may reuse it
    print(f"[{args.worker}] data ready in {build_s:.0f} s", flush=True)
    pages = measure(args.requests, [p for p in args.only.split(",") if p])
    Path(args.json).write_text(json.dumps({
        "vendor": connection.vendor, "pinned": pinned, "build_s": build_s, "counts": counts(), "pages": pages,
    }, ensure_ascii=False))


def counts() -> dict[str, int]:
    from netduty.core.models import AuditEvent
    from netduty.duties.models import ObligationPeriod
    from netduty.fronts.models import Channel
    from netduty.org.models import Appointment, Person, Unit
    from netduty.review.models import Decision, Submission

    return {"units": Unit.objects.count(), "people": Person.objects.count(),
            "appointments": Appointment.objects.count(), "periods": ObligationPeriod.objects.count(),
            "channels": Channel.objects.count(), "submissions": Submission.objects.count(),
            "decisions": Decision.objects.count(), "audit events": AuditEvent.objects.count()}


def bench_users() -> dict:
    from django.contrib.auth import get_user_model

    from netduty.org.models import Appointment, Unit

    User = get_user_model()
    college = Unit.objects.filter(kind="general_branch").order_by("pk").first()

    def holder(role: str, **kw):
        appt = (Appointment.objects.filter(role__code=role, valid_to__isnull=True, **kw)
                .order_by("pk").select_related("person").first())
        return User.objects.get(pk=appt.person.user_id)

    return {
        "users": {"office": holder("propaganda_office"), "secretary": holder("first_responsible", unit=college),
                  "officer": holder("info_officer", unit=college)},
        "college": college,
    }


def measure(n: int, only: list[str]) -> dict:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    setup = bench_users()
    out = {}
    for user_label, user in setup["users"].items():
        client = Client()
        client.force_login(user)
        for name, urlname, arg in PAGES:
            if only and name not in only:
                continue
            url = reverse(urlname, args=[setup["college"].pk] if arg == "college" else [])
            response = client.get(url)  # warm-up (template loading, caches)
            status = response.status_code
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            queries = len(ctx.captured_queries)
            walls, cpus = [], []
            for _ in range(n):
                c0, w0 = time.process_time(), time.perf_counter()
                client.get(url)
                walls.append((time.perf_counter() - w0) * 1000)
                cpus.append((time.process_time() - c0) * 1000)
            reset_queries()
            out[f"{name}|{user_label}"] = {"status": status, "queries": queries, "p50": statistics.median(walls),
                                           "p95": _p95(walls), "cpu95": _p95(cpus), "bytes": len(response.content)}
            print(f"  {name:17} {user_label:9} {status} {queries:3} q  p50 {statistics.median(walls):7.1f} ms  "
                  f"p95 {_p95(walls):7.1f} ms", flush=True)
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]


# ---- the data set ---------------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国文华明军志强秀英丽娟海涛春梅晓东伟红霞国平德胜玉兰新民振华丽华金凤小红卫东建华永红宏伟子涵思远雨桐浩然欣怡俊杰婷婷嘉豪梓萱宇航"
TOPICS = ["学习贯彻党的二十大精神", "主题党日活动", "网络安全宣传周", "新生入学教育", "学术报告会", "教学质量月",
          "志愿服务", "毕业典礼", "校园开放日", "心理健康教育", "社会实践", "科研成果"]


class Builder:
    """Raw bulk inserts with explicit primary keys (the services are per-row and audited)."""

    def __init__(self, scale: float, seed: int = 20261126):
        self.scale = scale
        self.rng = random.Random(seed)
        self.n_units = max(30, round(DESIGN["units"] * scale))
        self.n_people = max(300, round(DESIGN["people"] * scale))
        self.n_subs = max(500, round(DESIGN["submissions"] * scale))
        self.n_periods = max(2000, round(DESIGN["periods"] * scale))
        from django.utils import timezone

        self.now = timezone.now()
        self.today = timezone.localdate()

    # -- plumbing --

    def insert(self, model, names: list[str], rows: list[tuple], batch: int = 5000) -> None:
        """INSERT rows (tuples in the order of `names`); dates converted once per distinct value;
        JSON columns must be given as JSON text. PostgreSQL: one unnest() per batch; SQLite: executemany."""
        from django.db import connection
        from django.db.models import DateField, DateTimeField, JSONField

        if not rows:
            return
        fields = [model._meta.get_field(n) for n in names]
        given = {f.attname for f in fields}
        for f in model._meta.concrete_fields:  # NOT NULL columns left out: their model default
            if f.attname in given or f.null or f.primary_key:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = self.now
            elif f.has_default():
                value = f.get_default()
                value = json.dumps(value) if isinstance(f, JSONField) else value
            elif f.empty_strings_allowed:
                value = ""
            else:
                raise ValueError(f"{model.__name__}.{f.name} needs a value")
            fields.append(f)
            rows = [(*r, value) for r in rows]
        conv = []
        for f in fields:
            if isinstance(f, DateTimeField | DateField):
                cache: dict = {}

                def c(v, f=f, cache=cache):
                    if v not in cache:
                        cache[v] = f.get_db_prep_save(v, connection)
                    return cache[v]

                conv.append(c)
            else:
                conv.append(None)
        if any(conv):
            rows = [tuple(c(v) if c else v for v, c in zip(r, conv, strict=True)) for r in rows]
        qn = connection.ops.quote_name
        table, columns = qn(model._meta.db_table), ", ".join(qn(f.column) for f in fields)
        with connection.cursor() as cur:
            if connection.vendor == "postgresql":
                types = ["jsonb" if isinstance(f, JSONField) else f.db_type(connection) for f in fields]
                arrays = ", ".join(f"%s::{t}[]" for t in types)
                sql = f"INSERT INTO {table} ({columns}) SELECT * FROM unnest({arrays})"
                for i in range(0, len(rows), batch):
                    chunk = rows[i:i + batch]
                    cur.execute(sql, [[r[j] for r in chunk] for j in range(len(fields))])
            else:
                sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
                for i in range(0, len(rows), batch):
                    cur.executemany(sql, rows[i:i + batch])

    def step(self, label: str, t0: float) -> float:
        t = time.perf_counter()
        print(f"    {label} ({t - t0:.1f} s)", flush=True)
        return t

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, self.rng.choice((1, 2))))

    # -- the build --

    def build(self) -> None:
        from django.db import transaction

        from netduty.policy.services import load_default_pack

        load_default_pack()
        t = time.perf_counter()
        with transaction.atomic():
            self.units()
            t = self.step(f"{self.n_units} units", t)
            self.people()
            t = self.step(f"{self.n_people} people and logins", t)
            self.appointments()
            t = self.step(f"{len(self.appts)} appointments", t)
        self.duties()
        t = self.step("obligation periods", t)
        with transaction.atomic():
            self.channels()
            t = self.step(f"{len(self.channel_rows)} channels", t)
            self.submissions()
            t = self.step(f"{self.n_subs} submissions, revisions, decisions, publications, audit events", t)
        self.finish()
        self.step("sequences and statistics", t)

    def units(self) -> None:
        from netduty.org.models import Unit

        n = self.n_units
        plan = [("general_branch", max(2, round(n * 0.02))), ("hospital_committee", max(1, round(n * 0.001))),
                ("direct_branch", max(1, round(n * 0.01))), ("department", max(2, round(n * 0.03))),
                ("institute", max(1, round(n * 0.01)))]
        rows = [(1, "root", "中共基准大学委员会", "校党委", "school_committee", None, "/1/", 0)]
        kids: list[int] = []
        self.kind: dict[int, str] = {1: "school_committee"}
        self.parent: dict[int, int | None] = {1: None}
        self.short: dict[int, str] = {1: "校党委"}
        pk = 1
        for kind, count in plan:
            for i in range(count):
                pk += 1
                if kind == "department" and i == 0:
                    code, name, short = "xcb", "党委宣传部", "宣传部"
                    self.propaganda = pk
                elif kind == "department" and i == 1:
                    code, name, short = "jwb", "纪委办公室", "纪委"
                    self.discipline = pk
                else:
                    label = {"general_branch": "学院", "hospital_committee": "附属医院", "direct_branch": "直属支部",
                             "department": "处", "institute": "中心"}[kind]
                    short = f"第{i + 1}{label}"
                    code = f"{kind[:4]}-{i + 1}"
                    name = {"general_branch": f"{short}党委", "hospital_committee": f"{short}党委",
                            "direct_branch": f"{short}党支部"}.get(kind, short)
                rows.append((pk, code, name, short, kind, 1, f"/1/{pk}/", 1))
                self.kind[pk], self.parent[pk], self.short[pk] = kind, 1, short
                if kind in ("general_branch", "hospital_committee"):
                    kids.append(pk)
        colleges = [k for k in kids if self.kind[k] == "general_branch"]
        hospitals = [k for k in kids if self.kind[k] == "hospital_committee"]
        i = 0
        while pk < n:
            pk += 1
            parent = hospitals[i % len(hospitals)] if i % 10 == 9 else colleges[i % len(colleges)]
            j = i // len(colleges) + 1
            short = f"{self.short[parent]}{'教工' if i % 2 else '学生'}第{j}党支部"
            rows.append((pk, f"br-{pk}", short, short, "branch", parent, f"/1/{parent}/{pk}/", 2))
            self.kind[pk], self.parent[pk], self.short[pk] = "branch", parent, short
            i += 1
        self.insert(Unit, ["id", "code", "name", "short_name", "kind", "parent_id", "path", "depth", "order",
                           "active_from"], [(*r, i, dt.date(2000, 1, 1)) for i, r in enumerate(rows)])
        self.unit_ids = [r[0] for r in rows]

    def people(self) -> None:
        from django.contrib.auth import get_user_model

        from netduty.org.models import Person

        weight = {"school_committee": 30, "department": 12, "institute": 10, "general_branch": 20,
                  "hospital_committee": 20, "direct_branch": 8, "branch": 8}
        weights = [weight[self.kind[u]] for u in self.unit_ids]
        total = sum(weights)
        self.members: dict[int, list[int]] = {u: [] for u in self.unit_ids}
        pk = 0
        for u, w in zip(self.unit_ids, weights, strict=True):
            for _ in range(max(6, round(self.n_people * w / total))):
                pk += 1
                self.members[u].append(pk)
        self.n_people = pk
        self.person_unit = {p: u for u, ps in self.members.items() for p in ps}
        self.names = {p: self.name() for p in range(1, pk + 1)}
        joined = self.now - dt.timedelta(days=900)
        self.insert(get_user_model(), ["id", "username", "password", "is_superuser", "is_staff", "is_active",
                                       "first_name", "last_name", "email", "date_joined"],
                    [(p, f"s{p:06d}", "!", False, False, True, "", "", "", joined) for p in range(1, pk + 1)])
        self.insert(Person, ["id", "user_id", "staff_no", "name", "unit_id", "title", "email", "mobile"],
                    [(p, p, f"S{p:06d}", self.names[p], self.person_unit[p], "", "", "") for p in range(1, pk + 1)])

    def appointments(self) -> None:
        from netduty.org.models import Appointment
        from netduty.policy import selectors as policy

        roles = {r.code: r.pk for r in policy.roles()}
        plan = {
            "school_committee": ["first_responsible", "direct_responsible", "team_member", "team_member",
                                 "team_member", "team_member", "school_leader", "school_leader", "unit_head",
                                 "dept_head", "info_officer", "info_officer"],
            "general_branch": ["first_responsible", "direct_responsible", "team_member", "team_member", "unit_head",
                               "dept_head", "info_officer", "info_officer", "commentator", "commentator",
                               "commentator"],
            "hospital_committee": ["first_responsible", "direct_responsible", "team_member", "unit_head",
                                   "dept_head", "info_officer", "info_officer", "commentator"],
            "direct_branch": ["first_responsible", "direct_responsible", "dept_head", "info_officer", "info_officer",
                              "commentator"],
            "department": ["unit_head", "dept_head", "info_officer", "info_officer", "commentator"],
            "institute": ["unit_head", "dept_head", "info_officer", "info_officer", "commentator"],
            "branch": ["first_responsible", "info_officer", "info_officer", "commentator"],
        }
        rows, oversees = [], []
        self.appts: list[tuple] = []
        self.held: dict[tuple[int, str], list[tuple[int, int]]] = {}  # (unit, role) -> [(appt, person)]
        pk = 0
        start = dt.date(2023, 1, 1)
        for u in self.unit_ids:
            codes = list(plan[self.kind[u]])
            if u == self.propaganda:
                codes += ["propaganda_office"] * 6
            if u == self.discipline:
                codes += ["discipline_office"] * 3
            if self.kind[u] == "branch" and u % 53 == 0:
                codes.remove("first_responsible")  # a vacancy (the dashboard asks to fill it)
            people = self.members[u]
            for i, code in enumerate(codes):
                pk += 1
                person = people[i % len(people)]
                valid_to = self.today + dt.timedelta(days=10) if code == "commentator" and u % 97 == 0 else None
                rows.append((pk, person, u, roles[code], start + dt.timedelta(days=u % 300), valid_to,
                             f"党发〔2023〕{u % 90 + 1}号", "", self.now))
                self.held.setdefault((u, code), []).append((pk, person))
                if code == "team_member" and self.kind[u] == "school_committee":
                    level1 = [x for x in self.unit_ids if self.parent[x] == 1]
                    for x in level1[i::4][:6]:
                        oversees.append((pk, x))
            if self.kind[u] != "department" and u % 5 == 0 and "first_responsible" in codes:
                pk += 1  # the predecessor, for the responsibility chain "as of" a past date
                rows.append((pk, people[-1], u, roles["first_responsible"], dt.date(2018, 1, 1),
                             dt.date(2022, 12, 31), "党发〔2018〕1号", "", self.now))
        self.appts = rows
        self.insert(Appointment, ["id", "person_id", "unit_id", "role_id", "valid_from", "valid_to", "basis",
                                  "area", "created_at"], rows)
        self.insert(Appointment.oversees.through, ["appointment_id", "unit_id"], oversees)

    def duties(self) -> None:
        """Years of obligations through the service, then realistic statuses (raw UPDATEs)."""
        from django.db import connection

        from netduty.duties import services
        from netduty.duties.models import ObligationPeriod
        from netduty.policy.models import PolicyItem, PolicyPack

        level = PolicyItem.objects.get(kind="level", code="party_orgs")
        level.data["unit_kinds"] = sorted(set(level.data.get("unit_kinds", [])) | {"branch"})
        PolicyItem.objects.filter(pk=level.pk).update(data=level.data)
        year = self.today.year
        PolicyPack.objects.update(effective_from=dt.date(year - 60, 1, 1))
        services.generate_year(actor=None, year=year)
        per_year = ObligationPeriod.objects.count()
        years = max(1, math.ceil(self.n_periods / per_year))
        for y in range(year - 1, year - years, -1):
            services.generate_year(actor=None, year=y)
        today = self.today.isoformat()
        users = self.n_people

        def shift(days: str) -> str:  # a timestamp `days` (an SQL expression) after the due date, 10:00 local
            if connection.vendor == "postgresql":
                return f"((due + ({days})::int)::timestamp + interval '2 hours') AT TIME ZONE 'UTC'"
            return f"datetime(due, ({days}) || ' days', '+2 hours')"

        done, late, active = shift("-(1 + id %% 7)"), shift("5"), shift("-20")
        with connection.cursor() as cur:
            table = ObligationPeriod._meta.db_table
            cur.execute(f"UPDATE {table} SET completed_at = {done}, activity_at = {active}, count = required, "
                        f"review_state = CASE WHEN required = 0 THEN 'accepted' ELSE '' END "
                        f"WHERE due < %s AND id %% 20 < 16", [today])
            cur.execute(f"UPDATE {table} SET completed_at = {late}, activity_at = {active}, count = required "
                        f"WHERE due < %s AND id %% 20 = 16", [today])
            cur.execute(f"UPDATE {table} SET activity_at = {active} WHERE due < %s AND id %% 20 = 17", [today])
            cur.execute(f"UPDATE {table} SET activity_at = %s WHERE start <= %s AND due >= %s AND id %% 10 < 4",
                        [self.now - dt.timedelta(days=3), today, today])
            cur.execute(f"UPDATE {table} SET activity_at = %s, review_state = 'submitted', submitted_at = %s, "
                        f"submitted_by_id = 1 + id %% {users}, statement = '已按要求完成' "
                        f"WHERE start <= %s AND due >= %s AND required = 0 AND id %% 10 = 4",
                        [self.now - dt.timedelta(days=5), self.now - dt.timedelta(days=2), today, today])

    def channels(self) -> None:
        from netduty.fronts.models import (
            AnnualReview,
            Channel,
            ChannelRequest,
            ChannelResponsible,
            ChannelStage,
            ZeroReport,
        )
        from netduty.policy import selectors as policy

        stages = policy.setting("review.stages", [])
        rows, stage_rows, resp_rows = [], [], []
        self.stages_of: dict[int, list[dict]] = {}
        self.channel_unit: dict[int, int] = {}
        pk = 0
        for u in self.unit_ids:
            kind = self.kind[u]
            n = 0 if kind == "branch" and u % 3 else (1 if kind == "branch" else 2)
            if u == self.propaganda:
                n = 3
            for i in range(n):
                pk += 1
                platform = ["website", "wechat", "weibo"][i]
                status = "pending" if pk % 97 == 0 else ("closed" if pk % 89 == 0 else "active")
                tier = "1" if u == self.propaganda else ("3" if kind == "branch" else "2")
                opened = dt.date(2019 + pk % 6, 1 + pk % 12, 1 + pk % 27)
                rows.append((pk, u, platform, f"{self.short[u]}{['网站', '公众号', '微博'][i]}",
                             f"acct-{pk}" if platform != "website" else "",
                             f"https://u{u}.bench.example.edu.cn/" if platform == "website" else "", tier, status,
                             "基准大学", opened, opened + dt.timedelta(days=10),
                             dt.date(2026, 1, 1) if status == "closed" else None, self.now, self.now))
                chain = [{"order": j, **s} for j, s in enumerate(stages, start=1)]
                if u == self.propaganda:
                    chain.append({"order": len(chain) + 1, "code": "office", "name": "宣传部审核",
                                  "roles": ["propaganda_office"]})
                for s in chain:
                    stage_rows.append((pk, s["order"], s["code"], s["name"], json.dumps(s["roles"])))
                self.stages_of[pk] = [{"code": s["code"], "name": s["name"], "roles": s["roles"], "order": s["order"]}
                                      for s in chain]
                self.channel_unit[pk] = u
                admins = self.held.get((u, "info_officer"), [])
                leader = self.held.get((u, "direct_responsible")) or self.held.get((u, "unit_head")) or []
                for duty, held in (("admin", admins[:1]), ("leader", leader[:1])):
                    for appt, _ in held:
                        resp_rows.append((pk, duty, appt))
        self.channel_rows = rows
        self.insert(Channel, ["id", "unit_id", "platform", "name", "account_id", "url", "tier", "status",
                              "verified_entity", "opened_on", "registered_on", "closed_on", "created_at",
                              "updated_at"], rows)
        self.insert(ChannelStage, ["channel_id", "order", "code", "name", "roles"], stage_rows)
        self.insert(ChannelResponsible, ["channel_id", "duty", "appointment_id"], resp_rows)
        # open registrations, this year's 年审 and 零报告
        reqs, reviews = [], []
        for c, u, *_rest in rows:
            status = _rest[5]
            by = self.held.get((u, "info_officer"), [(0, 1)])[0][1]
            if status == "pending":
                reqs.append((c, "register", "office" if c % 2 else "unit", "{}", "{}", "新开账号",
                             self.today - dt.timedelta(days=20), self.today + dt.timedelta(days=10), by,
                             self.now - dt.timedelta(days=3)))
            elif status == "active" and c % 5 < 2:
                reviews.append((c, self.today.year, True, True, c % 3 > 0, "已自查", by, self.now - dt.timedelta(days=30),
                                "pass" if c % 2 else "", "[]", ""))
        self.insert(ChannelRequest, ["channel_id", "kind", "state", "payload", "before", "reason", "event_on",
                                     "due_on", "submitted_by_id", "submitted_at"], reqs)
        self.insert(AnnualReview, ["channel_id", "year", "student_admins_removed", "three_reviews", "monitoring",
                                   "self_note", "filed_by_id", "filed_at", "result", "grounds", "conclusion"],
                    reviews)
        with_channels = {r[1] for r in rows}
        zero = [(u, self.today.year, "本单位未开设网站和新媒体账号", self.members[u][0],
                 self.now - dt.timedelta(days=40))
                for u in self.unit_ids if u not in with_channels and u % 10 < 3]
        self.insert(ZeroReport, ["unit_id", "year", "note", "filed_by_id", "filed_at"], zero)

    def submissions(self) -> None:
        from netduty.core.models import AuditEvent
        from netduty.review.models import Decision, Publication, Revision, Submission

        active = [r[0] for r in self.channel_rows if r[7] == "active"]
        subs, revs, decs, pubs, audit = [], [], [], [], []
        dec_pk = 0
        span = 730 * 24 * 3600
        for pk in range(1, self.n_subs + 1):
            channel = active[(pk * 7919) % len(active)]
            unit = self.channel_unit[channel]
            chain = self.stages_of[channel]
            officers = self.held.get((unit, "info_officer"), [])
            author = officers[pk % len(officers)][1] if officers else self.members[unit][0]
            age = (pk * 104729) % span
            created = self.now - dt.timedelta(seconds=age)
            recent = age < 14 * 24 * 3600
            r = pk % 100
            if recent:
                state = "approved" if r < 15 else "returned" if r < 25 else "reviewing"
            else:
                state = ("published" if r < 88 else "rejected" if r < 91 else "withdrawn" if r < 95
                         else "returned")
            if state == "reviewing":
                stage = 1 + pk % len(chain)
            elif state in ("published", "approved"):
                stage = len(chain) + 1
            else:
                stage = 1 + pk % len(chain)  # where it stopped
            updated = created + dt.timedelta(hours=2 + 20 * (stage - 1))
            if updated > self.now:
                updated = self.now
            cur = chain[stage - 1] if state == "reviewing" else None
            title = f"{self.short[unit]}{TOPICS[pk % len(TOPICS)]}（{pk}）"
            digest = hashlib.sha256(str(pk).encode()).hexdigest()
            subs.append((pk, channel, unit, author, title, state, pk,
                         stage if state == "reviewing" else 0,
                         ("," + ",".join(cur["roles"]) + ",") if cur else "",
                         updated, updated + dt.timedelta(hours=48) if cur else None, None, 1 + stage, created,
                         updated))
            body = f"{title}。{TOPICS[(pk + 3) % len(TOPICS)]}顺利举行，师生代表参加。"
            high = 1 if pk % 50 == 0 else 0
            revs.append((pk, pk, 1, title, f"<p>{body}</p>", body, "original", "", author,
                         json.dumps([{k: s[k] for k in ("order", "code", "name", "roles")} for s in chain],
                                    ensure_ascii=False),
                         digest, digest[::-1], "", high, high, "", created))
            decided = stage - 1 if state != "rejected" else stage
            people = [p for (_, p) in self._reviewers(unit) if p != author]
            for s in range(1, decided + 1):
                dec_pk += 1
                st = chain[s - 1]
                outcome = "reject" if state == "rejected" and s == decided else "approve"
                reviewer = people[(pk + s) % len(people)] if people else 1
                decs.append((dec_pk, pk, pk, digest, s, st["code"], st["name"], reviewer, st["roles"][0], "",
                             '{"secrecy": true, "suitability": true, "accuracy": true}', outcome, "同意", "",
                             created + dt.timedelta(hours=20 * s)))
            if state == "published":
                pubs.append((pk, pk, digest, f"https://u{unit}.bench.example.edu.cn/a/{pk}.html",
                             updated, author, "identical", updated + dt.timedelta(days=1), updated))
            audit.append((created, author, self.names[author], "review.submission.create", "review.submission",
                          str(pk), title, unit, '{}'))
            if state == "published":
                audit.append((updated, author, self.names[author], "review.publication.create",
                              "review.publication", str(pk), title, unit, '{}'))
        self.insert(Revision, ["id", "submission_id", "number", "title", "body_html", "body_text", "source_kind",
                               "source_name", "author_id", "stages", "content_hash", "text_hash",
                               "rules_fingerprint", "high_count", "finding_count", "note", "created_at"], revs)
        self.insert(Submission, ["id", "channel_id", "unit_id", "author_id", "title", "state",
                                 "current_revision_id", "stage", "awaiting_roles", "stage_since", "due_at",
                                 "intended_at", "version", "created_at", "updated_at"], subs)
        self.insert(Decision, ["id", "submission_id", "revision_id", "content_hash", "stage", "stage_code",
                               "stage_name", "reviewer_id", "role_code", "role_label", "answers", "outcome",
                               "comment", "high_reason", "created_at"], decs)
        self.insert(Publication, ["submission_id", "revision_id", "content_hash", "url", "published_at",
                                  "published_by_id", "last_result", "last_checked_at", "created_at"], pubs)
        audit.sort(key=lambda a: a[0])
        prev = "0" * 64
        rows = []
        for i, a in enumerate(audit):
            h = hashlib.sha256(f"bench{i}".encode()).hexdigest()
            rows.append((*a, "", "", prev, h))
            prev = h
        self.insert(AuditEvent, ["created_at", "actor_id", "actor_label", "action", "object_type", "object_id",
                                 "object_repr", "unit_id", "after", "request_id", "ip", "prev_hash", "hash"], rows)

    def _reviewers(self, unit: int) -> list[tuple[int, int]]:
        out = []
        for code in ("info_officer", "dept_head", "unit_head", "first_responsible", "direct_responsible"):
            out.extend(self.held.get((unit, code), []))
        return out or self.held.get((1, "first_responsible"), [])

    def finish(self) -> None:
        from django.apps import apps
        from django.core.management.color import no_style
        from django.db import connection

        if connection.vendor == "postgresql":
            models = [m for m in apps.get_models(include_auto_created=True)]
            with connection.cursor() as cur:
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    cur.execute(sql)
                cur.execute("ANALYZE")


if __name__ == "__main__":
    main()
