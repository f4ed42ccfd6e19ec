"""The review workflow at service level: submit → screen → three stages → publish, and its rules."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from netduty.core import audit
from netduty.core.models import AuditEvent
from netduty.review import selectors, services
from netduty.review.models import Decision, State
from netduty.review.services.content import Upload

from .factories import BODY, YES, approve_all, decide, docx, png, submit

pytestmark = pytest.mark.django_db


def test_whole_path_submit_screen_three_stages_publish(rw):
    sub = submit(rw, body="<p>中华人民共合国成立。</p><p>李书记出席。</p>")
    rev = sub.current_revision
    assert sub.state == State.REVIEWING and sub.stage == 1 and rev.number == 1
    assert [s["name"] for s in rev.stages] == ["初审", "复审", "终审"]
    found = list(rev.findings.all())
    assert any(f.text == "中华人民共合国" and f.severity == "high" for f in found)
    assert rev.high_count >= 1
    assert list(selectors.queue_for(rw.checker)) == [sub]
    assert list(selectors.queue_for(rw.head)) == []
    # a high finding needs a written reason
    with pytest.raises(ValidationError):
        decide(sub, rw.checker)
    for user in rw.reviewers:
        decide(sub, user, high_reason="已与作者核实，为引用错误示例")
    sub.refresh_from_db()
    assert sub.state == State.APPROVED and sub.stage == 0
    assert services.approved_chain_ok(sub)
    pub = services.publication_create(actor=rw.editor, submission=sub, url="http://127.0.0.1:1/wxy/news/x.html")
    sub.refresh_from_db()
    assert sub.state == State.PUBLISHED and pub.content_hash == rev.content_hash
    chain = [(d.stage_name, d.reviewer.name, d.content_hash) for d in selectors.decisions(sub)]
    assert chain == [("初审", "邹审读", rev.content_hash), ("复审", "曾主任", rev.content_hash),
                     ("终审", "黄院长", rev.content_hash)]
    actions = list(AuditEvent.objects.filter(action__startswith="review.").order_by("id").values_list("action", flat=True))
    assert actions == ["review.submission.create", "review.stage.approve", "review.stage.approve",
                       "review.stage.approve", "review.publication.create"]
    assert audit.verify().ok


def test_people_and_titles_from_org_are_screened(rw):
    """Rules come from org: people with their titles (calling the secretary 校长 is caught) and
    the units' names; an edit of a title takes effect on the next submission."""
    from netduty.org import services as org_services

    org_services.person_update(actor=None, person=rw.leader_person, title="校长")
    org_services.person_update(actor=None, person=rw.secretary_person, title="党总支书记")
    sub = submit(rw, body="<p>校长李书记出席。</p>")
    assert [f.text for f in sub.current_revision.findings.filter(category="title")] == ["校长李书记"]
    org_services.person_update(actor=None, person=rw.secretary_person, title="党总支书记、校长")
    sub = submit(rw, body="<p>校长李书记出席。</p>")
    assert not sub.current_revision.findings.filter(category="title").exists()


def test_edit_after_decision_makes_new_revision_and_restarts(rw):
    sub = submit(rw)
    decide(sub, rw.checker)
    decide(sub, rw.head)
    sub.refresh_from_db()
    assert sub.stage == 3
    rev2 = services.submission_revise(actor=rw.editor, submission=sub, title=sub.title, body=BODY + "<p>新增一段。</p>",
                                      source_kind="original")
    sub.refresh_from_db()
    assert rev2.number == 2 and sub.stage == 1 and sub.state == State.REVIEWING
    assert rev2.content_hash != sub.revisions.get(number=1).content_hash
    # the approvals of revision 1 do not count for revision 2
    assert not services.approved_chain_ok(sub)
    # a no-op edit makes no revision
    with pytest.raises(ValidationError):
        services.submission_revise(actor=rw.editor, submission=sub, title=sub.title, body=BODY + "<p>新增一段。</p>",
                                   source_kind="original")
    # the same reviewers take the same stages again
    approve_all(rw, sub)
    assert sub.state == State.APPROVED


