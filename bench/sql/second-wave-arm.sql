-- Arms the second wave's untouched-lead transition. :armed open leads of agents that nobody called
-- since :assigned_at, chosen by a hash of their ids, count as assigned at :assigned_at with their
-- open task due then, which is past the untouched threshold, so the job moves them to their next
-- wave in a team pool, or closes them in their last wave. Every agent's daily capacity is 0 while
-- armed, so the job's pool drain finds no agent with room, because otherwise it would allocate the
-- generated pools, which neither the statement nor a restore can undo. The leads and tasks that the
-- job may change (the armed ones and those already untouched) and the capacities are saved.
create table bench_armed_lead (
    id                         bigint primary key,
    status_id                  bigint,
    owner_id                   bigint,
    team_id                    bigint,
    assigned_at                timestamptz,
    attempt_count              integer,
    wave                       integer,
    closed_at                  timestamptz,
    last_activity_at           timestamptz,
    disqualification_reason_id bigint,
    version                    integer,
    armed                      boolean not null
);

create table bench_armed_task as
select id, lead_id, state, owner_id, team_id, due_at, completed_at, version from task where false;

create table bench_armed_user as select id, daily_capacity from app_user where role = 'AGENT';

insert into bench_armed_lead
select l.id, l.status_id, l.owner_id, l.team_id, l.assigned_at, l.attempt_count, l.wave, l.closed_at, l.last_activity_at,
       l.disqualification_reason_id, l.version, true
from lead l
join app_user u on u.id = l.owner_id and u.role = 'AGENT'
where l.closed_at is null
  and not exists (select 1 from activity a
                  where a.lead_id = l.id and a.kind = 'CALL' and a.created_at >= cast(:'assigned_at' as timestamptz))
order by hashint8(l.id), l.id
limit :armed;

insert into bench_armed_lead
select l.id, l.status_id, l.owner_id, l.team_id, l.assigned_at, l.attempt_count, l.wave, l.closed_at, l.last_activity_at,
       l.disqualification_reason_id, l.version, false
from lead l
where l.closed_at is null and l.owner_id is not null and l.assigned_at <= cast(:'saved_before' as timestamptz)
  and exists (select 1 from task t where t.lead_id = l.id and t.state = 'OPEN' and t.due_at <= cast(:'saved_before' as timestamptz))
  and not exists (select 1 from bench_armed_lead a where a.id = l.id);

insert into bench_armed_task
select t.id, t.lead_id, t.state, t.owner_id, t.team_id, t.due_at, t.completed_at, t.version
from task t join bench_armed_lead a on a.id = t.lead_id
where t.state = 'OPEN';

update lead l set assigned_at = cast(:'assigned_at' as timestamptz)
from bench_armed_lead a where a.id = l.id and a.armed;

update task t set due_at = cast(:'assigned_at' as timestamptz)
from bench_armed_task s join bench_armed_lead a on a.id = s.lead_id and a.armed
where t.id = s.id;

update app_user set daily_capacity = 0 where role = 'AGENT';
