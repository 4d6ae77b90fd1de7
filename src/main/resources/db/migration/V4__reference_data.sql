-- Default statuses, disqualification reasons and the status each call outcome leads to, as an
-- Israeli sales center starts with them. The admin renames, reorders and extends them later.

insert into lead_status (code, name_he, name_en, category, task_type, default_delay_minutes, priority_rank, sort_order) values
    ('NEW',          'חדש',            'New',             'OPEN',         'FIRST_CONTACT', 0,    10, 10),
    ('ATTEMPTING',   'ניסיון התקשרות', 'Contact attempt', 'OPEN',         'RETRY',         30,   30, 20),
    ('CALLBACK',     'שיחה חוזרת',     'Callback',        'OPEN',         'CALLBACK',      0,    20, 30),
    ('FOLLOW_UP',    'פולו-אפ',        'Follow-up',       'OPEN',         'FOLLOW_UP',     1440, 40, 40),
    ('WON',          'נסגרה עסקה',     'Sale closed',     'WON',          null,            0,    90, 50),
    ('NOT_RELEVANT', 'לא רלוונטי',     'Not relevant',    'DISQUALIFIED', null,            0,    90, 60),
    ('UNREACHABLE',  'לא ניתן להשגה',  'Unreachable',     'LOST',         null,            0,    90, 70);

insert into disqualification_reason (code, name_he, name_en, sort_order) values
    ('NOT_INTERESTED',       'לא מעוניין',              'Not interested',            10),
    ('PRICE',                'מחיר',                    'Price',                     20),
    ('ALREADY_CUSTOMER',     'כבר לקוח',                'Already a customer',        30),
    ('DUPLICATE',            'ליד כפול',                'Duplicate lead',            40),
    ('WRONG_NUMBER',         'מספר שגוי',               'Wrong number',              50),
    ('DID_NOT_LEAVE_DETAILS','לא השאיר פרטים',          'Did not leave details',     60),
    ('DO_NOT_CALL',          'ביקש לא להתקשר',          'Asked not to be called',    70),
    ('OUT_OF_SERVICE_AREA',  'מחוץ לאזור שירות',        'Outside the service area',  80),
    ('NO_CONTACT',           'לא נוצר קשר אחרי כל הניסיונות', 'No contact after all attempts', 90);

-- Which status each call outcome moves a lead to, and for closing outcomes with a fixed cause,
-- which disqualification reason it records.
create table outcome_setting (
    outcome   varchar(30) primary key,
    status_id bigint      not null,
    reason_id bigint,
    version   integer     not null default 0,
    constraint outcome_setting_outcome_valid check (outcome in
        ('NO_ANSWER', 'BUSY', 'CALLBACK', 'FOLLOW_UP', 'SALE', 'NOT_RELEVANT', 'WRONG_NUMBER', 'DO_NOT_CALL')),
    constraint outcome_setting_status_fk foreign key (status_id) references lead_status (id),
    constraint outcome_setting_reason_fk foreign key (reason_id) references disqualification_reason (id)
);

create index outcome_setting_status_idx on outcome_setting (status_id);
create index outcome_setting_reason_idx on outcome_setting (reason_id);

insert into outcome_setting (outcome, status_id, reason_id)
select o.outcome, s.id, r.id
from (values ('NO_ANSWER', 'ATTEMPTING', null),
             ('BUSY', 'ATTEMPTING', null),
             ('CALLBACK', 'CALLBACK', null),
             ('FOLLOW_UP', 'FOLLOW_UP', null),
             ('SALE', 'WON', null),
             ('NOT_RELEVANT', 'NOT_RELEVANT', null),
             ('WRONG_NUMBER', 'NOT_RELEVANT', 'WRONG_NUMBER'),
             ('DO_NOT_CALL', 'NOT_RELEVANT', 'DO_NOT_CALL')) as o (outcome, status_code, reason_code)
join lead_status s on s.code = o.status_code
left join disqualification_reason r on r.code = o.reason_code;

-- Numbers that must not be dialled: asked by the person, or wrong numbers reported by agents.
create table do_not_call (
    phone_e164 varchar(20) primary key,
    reason     varchar(30) not null,
    added_at   timestamptz not null,
    added_by   bigint,
    constraint do_not_call_reason_valid check (reason in ('REQUESTED', 'WRONG_NUMBER', 'IMPORTED')),
    constraint do_not_call_added_by_fk foreign key (added_by) references app_user (id)
);

create index do_not_call_added_by_idx on do_not_call (added_by);
