"""Build-time compilers of the committed data files (gazetteer, name lexicon) from data packages.

Never imported by the pipeline or the app: the packages they read are the pyproject extra `data`.
"""
