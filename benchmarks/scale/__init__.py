"""Benchmarks of resdex at 100,000 and 1,000,000 paragraphs (issue 5); see README.md."""
