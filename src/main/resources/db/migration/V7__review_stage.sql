-- The review stage (SPEC §11). A delivery now has a kind: the notification itself, or a later step of the review
-- stage delivered through the same outbox, broker, retries, acknowledgement link and dead-letter path. Every
-- delivery stored before this migration is of a notification.
ALTER TABLE delivery ADD COLUMN kind VARCHAR(30) DEFAULT 'NOTIFICATION' NOT NULL;
ALTER TABLE delivery DROP CONSTRAINT uq_delivery_channel;
ALTER TABLE delivery ADD CONSTRAINT uq_delivery_kind_channel UNIQUE (notification_id, kind, recipient, channel);

-- the National Panel's response to the rapid review, recorded once
ALTER TABLE notification ADD COLUMN panel_responded_on DATE;
ALTER TABLE notification ADD COLUMN panel_concurs BOOLEAN;
ALTER TABLE notification ADD COLUMN panel_comment VARCHAR(2000);

-- the notice to the Panel and the Secretary of State of the LCSPR's planned publication, given once
ALTER TABLE notification ADD COLUMN publication_planned_on DATE;
ALTER TABLE notification ADD COLUMN publication_notice_given_on DATE;
ALTER TABLE notification ADD COLUMN publication_notice_late BOOLEAN;

-- Publication held back by criminal or coroner's proceedings: while an embargo is open (lifted_on IS NULL) the
-- LCSPR_PUBLICATION clock is PAUSED; lifting it moves the deadline on by the calendar days paused.
CREATE TABLE publication_embargo (
    notification_id   VARCHAR(36)  NOT NULL REFERENCES notification (id),
    since             DATE         NOT NULL,
    reason            VARCHAR(30)  NOT NULL,
    detail            VARCHAR(2000),
    lifted_on         DATE,
    recorded_by       VARCHAR(100) NOT NULL,
    PRIMARY KEY (notification_id, since)
);

-- the statutory report groups one authority's notifications by the financial year of aware_on
CREATE INDEX ix_notification_authority_aware ON notification (local_authority, aware_on);
