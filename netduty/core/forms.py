"""Form widgets shared by every app."""

from django import forms


class DateInput(forms.DateInput):
    """<input type="date"> needs an ISO date (2026-11-26) whatever the active language's date
    format is (zh-Hans would render 2026/11/26, which browsers drop)."""

    input_type = "date"

    def __init__(self, attrs=None, format="%Y-%m-%d"):
        super().__init__(attrs, format)
