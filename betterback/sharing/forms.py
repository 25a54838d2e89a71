from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from betterback.sharing.models import Period
from betterback.sharing.services import normalize_code


class ShareForm(forms.Form):
    recipient = forms.CharField(
        label=_("Who do you want to share with?"),
        max_length=200,
        help_text=_("For your own list, for example “Dr. Hansen, my GP”."),
    )
    period = forms.ChoiceField(
        label=_("For how long?"),
        choices=Period.choices,
        widget=forms.RadioSelect,
        initial=Period.MONTH,
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the patient"),
        max_length=30,
        help_text=_("Ten letters and digits, for example ABCDE-23456."),
    )

    def clean_code(self):
        code = normalize_code(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(
                _("A code has ten letters and digits. Check what you typed."), code="format"
            )
        return code
