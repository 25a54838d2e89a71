from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from betterback.accounts import services


class LoginForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        email = self.cleaned_data.get("email")
        password = self.cleaned_data.get("password")
        if not email or not password:
            return self.cleaned_data
        if services.is_locked(email):
            raise ValidationError(
                ngettext_lazy(
                    "Too many failed attempts. For your safety, logging in with this email "
                    "address is paused for %(minutes)d minute.",
                    "Too many failed attempts. For your safety, logging in with this email "
                    "address is paused for %(minutes)d minutes.",
                    "minutes",
                ),
                code="locked",
                params={"minutes": settings.LOGIN_FAILURE_WINDOW_SECONDS // 60},
            )
        self.user = authenticate(self.request, email=email, password=password)
        if self.user is None:
            services.note_failed_login(self.request, email)
            raise ValidationError(
                _("The email address or the password is not right. Please try again."),
                code="invalid_login",
            )
        return self.cleaned_data


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=[("da", "Dansk"), ("en", "English")])
    next = forms.CharField(required=False, max_length=500)
