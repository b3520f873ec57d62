-- Acknowledgement is per recipient: the first time counts, whichever channel it came by.
ALTER TABLE notification_recipient ADD COLUMN acknowledged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification_recipient ADD COLUMN acknowledged_by VARCHAR(100);

ALTER TABLE notification ADD COLUMN rapid_review_decision VARCHAR(10);
ALTER TABLE notification ADD COLUMN rapid_review_decided_on DATE;
ALTER TABLE notification ADD COLUMN published_on DATE;

-- One row per rung of a clock's escalation ladder. The row is the lock that makes a rung fire once however
-- many hub instances run: SCHEDULED -> DUE (claimed by one scheduler) -> FIRED (by one consumer), or SKIPPED
-- (a higher rung was already due) or CANCELLED (the clock was met).
CREATE TABLE escalation (
    notification_id   VARCHAR(36)  NOT NULL REFERENCES notification (id),
    clock             VARCHAR(30)  NOT NULL,
    rung              VARCHAR(20)  NOT NULL,
    due_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    state             VARCHAR(20)  NOT NULL,
    recipients        VARCHAR(2000) NOT NULL,
    attempts          INTEGER      NOT NULL DEFAULT 0,
    last_error        VARCHAR(1000),
    claimed_at        TIMESTAMP WITH TIME ZONE,
    published_at      TIMESTAMP WITH TIME ZONE,
    fired_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (notification_id, clock, rung)
);
CREATE INDEX ix_escalation_due ON escalation (state, due_at);
CREATE INDEX ix_clock_running ON statutory_clock (state, deadline);
