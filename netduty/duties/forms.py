from django import forms
from django.utils.translation import gettext_lazy as _

from netduty.core.forms import DateInput
from netduty.org.models import Person

from .models import MeetingKind, MeetingRecord


class MeetingForm(forms.ModelForm):
    class Meta:
        model = MeetingRecord
        fields = ["kind", "title", "date", "place", "chair", "attendees", "absentees", "topics", "minutes",
                  "decisions"]
        widgets = {
            "date": DateInput,
            "attendees": forms.Textarea(attrs={"rows": 2}),
            "absentees": forms.Textarea(attrs={"rows": 2, "placeholder": _("张三（出差）")}),
            "topics": forms.Textarea(attrs={"rows": 2}),
            "minutes": forms.Textarea(attrs={"rows": 5}),
            "decisions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = MeetingKind.COMMITTEE_IDEOLOGY


class UploadForm(forms.Form):
    title = forms.CharField(label=_("材料名称"), max_length=200, required=False)
    file = forms.FileField(label=_("文件（docx、pdf、png、jpg）"))


class VersionForm(forms.Form):
    file = forms.FileField(label=_("新版本文件"))


class SubmitForm(forms.Form):
    statement = forms.CharField(label=_("完成情况说明"), widget=forms.Textarea(attrs={"rows": 4}))


class ReviewForm(forms.Form):
    reason = forms.CharField(label=_("意见 / 退回原因"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class VoidForm(forms.Form):
    reason = forms.CharField(label=_("作废原因"), max_length=200)


class SubTaskForm(forms.Form):
    title = forms.CharField(label=_("分解任务"), max_length=200)
    assignee = forms.ModelChoiceField(queryset=Person.objects.none(), label=_("责任人"))
    due = forms.DateField(label=_("完成时限"), widget=DateInput)
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = people
