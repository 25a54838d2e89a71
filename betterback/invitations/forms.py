from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from betterback.accounts.models import User
from betterback.invitations.models import Delivery

LANGUAGE_CHOICES = [("da", "Dansk"), ("en", "English")]


class InviteForm(forms.Form):
    full_name = forms.CharField(label=_("The patient's full name"), max_length=200)
    email = forms.EmailField(
        label=_("The patient's email address"),
        help_text=_("Also needed for a letter: it becomes the patient's login."),
    )
    delivery = forms.ChoiceField(
        label=_("How should the invitation reach the patient?"),
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        initial=Delivery.EMAIL,
    )
    language = forms.ChoiceField(
        label=_("The patient's language"),
        choices=LANGUAGE_CHOICES,
        widget=forms.RadioSelect,
        initial=settings.LANGUAGE_CODE,
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user = User.objects.filter(email=email).first()
        if user is not None and user.role != "patient":
            raise ValidationError(
                _(
                    "This email address belongs to an account that is not a patient's. "
                    "Use the patient's own address."
                ),
                code="staff_email",
            )
        return email


class AcceptForm(forms.Form):
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. A short sentence is easy to remember."),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=LANGUAGE_CHOICES, widget=forms.RadioSelect
    )

    def __init__(self, *args, patient, **kwargs):
        self.patient = patient
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error(
                "password2",
                ValidationError(_("The two passwords are not the same."), code="mismatch"),
            )
        elif first:
            candidate = User(email=self.patient.email, full_name=self.patient.full_name)
            try:
                password_validation.validate_password(first, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return data
