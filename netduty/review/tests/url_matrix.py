"""Permission matrix entries for the review app (format: netduty/core/tests/test_url_matrix.py).

Actors: insider = 李书记, 第一责任人 of 文学院 (view, review.decide, review.publish; not a stage role
of the default chain, not a submitter); outsider = 第一责任人 of 外国语学院; office = 宣传部."""

from netduty.core.tests.test_url_matrix import LOGIN, api, std


def _sub(w):
    """A submission of 文学院 waiting at 初审, with one attachment."""
    if getattr(w, "_rv_sub", None) is None:
        from netduty.review.services.content import Upload

        from .factories import png, review_world, submit

        review_world(w)
        w._rv_sub = submit(w, uploads=[Upload("照片.png", png())])
    return w._rv_sub


def _check(w):
    if getattr(w, "_rv_check", None) is None:
        from netduty.review.models import LiveCheck

        from .factories import published, review_world

        review_world(w)
        _sub_, pub = published(w, title="已发布的稿件")
        w._rv_check = LiveCheck.objects.create(publication=pub, url=pub.url, result="identical", message="一致")
    return w._rv_check


def _evidence(w):
    if getattr(w, "_rv_evidence", None) is None:
        import hashlib

        from netduty.review.models import LiveCheck
        from netduty.review.services.content import store

        check = _check(w)
        data = b"<html><body><p>saved page</p></body></html>"
        item = LiveCheck(publication=check.publication, url=check.url, result="error", method="capture",
                         evidence_name="存档.html")
        item.evidence.name = store(data, hashlib.sha256(data).hexdigest(), "存档.html")
        item.save()
        w._rv_evidence = item
    return {"pk": w._rv_evidence.pk}


def _sweep(w):
    if getattr(w, "_rv_sweep", None) is None:
        from netduty.review.models import ChannelSweep

        from .factories import review_world

        review_world(w)
        w._rv_sweep = ChannelSweep.objects.create(channel=w.channel, unit=w.channel.unit, slot="2026-01-01",
                                                  feed_url=w.channel.url_prefix + "rss.xml")
    return w._rv_sweep


def _pk(w):
    return {"pk": _sub(w).pk}


def _att(w):
    return {"pk": _sub(w).current_revision.attachments.get().pk}


NONE = lambda w: {}  # noqa: E731
FORBIDDEN = std(insider=403, outsider=404, office=403)

MATRIX = {
    "review:index": ("get", NONE, None, std(outsider=200)),
    "review:create": ("get", NONE, None, std(403, 403, 403)),
    "review:live": ("get", NONE, None, std(outsider=200)),
    "review:detail": ("get", _pk, None, std()),
    "review:edit": ("get", _pk, None, FORBIDDEN),
    "review:decide": ("post", _pk, {"outcome": "approve"}, FORBIDDEN),
    "review:publish": ("post", _pk, {}, std(insider=302, outsider=404, office=403)),
    "review:withdraw": ("post", _pk, {}, FORBIDDEN),
    "review:livecheck": ("post", _pk, {}, std(302, 404, 302)),
    "review:capture": ("post", _pk, {}, std(302, 404, 302)),
    "review:evidence": ("get", _evidence, None, std()),
    "review:diff": ("get", _pk, None, std()),
    "review:attachment": ("get", _att, None, std()),
    "review:check": ("get", lambda w: {"pk": _check(w).pk}, None, std()),
    # API: insider = 第一责任人 (decides no default stage, submits nothing)
    "review-submission-list": ("get", NONE, None, api(outsider=200)),
    "review-submission-detail": ("get", _pk, None, api()),
    "review-submission-revise": ("post", _pk, {"title": "t", "body": "b"}, api(403, 404, 403)),
    "review-submission-decide": ("post", _pk, {"outcome": "approve"}, api(403, 404, 403)),
    "review-submission-publish": ("post", _pk, {"content_hash": "x", "url": "http://127.0.0.1:1/wxy/news/a.html"},
                                  api(409, 404, 403)),
    "review-submission-withdraw": ("post", _pk, {}, api(403, 404, 403)),
    "review-submission-live-check": ("post", _pk, {}, api(400, 404, 400)),
    "review-decision-list": ("get", NONE, None, api(outsider=200)),
    "review-decision-detail": ("get", lambda w: {"pk": _check(w).publication.submission.decisions.first().pk}, None,
                               api()),
    "review-publication-list": ("get", NONE, None, api(outsider=200)),
    "review-publication-detail": ("get", lambda w: {"pk": _check(w).publication.pk}, None, api()),
    "review-live-check-list": ("get", NONE, None, api(outsider=200)),
    "review-live-check-detail": ("get", lambda w: {"pk": _check(w).pk}, None, api()),
    "review-sweep-list": ("get", NONE, None, api(outsider=200)),
    "review-sweep-detail": ("get", lambda w: {"pk": _sweep(w).pk}, None, api()),
}

__all__ = ["LOGIN", "MATRIX", "api"]
