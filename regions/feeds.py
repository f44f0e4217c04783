"""The regions' content that the site's feed of updates lists, each with
the field that names an item (the one its ``__str__`` gives).
"""

from .models import Municipality, Region

feed_models = {Region: "name", Municipality: "name"}
