"""The Whoosh engine of resdex: every module that imports ``whoosh`` lives here.

``reader.WhooshReader`` and ``writer.WhooshWriter`` implement the ``Reader`` and ``Writer``
protocols of ``resdex.search.engine``; ``schema`` holds the fields and analyzers,
``segments`` the fast segment writer, ``matching``/``units``/``cites`` the query path over
postings and columns, ``files`` how a generation folder is opened or created, ``damage``,
``guard``, ``safe_pickle`` and ``fixes`` what keeps a damaged index, a hostile query or a
hostile pickle from hurting; ``access`` is the one module that reads Whoosh's private names.
"""
