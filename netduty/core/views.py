"""The platform's own endpoints (health, CSRF failure). The UI shell lives in netduty.web."""

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def healthz(request):
    with connection.cursor() as cur:
        cur.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
