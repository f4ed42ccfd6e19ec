from django.urls import path

from . import views

app_name = "duties"
urlpatterns = [
    path("", views.index, name="index"),
    path("board/", views.board, name="board"),
    path("board/export.xlsx", views.board_export, name="board_export"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("units/<int:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("periods/<int:pk>/", views.period_detail, name="period_detail"),
    path("periods/<int:pk>/evidence/", views.period_evidence, name="period_evidence"),
    path("periods/<int:pk>/submit/", views.period_submit, name="period_submit"),
    path("periods/<int:pk>/accept/", views.period_accept, name="period_accept"),
    path("periods/<int:pk>/return/", views.period_return, name="period_return"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/evidence/", views.meeting_evidence, name="meeting_evidence"),
    path("meetings/<int:pk>/void/", views.meeting_void, name="meeting_void"),
    path("evidence/<int:pk>/versions/", views.evidence_version, name="evidence_version"),
    path("files/<int:pk>/", views.version_download, name="version_download"),
    path("obligations/<int:pk>/subtasks/", views.subtask_create, name="subtask_create"),
    path("subtasks/<int:pk>/done/", views.subtask_done, name="subtask_done"),
    path("calendar/", views.calendar_page, name="calendar"),
    path("calendar/rotate/", views.calendar_rotate, name="calendar_rotate"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification_read"),
]
