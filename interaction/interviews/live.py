"""The live record's version and the poll answer: what a client polling every few seconds is sent.

A poll that finds nothing new must cost next to nothing, so the version of an interview's record (the
time of its last change and the number of entries, with the page's times and archive flag from which the
state follows) is kept in the cache and forgotten whenever an entry, a question or the page changes
(``signal_handlers``). An unchanged poll is then one cache read and a 304; the state is recomputed from the
cached times at each request, so the change from 预告 to 直播 at the start time needs no write.
"""

import datetime
import hashlib

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from .state import InterviewState, interview_state

CACHE_SECONDS = 3600


def _key(interview_id):
    return f"interaction:interview-live:{interview_id}"


def forget(interview_id):
    """The record or the page changed: the next poll recomputes the version."""
    cache.delete(_key(interview_id))


def _compute(interview_id):
    # By name: the interview page's own module imports this one (its context carries the live version).
    InterviewPage = apps.get_model("interaction", "InterviewPage")
    InterviewRecordEntry = apps.get_model("interaction", "InterviewRecordEntry")
    page = InterviewPage.objects.filter(pk=interview_id).values(
        "starts_at", "ends_at", "archived", "latest_revision_created_at", "last_published_at").first()
    if page is None:
        return None
    record = InterviewRecordEntry.objects.filter(interview_id=interview_id).aggregate(
        changed=Max("updated_at"), count=Count("pk"), last=Max("position"))
    changed = max(moment for moment in (record["changed"], page["last_published_at"],
                                        timezone.make_aware(datetime.datetime(2000, 1, 1))) if moment is not None)
    return {"starts_at": page["starts_at"], "ends_at": page["ends_at"], "archived": page["archived"],
            "changed": changed, "count": record["count"], "last_position": record["last"] or 0}


def live_version(interview_id):
    """{"starts_at", "ends_at", "archived", "changed" (datetime), "count", "last_position", "state", "etag"}
    for the interview's record now, or None when there is no such interview. One cache read when warm."""
    key = _key(interview_id)
    version = cache.get(key)
    if version is None:
        version = _compute(interview_id)
        if version is None:
            return None
        cache.set(key, version, CACHE_SECONDS)
    state = interview_state(version["starts_at"], version["ends_at"], version["archived"])
    raw = f"{interview_id}:{version['changed'].timestamp()}:{version['count']}:{state}"
    return {**version, "state": state, "etag": hashlib.sha1(raw.encode()).hexdigest()[:20]}


def entry_json(entry):
    """One record entry as the poll sends it; ``text`` is plain text, the page escapes it when shown."""
    return {"position": entry.position, "kind": entry.kind, "speaker": entry.speaker, "text": entry.public_text,
            "posted_at": timezone.localtime(entry.posted_at).isoformat()}


def poll_payload(interview, after):
    """{"state", "state_label", "last_position", "entries": [entry_json, …]} with the entries after ``after``."""
    entries = interview.record().filter(position__gt=after).select_related("question")
    state = interview.state()
    entries = list(entries)
    return {"state": state, "state_label": str(InterviewState.LABELS[state]),
            "last_position": entries[-1].position if entries else after,
            "entries": [entry_json(entry) for entry in entries]}