def test_separation_of_duties(rw, pack):
    from netduty.org.tests.factories import appoint

    sub = submit(rw)
    # the author cannot decide, even holding the stage's role
    with pytest.raises(PermissionDenied, match="自己"):
        decide(sub, rw.editor)
    decide(sub, rw.checker)
    # the 初审 reviewer also holds dept_head: still may not take 复审
    appoint(rw.checker_person, rw.college_a, "dept_head", pack)
    with pytest.raises(PermissionDenied, match="不同的人"):
        decide(sub, rw.checker)
    assert selectors.queue_for(rw.checker).count() == 0
    # someone without the stage's role
    with pytest.raises(PermissionDenied, match="不在其列"):
        decide(sub, rw.secretary)


def test_return_and_reject(rw):
    sub = submit(rw)
    with pytest.raises(ValidationError):
        decide(sub, rw.checker, outcome="return", comment="")
    decide(sub, rw.checker, outcome="return", comment="数据有误")
    sub.refresh_from_db()
    assert sub.state == State.RETURNED
    with pytest.raises(services.Conflict):
        decide(sub, rw.head)
    services.submission_revise(actor=rw.editor, submission=sub, title="改后的标题", body=BODY, source_kind="original")
    sub.refresh_from_db()
    assert sub.state == State.REVIEWING and sub.stage == 1
    decide(sub, rw.checker, outcome="reject", comment="不宜发布")
    sub.refresh_from_db()
    assert sub.state == State.REJECTED
    with pytest.raises(ValidationError):
        services.submission_revise(actor=rw.editor, submission=sub, title="再改", body=BODY, source_kind="original")


def test_checklist_must_pass_to_approve(rw):
    sub = submit(rw)
    with pytest.raises(ValidationError, match="涉密"):
        decide(sub, rw.checker, answers={**YES, "secrecy": True})
    with pytest.raises(ValidationError, match="逐项"):
        decide(sub, rw.checker, answers={"secrecy": False})
    decide(sub, rw.checker, outcome="return", answers={**YES, "accuracy": False}, comment="数据不准")
    assert Decision.objects.get().answers == {**YES, "accuracy": False}


def test_stale_view_conflicts(rw):
    sub = submit(rw)
    seen_version, seen_hash = sub.version, sub.current_revision.content_hash
    decide(sub, rw.checker)
    with pytest.raises(services.Conflict, match="邹审读"):
        services.stage_decide(actor=rw.head, submission=sub, outcome="approve", answers=YES,
                              content_hash=seen_hash, expected_version=seen_version)
    services.submission_revise(actor=rw.editor, submission=sub, title="新标题", body=BODY, source_kind="original")
    sub.refresh_from_db()
    with pytest.raises(services.Conflict, match="新版本"):
        services.stage_decide(actor=rw.checker, submission=sub, outcome="approve", answers=YES,
                              content_hash=seen_hash, expected_version=sub.version)


def test_only_the_approved_revision_can_be_published(rw):
    sub = submit(rw)
    with pytest.raises(services.Conflict):
        services.publication_create(actor=rw.editor, submission=sub, url="http://127.0.0.1:1/wxy/news/a.html")
    approve_all(rw, sub)
    with pytest.raises(ValidationError, match="前缀"):
        services.publication_create(actor=rw.editor, submission=sub, url="http://evil.example/a.html")
    for url in ("http://127.0.0.1:1.evil/wxy/news/a.html", "http://127.0.0.1:1/wxy/newsletter.html"):
        with pytest.raises(ValidationError, match="前缀"):
            services.publication_create(actor=rw.editor, submission=sub, url=url)
    rw.channel.url_prefix = "http://127.0.0.1:1/wxy/news"  # registered without the trailing slash
    rw.channel.save()
    sub.refresh_from_db()
    with pytest.raises(ValidationError, match="前缀"):
        services.publication_create(actor=rw.editor, submission=sub, url="http://127.0.0.1:1/wxy/newsletter.html")
    with pytest.raises(services.Conflict, match="终审"):
        services.publication_create(actor=rw.editor, submission=sub, url="http://127.0.0.1:1/wxy/news/a.html",
                                    content_hash="0" * 64)
    with pytest.raises(PermissionDenied):
        services.publication_create(actor=rw.head, submission=sub, url="http://127.0.0.1:1/wxy/news/a.html")
    services.publication_create(actor=rw.secretary, submission=sub, url="http://127.0.0.1:1/wxy/news/a.html")
    with pytest.raises(services.Conflict):
        services.publication_create(actor=rw.editor, submission=sub, url="http://127.0.0.1:1/wxy/news/a.html")


