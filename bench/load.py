"""Sustained mixed load against the production server on PostgreSQL, then faults (issue 9).

    .venv/bin/python bench/load.py --database postgres://postgres@127.0.0.1:5432/netduty_load \
        --port 8500 --seconds 60 --readers 6 --writers 4 [--faults]

Builds a fresh database (migrate, `netduty demo`), starts gunicorn with `config.settings.prod`
(deploy/gunicorn.conf.py; HTTPS redirect and secure cookies off on loopback), one `db_worker` and
then, for --seconds, `--readers` threads reading the main pages (session cookies of 宣传部, a
college secretary, its information officer and admin) and `--writers` threads writing through the
API (meetings by the secretary, appointments by admin, submissions by the information officer).
A small threaded client of our own (stdlib urllib): no new dependency.

Reported: requests, errors (status >= 500 or connection failures; 4xx are counted separately),
p50/p95 per page and per write kind, and `netduty audit verify` afterwards.

--faults: during the load, SIGKILL the worker and the gunicorn master (and its workers) mid-write,
restart both; afterwards every write the server acknowledged (201 with an id) must exist, no task
may be RUNNING (after `recover_tasks` ran at the worker's restart) and the chain must verify.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
NETDUTY = [PY, "-m", "netduty.cli"]


def env_for(database: str, var_dir: Path) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.prod", "DATABASE_URL": database,
            "SECRET_KEY": "bench-load-secret-not-for-production-0123456789abcdefghij",
            "ALLOWED_HOSTS": "127.0.0.1,localhost", "SECURE_SSL_REDIRECT": "0", "SECURE_COOKIES": "0",
            "NETDUTY_VAR_DIR": str(var_dir), "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "WARNING"}


def recreate(database: str) -> None:
    url = urlparse(database)
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    for sql in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", admin, "-qc", sql], check=True)


def start_web(env, port: int) -> subprocess.Popen:
    return subprocess.Popen([PY, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
                             "--workers", "2", "--threads", "4"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def start_worker(env) -> subprocess.Popen:
    subprocess.run([*NETDUTY, "recover_tasks"], cwd=ROOT, env=env, check=True, capture_output=True)
    return subprocess.Popen([*NETDUTY, "db_worker", "--queue-name", "*", "--interval", "0.5", "--no-reload"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)


def wait_healthy(port: int, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not become healthy")


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.client_errors: dict[str, int] = defaultdict(int)
        self.acked: dict[str, list[int]] = defaultdict(list)
        self.during_fault = 0

    def add(self, name, ms, status, body=b"", fault=False):
        with self.lock:
            if status is None or status >= 500:
                if fault:
                    self.during_fault += 1  # connection refused while the server is down: nothing acked
                else:
                    self.errors.append(f"{name}: {status} {body[:200]!r}")
            elif status >= 400:
                self.client_errors[f"{name} {status}"] += 1
                if self.client_errors[f"{name} {status}"] == 1:
                    print(f"first {status} of {name}: {body[:300].decode('utf-8', 'replace')}", flush=True)
            else:
                self.times[name].append(ms)


def request(url, *, cookie=None, token=None, data=None, timeout=60):
    headers = {"Accept": "text/html,application/json"}
    if cookie:
        headers["Cookie"] = f"sessionid={cookie}"
    body = None
    if data is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(data).encode()
    if token:
        headers["Authorization"] = f"Token {token}"
    req = urllib.request.Request(url, data=body, headers=headers, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except OSError:
        return None, b""


def run(args) -> int:
    var_dir = Path(args.var_dir)
    var_dir.mkdir(parents=True, exist_ok=True)
    env = env_for(args.database, var_dir)
    base = f"http://127.0.0.1:{args.port}"
    recreate(args.database)
    for cmd in (["migrate", "--noinput"], ["demo"]):
        subprocess.run([*NETDUTY, *cmd], cwd=ROOT, env=env, check=True, capture_output=True)
    setup = json.loads(subprocess.run([PY, "-c", "import django; django.setup(); import runpy; "
                                       "runpy.run_path('bench/load_setup.py')"], cwd=ROOT, env=env, check=True,
                                      capture_output=True, text=True).stdout)
    web, worker = start_web(env, args.port), start_worker(env)
    wait_healthy(args.port)
    stats = Stats()
    stop = threading.Event()
    faulting = threading.Event()
    counter = [0]
    counter_lock = threading.Lock()

    def seq():
        with counter_lock:
            counter[0] += 1
            return counter[0]

    def reader(i):
        users = list(setup["sessions"].values())
        office = [setup["sessions"]["xcb"], setup["sessions"]["admin"]]  # the audit list is theirs
        k = i
        while not stop.is_set():
            page = setup["pages"][k % len(setup["pages"])]
            cookie = users[(k // len(setup["pages"])) % len(users)]
            if page == "/audit/":
                cookie = office[k % 2]
            k += 1
            t0 = time.perf_counter()
            status, body = request(base + page, cookie=cookie)
            stats.add(f"GET {page}", (time.perf_counter() - t0) * 1000, status, body, faulting.is_set())

    def writer(i):
        tok = setup["tokens"]
        today = dt.date.today()
        while not stop.is_set():
            n = seq()
            kind = ("meeting", "appointment", "submission")[n % 3]
            if kind == "meeting":
                url, token = base + "/api/v1/duties/meetings/", tok["shuji"]
                data = {"unit": setup["college"], "kind": "meeting.committee_ideology", "title": f"负载会议{n}",
                        "date": (today - dt.timedelta(days=n % 300)).isoformat(), "chair": "李书记",
                        "attendees": "全体委员", "topics": "意识形态工作"}
            elif kind == "appointment":
                url, token = base + "/api/v1/appointments/", tok["admin"]
                start = today - dt.timedelta(days=30 + n % 2000)
                data = {"person": setup["people"][n % len(setup["people"])], "unit": setup["college"],
                        "role": setup["role"], "valid_from": start.isoformat(),
                        "valid_to": (start + dt.timedelta(days=20)).isoformat()}
            else:
                url, token = base + "/api/v1/review/submissions/", tok["bianji"]
                data = {"channel": setup["channel"], "title": f"负载稿件{n}", "body": f"<p>第{n}篇负载测试稿件。</p>"}
            t0 = time.perf_counter()
            status, body = request(url, token=token, data=data)
            stats.add(f"POST {kind}", (time.perf_counter() - t0) * 1000, status, body, faulting.is_set())
            if status == 201:
                with stats.lock:
                    stats.acked[kind].append(json.loads(body)["id"])

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
    threads += [threading.Thread(target=writer, args=(i,)) for i in range(args.writers)]
    started = time.monotonic()
    for t in threads:
        t.start()
    faults = []
    if args.faults:
        time.sleep(args.seconds / 3)
        faulting.set()
        os.killpg(worker.pid, signal.SIGKILL)
        os.killpg(web.pid, signal.SIGKILL)  # master and its workers, mid-write
        faults.append("SIGKILL worker + gunicorn (master and workers)")
        worker.wait()
        web.wait()
        time.sleep(1)
        web, worker = start_web(env, args.port), start_worker(env)
        wait_healthy(args.port)
        time.sleep(2)
        faulting.clear()
    time.sleep(max(0.0, args.seconds - (time.monotonic() - started)))
    stop.set()
    for t in threads:
        t.join(120)
    elapsed = time.monotonic() - started
    time.sleep(3)  # let the worker drain
    (var_dir / "acked.json").write_text(json.dumps(stats.acked))
    check = ("import django, json; django.setup();"
             "from django_tasks_db.models import DBTaskResult as T; from django.tasks import TaskResultStatus as S;"
             "from netduty.duties.models import MeetingRecord as M; from netduty.org.models import Appointment as A;"
             "from netduty.review.models import Submission as R;"
             f"acked = json.load(open({str(var_dir / 'acked.json')!r}));"
             "found = {k: m.objects.filter(pk__in=acked.get(k, [])).count() for k, m in "
             "(('meeting', M), ('appointment', A), ('submission', R))};"
             "print(json.dumps({'found': found, 'running': T.objects.filter(status=S.RUNNING).count(),"
             "'ready': T.objects.filter(status=S.READY).count(), 'tasks': T.objects.count()}))")
    after = json.loads(subprocess.run([PY, "-c", check], cwd=ROOT, env=env, check=True, capture_output=True,
                                      text=True).stdout)
    verify = subprocess.run([*NETDUTY, "audit", "verify"], cwd=ROOT, env=env, capture_output=True, text=True)
    for proc in (web, worker):
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)

    total = sum(len(v) for v in stats.times.values())
    print(f"duration {elapsed:.1f} s, {args.readers} readers + {args.writers} writers, "
          f"{total} successful requests ({total / elapsed:.1f}/s), server errors: {len(stats.errors)}, "
          f"refused while down (fault window): {stats.during_fault}, 4xx: {dict(stats.client_errors)}")
    print(f"{'request':42} {'n':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for name in sorted(stats.times):
        values = sorted(stats.times[name])
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        print(f"{name:42} {len(values):6d} {statistics.median(values):8.1f} {p95:8.1f}")
    acked = {k: len(v) for k, v in stats.acked.items()}
    print(f"acknowledged writes {acked}; found after the run {after['found']}")
    print(f"tasks: {after['tasks']} total, RUNNING {after['running']}, READY {after['ready']}")
    print(f"faults: {faults or 'none'}")
    print(f"audit verify: rc={verify.returncode} {verify.stdout.strip()} {verify.stderr.strip()}")
    for line in stats.errors[:10]:
        print("ERROR", line)
    lost = any(after["found"].get(k, 0) != n for k, n in acked.items())
    ok = not stats.errors and not lost and after["running"] == 0 and verify.returncode == 0
    print("RESULT", "ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/netduty_load")
    parser.add_argument("--port", type=int, default=8500)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--faults", action="store_true")
    parser.add_argument("--var-dir", default="/tmp/netduty-load-var")
    sys.exit(run(parser.parse_args()))
