"""Two reviewers acting at once on the same stage: exactly one decision is recorded and the other
gets a clear Chinese message. Real threads, real transactions (SQLite file DB or PostgreSQL)."""

import threading
import time

import pytest
from django.db import connection

from netduty.core import audit
from netduty.org.tests.factories import appoint, make_person
from netduty.review import services
from netduty.review.models import Decision
from netduty.review.services import decisions as decisions_module

from .factories import YES, review_world, submit


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_at_once_one_decision(world, monkeypatch):
    w = review_world(world)
    second = make_person("钱审读", w.college_a, username="checker2")
    appoint(second, w.college_a, "info_officer", w.pack)
    sub = submit(w)
    version, content_hash = sub.version, sub.current_revision.content_hash

    slow_enter = decisions_module.enter_stage

    def enter_slowly(*args, **kwargs):  # hold the lock long enough for the other to arrive
        time.sleep(0.3)
        return slow_enter(*args, **kwargs)

    monkeypatch.setattr(decisions_module, "enter_stage", enter_slowly)
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def act(name, user, outcome):
        try:
            barrier.wait()
            results[name] = services.stage_decide(actor=user, submission=sub, outcome=outcome, answers=YES,
                                                  content_hash=content_hash, expected_version=version,
                                                  comment="" if outcome == "approve" else "退回")
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            results[name] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=("a", w.checker, "approve")),
               threading.Thread(target=act, args=("b", second.user, "return"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert Decision.objects.count() == 1
    winners = [v for v in results.values() if isinstance(v, Decision)]
    losers = [v for v in results.values() if not isinstance(v, Decision)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert isinstance(losers[0], services.Conflict), repr(losers[0])
    assert "意见未保存" in str(losers[0])
    assert winners[0].reviewer.name in str(losers[0])
    sub.refresh_from_db()
    assert sub.version == version + 1
    assert audit.verify().ok
