-- "You said, we did": the adopted ideas of each plan activity with the
-- committee's words to the children, for the public plan pages.
-- Views: public_adopted_ideas.
--
-- Runs with its owner's rights like the other public views (anon has no
-- access to ideas); the where clause and column list are all it exposes:
-- adopted ideas whose author agreed to publication, their public text,
-- theme, month, the activity, the committee's note and feedback. Never the
-- original, the session, the flags or the exact time.
create view public.public_adopted_ideas with (security_barrier = true) as
  select
    i.id,
    i.region,
    i.theme,
    i.public_text,
    (date_trunc('month', i.created_at at time zone 'Europe/Tirane'))::date as month,
    l.activity_id,
    l.note,
    i.feedback_sq,
    i.feedback_en
  from public.ideas i
  join public.idea_activity_links l on l.idea_id = i.id
  join public.plan_activities a on a.id = l.activity_id
  where i.status = 'adopted' and i.publish_consent and a.status <> 'archived';
comment on view public.public_adopted_ideas is
  'Adopted ideas per plan activity, with the committee''s note and feedback to the children.';

revoke all on public.public_adopted_ideas from anon, authenticated;
revoke insert, update, delete, truncate on public.public_adopted_ideas from service_role;
grant select on public.public_adopted_ideas to anon, authenticated;
