-- The alert sweep (io.cupboard.alert.AlertSweep.sweep) as one statement: it withdraws the open
-- alerts whose task was done, moved or rescheduled, and raises every kind of alert that the sweep
-- raises, each with the same conditions. The unique index alert_once skips alerts raised before.
-- The row count is the number of alerts raised.
with resolved as (
    update alert a set resolved_at = cast(:'now' as timestamptz)
    from task t
    where t.id = a.task_id
      and a.resolved_at is null and a.dismissed_at is null and a.kind <> 'SLA_BREACHED'
      and (t.state <> 'OPEN'
           or (a.audience = 'AGENT' and t.owner_id is distinct from a.recipient_id)
           or (a.kind = 'CALLBACK_IN_POOL' and t.owner_id is not null)
           or (a.kind in ('CALLBACK_DUE', 'TASK_OVERDUE', 'TASK_OVERDUE_ESCALATED', 'CALLBACK_IN_POOL')
               and t.due_at <> a.due_at))
)
insert into alert (kind, audience, recipient_id, team_id, lead_id, task_id, agent_id, due_at, created_at)
select 'NEW_LEAD', 'AGENT', t.owner_id, t.team_id, t.lead_id, t.id, t.owner_id, coalesce(t.sla_deadline_at, t.due_at),
       cast(:'now' as timestamptz)
from task t
join lead l on l.id = t.lead_id
where t.state = 'OPEN' and t.type = 'FIRST_CONTACT' and t.owner_id is not null
  and l.assigned_at >= cast(:'since' as timestamptz)
  and not exists (select 1 from alert a where a.kind = 'NEW_LEAD' and a.task_id = t.id and a.recipient_id = t.owner_id)
union all
select 'CALLBACK_DUE', 'AGENT', t.owner_id, t.team_id, t.lead_id, t.id, t.owner_id, t.due_at, cast(:'now' as timestamptz)
from task t
where t.state = 'OPEN' and t.type = 'CALLBACK' and t.owner_id is not null
  and t.due_at > cast(:'window_start' as timestamptz) and t.due_at <= cast(:'window_end' as timestamptz)
union all
select 'TASK_OVERDUE', 'AGENT', t.owner_id, t.team_id, t.lead_id, t.id, t.owner_id, t.due_at, cast(:'now' as timestamptz)
from task t
where t.state = 'OPEN' and t.type <> 'FIRST_CONTACT' and t.owner_id is not null
  and t.due_at <= cast(:'agent_cutoff' as timestamptz) and t.due_at >= cast(:'since' as timestamptz)
union all
select 'TASK_OVERDUE_ESCALATED', 'TEAM_LEAD', null, t.team_id, t.lead_id, t.id, t.owner_id, t.due_at, cast(:'now' as timestamptz)
from task t
where t.state = 'OPEN' and t.type <> 'FIRST_CONTACT' and t.team_id is not null
  and t.due_at <= cast(:'team_lead_cutoff' as timestamptz) and t.due_at >= cast(:'since' as timestamptz)
union all
select 'SLA_BREACHED', 'TEAM_LEAD', null, t.team_id, t.lead_id, t.id, t.owner_id, t.sla_deadline_at, cast(:'now' as timestamptz)
from task t
where t.sla_breached_at >= cast(:'since' as timestamptz) and t.team_id is not null
union all
select 'CALLBACK_IN_POOL', 'TEAM_LEAD', null, t.team_id, t.lead_id, t.id, null, t.due_at, cast(:'now' as timestamptz)
from task t
where t.state = 'OPEN' and t.type = 'CALLBACK' and t.owner_id is null and t.team_id is not null
  and t.due_at >= cast(:'since' as timestamptz)
on conflict do nothing;
