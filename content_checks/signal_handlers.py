"""Seams to the page and catalogue layers; handlers only delegate."""


def register_signal_handlers():
    return None
