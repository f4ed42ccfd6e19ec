"""Loading pack versions: rows, idempotence, versioning rules, audit, selectors."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from netduty.core.models import AuditEvent
from netduty.policy import selectors, services
from netduty.policy.loader import PackError
from netduty.policy.models import PolicyItem, PolicyPack, Role, TaskItem

pytestmark = pytest.mark.django_db


def bump(text: str, version: int, effective_from: str = "2025-01-01") -> str:
    return (text.replace("  version: 1\n", f"  version: {version}\n", 1)
            .replace("  effective_from: 2018-09-20\n", f"  effective_from: {effective_from}\n", 1))


def test_default_pack_loads_with_exact_counts_and_one_audit_event():
    pack = services.load_default_pack()
    assert (pack.code, pack.version, pack.document) == ("shaoyang-2018", 1, "邵院党字〔2018〕41号")
    assert pack.roles.count() == 10 and pack.tasks.count() == 13
    counts = {kind: pack.items.filter(kind=kind).count() for kind in
              ("situation", "requirement", "team_type", "method", "review_check", "principle", "key_task", "guiding")}
    assert counts == {"situation": 9, "requirement": 3, "team_type": 7, "method": 7, "review_check": 3,
                      "principle": 9, "key_task": 4, "guiding": 2}
    assert not TaskItem.objects.filter(source_ref="").exists()
    assert not PolicyItem.objects.filter(source_ref="").exists()
    task = pack.tasks.get(code="committee_meetings")
    assert (task.min_count, task.level_name, task.row) == (2, "校党委", 2)
    assert pack.tasks.get(code="opinion_analysis").level_name == "各级党组织"
    [event] = AuditEvent.objects.filter(action="policy.pack.load")
    assert event.object_id == str(pack.pk) and event.after["counts"]["tasks"] == 13
    assert event.after["sha256"] == pack.source_sha256


def test_reloading_the_same_bytes_is_a_no_op():
    first = services.load_default_pack()
    again = services.load_default_pack()
    assert again.pk == first.pk and not again.created_now
    assert PolicyPack.objects.count() == 1 and Role.objects.count() == 10
    assert AuditEvent.objects.filter(action="policy.pack.load").count() == 1


def test_same_version_with_different_content_is_refused():
    services.load_default_pack()
    changed = services.default_pack_text().replace("name: 宣传部", "name: 党委宣传部")
    with pytest.raises(PackError) as info:
        services.pack_load(actor=None, text=changed, filename="changed.yaml")
    [issue] = info.value.issues
    version_line = changed.splitlines().index("  version: 1") + 1
    assert issue.line == version_line and "已载入的版本不能修改" in issue.message and issue.filename == "changed.yaml"
    assert PolicyPack.objects.count() == 1


def test_new_version_adds_rows_and_old_references_keep_their_meaning(world):
    old = world.pack
    old_role = Role.objects.get(pack=old, code="first_responsible")
    appointments = list(old_role.appointments.values_list("pk", flat=True))
    assert appointments  # the named world appoints people under version 1
    text = bump(services.default_pack_text(), 2).replace("name: 第一责任人", "name: 第一责任人（新）")
    new = services.pack_load(actor=None, text=text, filename="v2.yaml")
    assert new.version == 2 and Role.objects.count() == 20 and TaskItem.objects.count() == 26
    old_role.refresh_from_db()
    assert old_role.name == "第一责任人" and old_role.pack_id == old.pk
    assert list(old_role.appointments.values_list("pk", flat=True)) == appointments
    assert selectors.role("first_responsible").name == "第一责任人（新）"
    assert selectors.role("first_responsible", day=dt.date(2024, 12, 31)).pk == old_role.pk
    event = AuditEvent.objects.filter(action="policy.pack.load").order_by("-id").first()
    assert event.before == {"version": 1} and event.after["version"] == 2


def test_older_version_number_or_earlier_date_is_refused():
    services.pack_load(actor=None, text=bump(services.default_pack_text(), 3))
    with pytest.raises(PackError, match="小于已载入的最新版本 3"):
        services.pack_load(actor=None, text=bump(services.default_pack_text(), 2))
    with pytest.raises(PackError, match="早于上一版本"):
        services.pack_load(actor=None, text=bump(services.default_pack_text(), 4, "2024-01-01"))


def test_selectors_follow_the_day():
    assert selectors.active_pack() is None and not selectors.roles().exists()
    with pytest.raises(selectors.NoActivePack):
        selectors.role("first_responsible")
    v1 = services.load_default_pack()
    assert selectors.active_pack(dt.date(2018, 9, 19)) is None
    assert selectors.active_pack(dt.date(2018, 9, 20)) == v1
    assert selectors.tasks().count() == 13 and selectors.roles().first().code == "first_responsible"
    assert [i.code for i in selectors.items("review_check")] == ["secrecy", "suitability", "accuracy"]
    assert selectors.level_unit_kinds("party_orgs") == ["school_committee", "general_branch", "direct_branch",
                                                        "hospital_committee"]
    assert selectors.setting("channels.register_new_within_days") == 30
    assert selectors.tasks_for_unit_kind("school_committee").count() == 13
    assert selectors.tasks_for_unit_kind("general_branch").count() == 10
    assert not selectors.tasks_for_unit_kind("department").exists()
    assert selectors.setting("channels.nothing", default=5) == 5


def test_another_institution_loads_its_own_pack_without_code_changes():
    services.load_default_pack()
    own = services.pack_load(actor=None, text=services.default_pack_text("example-minimal.yaml"))
    assert own.code == "xiangzhong-example" and own.tasks.count() == 2
    assert selectors.active_pack() == own  # the most recently loaded code is the institution's
    assert selectors.role("dept_head").name == "科室负责人"
    assert selectors.active_pack(code="shaoyang-2018").code == "shaoyang-2018"
    assert selectors.setting("channels.register_new_within_days") == 15


def test_actor_needs_policy_manage(world):
    with pytest.raises(PermissionDenied):
        services.load_default_pack(actor=world.secretary)
    assert services.load_default_pack(actor=world.propaganda).pk == world.pack.pk
    assert services.load_default_pack(actor=world.admin).pk == world.pack.pk
