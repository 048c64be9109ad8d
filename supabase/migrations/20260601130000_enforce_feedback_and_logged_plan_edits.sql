-- Closes two ways around the committee rules that the earlier migrations left
-- open to any signed-in user calling the API directly:
--   1. No idea is closed without plain-language feedback to the child.
--      reject_idea, link_idea_to_activity and answer_question
--      (20260601090600) skip the plain-language check that their wrappers
--      reject_with_feedback, reject_ideas, adopt_idea and reply_to_question
--      (20260601100000) add. They stay as the wrappers' inner steps but are no
--      longer callable from the API.
--   2. Every plan change is logged. The write policies of 20260601090200 let
--      moderators insert and update plan_activities, and coordinators write
--      plan_objectives and plan_activities, without a moderation_log row. Only
--      the plan-editor functions of 20260601100100 (security definer, logged)
--      write these tables now; reads are unchanged.
-- Tables touched: plan_objectives, plan_activities (policies and grants only).
-- Functions touched: reject_idea, link_idea_to_activity, answer_question
-- (grants only).

-- 1. Closing an idea --------------------------------------------------------------
-- Revoked rather than given the check themselves: one entry point per action
-- keeps the rule in one place (private.require_plain_feedback), and adopt_idea
-- checks feedback given at approval too, which link_idea_to_activity, called
-- once per activity, cannot know. The wrappers are security definer, so they
-- still call these as the functions' owner; the caller checks inside
-- (private.idea_for_moderation) read the caller's JWT claims as before.
revoke all on function
  public.reject_idea(uuid, text, text, text),
  public.link_idea_to_activity(uuid, uuid, text, text, text),
  public.answer_question(uuid, text)
  from public, anon, authenticated, service_role;

-- 2. Plan edits only through the logged functions -----------------------------------
-- Dropped, not narrowed: any write policy left for authenticated would be a
-- write without a log row. Deletes go too: deleting an activity would drop
-- the links of the ideas adopted into it without a trace; archive_plan_activity
-- and archive_plan_objective are the logged way to retire plan rows.
drop policy "Coordinators can create objectives" on public.plan_objectives;
drop policy "Coordinators can update objectives" on public.plan_objectives;
drop policy "Coordinators can delete objectives" on public.plan_objectives;
drop policy "Moderators and coordinators can add activities to their region's plan" on public.plan_activities;
drop policy "Moderators and coordinators can update activities of their region" on public.plan_activities;
drop policy "Coordinators can delete activities" on public.plan_activities;

-- Privileges as well as policies, so a direct write fails with a clear
-- permission error (42501) instead of silently touching no rows, and a
-- policy added later by mistake cannot reopen it on its own.
revoke insert, update, delete, truncate on public.plan_objectives, public.plan_activities from anon, authenticated;
grant select on public.plan_objectives, public.plan_activities to authenticated;
