-- Episodes waiting for profile-fact extraction, per profile set. A row is deleted once its
-- episode was extracted; a batch that failed for good keeps its rows with status 'failed', its
-- error and when, until it is retried. Rows carry their scope, like every table here.
CREATE TABLE extraction_queue (
    org_id      VARCHAR(128) NOT NULL,
    project_id  VARCHAR(128) NOT NULL,
    set_id      VARCHAR(512) NOT NULL,
    producer    VARCHAR(256),
    episode_uid BIGINT       NOT NULL,
    queued_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('pending', 'failed')),
    error       CHARACTER VARYING,
    failed_at   TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (org_id, project_id, set_id, episode_uid)
);

CREATE INDEX extraction_queue_status ON extraction_queue (status, org_id, project_id, set_id, queued_at);

-- The last extraction run of each project.
CREATE TABLE extraction_run (
    org_id     VARCHAR(128) NOT NULL,
    project_id VARCHAR(128) NOT NULL,
    run_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    error      CHARACTER VARYING,
    PRIMARY KEY (org_id, project_id)
);
