"""/api/v1/: every app registers its viewsets on one router (`register(router)` in its api.py,
contributed through `netduty.core.registry.api` from the app's AppConfig.ready())."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from netduty.core import registry

router = DefaultRouter()
for register in registry.API:  # each app's api.register, added from its AppConfig.ready()
    register(router)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's init code as a separate script (no inline JS, CSP-safe);
    # Redoc is not offered because its template loads web fonts from the internet.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include(router.urls)),
]
