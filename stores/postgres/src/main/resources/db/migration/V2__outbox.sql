-- The event outbox: notifications wait here until a notifier (Kafka, webhook) has delivered them, so an
-- outage of the receiver neither blocks collection nor loses events. Delivered events are deleted.
CREATE TABLE pmp.outbox (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type       text        NOT NULL,
    dataset_id text        NOT NULL,
    at_utc     timestamptz NOT NULL,
    payload    text        NOT NULL
);
