"""The institution's screening rules, built from org and the policy pack, and a cached Screener.

The rule data (unit names, people with their titles, the pack's `data.screening`) is read on
every call — three small queries — and hashed; the compiled Screener is kept per process under
that hash. An edit of a unit's name or a person's title therefore takes effect on the next
submission without any invalidation hook, and the (comparatively slow) compile runs only when
the data really changed."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from typing import Any

from django.conf import settings

from netduty.org.models import Appointment, Person, Unit, valid_on_q
from netduty.policy import selectors as policy
from netduty.screening import Limits, Rules, RulesError, Screener

_lock = threading.Lock()
_cache: dict[str, Screener] = {}
_TITLE_SPLIT = re.compile(r"[、，,；;/／\s]+")


def rule_data(day=None) -> dict[str, Any]:
    """The rules mapping (screening YAML keys) for the institution as of `day` (default today)."""
    from django.utils import timezone

    day = day or timezone.localdate()
    names: list[str] = []
    for name, short in Unit.objects.filter(active_from__lte=day).exclude(active_to__lt=day).order_by(
            "path").values_list("name", "short_name"):
        for value in (name, short):
            value = (value or "").strip()
            if len(value) >= 3 and value not in names:
                names.append(value)
    holders = Appointment.objects.filter(valid_on_q(day)).values("person_id")
    people: dict[str, list[str]] = {}
    for pname, title in Person.objects.filter(pk__in=holders).exclude(title="").order_by("pk").values_list(
            "name", "title"):
        titles = [t for t in _TITLE_SPLIT.split(title) if len(t) >= 2]
        if len(pname) >= 2 and titles:
            people.setdefault(pname, [])
            people[pname].extend(t for t in titles if t not in people[pname])
    data: dict[str, Any] = {"names": names, "people": [{"name": n, "titles": t} for n, t in people.items()]}
    pack_rules = policy.setting("screening", None, day=day)
    if isinstance(pack_rules, dict):
        data["pack"] = pack_rules
    return data


def fingerprint(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _build(data: dict[str, Any]) -> Screener:
    rules = Rules.default()
    own = Rules.from_dict({"names": data["names"], "people": data["people"]}, source="本校组织数据")
    parts = [rules, own]
    if "pack" in data:
        try:
            parts.append(Rules.from_dict({k: v for k, v in data["pack"].items() if k != "source_ref"},
                                         source="制度包 data.screening"))
        except RulesError:
            pass  # the pack loader validates this; a bad mapping must not stop submissions
    limits = Limits(max_file_bytes=int(getattr(settings, "NETDUTY_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)))
    return Screener(Rules.merge(*parts), limits=limits)


def screener(day=None) -> tuple[Screener, str]:
    """(Screener, fingerprint of its rule data) for today's institution."""
    data = rule_data(day)
    key = fingerprint(data)
    with _lock:
        found = _cache.get(key)
    if found is None:
        found = _build(data)
        with _lock:
            _cache.clear()  # one institution, one current rule set
            _cache[key] = found
    return found, key
