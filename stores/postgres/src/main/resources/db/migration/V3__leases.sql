-- Leases let several collector processes share one store: a dataset is worked on by the process holding
-- its lease; a lease not renewed before expires_at lapses, and another process takes it over.
CREATE TABLE pmp.leases (
    name       text        PRIMARY KEY,
    holder     text        NOT NULL,
    expires_at timestamptz NOT NULL
);
