-- Indexes for the reports (issue 3, src/domain/figures/kerncijfers.ts): the "> 3 nights and start traject" rule
-- looks up the trajectories and stays of a registration, and the age filter looks up the registration of a
-- trajectory or stay.
CREATE INDEX IF NOT EXISTS rpt_trajectories_registration ON trajectories(registration_id);
CREATE INDEX IF NOT EXISTS rpt_stays_registration ON stays(registration_id);
