"""The demo county 示例县: data and builders behind ``manage.py seed_demo``.

The content is generated from realistic templates with a fixed random seed per organisation,
so every run builds the same county (dated relative to today). Everything goes through the
real provisioning and the real Wagtail publishing, so the catalogue fills itself.
"""
