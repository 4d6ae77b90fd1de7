-- The rows that the file import writes for the staged file (bench_import_staging), inserted with
-- set-based statements and rolled back. Each record gets a lead owned by an agent of the import
-- rule's team, its first-contact task, the CREATED and ASSIGNED timeline entries, its fate and
-- its delivery key. Imported records keep no values, as in the application, where only rejected
-- ones do. Nothing is validated, matched or decided, so this is the least that writing those rows
-- and their indexes costs on this database.
begin;

-- The fates belong to a batch of their own, rolled back with the rest.
insert into import_batch (source_id, file_name, file_size, checksum, format, headers, status, created_at, created_by)
select s.id, 'import-writes.csv', 0, repeat('0', 64), 'CSV', '[]', 'COMPLETED', now(), u.id
from intake_source s, app_user u
where s.code = 'facebook' and u.username = 'admin';

create temporary table bench_import_leads on commit drop as
select nextval(pg_get_serial_sequence('lead', 'id')) as id, s.*, row_number() over () as record_number
from bench_import_staging s;

create temporary table bench_import_team on commit drop as
select r.team_id, array_agg(u.id order by u.id) as agents
from allocation_rule r
join app_user u on u.team_id = r.team_id and u.role = 'AGENT' and u.active
where 'campaign-import' = any(r.campaigns)
group by r.team_id;

do $$
begin
    if not exists (select 1 from bench_import_team) then
        raise exception 'No allocation rule names campaign-import: regenerate the dataset (bench/run --regenerate)';
    end if;
end
$$;

insert into lead (id, full_name, phone_e164, phone_display, email, city, preferred_language, source, campaign,
                  consent_basis, type, status_id, owner_id, team_id, assigned_at, created_at, last_activity_at)
select l.id, l.full_name, l.phone, l.phone, l.email, l.city, 'he', l.source, l.campaign, 'INBOUND', 'NEW',
       (select id from lead_status where code = 'NEW'),
       t.agents[1 + l.record_number % cardinality(t.agents)], t.team_id, now(), now(), now()
from bench_import_leads l, bench_import_team t;

insert into task (lead_id, owner_id, team_id, type, state, due_at, sla_deadline_at, created_at)
select l.id, l.owner_id, l.team_id, 'FIRST_CONTACT', 'OPEN', now(), now() + interval '15 minutes', now()
from lead l
where l.id in (select id from bench_import_leads);

insert into activity (lead_id, kind, created_at, details)
select id, 'CREATED', now(), jsonb_build_object('origin', 'import', 'type', 'NEW', 'batchId', currval(pg_get_serial_sequence('import_batch', 'id')), 'record', record_number)
from bench_import_leads
union all
select l.id, 'ASSIGNED', now(), jsonb_build_object('ownerId', l.owner_id, 'teamId', l.team_id, 'previousOwnerId', null,
                                                 'why', 'rule', 'wave', 1)
from lead l
where l.id in (select id from bench_import_leads);

insert into import_row (batch_id, record_number, fate, lead_id)
select currval(pg_get_serial_sequence('import_batch', 'id')), record_number, 'IMPORTED', id
from bench_import_leads;

insert into intake_delivery (delivery_key, lead_id, received_at)
select 'row:' || encode(sha256(convert_to(concat_ws(chr(31), full_name, phone, email, city, source, campaign), 'UTF8')), 'hex'),
       id, now()
from bench_import_leads;

rollback;
