from django import forms
from django.conf import settings


class PdfOptions(forms.Form):
    """The query of a PDF address: ?lang=da|en (the user's own language when left out) and
    ?large=1 for large print."""

    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    large = forms.BooleanField(required=False)
