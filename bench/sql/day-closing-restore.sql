-- Undoes day-closing-arm.sql and the sweep that followed it: the armed tasks get their saved due
-- times and carry counters back, and the work days of the window their saved rows. The timeline
-- entries of the sweep stay, because activity rows are append-only.
update task t set due_at = a.due_at, version = a.version, carried_count = a.carried_count,
                  carry_reason = a.carry_reason, original_due_at = a.original_due_at
from bench_armed_task a where a.id = t.id;

delete from work_day where work_date >= cast(:'window_from' as date) and work_date < cast(:'today' as date);

insert into work_day overriding system value select * from bench_armed_day;

drop table bench_armed_task;

drop table bench_armed_day;
