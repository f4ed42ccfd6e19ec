from django.urls import path

from . import views

app_name = "policy"

urlpatterns = [
    path("", views.pack_list, name="pack_list"),
    path("<int:pk>/", views.pack_detail, name="pack_detail"),
]
