"""Reading sources: files, folders, uploads, saved pages, feeds and exports become `RawArticle`s
(and every unusable input a `Failure` with its reason). This is where the I/O is (files and HTTP);
the processing stages in `dashboard.pipeline` are pure."""
