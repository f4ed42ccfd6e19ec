"""/api/v1/: every app registers its viewsets on one router (`register(router)` in its api.py)."""

from importlib import import_module

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

API_MODULES = [
    "netduty.org.api",
    "netduty.policy.api",
    "netduty.duties.api",
    "netduty.fronts.api",
    "netduty.review.api",
]

router = DefaultRouter()
for name in API_MODULES:
    try:
        module = import_module(name)
    except ModuleNotFoundError as exc:  # an app whose API is not written yet
        if not exc.name or not name.startswith(exc.name):
            raise
        continue
    module.register(router)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's init code as a separate script (no inline JS, CSP-safe);
    # Redoc is not offered because its template loads web fonts from the internet.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
]
