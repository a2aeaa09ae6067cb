"""resdex search: index documents, the Whoosh index, queries. Every ``whoosh`` import lives here."""
