-- Undoes sla-arm.sql and the sweep that followed it: the saved tasks and leads get their saved
-- columns back. The timeline entries of the sweep stay, because activity rows are append-only.
update task t set state = a.state, owner_id = a.owner_id, team_id = a.team_id, due_at = a.due_at,
                  completed_at = a.completed_at, sla_deadline_at = a.sla_deadline_at,
                  sla_breached_at = a.sla_breached_at, version = a.version
from bench_armed_task a where a.id = t.id;

update lead l set status_id = a.status_id, owner_id = a.owner_id, team_id = a.team_id, assigned_at = a.assigned_at,
                  attempt_count = a.attempt_count, wave = a.wave, closed_at = a.closed_at,
                  last_activity_at = a.last_activity_at, disqualification_reason_id = a.disqualification_reason_id,
                  version = a.version
from bench_armed_lead a where a.id = l.id;

drop table bench_armed_task;

drop table bench_armed_lead;
