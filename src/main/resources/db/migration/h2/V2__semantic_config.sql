-- Semantic configuration (MemMachine's set types, sets, categories and tags). Unlike MemMachine,
-- every row belongs to a scope (org_id, project_id) and every statement of H2SemanticConfigStore
-- restricts to it, so an id of another scope is not found. Keys of a set type or set are stored
-- sorted, joined by U+001F (the unit separator, which metadata keys cannot contain).

CREATE TABLE semantic_set_type (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      VARCHAR(128)  NOT NULL,
    project_id  VARCHAR(128)  NOT NULL,
    org_level   BOOLEAN       NOT NULL,
    tags        VARCHAR(8400) NOT NULL,
    name        VARCHAR(200),
    description VARCHAR(2000),
    CONSTRAINT semantic_set_type_keys UNIQUE (org_id, project_id, org_level, tags),
    CONSTRAINT semantic_set_type_name UNIQUE (org_id, project_id, name)
);

-- Sets that were asked for (set_id/get) or configured; the project's and users' sets work
-- without a row and get one when something is attached to them.
CREATE TABLE semantic_set (
    org_id        VARCHAR(128)  NOT NULL,
    project_id    VARCHAR(128)  NOT NULL,
    set_id        VARCHAR(512)  NOT NULL,
    org_level     BOOLEAN       NOT NULL,
    tags          VARCHAR(8400) NOT NULL,
    -- recorded and reported; no effect yet (one embedder and no extraction model so far)
    embedder_name VARCHAR(200),
    llm_name      VARCHAR(200),
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, project_id, set_id)
);

-- A set's type (first link wins, as in MemMachine): its templates apply to the set.
CREATE TABLE semantic_set_set_type (
    org_id      VARCHAR(128) NOT NULL,
    project_id  VARCHAR(128) NOT NULL,
    set_id      VARCHAR(512) NOT NULL,
    set_type_id BIGINT       NOT NULL REFERENCES semantic_set_type (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, project_id, set_id),
    FOREIGN KEY (org_id, project_id, set_id) REFERENCES semantic_set (org_id, project_id, set_id) ON DELETE CASCADE
);

CREATE INDEX semantic_set_set_type_type ON semantic_set_set_type (set_type_id);

CREATE TABLE semantic_disabled_category (
    org_id        VARCHAR(128) NOT NULL,
    project_id    VARCHAR(128) NOT NULL,
    set_id        VARCHAR(512) NOT NULL,
    category_name VARCHAR(200) NOT NULL,
    PRIMARY KEY (org_id, project_id, set_id, category_name),
    FOREIGN KEY (org_id, project_id, set_id) REFERENCES semantic_set (org_id, project_id, set_id) ON DELETE CASCADE
);

-- A category is owned by one set or (a template) by one set type, never both.
CREATE TABLE semantic_category (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      VARCHAR(128)   NOT NULL,
    project_id  VARCHAR(128)   NOT NULL,
    set_id      VARCHAR(512),
    set_type_id BIGINT REFERENCES semantic_set_type (id) ON DELETE CASCADE,
    name        VARCHAR(200)   NOT NULL,
    prompt      VARCHAR(16000) NOT NULL,
    description VARCHAR(2000),
    CONSTRAINT semantic_category_owner CHECK ((set_id IS NULL) <> (set_type_id IS NULL)),
    CONSTRAINT semantic_category_set_name UNIQUE (org_id, project_id, set_id, name),
    CONSTRAINT semantic_category_type_name UNIQUE (set_type_id, name),
    FOREIGN KEY (org_id, project_id, set_id) REFERENCES semantic_set (org_id, project_id, set_id) ON DELETE CASCADE
);

CREATE INDEX semantic_category_scope ON semantic_category (org_id, project_id, id);

CREATE TABLE semantic_tag (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_id BIGINT        NOT NULL REFERENCES semantic_category (id) ON DELETE CASCADE,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000) NOT NULL,
    CONSTRAINT semantic_tag_name UNIQUE (category_id, name)
);

-- Deleting a category deletes its facts: they are found by scope, set and category name.
CREATE INDEX facts_scope_set_category ON facts (org_id, project_id, set_id, category);
