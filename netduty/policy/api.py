"""Read-only REST endpoints for policy packs (registered by netduty/api/urls.py).

List endpoints of roles, tasks and items default to the pack in force today; `?pack=<id>`
selects another version and `?pack=all` lists every version. Detail endpoints resolve any
version, so ids stored by history keep working after a new version is loaded.
"""

from __future__ import annotations

from django.db.models import Model, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from . import selectors
from .models import ItemKind, PolicyItem, PolicyPack, Role, TaskItem


class PolicyPackSerializer(serializers.ModelSerializer):
    class Meta:
        model = PolicyPack
        fields = ["id", "code", "version", "name", "document", "institution", "effective_from",
                  "source_sha256", "data", "loaded_at"]


class RoleSerializer(serializers.ModelSerializer):
    actions = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Role
        fields = ["id", "pack", "code", "name", "holder", "description", "reach", "single_holder", "chain",
                  "actions", "source_ref", "order"]


class TaskItemSerializer(serializers.ModelSerializer):
    evidence = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = TaskItem
        fields = ["id", "pack", "code", "row", "item", "content", "level", "level_name", "cadence", "cadence_text",
                  "min_count", "count_of", "evidence", "source_ref", "order"]


class PolicyItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = PolicyItem
        fields = ["id", "pack", "kind", "code", "title", "text", "data", "source_ref", "order"]


PACK_PARAM = OpenApiParameter("pack", OpenApiTypes.STR, description="制度包版本 id，或 all；默认为现行版本")
KIND_PARAM = OpenApiParameter("kind", OpenApiTypes.STR, enum=list(ItemKind.values), description="条目类别")


class PolicyPackViewSet(viewsets.ReadOnlyModelViewSet):
    """制度包的全部版本。"""

    serializer_class = PolicyPackSerializer
    queryset = PolicyPack.objects.defer("raw").order_by("code", "-version")


class _PackScopedViewSet(viewsets.ReadOnlyModelViewSet):
    model: type[Model] = Role

    def get_queryset(self) -> QuerySet:
        qs = self.model._default_manager.select_related("pack").order_by("pack_id", "order")
        if self.action != "list":
            return qs
        wanted = self.request.query_params.get("pack", "")
        if wanted == "all":
            return qs
        if wanted.isdigit():
            return qs.filter(pack_id=int(wanted))
        pack = selectors.active_pack()
        return qs.filter(pack=pack) if pack else qs.none()


@extend_schema_view(list=extend_schema(parameters=[PACK_PARAM]))
class RoleViewSet(_PackScopedViewSet):
    """角色（代码、权限范围、授权动作）。"""

    model = Role
    serializer_class = RoleSerializer


@extend_schema_view(list=extend_schema(parameters=[PACK_PARAM]))
class TaskItemViewSet(_PackScopedViewSet):
    """重点任务清单。"""

    model = TaskItem
    serializer_class = TaskItemSerializer


@extend_schema_view(list=extend_schema(parameters=[PACK_PARAM, KIND_PARAM]))
class PolicyItemViewSet(_PackScopedViewSet):
    """其余条款：问责情形、问责方式、队伍类型、工作要求、审查要点、原则……（?kind= 过滤）。"""

    model = PolicyItem
    serializer_class = PolicyItemSerializer

    def get_queryset(self) -> QuerySet:
        qs = super().get_queryset()
        kind = self.request.query_params.get("kind")
        if kind and self.action == "list":
            qs = qs.filter(kind=kind).order_by("pack_id", "order")
        return qs


def register(router) -> None:
    router.register("policy/packs", PolicyPackViewSet, basename="policy-pack")
    router.register("policy/roles", RoleViewSet, basename="policy-role")
    router.register("policy/tasks", TaskItemViewSet, basename="policy-task")
    router.register("policy/items", PolicyItemViewSet, basename="policy-item")
