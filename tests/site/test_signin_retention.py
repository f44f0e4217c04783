"""Sign-in events are kept SIGNIN_EVENT_RETENTION_DAYS, then pruned by a daily command."""

import configparser
from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from kainuu_portal.signin.models import SignInEvent

pytestmark = pytest.mark.django_db

DEPLOY = settings.BASE_DIR / "deploy"


def event(days_ago, kind=SignInEvent.Kind.SIGNED_IN):
    return SignInEvent.objects.create(
        kind=kind, username="editor", time=timezone.now() - timedelta(days=days_ago)
    )


def prune():
    out = StringIO()
    call_command("prune_signin_events", stdout=out)
    return out.getvalue()


def test_events_older_than_the_retention_are_deleted_and_newer_ones_kept():
    assert settings.SIGNIN_EVENT_RETENTION_DAYS == 365
    old = [event(400), event(366, SignInEvent.Kind.FAILED)]
    kept = [event(364), event(0, SignInEvent.Kind.FAILED)]

    output = prune()

    assert set(SignInEvent.objects.all()) == set(kept)
    assert not SignInEvent.objects.filter(pk__in=[e.pk for e in old]).exists()
    assert "Deleted 2 sign-in events older than 365 days" in output


def test_the_retention_follows_the_setting(settings):
    settings.SIGNIN_EVENT_RETENTION_DAYS = 30
    event(31)
    recent = event(29)
    assert "Deleted 1 sign-in event older than 30 days" in prune()
    assert list(SignInEvent.objects.all()) == [recent]


def test_pruning_again_deletes_nothing():
    event(400)
    prune()
    assert "Deleted 0 sign-in events" in prune()


@pytest.mark.parametrize("days", [0, -1])
def test_a_retention_below_one_day_is_refused(settings, days):
    settings.SIGNIN_EVENT_RETENTION_DAYS = days
    event(2)
    with pytest.raises(CommandError, match="SIGNIN_EVENT_RETENTION_DAYS"):
        prune()
    assert SignInEvent.objects.count() == 1


def test_a_daily_systemd_timer_runs_the_command():
    service, timer = (configparser.ConfigParser(strict=False) for _ in range(2))
    service.read(DEPLOY / "kainuu-portal-prune-signin-events.service")
    timer.read(DEPLOY / "kainuu-portal-prune-signin-events.timer")
    assert service["Service"]["ExecStart"].endswith("manage.py prune_signin_events")
    assert service["Service"]["User"] == "kainuu-portal"
    assert service["Service"]["EnvironmentFile"] == "/etc/kainuu-portal/env"
    assert timer["Timer"]["OnCalendar"] == "daily"
    assert timer["Timer"]["Persistent"] == "true"


def test_the_login_throttling_records_follow_the_same_retention():
    for username, days_ago in [("old", 400), ("recent", 10)]:
        AccessAttempt.objects.create(
            username=username,
            ip_address="192.0.2.1",
            user_agent="",
            failures_since_start=1,
            get_data="",
            post_data="",
            http_accept="",
            path_info="/",
        )
        AccessLog.objects.create(
            username=username, ip_address="192.0.2.1", user_agent="", http_accept="", path_info="/"
        )
        # attempt_time is set on creation: move the rows back in time.
        when = timezone.now() - timedelta(days=days_ago)
        AccessAttempt.objects.filter(username=username).update(attempt_time=when)
        AccessLog.objects.filter(username=username).update(attempt_time=when)

    output = prune()

    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["recent"]
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["recent"]
    assert "Deleted 2 login throttling records older than 365 days" in output


def test_a_retention_shorter_than_the_known_address_period_is_warned_of(settings):
    call_command("check", "--fail-level", "WARNING", stdout=StringIO())  # 365 days: no warning

    settings.SIGNIN_EVENT_RETENTION_DAYS = settings.SIGNIN_KNOWN_ADDRESS_DAYS - 1
    with pytest.raises(CommandError, match="signin.W002"):
        call_command("check", "--fail-level", "WARNING", stdout=StringIO(), stderr=StringIO())
