-- The SLA sweep's first-contact breach marking (io.cupboard.sla.SlaSweep.markBreaches) as one
-- statement: first-contact tasks whose deadline passed within the look-back with the lead not
-- contacted (the task still open, or completed late) get the deadline as their breach mark and a
-- SYSTEM entry on the timeline. The row count is the number of tasks marked.
with breached as (
    update task t
    set sla_breached_at = t.sla_deadline_at
    where t.type = 'FIRST_CONTACT'
      and t.sla_breached_at is null
      and t.sla_deadline_at between cast(:'since' as timestamptz) and cast(:'now' as timestamptz)
      and (t.state = 'OPEN' or t.completed_at > t.sla_deadline_at)
    returning t.id, t.lead_id, t.owner_id, t.sla_deadline_at
)
insert into activity (lead_id, kind, actor_id, created_at, details)
select b.lead_id, 'SYSTEM', null, cast(:'now' as timestamptz),
       jsonb_build_object('event', 'SLA_BREACHED', 'taskId', b.id, 'ownerId', b.owner_id, 'deadline', b.sla_deadline_at)
from breached b;
