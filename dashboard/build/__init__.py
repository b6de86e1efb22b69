"""Build-time tools: compile the gazetteer and the derived lexicons from data packages
(`pip install -e '.[data]'`). The app and the pipeline never import the build-time packages."""
