"""factory_boy factories for org, and the named-actor world used across the suite."""

import datetime as dt
from types import SimpleNamespace

import factory
from django.contrib.auth import get_user_model

from netduty.org import services
from netduty.org.models import Person, Unit
from netduty.policy.models import Role

PASSWORD = "test-pass-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


def make_unit(code: str, name: str, kind: str = "general_branch", parent: Unit | None = None) -> Unit:
    return services.unit_create(actor=None, code=code, name=name, short_name=name, kind=kind, parent=parent,
                                active_from=dt.date(2020, 1, 1))


_seq = [0]


def make_person(name: str, unit: Unit | None, username: str | None = None) -> Person:
    _seq[0] += 1
    return services.person_create(actor=None, staff_no=f"S{_seq[0]:05d}", name=name, unit=unit,
                                  username=username, password=PASSWORD if username else None)


def appoint(person: Person, unit: Unit, role_code: str, pack, start=dt.date(2020, 1, 1), end=None, **kw):
    role = Role.objects.get(pack=pack, code=role_code)
    return services.appointment_create(actor=None, person=person, unit=unit, role=role, valid_from=start,
                                       valid_to=end, **kw)


def make_world(pack) -> SimpleNamespace:
    root = make_unit("root", "中共测试学院委员会", "school_committee")
    xcb = make_unit("xcb", "党委宣传部", "department", root)
    jw = make_unit("jw", "纪委办公室", "department", root)
    college_a = make_unit("wxy", "文学院党总支", "general_branch", root)
    branch_a = make_unit("wxy-xs", "文学院学生党支部", "branch", college_a)
    college_b = make_unit("wgy", "外国语学院党总支", "general_branch", root)

    w = SimpleNamespace(pack=pack, root=root, xcb=xcb, jw=jw, college_a=college_a, branch_a=branch_a,
                        college_b=college_b)
    people = {
        "propaganda": ("王宣传", xcb, [(xcb, "propaganda_office")]),
        "discipline": ("郑纪委", jw, [(jw, "discipline_office")]),
        "leader": ("刘校长", root, [(root, "school_leader")]),
        "secretary": ("李书记", college_a, [(college_a, "first_responsible")]),
        "editor": ("唐编辑", college_a, [(college_a, "info_officer")]),
        "head": ("曾主任", college_a, [(college_a, "dept_head")]),
        "outsider": ("邵书记", college_b, [(college_b, "first_responsible")]),
        "nobody": ("无任职", None, []),
    }
    for key, (name, unit, roles) in people.items():
        person = make_person(name, unit, username=key)
        for where, role in roles:
            appoint(person, where, role, pack)
        setattr(w, f"{key}_person", person)
        setattr(w, key, person.user)
    w.admin = get_user_model().objects.create_superuser("admin", "admin@example.com", PASSWORD)
    return w
