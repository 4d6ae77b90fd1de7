-- Arms the day-closing sweep. :armed open tasks of agents, chosen by a hash of their ids, become
-- due ten days ago, and every agent's days from two weeks ago to yesterday count as not closed
-- clean. So whichever day the business calendar names as the last working day, the job carries
-- those tasks, plus any open task already due before today (a benchmark run can leave some, such
-- as pool leads claimed just before a load run ended). day-closing-restore.sql puts back
-- everything the sweep may change, from the copies saved here.
create table bench_armed_task (
    id              bigint primary key,
    due_at          timestamptz not null,
    version         integer     not null,
    carried_count   integer     not null,
    carry_reason    varchar(500),
    original_due_at timestamptz,
    armed           boolean     not null
);

create table bench_armed_day (like work_day);

insert into bench_armed_task (id, due_at, version, carried_count, carry_reason, original_due_at, armed)
select t.id, t.due_at, t.version, t.carried_count, t.carry_reason, t.original_due_at, true
from task t
join app_user u on u.id = t.owner_id and u.role = 'AGENT'
where t.state = 'OPEN' and t.due_at >= cast(:'today_start' as timestamptz)
order by hashint8(t.id), t.id
limit :armed;

insert into bench_armed_task (id, due_at, version, carried_count, carry_reason, original_due_at, armed)
select t.id, t.due_at, t.version, t.carried_count, t.carry_reason, t.original_due_at, false
from task t
join app_user u on u.id = t.owner_id and u.role = 'AGENT'
where t.state = 'OPEN' and t.due_at < cast(:'today_start' as timestamptz);

update task t set due_at = cast(:'ten_days_ago' as timestamptz)
from bench_armed_task a where a.id = t.id and a.armed;

insert into bench_armed_day select * from work_day
where work_date >= cast(:'window_from' as date) and work_date < cast(:'today' as date);

update work_day set closed_clean = false
where work_date >= cast(:'window_from' as date) and work_date < cast(:'today' as date) and closed_clean;
