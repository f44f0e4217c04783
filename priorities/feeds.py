"""The sectors and programmes' content that the site's feed of updates lists."""

from .models import Priority, Programme, Sector

feed_models = [Sector, Programme, Priority]
