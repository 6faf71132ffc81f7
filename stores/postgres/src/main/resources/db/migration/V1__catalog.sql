-- The catalog of a pmp store: the fetch log and the covered stretches of every dataset.
-- Dataset tables live in one schema per source and are created by PostgresStore.prepare, not here.

CREATE TABLE pmp.fetches (
    line             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fetch_id         text        NOT NULL,
    dataset_id       text        NOT NULL,
    window_start_utc timestamptz NOT NULL,
    window_end_utc   timestamptz NOT NULL,
    url              text        NOT NULL,
    fetched_at_utc   timestamptz NOT NULL,
    http_status      integer     NOT NULL,
    bytes            bigint      NOT NULL,
    sha256           text,
    archive_path     text,
    duration_ms      bigint      NOT NULL,
    rows_inserted    bigint      NOT NULL,
    rows_updated     bigint      NOT NULL,
    rows_unchanged   bigint      NOT NULL,
    failure          text CHECK (failure IN ('TRANSIENT', 'NOT_PUBLISHED', 'BAD_DATA', 'CONFIG')),
    message          text        NOT NULL
);

-- Newest lines of one dataset first (fetches, summary).
CREATE INDEX fetches_newest ON pmp.fetches (dataset_id, line DESC);

-- One row per contiguous covered stretch of a dataset, [start_utc, end_utc); the store keeps them merged.
CREATE TABLE pmp.coverage (
    dataset_id text        NOT NULL,
    start_utc  timestamptz NOT NULL,
    end_utc    timestamptz NOT NULL,
    PRIMARY KEY (dataset_id, start_utc),
    CHECK (end_utc > start_utc)
);
