from django.views.generic import DetailView

from kainuu_portal.publishing.views import PreviewMixin

from .models import Page


class PageDetailView(PreviewMixin, DetailView):
    model = Page
    context_object_name = "page"
