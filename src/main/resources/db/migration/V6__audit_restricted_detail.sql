-- Failure causes (SMTP replies, host names, webhook URLs) and operators' discard reasons are for operations only
-- (SPEC §9), so an audit entry keeps them apart from the detail everyone who may read the notification sees.
-- Entries written before this migration keep their cause inside detail: the hub shows their FAILED, DEAD_LETTERED
-- and DISCARDED details to operations only.
--
-- Notifications stored before hub.authorities existed need no change: their PARTNERSHIP recipient and deliveries
-- are resolved at delivery time to the partnership of the notification's own local_authority.
ALTER TABLE audit_event ADD COLUMN restricted_detail VARCHAR(2000);
