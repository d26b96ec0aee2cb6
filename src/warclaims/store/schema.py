"""The store's SQL schema as an ordered list of migrations.

Migration N (1-based) is `MIGRATIONS[N - 1]`; a store records each applied version in
`schema_migrations`. Never edit a released migration: append a new one.
"""

from __future__ import annotations

MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
)
"""

_V1 = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    title TEXT,
    published TEXT,
    publisher TEXT,
    url TEXT,
    language TEXT,
    text TEXT NOT NULL,
    source TEXT,
    ingested_at TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    kind TEXT NOT NULL,
    category TEXT,
    side TEXT,
    value REAL,
    low REAL,
    high REAL,
    hedge TEXT,
    unit TEXT,
    date_start TEXT,
    date_end TEXT,
    claimant_name TEXT,
    claimant_mention TEXT,
    claimant_type TEXT,
    claimant_side TEXT,
    certainty TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    json TEXT NOT NULL,
    UNIQUE (doc_id, ordinal)
);
CREATE INDEX claims_kind ON claims (kind);
CREATE INDEX claims_side ON claims (side);
CREATE INDEX claims_claimant_name ON claims (claimant_name);

CREATE TABLE claim_places (
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    mention TEXT NOT NULL,
    name TEXT,
    gazetteer_id TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    PRIMARY KEY (claim_id, ordinal)
);
CREATE INDEX claim_places_name ON claim_places (name);

CREATE TABLE flags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX flags_doc_id ON flags (doc_id);
"""

# Duplicates and outlets (issue 4). A cluster is one stored story: the document whose
# doc_id is `cluster_id`, with every source that carried it — the first one ('original'),
# the same text from another outlet ('exact') and near-duplicates with small edits
# ('near'; their own doc_id, not stored as documents, with the estimated similarity).
# `minhashes` and `lsh_bands` are the near-duplicate index (warclaims.ingest.dedup).
_V2 = """
ALTER TABLE documents ADD COLUMN cluster_id TEXT;
UPDATE documents SET cluster_id = doc_id;
CREATE INDEX documents_cluster_id ON documents (cluster_id);

CREATE TABLE document_sources (
    id INTEGER PRIMARY KEY,
    cluster_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('original', 'exact', 'near')),
    similarity REAL,
    publisher TEXT,
    url TEXT,
    title TEXT,
    published TEXT,
    source TEXT,
    ingested_at TEXT NOT NULL
);
CREATE UNIQUE INDEX document_sources_outlet
    ON document_sources (doc_id, coalesce(publisher, ''), coalesce(url, ''));
CREATE INDEX document_sources_cluster_id ON document_sources (cluster_id);
INSERT INTO document_sources
    (cluster_id, doc_id, relation, similarity, publisher, url, title, published, source,
     ingested_at)
    SELECT doc_id, doc_id, 'original', 1.0, publisher, url, title, published, source,
           ingested_at
    FROM documents ORDER BY rowid;

CREATE TABLE minhashes (
    doc_id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
    scheme TEXT NOT NULL,
    hashvalues BLOB NOT NULL
);
CREATE INDEX minhashes_cluster_id ON minhashes (cluster_id);

CREATE TABLE lsh_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES minhashes (doc_id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, doc_id)
) WITHOUT ROWID;
CREATE INDEX lsh_bands_doc_id ON lsh_bands (doc_id);
"""

