-- Short-term memory: the rolling summary of one producer's episodes in one project. Episodes are
-- folded in uid order; folded_through is the uid of the last one folded in, so the episodes not
-- yet in the summary are the producer's episodes with a greater uid (still in the episode store).

CREATE TABLE short_term_summary (
    org_id         VARCHAR(128) NOT NULL,
    project_id     VARCHAR(128) NOT NULL,
    producer       VARCHAR(256) NOT NULL,
    summary        CHARACTER VARYING NOT NULL,
    folded_through BIGINT       NOT NULL CHECK (folded_through >= 0),
    folded_count   BIGINT       NOT NULL CHECK (folded_count >= 0),
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (org_id, project_id, producer)
);

CREATE INDEX short_term_summary_recent ON short_term_summary (org_id, project_id, updated_at);
