-- With several hub instances, each outbox row is claimed by one relay before it is published, so that a
-- delivery is normally put on the broker once; a claim not followed by publication (its instance died) goes
-- stale and another relay takes the row over.
ALTER TABLE delivery ADD COLUMN outbox_claimed_at TIMESTAMP WITH TIME ZONE;
