"""The regions' content that the site's feed of updates lists."""

from .models import Municipality, Region

feed_models = [Region, Municipality]