def test_submit_requires_submit_role_and_active_channel(rw):
    with pytest.raises(PermissionDenied):
        submit(rw, actor=rw.head)
    with pytest.raises(PermissionDenied):
        submit(rw, actor=rw.outsider)


def test_attachments_checked_hashed_screened(rw, settings):
    good = Upload("通知.docx", docx("会议通知\n联系电话 13800138000"))
    image = Upload("照片.png", png())
    sub = submit(rw, uploads=[good, image])
    rev = sub.current_revision
    atts = {a.name: a for a in rev.attachments.all()}
    assert set(atts) == {"通知.docx", "照片.png"}
    assert atts["通知.docx"].kind == "docx" and len(atts["通知.docx"].sha256) == 64
    assert atts["通知.docx"].file.read()[:2] == b"PK"
    assert rev.findings.filter(part="attachment", attachment=atts["通知.docx"]).exists()
    # carry attachments into the next revision: same stored file, same hash, findings copied
    rev2 = services.submission_revise(actor=rw.editor, submission=sub, title="新标题", body=BODY, source_kind="original",
                                      keep=[atts["通知.docx"].pk])
    kept = rev2.attachments.get()
    assert kept.file.name == atts["通知.docx"].file.name and kept.sha256 == atts["通知.docx"].sha256
    assert rev2.findings.filter(part="attachment").count() == rev.findings.filter(
        part="attachment", attachment=atts["通知.docx"]).count()
    # content is checked, not the name
    with pytest.raises(ValidationError, match="不符"):
        submit(rw, uploads=[Upload("假的.pdf", png())])
    with pytest.raises(ValidationError, match="不允许"):
        submit(rw, uploads=[Upload("脚本.exe", b"MZ\x90\x00")])
    settings.NETDUTY_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError, match="过大"):
        submit(rw, uploads=[good])


def test_body_is_sanitised(rw):
    sub = submit(rw, body='<p onclick="x()">正文<script>alert(1)</script><a href="javascript:evil()">链接</a></p>')
    html = sub.current_revision.body_html
    assert "script" not in html and "onclick" not in html and "javascript" not in html
    assert sub.current_revision.body_text == "正文链接"


def test_withdraw(rw):
    sub = submit(rw)
    with pytest.raises(PermissionDenied):
        services.submission_withdraw(actor=rw.head, submission=sub)
    services.submission_withdraw(actor=rw.editor, submission=sub, reason="活动取消")
    sub.refresh_from_db()
    assert sub.state == State.WITHDRAWN
    assert selectors.queue_for(rw.checker).count() == 0


def test_items_flagged_high_get_a_propaganda_stage_when_the_policy_asks(rw, settings):
    settings.NETDUTY_REVIEW_OFFICE_STAGE_FOR_HIGH = True
    clean = submit(rw)
    assert [s["name"] for s in clean.current_revision.stages] == ["初审", "复审", "终审"]
    sub = submit(rw, body="<p>中华人民共合国成立。</p>")
    assert [s["name"] for s in sub.current_revision.stages] == ["初审", "复审", "终审", "宣传部审核"]
    approve_all(rw, sub, high_reason="引用原文错误示例，已核实")
    assert sub.state == State.REVIEWING and sub.stage == 4
    assert list(selectors.queue_for(rw.propaganda)) == [sub]
    decide(sub, rw.propaganda, high_reason="同意，引用示例")
    sub.refresh_from_db()
    assert sub.state == State.APPROVED and services.approved_chain_ok(sub)
