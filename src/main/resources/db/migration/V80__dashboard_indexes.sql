-- Indexes for the dashboards' aggregates: first-contact tasks per agent over time (SLA
-- compliance and time to first contact), and callbacks per agent per day (missed callbacks).

create index task_first_contact_owner_created_idx on task (owner_id, created_at) where type = 'FIRST_CONTACT';
create index task_callback_owner_due_idx on task (owner_id, due_at) where type = 'CALLBACK';
create index task_first_contact_created_idx on task (created_at) where type = 'FIRST_CONTACT';
create index activity_call_time_idx on activity (created_at, actor_id) where kind = 'CALL';
