"""The sectors and programmes' content that the site's feed of updates lists, each with
the field that names an item (the one its ``__str__`` gives).
"""

from .models import Priority, Programme, Sector

feed_models = {Sector: "name", Programme: "title", Priority: "title"}
