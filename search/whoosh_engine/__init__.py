"""The Whoosh engine of resdex: every module that imports ``whoosh`` lives here.

- ``reader.WhooshReader`` and ``writer.WhooshWriter`` implement the ``Reader`` and
  ``Writer`` protocols of ``resdex.search.engine``; ``files`` opens or creates a
  generation folder's index, ``folder`` holds one open for a long-lived reader.
- Writing: ``schema`` (the fields and analyzers), ``postings`` (a document's postings into
  the field tables), ``segments`` (the fast segment writer), ``blocks`` (a term's postings
  in Whoosh's block format).
- Reading: ``matching`` (the matches of a query as sets of document numbers), ``scoring``
  (the best n), ``units`` (per-unit columns, records), ``timeline`` (by date, ``--by``
  groups), ``cites``, ``snippets``, ``stemming``, ``browse`` (what exports, precedents and
  the web page's links read).
- Safety: ``damage`` (a damaged index is one line, not a traceback), ``integrity``
  (``resdex check``), ``guard`` (hostile queries), ``safe_pickle`` (hostile pickles),
  ``fixes`` (patches to Whoosh); ``access`` is the read path's one module that reads
  Whoosh's private names.
"""
