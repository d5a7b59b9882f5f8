"""Extraction: one article's text -> records (boilerplate, sentences, speakers, dates,
places, issues). Nothing here reads files of articles, builds tables or draws anything:
`diplomap.corpus` and `diplomap.ingest` call in, never the other way round."""
