-- Issue 17 — managing a facility's public page: when an agreement with the neighbourhood was judged (kept or not)
-- and a short note on how, for the yearly liveability monitor and the meeting with the neighbours.
ALTER TABLE neighbourhood_agreements ADD COLUMN judged_on date;
ALTER TABLE neighbourhood_agreements ADD COLUMN judgement_note text CHECK (length(judgement_note) <= 1000);
