"""
Make sure a local superuser exists, for a first look at the admin.

With no superuser, creates ``admin`` with a random password and shows the
password once. With one, says so and changes nothing. There is never a fixed
password.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' with a random password (shown once) "
        "when no superuser exists yet."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--origin",
            default="http://127.0.0.1:8000",
            help="Where the local server answers, for the admin's address (make run passes it).",
        )

    def handle(self, *args, **options):
        self.handle_account(options)
        if settings.TWO_FACTOR_REQUIRED:
            self.stdout.write(
                "At the first sign-in the admin asks you to set up an authenticator app."
            )
        else:
            self.stdout.write(
                "Two-factor authentication is not required here (TWO_FACTOR_REQUIRED is off, "
                "as with DEBUG): the password is enough. To try it: TWO_FACTOR_REQUIRED=true "
                "make run"
            )

    def handle_account(self, options):
        User = get_user_model()
        admin_url = options["origin"].rstrip("/") + reverse("admin:index")
        users = User._default_manager

        superusers = list(
            users.filter(is_superuser=True)
            .order_by("pk")
            .values_list(User.USERNAME_FIELD, flat=True)
        )
        if superusers:
            name = USERNAME if USERNAME in superusers else superusers[0]
            self.stdout.write(f"The admin is at {admin_url}")
            self.stdout.write(
                f"A superuser already exists ({', '.join(superusers)}): log in with that "
                "account. No password is shown.\n"
                f"To set a new password: python manage.py changepassword {name}"
            )
            return

        if users.filter(**{User.USERNAME_FIELD: USERNAME}).exists():
            raise CommandError(
                f"A user '{USERNAME}' exists but is not a superuser. Make it one in the "
                "admin or with a shell, or create another with: python manage.py createsuperuser"
            )

        password = secrets.token_urlsafe(16)
        users.create_superuser(USERNAME, email="", password=password)
        self.stdout.write(self.style.SUCCESS("Created the superuser for the local admin."))
        self.stdout.write(
            f"\n    Admin:     {admin_url}\n"
            f"    User name: {USERNAME}\n"
            f"    Password:  {password}\n\n"
        )
        self.stdout.write(
            self.style.WARNING(
                "The password is shown only this once; it is not stored anywhere in plain text. "
                "Note it down now. To set a new one: python manage.py changepassword admin"
            )
        )
