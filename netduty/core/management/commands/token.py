"""`netduty token create USERNAME`: print an API token for scripts."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token

from netduty.core import audit


class Command(BaseCommand):
    help = "API 令牌：create USERNAME 创建（或返回已有的）令牌"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="sub", required=True)
        create = sub.add_parser("create")
        create.add_argument("username")
        create.add_argument("--rotate", action="store_true", help="作废旧令牌并生成新令牌")

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=options["username"])
        except User.DoesNotExist:
            raise CommandError(f"用户“{options['username']}”不存在。") from None
        with transaction.atomic():
            if options["rotate"]:
                Token.objects.filter(user=user).delete()
            token, created = Token.objects.get_or_create(user=user)
            if created:
                audit.record(actor=None, action="auth.token.create", obj=user, object_repr=user.get_username())
        self.stdout.write(token.key)
