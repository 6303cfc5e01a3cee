"""Translation: gettext catalogues (Babel), their checks, and localized guides."""
