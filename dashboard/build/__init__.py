"""Build-time tools (the compiled gazetteer); never imported by the app or the pipeline."""
