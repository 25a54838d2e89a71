from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that the deletion cannot be undone"),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )
