"""Column names of every table, defined once.

The tables are the interface between the extraction engine and everything that reads
it (the dashboard, the command line, exports). Refer to columns through these
constants, never through string literals spread over the code.
"""

from __future__ import annotations

# --- articles: one row per unique article (content hash) -------------------------
ARTICLE_ID = "article_id"  # str, 16 hex chars of a SHA-256 of the normalised text
FILE = "file"  # str, where it came from (path, or "archive.zip!inner.txt", or "x.csv#12")
TITLE = "title"  # str ("" when none)
TEXT = "text"  # str, the article text as read (NFC, control characters removed)
LANGUAGE = "language"  # "ar" | "fa" | "ru" | "en" | "other"
PUBLISHED = "published"  # datetime64[ns] (midnight) or NaT
DATE_SOURCE = "date_source"  # "header" | "dateline" | "body" | "metadata" | "none"
DATE_PRECISION = "date_precision"  # "day" | "month" | "year" | None
DATE_TEXT = "date_text"  # the text the date was read from, or None
# JSON text: every date the text offered, [{"date", "kind", "precision", "text"}], with
# the kind that decided between them (metadata, published, dateline, updated, clock ...)
DATE_CANDIDATES = "date_candidates"
SOURCE = "source"  # str: outlet / agency when known, else ""
URL = "url"  # str or ""
ENCODING = "encoding"  # str: how the bytes were decoded
REPLACED_CHARS = "replaced_chars"  # int: undecodable bytes replaced by U+FFFD
BOILERPLATE = "boilerplate"  # list of [start, end] character spans cut as site furniture
N_CHARS = "n_chars"  # int
N_SENTENCES = "n_sentences"  # int, sentences outside boilerplate
N_LAVROV = "n_lavrov"  # int, sentences attributed to Lavrov
# str: the article's reprint cluster, the smallest article id among its near-duplicates
# (the same story from several outlets, or the same canonical URL; its own id when it
# has none). Not extracted: the build adds it over all articles when it commits a
# corpus (diplomap.corpus.reprints), after ARTICLE_COLUMNS; missing in older corpora.
CLUSTER = "cluster"
# bytes or None: the article's MinHash signature (diplomap.extract.shingles), computed
# with its extraction and carried with the articles' rows to the reprint clusters. Never
# stored in a table (the build saves the signatures beside the tables).
MINHASH = "minhash"

ARTICLE_COLUMNS = [
    ARTICLE_ID,
    FILE,
    TITLE,
    TEXT,
    LANGUAGE,
    PUBLISHED,
    DATE_SOURCE,
    DATE_PRECISION,
    DATE_TEXT,
    DATE_CANDIDATES,
    SOURCE,
    URL,
    ENCODING,
    REPLACED_CHARS,
    BOILERPLATE,
    N_CHARS,
    N_SENTENCES,
    N_LAVROV,
]

# --- shared by mentions, issue_mentions, statements ------------------------------
START = "start"  # int, character offset in the article's TEXT
END = "end"  # int, exclusive
SURFACE = "surface"  # str, TEXT[start:end]
SENTENCE = "sentence"  # int, index of the sentence in the article (0-based), -1 if none
LAVROV = "lavrov"  # bool, inside a sentence attributed to Lavrov

# --- mentions: one row per place mention outside boilerplate ---------------------
PLACE = "place"  # str, canonical English name ("Syria", "Damascus")
PLACE_TYPE = "place_type"  # "country" | "city" | "region"
ISO3 = "iso3"  # str, ISO 3166-1 alpha-3 of the country the place belongs to
LAT = "lat"  # float
LON = "lon"  # float
MATCH_KIND = "match_kind"  # "name" | "demonym" | "metonym" | "geocoded"

MENTION_COLUMNS = [
    ARTICLE_ID,
    START,
    END,
    SURFACE,
    PLACE,
    PLACE_TYPE,
    ISO3,
    LAT,
    LON,
    MATCH_KIND,
    SENTENCE,
    LAVROV,
]

# --- issue_mentions: one row per issue term outside boilerplate -----------------
ISSUE = "issue"  # str, one of the taxonomy ids (data/issues.csv)

ISSUE_MENTION_COLUMNS = [ARTICLE_ID, START, END, SURFACE, ISSUE, SENTENCE, LAVROV]

# --- statements: one row per sentence attributed to Lavrov -----------------------
SPEAKER = "speaker"  # "Lavrov"
# How he said it: "quote" (his words in quotation marks or after a colon), "reported"
# (indirect speech), "answer" (his answer in a transcript), "remarks" (opening remarks
# under a heading that names him), "speech_act" (thanked, condemned, called for ...),
# "continuation" (a sentence that goes on with his statement). Headlines are never his:
# they paraphrase him in the outlet's words.
KIND = "kind"
# What decided it: "quote_marks", "reporting_clause" (a speech verb with his name or
# title), "according_to", "reference_chain" (the minister, he, a bare verb -> him),
# "continuation", "transcript_label", "transcript_heading", "backreference" ("This was
# stated by ...").
EVIDENCE = "evidence"
STATEMENT_KINDS = ("quote", "reported", "answer", "remarks", "speech_act", "continuation")
EVIDENCE_KINDS = (
    "quote_marks",
    "reporting_clause",
    "according_to",
    "reference_chain",
    "continuation",
    "transcript_label",
    "transcript_heading",
    "backreference",
)

STATEMENT_COLUMNS = [ARTICLE_ID, SENTENCE, START, END, SPEAKER, KIND, EVIDENCE, TEXT]

LANGUAGES = ("ar", "fa", "ru", "en", "other")
# Where the date was read; a collected page's metadata says which of its parts it came
# from (diplomap.collect: the page's meta tags, its feed entry or its URL).
DATE_SOURCES = ("header", "dateline", "body", "html-meta", "feed", "url", "metadata", "none")
METADATA_DATE_SOURCES = frozenset({"html-meta", "feed", "url", "header", "dateline", "body"})

ISSUE_IDS = (
    "palestine_israel",
    "gaza",
    "syria",
    "ukraine",
    "gulf_security",
    "iran_nuclear",
    "terrorism",
    "normalization",
    "quartet",
    "security_council",
    "arab_league",
    "us_russia",
    "economy",
    "humanitarian",
    "libya",
    "yemen",
    "lebanon",
    "iraq",
)
