-- An alert to a lead's owner when the same person inquires again while the lead is open.

alter table alert drop constraint alert_kind_valid;
alter table alert add constraint alert_kind_valid check (kind in ('NEW_LEAD', 'CALLBACK_DUE', 'TASK_OVERDUE',
    'TASK_OVERDUE_ESCALATED', 'SLA_BREACHED', 'CALLBACK_IN_POOL', 'NEW_INQUIRY'));
