-- Arms the alert sweep. :armed open tasks of agents other than first contacts and callbacks,
-- chosen by a hash of their ids, fall due at :overdue_at, past the agent's overdue threshold.
-- The sweep then raises a TASK_OVERDUE alert for each, and an escalation when the threshold for
-- team leads has passed as well. The tasks' due times are saved, and alerts-restore.sql
-- deletes the alerts raised from :armed_at on and reopens the alerts resolved since then.
create table bench_armed_task (
    id      bigint primary key,
    due_at  timestamptz not null,
    version integer     not null
);

insert into bench_armed_task
select t.id, t.due_at, t.version
from task t
join app_user u on u.id = t.owner_id and u.role = 'AGENT'
where t.state = 'OPEN' and t.type not in ('FIRST_CONTACT', 'CALLBACK')
order by hashint8(t.id), t.id
limit :armed;

update task t set due_at = cast(:'overdue_at' as timestamptz)
from bench_armed_task a where a.id = t.id;
