"""resdex indexer: raw file -> clean text -> Resolution -> citations."""
