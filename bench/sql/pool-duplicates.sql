-- Leads handed out from a team pool more than once since the given time: a next-lead pull that gave
-- two agents the same lead. Must be 0.
select count(*) as duplicates
from (
    select a.lead_id
    from activity a
    where a.kind = 'ASSIGNED' and a.details ->> 'why' = 'next lead from the team pool'
      and a.created_at >= cast(:since as timestamptz)
    group by a.lead_id
    having count(*) > 1
) as claimed_twice;
