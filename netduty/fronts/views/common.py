from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError


def add_errors(form: forms.Form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)


def message(exc: ValidationError) -> str:
    return "；".join(exc.messages)


def ctx(**kw: Any) -> dict[str, Any]:
    return kw
