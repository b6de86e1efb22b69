"""Building the compiled gazetteer from data packages (`python -m dashboard gazetteer build`)."""
