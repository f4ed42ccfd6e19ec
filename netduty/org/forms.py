from django import forms

from netduty.core.forms import DateInput
from netduty.policy.models import Role

from .models import Person, Unit
from .roles import roles_on


class AppointmentForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Person.objects.none(), label="人员")
    role = forms.ModelChoiceField(queryset=Role.objects.none(), label="角色")
    valid_from = forms.DateField(label="起始日期", widget=DateInput)
    valid_to = forms.DateField(label="截止日期", required=False, widget=DateInput)
    basis = forms.CharField(label="任职依据（文号）", required=False, max_length=200)
    area = forms.CharField(label="分管工作", required=False, max_length=200)
    oversees = forms.ModelMultipleChoiceField(queryset=Unit.objects.none(), label="分管单位", required=False)

    def __init__(self, *args, people, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["role"].queryset = roles_on(None)
        self.fields["oversees"].queryset = units


class EndAppointmentForm(forms.Form):
    valid_to = forms.DateField(label="截止日期", widget=DateInput)


class ImportForm(forms.Form):
    file = forms.FileField(label="xlsx 文件")
    dry_run = forms.BooleanField(label="仅校验，不写入", required=False)
