-- Undoes alerts-arm.sql and the sweep that followed it: the armed tasks get their due times back,
-- the alerts raised since :armed_at are deleted, and those resolved since then are open again.
update task t set due_at = a.due_at, version = a.version
from bench_armed_task a where a.id = t.id;

delete from alert where created_at >= cast(:'armed_at' as timestamptz);

update alert set resolved_at = null where resolved_at >= cast(:'armed_at' as timestamptz);

drop table bench_armed_task;
