"""
Staff sign-in to the admin: two steps, sessions with limits, throttling and a record of events.

1. The password (the admin's login page, ``sites.PortalAdminSite.login``). django-axes
   checks the attempt first (``throttling.py``). When a second factor is due, the member is
   not signed in yet: the session only remembers, for a few minutes, whose password was right.
2. A code from the member's authenticator app or one of their recovery codes
   (``views.CodeView``), or, at the first sign-in, setting the app up (``views.EnrolView``).
   Only then does Django's ``login()`` run.

Sessions end after a time without activity and after a time in all (``middleware.py``);
every sign-in, sign-out, failure, lockout, device reset and password reset is recorded
(``events.py``) in the JSON log and in the admin.
"""
