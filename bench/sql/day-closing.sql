-- The day-closing sweep (io.cupboard.workday.DayClosingJob.close) as one statement. It finds the
-- agents with open tasks due by the end of the day who did not close it clean, and records their
-- day as closed by the system, as it does the day of any other agent who opened it and did not
-- close it. It carries those tasks to the next opening, one spacing apart per
-- agent, and appends a TASK_CARRIED entry for each. The row count is the number of tasks carried.
with agents as (
    select distinct t.owner_id as id
    from task t
    join app_user u on u.id = t.owner_id and u.role = 'AGENT'
    where t.state = 'OPEN' and t.due_at < cast(:'day_end' as timestamptz)
      and not exists (select 1 from work_day w
                      where w.agent_id = t.owner_id and w.work_date = cast(:'day' as date) and w.closed_clean)
), recorded as (
    insert into work_day (agent_id, work_date, closed_at, closed_clean, closed_by_system, tasks_carried)
    select a.id, cast(:'day' as date), cast(:'now' as timestamptz), false, true,
           (select count(*) from task t where t.owner_id = a.id and t.state = 'OPEN' and t.due_at < cast(:'day_end' as timestamptz))
    from agents a
    on conflict (agent_id, work_date) do update
    set closed_at = excluded.closed_at, closed_by_system = true,
        tasks_carried = work_day.tasks_carried + excluded.tasks_carried
    where not work_day.closed_clean
    returning 1
), opened as (
    update work_day set closed_at = cast(:'now' as timestamptz), closed_by_system = true
    where work_date = cast(:'day' as date) and opened_at is not null and closed_at is null
      and agent_id <> all(array(select id from agents))
    returning 1
), due as (
    select t.id, t.lead_id, t.due_at,
           row_number() over (partition by t.owner_id order by t.due_at, t.id) - 1 as position
    from task t
    where t.state = 'OPEN' and t.owner_id = any(array(select id from agents)) and t.due_at < cast(:'day_end' as timestamptz)
),
-- The tasks are found by id and owner (= any(array(...))). Joined to the sets alone, the planner
-- read every open task, and the statement took twice the job's time with nothing to carry.
moved as (
    update task t
    set due_at = cast(:'first_slot' as timestamptz) + due.position * make_interval(secs => cast(:spacing_seconds as double precision)),
        original_due_at = coalesce(t.original_due_at, t.due_at),
        carried_count = t.carried_count + 1,
        carry_reason = cast(:'reason' as text),
        version = t.version + 1
    from due
    where t.id = any(array(select id from due)) and t.id = due.id
    returning t.lead_id, due.due_at as previous_due, t.due_at as new_due
)
insert into activity (lead_id, kind, actor_id, created_at, details)
select lead_id, 'TASK_CARRIED', null, cast(:'now' as timestamptz),
       jsonb_build_object('from', previous_due, 'to', new_due, 'reason', cast(:'reason' as text))
from moved;
