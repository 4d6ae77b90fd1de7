-- Undoes api-cleanup-arm.sql and the job or statement that followed it: the benchmark key's rows
-- and the key are deleted, and the expired rows saved before arming are put back.
delete from intake_idempotency where api_key_id in (select id from intake_api_key where key_prefix = 'cbk_benchsweep');

delete from intake_rate_window where api_key_id in (select id from intake_api_key where key_prefix = 'cbk_benchsweep');

delete from intake_api_key where key_prefix = 'cbk_benchsweep';

insert into intake_idempotency select * from bench_saved_idempotency on conflict do nothing;

insert into intake_rate_window select * from bench_saved_rate_window on conflict do nothing;

drop table bench_saved_idempotency;

drop table bench_saved_rate_window;
