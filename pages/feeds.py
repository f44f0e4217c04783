"""The pages that the site's feed of updates lists."""

from .models import Page

feed_models = [Page]
