from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns: list = [
    path("", include("netduty.core.urls")),
    path("", include("netduty.web.urls")),
    path("org/", include("netduty.org.urls")),
    path("review/", include("netduty.review.urls")),
    path("fronts/", include("netduty.fronts.urls")),
    path("duties/", include("netduty.duties.urls")),
    path("policy/", include("netduty.policy.urls")),
    path("api/v1/", include("netduty.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
