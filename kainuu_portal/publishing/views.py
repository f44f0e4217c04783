"""
The draft preview of detail views shared by every content app, the page's languages,
and what a view reads of the query string.
"""

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from .models import PendingChange, can_preview


def show_in_languages(request, url):
    """
    Let the language switcher lead to this page's own address in each language:
    ``url()`` is called with each language active (``obj.get_absolute_url``).
    """
    request.page_url_in_language = url


class PreviewMixin:
    """
    For detail views of publishable content.

    The object is found by its address in the active language (``at_address``, each
    slug with its fallback). Visitors get only live objects (a 404 otherwise). Staff
    who may view the model also get drafts, marked as a preview: a banner and a
    noindex tag. The language switcher leads to the same object in each language.
    An object with a pending change is shown to them with the change applied, in a
    transaction that is rolled back once the page is rendered: nothing is saved,
    nothing is cached, and visitors keep seeing the live version.
    """

    previewed_pk = None

    def get(self, request, *args, **kwargs):
        pending = self.pending_change()
        if pending is None:
            return super().get(request, *args, **kwargs)
        from .workflow import apply_pending  # noqa: PLC0415 (the admin's forms)

        with transaction.atomic():
            apply_pending(request, pending)
            self.previewed_pk = pending.object_id
            response = super().get(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            transaction.set_rollback(True)
        return response

    def pending_change(self):
        """The pending change to show this staff member on this page, or None."""
        model = self.model or super().get_queryset().model
        if not can_preview(self.request.user, model):
            return None
        obj = super().get_queryset().at_address(**self.kwargs).first()
        pending = PendingChange.of(obj)
        return pending if pending is not None and pending.data else None

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        if self.previewed_pk is not None:
            # The pending change may give it another address; this page shows it.
            obj = queryset.filter(pk=self.previewed_pk).first()
        else:
            # An address leads to one object at most (``unique_slugs``): got without
            # the model's ordering, which first() would sort by.
            try:
                obj = queryset.at_address(**self.kwargs).get()
            except queryset.model.DoesNotExist:
                obj = None
        if obj is None:
            raise Http404(
                _("No %(verbose_name)s found matching the query")
                % {"verbose_name": queryset.model._meta.verbose_name}
            )
        show_in_languages(self.request, obj.get_absolute_url)
        return obj

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        if can_preview(self.request.user, type(obj)):
            context["is_preview"] = self.previewed_pk is not None or (
                not type(obj).objects.live().filter(pk=obj.pk).exists()
            )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("is_preview"):
            response.headers["X-Robots-Tag"] = "noindex"
            response.headers["Cache-Control"] = "private, no-store"
        return response


def reads_query(*names):
    """
    Declare the query parameters a view reads: the page cache keys its pages by
    these alone and gives the view no others, so an address with extra parameters
    (``?utm_source=...``) is the same page. A view that declares nothing is cached
    only without a query string; a generic list view reads its page parameter.
    """

    def declare(view):
        view.reads_query = names
        return view

    return declare
