from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class PasswordForm(AdminAuthenticationForm):
    """The admin's login form, refusing an over-long user name before anything looks it up."""

    def clean_username(self):
        username = self.cleaned_data["username"]
        # AuthenticationForm sets max_length after the field is built, so Django does not
        # check it; axes could not store the attempt.
        MaxLengthValidator(self.fields["username"].max_length)(username)
        return username


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        strip=True,
        help_text=_(
            "The six-digit code your authenticator app shows, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


class EnrolForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        strip=True,
        help_text=_("The six-digit code the app shows now."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
