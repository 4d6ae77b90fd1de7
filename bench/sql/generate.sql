-- Fills an empty CupBoard database (schema from the application's Flyway migrations) with a call
-- center: teams, agents, leads over two years with their tasks, timelines and work days.
--
-- Variables (psql -v, or substituted by BenchScript in the smoke test):
--   seed         any integer: the same seed, sizes and anchor give the same rows
--   leads        number of leads (about 30% end up open), below 8,000,000 (phones +97252 2000001 …)
--   agents       agents in the regular teams (every 50th one, starting with agent001, has 250 open leads)
--   teams        regular teams; agents are spread evenly over them
--   pool_agents  agents of one extra team that own nothing and pull from its pool (next-lead benchmark)
--   activities   timeline entries per lead on average (at most 18 per lead)
--   anchor       the day the dataset is built for ('YYYY-MM-DD'): today's CUP, work days opened
--   zone         the center's time zone, as in cupboard.time.zone
--   password     the password hash every generated user gets (the DelegatingPasswordEncoder form)
--
-- Every random choice is a hash of a row number and the seed (hashint8extended), not random(),
-- so the result does not depend on the plan, parallel workers or the order of evaluation.

do $$
begin
    if exists (select 1 from lead) or exists (select 1 from app_user) then
        raise exception 'The database already has users or leads; generate into a fresh database'
            using hint = 'bench/generate deletes and recreates its data directory; a test sets its own database name';
    end if;
end
$$;

-- Rows are consistent by construction (the smoke test checks them), so foreign-key triggers are
-- skipped for the bulk inserts, as a restore does. This needs a superuser, as the embedded server's
-- postgres user is.
set session_replication_role = replica;

create table bench_dataset (
    seed        bigint      not null,
    leads       integer     not null,
    agents      integer     not null,
    teams       integer     not null,
    pool_agents integer     not null,
    anchor      date        not null,
    zone        text        not null,
    started_at  timestamptz not null default clock_timestamp(),
    finished_at timestamptz
);

insert into bench_dataset (seed, leads, agents, teams, pool_agents, anchor, zone)
values (:seed, :leads, :agents, :teams, :pool_agents, cast(:'anchor' as date), :'zone');

-- rnd(key, salt): a number in [0, 1) that depends only on the key, the salt and the seed. The seed
-- is written into the body as a literal so that the function stays inlinable.
do $$
begin
    execute format($f$
        create function pg_temp.rnd(k bigint, salt integer) returns double precision
        language sql immutable parallel safe
        as 'select (hashint8extended(k, %s::bigint * 1000 + salt) & 2147483647)::double precision / 2147483648.0'
        $f$, (select seed from bench_dataset));
end
$$;

-- The anchor day's midnight in the center's zone, and the center's "now" for generated rows:
-- 08:00 local on the anchor day (before opening, so every task of the day is still ahead).
create temp table clock as
select (d.anchor::timestamp at time zone d.zone) as day_start,
       ((d.anchor::timestamp + interval '8 hours') at time zone d.zone) as generated_now,
       d.zone
from bench_dataset d;

-- Teams ------------------------------------------------------------------------------------
create temp table bench_team (team_no integer primary key, id bigint not null, pool boolean not null);

with inserted as (
    insert into team (name, average_handling_minutes, created_at)
    select format('צוות %s', lpad(n::text, 3, '0')), 6, c.day_start - interval '800 days'
    from generate_series(1, :teams) as n, clock c
    union all
    select 'צוות מאגר', 6, c.day_start - interval '800 days' from clock c
    returning id, name
)
insert into bench_team (team_no, id, pool)
select coalesce(nullif(substring(name from '\d+$'), '')::integer, :teams + 1), id, name = 'צוות מאגר'
from inserted;

-- Users ------------------------------------------------------------------------------------
-- Agents agent001…, each with an open-lead quota: 250 for every 50th agent, 60–150 for the others.
create temp table bench_agent (
    agent_no integer primary key,
    id       bigint  not null,
    team_no  integer not null,
    quota    integer not null,
    pool     boolean not null
);

with numbered as (
    select n as agent_no, 1 + (n - 1) * :teams / :agents as team_no,
           case when n % 50 = 1 then 250 else 60 + floor(pg_temp.rnd(n, 1) * 91)::integer end as quota,
           false as pool, format('agent%s', lpad(n::text, 3, '0')) as username
    from generate_series(1, :agents) as n
    union all
    select :agents + n, :teams + 1, 0, true, format('pool%s', lpad(n::text, 3, '0'))
    from generate_series(1, :pool_agents) as n
), inserted as (
    insert into app_user (username, password_hash, display_name, role, team_id, daily_capacity, created_at)
    select u.username, :'password',
           (array['נועה', 'יוסי', 'שירה', 'איתי', 'מאיה', 'עומר', 'ליאן', 'דמיטרי', 'תמר', 'אחמד'])[1 + u.agent_no % 10]
               || ' ' || (array['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'דהן', 'אברהם', 'חדד', 'גבאי', 'חורי'])[1 + (u.agent_no / 10) % 10]
               || ' ' || u.agent_no,
           'AGENT', t.id, greatest(200, u.quota + 50), c.day_start - interval '800 days'
    from numbered u
    join bench_team t on t.team_no = u.team_no
    cross join clock c
    returning id, username
)
insert into bench_agent (agent_no, id, team_no, quota, pool)
select u.agent_no, i.id, u.team_no, u.quota, u.pool
from numbered u join inserted i on i.username = u.username;

insert into app_user (username, password_hash, display_name, role, team_id, created_at)
select format('teamlead%s', lpad(t.team_no::text, 3, '0')), :'password', format('ראש צוות %s', t.team_no),
       'TEAM_LEAD', t.id, c.day_start - interval '800 days'
from bench_team t, clock c;

insert into app_user (username, password_hash, display_name, role, team_id, created_at)
select v.username, :'password', v.display_name, v.role, null, c.day_start - interval '800 days'
from (values ('manager', 'מנהלת מוקד', 'MANAGER'), ('admin', 'מנהל מערכת', 'ADMIN')) as v (username, display_name, role),
     clock c;

-- Intake sources -----------------------------------------------------------------------------
-- The sources the generated leads name, all inbound (no do-not-call check), so that the file
-- import of bench/run has an active source to upload to.
insert into intake_source (code, name, direction, created_at)
select v.code, v.name, 'INBOUND', c.day_start - interval '800 days'
from (values ('facebook', 'פייסבוק'), ('google', 'גוגל'), ('website', 'טופס באתר'), ('import', 'קובץ'),
             ('referral', 'המלצות')) as v (code, name),
     clock c;

-- Allocation rules ---------------------------------------------------------------------------
-- The import of bench/run names the campaign below, which a rule sends round robin to the first
-- team, as a center routes a campaign. Its agents are mostly at their cap, so most of the
-- imported leads wait in that team's pool, and the generated leads match no rule.
insert into allocation_rule (name, position, sources, campaigns, team_id, strategy, created_at)
select 'קמפיין ייבוא', 1, '{facebook}', '{campaign-import}', t.id, 'ROUND_ROBIN', c.day_start - interval '800 days'
from bench_team t, clock c
where t.team_no = 1;

-- Leads ------------------------------------------------------------------------------------
-- Leads arrive evenly over the two years before the anchor, lead n after lead n - 1, and the last
-- day's leads arrive this morning. Recent leads are mostly open and older ones less often, about
-- 30% in all.
create temp table bench_status as select code, id from lead_status;
create temp table bench_reason as select code, id from disqualification_reason;

create temp table lead_plan as
select n as id,
       case when c.day_start - arrival < interval '1 day'
            then c.day_start + interval '7 hours' + pg_temp.rnd(n, 2) * interval '1 hour'
            else arrival end as created_at,
       c.day_start - arrival < interval '1 day' as today,
       c.day_start - arrival < interval '1 day'
           or pg_temp.rnd(n, 3) < case when c.day_start - arrival < interval '90 days' then 0.85 else 0.222 end as open
from clock c,
     lateral generate_series(1, :leads) as n,
     lateral (select c.day_start - interval '730 days' + (n - 0.5) / :leads * interval '730 days' as arrival) as a;

-- Open leads in a random order: the first ones fill the agents' quotas, the rest wait in team
-- pools, a tenth of them in the pool team. At least a fifth of the open leads stay in pools, so
-- a small dataset leaves the quotas of the last agents short instead of the pools empty.
create temp table agent_slot as
select row_number() over (order by a.agent_no, s) as slot, a.agent_no
from bench_agent a, lateral generate_series(1, a.quota) as s
where not a.pool;
alter table agent_slot add primary key (slot);

create temp table open_rank as
select p.id, row_number() over (order by pg_temp.rnd(p.id, 4), p.id) as position
from lead_plan p where p.open;
alter table open_rank add primary key (id);

create temp table lead_owner as
select p.id,
       s.agent_no as owner_no,
       case when s.agent_no is not null then (select team_no from bench_agent where agent_no = s.agent_no)
            when pg_temp.rnd(p.id, 5) < 0.1 then :teams + 1
            else 1 + floor(pg_temp.rnd(p.id, 6) * :teams)::integer end as team_no
from lead_plan p
join open_rank r on r.id = p.id
left join agent_slot s on s.slot = r.position and r.position <= 0.8 * (select count(*) from open_rank)
union all
select p.id, 1 + floor(pg_temp.rnd(p.id, 7) * :agents)::integer, null
from lead_plan p where not p.open;
alter table lead_owner add primary key (id);
update lead_owner o set team_no = a.team_no from bench_agent a where o.team_no is null and a.agent_no = o.owner_no;

create temp table lead_row as
select p.id, p.created_at, p.open, p.today,
       o.owner_no, o.team_no,
       case when not p.open then
                case when pg_temp.rnd(p.id, 8) < 0.2 then 'WON' when pg_temp.rnd(p.id, 8) < 0.7 then 'NOT_RELEVANT' else 'UNREACHABLE' end
            when p.today then 'NEW'
            when pg_temp.rnd(p.id, 8) < 0.40 then 'ATTEMPTING'
            when pg_temp.rnd(p.id, 8) < 0.55 then 'CALLBACK'
            else 'FOLLOW_UP' end as status,
       case when pg_temp.rnd(p.id, 9) < 0.80 then 'NEW' when pg_temp.rnd(p.id, 9) < 0.92 then 'RENEWED' else 'FOLLOW_UP' end as type,
       case when o.owner_no is null and p.open and pg_temp.rnd(p.id, 10) < 0.1 then 2 else 1 end as wave,
       pg_temp.rnd(p.id, 11) < 0.05 as outbound
from lead_plan p join lead_owner o on o.id = p.id;
alter table lead_row add primary key (id);

-- Times of each lead's history: the first call, the close, and the last call. Owned open leads
-- were last called this morning between 08:00 and 09:00; pooled ones a week ago at the latest.
create temp table lead_time as
select g.*,
       case when g.first_contact_at is null then null
            when g.closed_at is not null then g.closed_at
            when g.owned then greatest(g.first_contact_at, g.day_start + interval '8 hours' + pg_temp.rnd(g.id, 42) * interval '1 hour')
            else greatest(g.first_contact_at, g.day_start - interval '7 days') end as last_call
from (
select f.id, f.attempts, f.first_contact_at, f.owned, f.day_start,
       case when not f.open then greatest(least(f.created_at + interval '1 day' + pg_temp.rnd(f.id, 14) * interval '19 days',
                                                f.day_start - interval '1 hour'),
                                          coalesce(f.first_contact_at, f.created_at) + interval '1 minute') end as closed_at
from (
    select r.id, r.open, r.created_at, c.day_start, r.owner_no is not null as owned,
           case r.status when 'NEW' then 0
                         when 'ATTEMPTING' then 1 + floor(pg_temp.rnd(r.id, 12) * 4)::integer
                         when 'UNREACHABLE' then 5
                         else 1 + floor(pg_temp.rnd(r.id, 12) * 3)::integer end as attempts,
           case when r.status = 'NEW' then null
                else r.created_at + interval '3 minutes' + pg_temp.rnd(r.id, 13) * interval '177 minutes' end as first_contact_at
    from lead_row r, clock c
) as f
) as g;
alter table lead_time add primary key (id);

insert into lead (id, full_name, phone_e164, phone_display, email, city, preferred_language, source, campaign,
                  consent_basis, registry_checked_at, type, status_id, owner_id, team_id, attempt_count, wave,
                  created_at, assigned_at, first_contact_at, last_activity_at, closed_at, disqualification_reason_id,
                  follow_up_count)
select r.id,
       (array['אורי', 'דנה', 'משה', 'רחל', 'חיים', 'יעל', 'מוחמד', 'סבטלנה', 'אליהו', 'נטע', 'רון', 'הילה'])[1 + floor(pg_temp.rnd(r.id, 20) * 12)::integer]
           || ' ' || (array['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'דהן', 'אברהם', 'פרידמן', 'אזולאי', 'שפירא', 'עזרא', 'נסר'])[1 + floor(pg_temp.rnd(r.id, 21) * 12)::integer],
       '+97252' || (2000000 + r.id),
       '052-' || substr((2000000 + r.id)::text, 1, 3) || '-' || substr((2000000 + r.id)::text, 4),
       case when pg_temp.rnd(r.id, 22) < 0.3 then 'lead' || r.id || '@example.com' end,
       (array['תל אביב', 'ירושלים', 'חיפה', 'באר שבע', 'נתניה', 'אשדוד', 'ראשון לציון', 'נצרת'])[1 + floor(pg_temp.rnd(r.id, 23) * 8)::integer],
       case when pg_temp.rnd(r.id, 24) < 0.07 then 'ar' when pg_temp.rnd(r.id, 24) < 0.12 then 'ru' else 'he' end,
       (array['facebook', 'google', 'website', 'import', 'referral'])[1 + floor(pg_temp.rnd(r.id, 25) * 5)::integer],
       'campaign-' || lpad((1 + floor(pg_temp.rnd(r.id, 26) * 20)::integer)::text, 2, '0'),
       case when r.outbound then 'OUTBOUND' else 'INBOUND' end,
       case when r.outbound then c.day_start - pg_temp.rnd(r.id, 27) * interval '30 days' end,
       r.type, s.id, a.id, t.id,
       lt.attempts, r.wave, r.created_at,
       case when a.id is not null then r.created_at + interval '1 minute' end,
       lt.first_contact_at,
       coalesce(lt.last_call, r.created_at),
       lt.closed_at,
       case r.status when 'NOT_RELEVANT' then (select id from bench_reason where code =
                         (array['NOT_INTERESTED', 'PRICE', 'ALREADY_CUSTOMER', 'DUPLICATE', 'DID_NOT_LEAVE_DETAILS',
                                'OUT_OF_SERVICE_AREA'])[1 + floor(pg_temp.rnd(r.id, 28) * 6)::integer])
                     when 'UNREACHABLE' then (select id from bench_reason where code = 'NO_CONTACT') end,
       case when r.status = 'FOLLOW_UP' then 1 + floor(pg_temp.rnd(r.id, 29) * 3)::integer else 0 end
from lead_row r
join lead_time lt on lt.id = r.id
join bench_status s on s.code = r.status
join bench_team t on t.team_no = r.team_no
left join bench_agent a on a.agent_no = r.owner_no
cross join clock c;

-- Tasks ------------------------------------------------------------------------------------
-- Task n is lead n's first-contact task: open for a NEW lead, done for every other. Task
-- leads + n is the current or last task of a lead that got past NEW, done for a closed lead and
-- open for an open one. An open one is due today or on a morning of the next two weeks, or, in a
-- pool, is already due.
insert into task (id, lead_id, type, state, owner_id, team_id, due_at, sla_deadline_at, created_at, completed_at)
select l.id, l.id, 'FIRST_CONTACT',
       case when l.first_contact_at is null then 'OPEN' else 'DONE' end,
       l.owner_id, l.team_id, l.created_at, l.created_at + interval '5 minutes', l.created_at,
       l.first_contact_at
from lead l;

insert into task (id, lead_id, type, state, owner_id, team_id, due_at, sla_deadline_at, created_at, completed_at)
select :leads + l.id, l.id,
       case when l.closed_at is not null then 'RETRY' else s.task_type end,
       case when l.closed_at is null then 'OPEN' else 'DONE' end,
       l.owner_id, l.team_id,
       case when l.closed_at is not null then l.closed_at - interval '1 hour'
            when l.owner_id is null then c.day_start - pg_temp.rnd(l.id, 30) * interval '7 days'
            when pg_temp.rnd(l.id, 31) < 0.7 then c.day_start + interval '9 hours' + pg_temp.rnd(l.id, 32) * interval '10 hours'
            else c.day_start + (1 + floor(pg_temp.rnd(l.id, 33) * 14)::integer) * interval '1 day'
                 + interval '9 hours' + pg_temp.rnd(l.id, 32) * interval '4 hours' end,
       null,
       l.first_contact_at,
       l.closed_at
from lead l
join lead_status s on s.id = l.status_id
cross join clock c
where l.first_contact_at is not null;

-- Activities -------------------------------------------------------------------------------
create temp table team_agents as
select team_no, array_agg(id order by agent_no) as ids from bench_agent group by team_no;

-- Each lead gets 2 to 18 entries (the given average per lead): CREATED, ASSIGNED, then calls spread
-- from the first contact to the last call (the close, this morning for owned open leads, or some
-- days ago for pooled ones). A NEW lead has only the first two.
insert into activity (lead_id, kind, outcome, actor_id, created_at, details)
select l.id,
       case when k = 1 then 'CREATED' when k = 2 then 'ASSIGNED' else 'CALL' end,
       case when k <= 2 then null
            when k = n and l.closed_at is not null then
                 case s.code when 'WON' then 'SALE' when 'NOT_RELEVANT' then 'NOT_RELEVANT' else 'NO_ANSWER' end
            when pg_temp.rnd(l.id * 32 + k, 40) < 0.50 then 'NO_ANSWER'
            when pg_temp.rnd(l.id * 32 + k, 40) < 0.65 then 'BUSY'
            when pg_temp.rnd(l.id * 32 + k, 40) < 0.85 then 'FOLLOW_UP'
            else 'CALLBACK' end,
       case when k = 1 then null else coalesce(l.owner_id, r.previous_owner) end,
       case when k = 1 then l.created_at
            when k = 2 then l.created_at + interval '1 minute'
            else l.first_contact_at + (k - 3)::double precision / greatest(n - 3, 1) * (r.last_call - l.first_contact_at) end,
       case when k = 1 then jsonb_build_object('source', l.source)
            when k = 2 then jsonb_build_object('ownerId', coalesce(l.owner_id, r.previous_owner), 'teamId', l.team_id)
            else '{}'::jsonb end
from lead l
join lead_status s on s.id = l.status_id
join bench_team bt on bt.id = l.team_id
join team_agents ta on ta.team_no = bt.team_no
cross join clock c
cross join lateral (
    select case when l.first_contact_at is null then 2
                else 2 + floor(pg_temp.rnd(l.id, 41) * (2 * :activities - 3))::integer end as n,
           l.last_activity_at as last_call,
           case when l.owner_id is null
                then ta.ids[1 + floor(pg_temp.rnd(l.id, 43) * cardinality(ta.ids))::integer] end as previous_owner
) as r
cross join lateral generate_series(1, r.n) as k;

-- Work days --------------------------------------------------------------------------------
-- Every agent worked every day but Saturday over the two years and closed 85% of the days clean.
-- Today every agent has opened the day, because the CUP page shows only then.
insert into work_day (agent_id, work_date, opened_at, closed_at, closed_clean, closed_by_system, tasks_carried)
select a.id, d::date,
       (d + interval '8 hours 50 minutes' + pg_temp.rnd(a.id * 100000 + (d::date - date '2000-01-01'), 50) * interval '20 minutes') at time zone c.zone,
       (d + interval '17 hours' + pg_temp.rnd(a.id * 100000 + (d::date - date '2000-01-01'), 51) * interval '2 hours') at time zone c.zone,
       pg_temp.rnd(a.id * 100000 + (d::date - date '2000-01-01'), 52) < 0.85,
       false,
       0
from bench_agent a
cross join clock c
cross join bench_dataset b
cross join lateral generate_series(b.anchor - 730, b.anchor - 1, interval '1 day') as d
where extract(isodow from d) <> 6;

insert into work_day (agent_id, work_date, opened_at)
select a.id, b.anchor, ((b.anchor::timestamp + interval '8 hours 55 minutes') at time zone c.zone)
from bench_agent a, bench_dataset b, clock c;

-- Identity sequences continue after the explicit ids.
select setval(pg_get_serial_sequence('lead', 'id'), (select max(id) from lead));
select setval(pg_get_serial_sequence('task', 'id'), (select max(id) from task));

set session_replication_role = origin;

update bench_dataset set finished_at = clock_timestamp();
