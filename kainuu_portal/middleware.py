"""Security headers Django's own middleware does not set, and the client address for axes."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """
    Adds ``Cross-Origin-Resource-Policy`` and ``Permissions-Policy`` to every
    response (Django's SecurityMiddleware sets the others). A view may set its
    own value; it is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.SECURE_CROSS_ORIGIN_RESOURCE_POLICY
        )
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def client_ip(request):
    """
    The visitor's address, for login throttling.

    Without a reverse proxy (``PROXY_COUNT`` 0) it is the connection's address.
    Behind ``PROXY_COUNT`` proxies that each append the address they saw to
    ``X-Forwarded-For``, it is the entry the outermost trusted proxy added;
    anything a client wrote further left is ignored, as it could be forged.
    """
    count = settings.PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
