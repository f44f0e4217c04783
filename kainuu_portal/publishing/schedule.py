"""
The unpublish-at time in the admin: the form's check and the change-list column.

The time itself lives on ``Publishable`` (``unpublish_at``): ``live_condition`` and
``is_published_now`` leave an item out from that moment on, and the page cache
moves on at that moment (``pagecache.next_scheduled_change``), so nothing has
to run for the item to leave the site. ``Publishable.clean`` refuses an
unpublishing time that is not after the publishing time.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext_lazy as _

FIELD = "unpublish_at"


def check_unpublish_at(form, cleaned_data):
    """A newly entered unpublishing time that has already passed is a form error."""
    unpublish_at = cleaned_data.get(FIELD)
    if unpublish_at is None or FIELD not in form.changed_data or unpublish_at > timezone.now():
        return
    form.add_error(
        FIELD,
        ValidationError(
            _(
                "This time has already passed, so the item would leave the site as soon as "
                "it is saved. To take it off the site now, choose “Draft” and empty this "
                "field; to schedule it, choose a time in the future."
            ),
            code="past_unpublish_at",
        ),
    )


class ScheduleAdminMixin:
    """A change-list column with the unpublishing time, before the status."""

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if "status" in columns and "leaves_site_at" not in columns:
            columns.insert(columns.index("status"), "leaves_site_at")
        return columns

    @admin.display(description=_("unpublish at"), ordering=FIELD, empty_value="–")
    def leaves_site_at(self, obj):
        if obj.unpublish_at is None:
            return None
        return localize(timezone.localtime(obj.unpublish_at))
