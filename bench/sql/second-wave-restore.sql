-- Undoes second-wave-arm.sql and the job or statement that followed it: the saved leads, tasks and
-- capacities get their saved columns back. The timeline entries stay, because activity rows are
-- append-only.
update lead l set status_id = a.status_id, owner_id = a.owner_id, team_id = a.team_id, assigned_at = a.assigned_at,
                  attempt_count = a.attempt_count, wave = a.wave, closed_at = a.closed_at,
                  last_activity_at = a.last_activity_at, disqualification_reason_id = a.disqualification_reason_id,
                  version = a.version
from bench_armed_lead a where a.id = l.id;

update task t set state = a.state, owner_id = a.owner_id, team_id = a.team_id, due_at = a.due_at,
                  completed_at = a.completed_at, version = a.version
from bench_armed_task a where a.id = t.id;

update app_user u set daily_capacity = a.daily_capacity from bench_armed_user a where a.id = u.id;

drop table bench_armed_lead;

drop table bench_armed_task;

drop table bench_armed_user;
