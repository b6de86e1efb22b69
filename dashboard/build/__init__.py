"""Builds of the data files the pipeline reads (the compiled gazetteer), from data packages."""
