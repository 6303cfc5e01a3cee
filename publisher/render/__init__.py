"""Renderers: the accessible web page and the large-print PDF, from one template."""
