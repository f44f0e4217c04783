"""The pages that the site's feed of updates lists, each with
the field that names an item (the one its ``__str__`` gives).
"""

from .models import Page

feed_models = {Page: "title"}
