"""Storing what a citizen sends to a consultation or an interview: once per form token, in its own transaction.

Nothing else happens on submission (no mail is sent), so nothing can make a comment or question get lost;
the one-time form token is a unique column, so a double click or a resent form stores one row.
"""

from django.db import IntegrityError, transaction

SENDER_FIELDS = ("name", "phone", "email", "body")


def store_once(model, owner, data, submission_token, now, refuse_if_closed):
    """Store a ``model`` (a ``ModeratedSubmission``) for ``owner`` (``{"consultation": page}``) from form ``data``.

    Returns ``(row, duplicate)``: a token already stored returns that row and ``True`` without checking anything
    else. Otherwise ``refuse_if_closed()`` runs first - at the moment of storing, so a form opened before the
    close and sent after it is refused - and raises its own error to refuse.
    """
    if submission_token:
        existing = model.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing, True
    refuse_if_closed()
    try:
        with transaction.atomic():
            row = model.objects.create(submitted_at=now, submission_token=submission_token or None,
                                       **owner, **{name: data.get(name, "") for name in SENDER_FIELDS})
    except IntegrityError:
        existing = model.objects.filter(submission_token=submission_token).first()
        if existing is None:
            raise
        return existing, True
    return row, False
