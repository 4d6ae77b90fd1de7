-- Arms the SLA sweep's first-contact breach marking. :armed first-contact tasks, chosen by a hash
-- of their ids, get an SLA deadline an hour before :now and no breach mark. Those already
-- completed count as completed half an hour before :now, so the sweep marks them all as breached.
-- Open ones alone would be too few, because only leads still in status NEW have one. It saves, to
-- restore them, every row that one of the sweep's four transitions may change: those tasks, the
-- first-contact tasks whose deadline passed since :since with no mark, and the leads and tasks of
-- exhausted retries and of owned open callbacks. Timeline entries stay, because activity rows are
-- append-only.
create table bench_armed_task (
    id              bigint primary key,
    state           varchar(20) not null,
    owner_id        bigint,
    team_id         bigint,
    due_at          timestamptz not null,
    completed_at    timestamptz,
    sla_deadline_at timestamptz,
    sla_breached_at timestamptz,
    version         integer     not null,
    armed           boolean     not null
);

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
    version                    integer
);

insert into bench_armed_task
select t.id, t.state, t.owner_id, t.team_id, t.due_at, t.completed_at, t.sla_deadline_at, t.sla_breached_at, t.version, true
from task t
where t.type = 'FIRST_CONTACT'
order by hashint8(t.id), t.id
limit :armed;

insert into bench_armed_task
select t.id, t.state, t.owner_id, t.team_id, t.due_at, t.completed_at, t.sla_deadline_at, t.sla_breached_at, t.version, false
from task t
where t.type = 'FIRST_CONTACT' and t.sla_breached_at is null
  and t.sla_deadline_at between cast(:'since' as timestamptz) and cast(:'now' as timestamptz)
  and not exists (select 1 from bench_armed_task a where a.id = t.id);

-- Retries of leads whose attempts may be exhausted, and owned callbacks due by the end of today.
insert into bench_armed_task
select t.id, t.state, t.owner_id, t.team_id, t.due_at, t.completed_at, t.sla_deadline_at, t.sla_breached_at, t.version, false
from task t
join lead l on l.id = t.lead_id
where t.state = 'OPEN' and l.closed_at is null
  and ((t.type = 'RETRY' and l.attempt_count >= (select min(max_attempts) from contact_policy))
       or (t.type = 'CALLBACK' and t.owner_id is not null and t.due_at < cast(:'now' as timestamptz) + interval '1 day'))
  and not exists (select 1 from bench_armed_task a where a.id = t.id);

insert into bench_armed_lead
select l.id, l.status_id, l.owner_id, l.team_id, l.assigned_at, l.attempt_count, l.wave, l.closed_at, l.last_activity_at,
       l.disqualification_reason_id, l.version
from bench_armed_task a
join task t on t.id = a.id and t.type in ('RETRY', 'CALLBACK')
join lead l on l.id = t.lead_id;

update task t set sla_deadline_at = cast(:'now' as timestamptz) - interval '1 hour', sla_breached_at = null,
                  completed_at = case when t.completed_at is not null then cast(:'now' as timestamptz) - interval '30 minutes' end
from bench_armed_task a where a.id = t.id and a.armed;
