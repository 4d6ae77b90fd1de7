-- The intake API cleanup (io.cupboard.intake.api.ApiRecordCleanup) as one statement: it deletes
-- the idempotency records created before :expired_before and the request counts of minutes before
-- :window_before. The row count is the number of idempotency records deleted.
with expired_windows as (
    delete from intake_rate_window where window_start < cast(:'window_before' as timestamptz)
)
delete from intake_idempotency where created_at < cast(:'expired_before' as timestamptz);
