-- Profile (semantic) memory. Every fact row carries its scope (org_id, project_id) and every
-- statement of H2ProfileStore restricts to it. H2 2.x reserves VALUE and KEY, hence fact_value
-- and meta_key. Times are TIMESTAMP WITH TIME ZONE, written in UTC at microsecond precision.

CREATE TABLE facts (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id       VARCHAR(128)  NOT NULL,
    project_id   VARCHAR(128)  NOT NULL,
    set_id       VARCHAR(512)  NOT NULL,
    producer     VARCHAR(256),
    category     VARCHAR(200)  NOT NULL,
    tag          VARCHAR(200)  NOT NULL,
    feature      VARCHAR(200)  NOT NULL,
    fact_value   VARCHAR(8000) NOT NULL,
    status       VARCHAR(16)   NOT NULL CHECK (status IN ('active', 'archived')),
    valid_from   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_to     TIMESTAMP(6) WITH TIME ZONE,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    source       VARCHAR(16)   NOT NULL CHECK (source IN ('user', 'llm', 'api', 'import')),
    -- the text the embedding was computed from, kept so that a model change can re-embed
    indexed_text CHARACTER VARYING NOT NULL,
    -- float32 little-endian; NULL means stale (to be re-embedded)
    embedding    VARBINARY
);

CREATE INDEX facts_scope_status ON facts (org_id, project_id, status);
CREATE INDEX facts_scope_created ON facts (org_id, project_id, created_at, id);
CREATE INDEX facts_set ON facts (set_id);

CREATE TABLE fact_citation (
    fact_id     BIGINT NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
    episode_uid BIGINT NOT NULL,
    PRIMARY KEY (fact_id, episode_uid)
);

CREATE INDEX fact_citation_episode ON fact_citation (episode_uid);

CREATE TABLE fact_metadata (
    fact_id    BIGINT        NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
    meta_key   VARCHAR(128)  NOT NULL,
    meta_value VARCHAR(16384) NOT NULL,
    PRIMARY KEY (fact_id, meta_key)
);

-- Superseded contents of a fact, valid over [valid_from, valid_to).
CREATE TABLE fact_version (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fact_id    BIGINT        NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
    category   VARCHAR(200)  NOT NULL,
    tag        VARCHAR(200)  NOT NULL,
    feature    VARCHAR(200)  NOT NULL,
    fact_value VARCHAR(8000) NOT NULL,
    valid_from TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_to   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX fact_version_fact ON fact_version (fact_id, valid_from);

-- Audit trail. fact_id is deliberately not a foreign key: history outlives deleted facts, so
-- the row carries its own scope. Snapshots are JSON (null before an add, null after a delete).
CREATE TABLE fact_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      VARCHAR(128) NOT NULL,
    project_id  VARCHAR(128) NOT NULL,
    fact_id     BIGINT       NOT NULL,
    action      VARCHAR(16)  NOT NULL
        CHECK (action IN ('add', 'update', 'archive', 'restore', 'delete', 'uncite')),
    before_json CHARACTER LARGE OBJECT,
    after_json  CHARACTER LARGE OBJECT,
    actor       CHARACTER VARYING NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX fact_history_scope_fact ON fact_history (org_id, project_id, fact_id, id);

-- The model whose vectors the facts hold: at most one row.
CREATE TABLE embedding_space (
    id        INT          NOT NULL PRIMARY KEY CHECK (id = 1),
    model_id  VARCHAR(512) NOT NULL,
    dimension INT          NOT NULL CHECK (dimension > 0)
);
