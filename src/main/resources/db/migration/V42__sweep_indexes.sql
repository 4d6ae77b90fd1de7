-- Indexes for the SLA and alert sweeps, which run every minute over the open tasks.

-- First-contact deadlines not yet marked as breached, by deadline.
create index task_sla_unmarked_idx on task (sla_deadline_at)
    where sla_breached_at is null and sla_deadline_at is not null;
-- Breaches that the alert sweep escalates.
create index task_sla_breached_idx on task (sla_breached_at) where sla_breached_at is not null;
-- Open tasks by due time: callbacks due soon, overdue tasks.
create index task_open_due_idx on task (due_at, type) where state = 'OPEN';
-- Open leads by attempt count: the end-of-attempts sweep looks only at leads with at least the
-- smallest maximum of any policy.
create index lead_open_attempts_idx on lead (attempt_count) where closed_at is null;
