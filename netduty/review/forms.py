from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Outcome, SourceKind
from .services.submissions import check_intended_at


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".docx,.pdf,.xlsx,.png,.jpg,.jpeg,.gif"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class SubmissionForm(forms.Form):
    channel: forms.ModelChoiceField = forms.ModelChoiceField(label=_("发布阵地"), queryset=None, empty_label=_("请选择"))
    title = forms.CharField(label=_("标题"), max_length=300)
    body = forms.CharField(label=_("正文"), widget=forms.Textarea(attrs={"rows": 14}),
                           help_text=_("可直接粘贴网页或 Word 中的内容；只保留段落、加粗、列表、表格和链接等安全格式。"))
    source_kind = forms.ChoiceField(label=_("来源"), choices=SourceKind.choices, initial=SourceKind.ORIGINAL,
                                    widget=forms.RadioSelect)
    source_name = forms.CharField(label=_("转载来源"), max_length=300, required=False)
    intended_at = forms.DateTimeField(label=_("拟发布时间"), required=False,
                                      widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                                 format="%Y-%m-%dT%H:%M"))
    attachments = MultipleFileField(label=_("附件（docx、pdf、xlsx、图片）"))
    note = forms.CharField(label=_("修改说明"), max_length=300, required=False)

    def __init__(self, *args, channels=None, revising=False, kept=None, **kwargs):
        super().__init__(*args, **kwargs)
        if revising:
            del self.fields["channel"]
            if kept:
                self.fields["keep"] = forms.MultipleChoiceField(
                    label=_("保留的附件"), required=False, widget=forms.CheckboxSelectMultiple,
                    choices=[(str(a.pk), f"{a.name}（{a.size // 1024} KB）") for a in kept],
                    initial=[str(a.pk) for a in kept])
        else:
            del self.fields["note"]
            self.fields["channel"].queryset = channels

    def clean_intended_at(self):
        value = self.cleaned_data.get("intended_at")
        check_intended_at(value)  # the service's rule: today (local date) or later
        return value


ANSWERS = [("yes", _("是")), ("no", _("否"))]


class DecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    content_hash = forms.CharField(widget=forms.HiddenInput, max_length=64)
    outcome = forms.ChoiceField(label=_("决定"), choices=Outcome.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("审核意见"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    high_reason = forms.CharField(label=_("高风险问题放行理由"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, checklist=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.checklist = list(checklist)
        for item in self.checklist:
            self.fields[f"q_{item['code']}"] = forms.ChoiceField(label=item["question"], choices=ANSWERS,
                                                                 widget=forms.RadioSelect)

    def answers(self) -> dict[str, bool]:
        return {item["code"]: self.cleaned_data[f"q_{item['code']}"] == "yes" for item in self.checklist}

    def question_fields(self):
        return [self[f"q_{item['code']}"] for item in self.checklist]


class PublishForm(forms.Form):
    content_hash = forms.CharField(widget=forms.HiddenInput, max_length=64)
    url = forms.URLField(label=_("发布网址"), required=False, max_length=500, assume_scheme="https")
    published_at = forms.DateTimeField(label=_("发布时间"), required=False,
                                       widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                                  format="%Y-%m-%dT%H:%M"))
