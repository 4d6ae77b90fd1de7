-- The second wave's untouched-lead transition (io.cupboard.allocation.SecondWave, with
-- io.cupboard.lead.LeadWaves) as one statement. Open leads of agents that nobody called since
-- their assignment, assigned and with their open task due by :cutoff, move to their next wave in
-- the pool of their allocation rule's second-wave team or of their own team, with their open task;
-- in the last wave of their contact policy they close as unreachable, with the task cancelled. Each
-- gets a timeline entry. The row count is the number of leads moved or closed.
with candidates as (
    select l.id, l.wave, l.owner_id, s.code as from_status, coalesce(second_wave_team.id, l.team_id) as target_team_id,
           p.max_waves, p.unreachable_reason_id
    from lead l
    join lead_status s on s.id = l.status_id
    join task t on t.lead_id = l.id and t.state = 'OPEN'
    left join lateral (
        select r.second_wave_team_id from allocation_rule r
        where r.active
          and (cardinality(r.sources) = 0 or lower(l.source) = any(r.sources))
          and (cardinality(r.campaigns) = 0 or lower(l.campaign) = any(r.campaigns))
          and (r.lead_type is null or r.lead_type = l.type)
          and (r.language is null or r.language = l.preferred_language)
          and exists (select 1 from team rule_team where rule_team.id = r.team_id and rule_team.active)
        order by r.position, r.id
        limit 1
    ) r on true
    left join team second_wave_team on second_wave_team.id = r.second_wave_team_id and second_wave_team.active
    cross join lateral (
        select cp.max_waves, cp.unreachable_reason_id
        from contact_policy cp
        where cp.lead_type = l.type and (cp.source is null or lower(cp.source) = lower(l.source))
        order by cp.source is null
        limit 1
    ) p
    where l.closed_at is null and l.owner_id is not null
      and l.assigned_at <= cast(:'cutoff' as timestamptz) and t.due_at <= cast(:'cutoff' as timestamptz)
      and not exists (select 1 from activity a where a.lead_id = l.id and a.kind = 'CALL' and a.created_at >= l.assigned_at)
    for update of l skip locked
),
-- The updates find their rows by id (= any(array(...))). Joined to the candidates alone, the
-- planner hashed the whole lead and task tables, and the statement took twice the job's time.
moved as (
    update lead l
    set owner_id = null, team_id = c.target_team_id, assigned_at = null, wave = l.wave + 1, attempt_count = 0,
        version = l.version + 1
    from candidates c
    where l.id = any(array(select id from candidates)) and l.id = c.id and c.wave < c.max_waves
    returning l.id, l.team_id, l.wave, c.owner_id as previous_owner_id
), closed as (
    update lead l
    set status_id = (select id from lead_status where code = 'UNREACHABLE'), disqualification_reason_id = c.unreachable_reason_id,
        closed_at = cast(:'now' as timestamptz), last_activity_at = cast(:'now' as timestamptz), version = l.version + 1
    from candidates c
    where l.id = any(array(select id from candidates)) and l.id = c.id and c.wave >= c.max_waves
    returning l.id, c.from_status, c.unreachable_reason_id
), moved_tasks as (
    update task t set owner_id = null, team_id = m.team_id, version = t.version + 1
    from moved m where t.lead_id = any(array(select id from moved)) and t.lead_id = m.id and t.state = 'OPEN'
), cancelled_tasks as (
    update task t set state = 'CANCELLED', completed_at = cast(:'now' as timestamptz), version = t.version + 1
    from closed c where t.lead_id = any(array(select id from closed)) and t.lead_id = c.id and t.state = 'OPEN'
)
insert into activity (lead_id, kind, created_at, details)
select m.id, 'ASSIGNED', cast(:'now' as timestamptz),
       jsonb_build_object('ownerId', null, 'teamId', m.team_id, 'previousOwnerId', m.previous_owner_id, 'why', 'untouched',
                          'wave', m.wave)
from moved m
union all
select c.id, 'SYSTEM', cast(:'now' as timestamptz),
       jsonb_build_object('fromStatus', c.from_status, 'toStatus', 'UNREACHABLE', 'reason', r.code, 'why', 'untouchedLastWave')
from closed c
join disqualification_reason r on r.id = c.unreachable_reason_id;
