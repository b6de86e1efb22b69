"""Benchmarks and the synthetic load-test corpus."""
