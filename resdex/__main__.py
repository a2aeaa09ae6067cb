"""``python -m resdex``: the ``resdex`` command."""

from resdex.cli.main import main

if __name__ == "__main__":
    main()
