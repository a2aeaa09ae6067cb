"""resdex search: index documents, the index and its generations, queries, and what is built
over them (across sessions, export). Every ``whoosh`` import lives in
``resdex.search.whoosh_engine``."""
