-- Follow-up counting and protection of the statuses the lifecycle engine relies on.

alter table lead add column follow_up_count integer not null default 0;
alter table lead add constraint lead_follow_ups_non_negative check (follow_up_count >= 0);

-- Statuses the engine assigns by code (new leads, unreachable leads and the default outcome
-- targets) may be renamed and reordered, but not deactivated or deleted.
alter table lead_status add column system_status boolean not null default false;
update lead_status set system_status = true where code in ('NEW', 'ATTEMPTING', 'CALLBACK', 'FOLLOW_UP', 'WON', 'NOT_RELEVANT', 'UNREACHABLE');

alter table disqualification_reason add column system_reason boolean not null default false;
update disqualification_reason set system_reason = true where code in ('WRONG_NUMBER', 'DO_NOT_CALL', 'NO_CONTACT');
