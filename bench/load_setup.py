"""Run inside Django (by bench/load.py): print JSON with session cookies, API tokens and ids."""

import json

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from netduty.fronts.models import Channel
from netduty.org.models import Person, Unit
from netduty.policy.models import Role
from netduty.policy.selectors import active_pack

User = get_user_model()


def session(username: str) -> str:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client.cookies["sessionid"].value


def token(username: str) -> str:
    return Token.objects.get_or_create(user=User.objects.get(username=username))[0].key


shuji = User.objects.get(username="shuji")
college = Person.objects.get(user=shuji).unit
channel = Channel.objects.filter(unit=college).order_by("id").first() or Channel.objects.order_by("id").first()
bianji_unit = Person.objects.get(user__username="bianji").unit
pages = ["/", reverse("org:unit_list"), reverse("org:unit_detail", args=[college.pk]), reverse("duties:index"),
         reverse("duties:board"), reverse("review:index"), reverse("fronts:index"), reverse("audit_list")]
print(json.dumps({
    "sessions": {name: session(name) for name in ("xcb", "shuji", "bianji", "admin")},
    "tokens": {name: token(name) for name in ("shuji", "bianji", "admin")},
    "college": college.pk,
    "channel": channel.pk if channel else None,
    "channel_unit_is_bianji": bool(channel and channel.unit_id == bianji_unit.pk),
    "people": list(Person.objects.filter(unit=college).values_list("pk", flat=True)[:8]),
    "role": Role.objects.filter(single_holder=False, pack=active_pack()).values_list("code", flat=True).first(),
    "units": list(Unit.objects.values_list("pk", flat=True)[:1]),
    "pages": pages,
}))
