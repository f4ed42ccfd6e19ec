from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("live/", views.live, name="live"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/livecheck/", views.livecheck, name="livecheck"),
    path("<int:pk>/capture/", views.capture, name="capture"),
    path("<int:pk>/diff/", views.diff, name="diff"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("checks/<int:pk>/", views.check, name="check"),
    path("checks/<int:pk>/evidence/", views.evidence, name="evidence"),
]
