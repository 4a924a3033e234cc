"""OCR beyond the page image: the engine that reads words (:mod:`.engine`) and the correction of what it read with
a syllable language model (:mod:`.language_model`, :mod:`.correction`). Light to import: the results store asks
the engine for its identity without loading the ingest modules."""
