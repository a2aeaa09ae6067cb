"""``resdex serve``: a local web page over the index, and the CLI's JSON under ``/api/…``.

A face, like ``resdex.cli``: it calls the same library functions as the CLI (``search``,
``cites``, ``show`` and their ``*_to_json``), so the page never disagrees with the terminal.
Starlette, Jinja2 and uvicorn are imported by this package only, which the CLI imports only
inside ``resdex serve``: a cold ``resdex search`` never loads them.
"""