# compare's precomputed groups (issue 4; warclaims.compare.cache). `compare` without a place,
# a period or a window of its own reads the groups from `compare_groups` instead of regrouping
# a million claims per query. Groups never mix kinds or category families, so they are kept and
# rebuilt per (kind, family); `compare_kinds` lists the kinds built. Triggers record in
# `compare_dirty` each (kind, category) whose claims, places or documents changed ('*': every
# kind), so every writer keeps the groups honest without knowing about them; the next refresh
# (the end of an ingest, or such a `compare`) rebuilds what is marked.
_V3 = """
CREATE TABLE compare_groups (
    kind TEXT NOT NULL,
    family TEXT NOT NULL,
    position INTEGER NOT NULL,
    verdict_rank INTEGER NOT NULL,
    n_claims INTEGER NOT NULL,
    start_day INTEGER NOT NULL,
    first_claim INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    places TEXT NOT NULL,
    members TEXT NOT NULL,
    PRIMARY KEY (kind, family, position)
) WITHOUT ROWID;
CREATE INDEX compare_groups_rank
    ON compare_groups (verdict_rank, n_claims DESC, start_day DESC, first_claim, position);
CREATE INDEX compare_groups_kind_rank
    ON compare_groups (kind, verdict_rank, n_claims DESC, start_day DESC, first_claim, position);

CREATE TABLE compare_kinds (
    kind TEXT PRIMARY KEY,
    window_days INTEGER NOT NULL
);
CREATE TABLE compare_families (
    kind TEXT NOT NULL,
    family TEXT NOT NULL,
    n_claims INTEGER NOT NULL,
    PRIMARY KEY (kind, family)
);
CREATE TABLE compare_dirty (
    kind TEXT NOT NULL,
    category TEXT NOT NULL,  -- '' for none
    PRIMARY KEY (kind, category)
) WITHOUT ROWID;
INSERT INTO compare_dirty (kind, category) VALUES ('*', '');

CREATE TRIGGER compare_dirty_claim_insert AFTER INSERT ON claims BEGIN
    INSERT OR IGNORE INTO compare_dirty (kind, category)
        VALUES (NEW.kind, coalesce(NEW.category, ''));
END;
CREATE TRIGGER compare_dirty_claim_delete AFTER DELETE ON claims BEGIN
    INSERT OR IGNORE INTO compare_dirty (kind, category)
        VALUES (OLD.kind, coalesce(OLD.category, ''));
END;
CREATE TRIGGER compare_dirty_claim_update AFTER UPDATE ON claims BEGIN
    INSERT OR IGNORE INTO compare_dirty (kind, category)
        VALUES (OLD.kind, coalesce(OLD.category, '')), (NEW.kind, coalesce(NEW.category, ''));
END;
CREATE TRIGGER compare_dirty_place_insert AFTER INSERT ON claim_places BEGIN
    INSERT OR IGNORE INTO compare_dirty (kind, category)
        SELECT kind, coalesce(category, '') FROM claims WHERE id = NEW.claim_id
        UNION ALL SELECT '*', '' WHERE NOT EXISTS (SELECT 1 FROM claims WHERE id = NEW.claim_id);
END;
CREATE TRIGGER compare_dirty_place_delete AFTER DELETE ON claim_places BEGIN
    INSERT OR IGNORE INTO compare_dirty (kind, category)
        SELECT kind, coalesce(category, '') FROM claims WHERE id = OLD.claim_id
        UNION ALL SELECT '*', '' WHERE NOT EXISTS (SELECT 1 FROM claims WHERE id = OLD.claim_id);
END;
CREATE TRIGGER compare_dirty_place_update AFTER UPDATE ON claim_places BEGIN
    INSERT OR IGNORE INTO compare_dirty (kind, category)
        SELECT kind, coalesce(category, '') FROM claims WHERE id IN (OLD.claim_id, NEW.claim_id)
        UNION SELECT '*', '' WHERE NOT EXISTS (SELECT 1 FROM claims WHERE id = NEW.claim_id);
END;
CREATE TRIGGER compare_dirty_document_update
    AFTER UPDATE OF doc_id, published, publisher, url, source, cluster_id ON documents BEGIN
    INSERT OR IGNORE INTO compare_dirty (kind, category)
        SELECT DISTINCT kind, coalesce(category, '') FROM claims
        WHERE doc_id IN (OLD.doc_id, NEW.doc_id);
END;
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3]
