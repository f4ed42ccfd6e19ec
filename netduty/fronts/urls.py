from django.urls import path

from . import views

app_name = "fronts"
urlpatterns = [
    path("", views.index, name="index"),
    path("export.xlsx", views.export, name="export"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.channel_detail, name="channel_detail"),
    path("<int:pk>/reapply/", views.reapply, name="reapply"),
    path("<int:pk>/change/", views.change, name="change"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/security/", views.security, name="security"),
    path("<int:pk>/stages/", views.stages, name="stages"),
    path("<int:pk>/stages/add-office/", views.stage_add_office, name="stage_add_office"),
    path("<int:pk>/annual/", views.annual_file, name="annual_file"),
    path("annual/", views.annual, name="annual"),
    path("annual/zero/", views.zero_report, name="zero_report"),
    path("annual/<int:pk>/conclude/", views.annual_conclude, name="annual_conclude"),
    path("requests/", views.queue, name="queue"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/decide/", views.request_decide, name="request_decide"),
    path("requests/<int:pk>/withdraw/", views.request_withdraw, name="request_withdraw"),
]
