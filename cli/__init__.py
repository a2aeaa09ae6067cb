"""resdex command-line interface (Typer). Only this package talks to the user."""
