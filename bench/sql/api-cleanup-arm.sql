-- Arms the intake API cleanup (io.cupboard.intake.api.ApiRecordCleanup) with a benchmark API key
-- of the source 'facebook'. The key gets a day of API traffic that stays. That is an idempotency
-- record for each lead created from ten minutes after :expired_before, so that the job's later
-- clock keeps them too, and a request count for each of the last 59 minutes. The key also gets
-- :armed idempotency records created an hour before :expired_before, which have expired. Expired
-- rows already in the tables are saved, so that the restore can put back what was deleted.
create table bench_saved_idempotency as
select * from intake_idempotency where created_at < cast(:'expired_before' as timestamptz);

create table bench_saved_rate_window as
select * from intake_rate_window where window_start < cast(:'window_before' as timestamptz);

insert into intake_api_key (source_id, key_prefix, key_hash, created_at)
select id, 'cbk_benchsweep', repeat('0', 64), cast(:'now' as timestamptz) from intake_source where code = 'facebook';

insert into intake_idempotency (api_key_id, idempotency_key, request_hash, response_status, response_body, created_at)
select k.id, 'lead-' || l.id, md5(l.id::text) || md5(l.id::text), 201,
       jsonb_build_object('leadId', l.id, 'fate', 'IMPORTED', 'status', 'NEW')::text, l.created_at
from lead l cross join intake_api_key k
where k.key_prefix = 'cbk_benchsweep'
  and l.created_at >= cast(:'expired_before' as timestamptz) + interval '10 minutes';

insert into intake_idempotency (api_key_id, idempotency_key, request_hash, response_status, response_body, created_at)
select k.id, 'expired-' || n, md5(n::text) || md5(n::text), 201,
       jsonb_build_object('leadId', n, 'fate', 'IMPORTED', 'status', 'NEW')::text,
       cast(:'expired_before' as timestamptz) - interval '1 hour' + n * interval '1 millisecond'
from intake_api_key k cross join generate_series(1, :armed) as n
where k.key_prefix = 'cbk_benchsweep';

insert into intake_rate_window (api_key_id, window_start, request_count)
select k.id, date_trunc('minute', cast(:'now' as timestamptz)) - minute * interval '1 minute', 2
from intake_api_key k cross join generate_series(0, 58) as minute
where k.key_prefix = 'cbk_benchsweep';
