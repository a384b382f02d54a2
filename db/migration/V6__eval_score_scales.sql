-- Each eval run declares its scale through its kind: SCORE and PASS_RATE are 0–100, FRACTION is 0–1.
-- Scores of different scales are never compared; a 0–1 score needs more than two decimals.
ALTER TABLE eval_result DROP CONSTRAINT eval_score_kind_known;
ALTER TABLE eval_result ADD CONSTRAINT eval_score_kind_known CHECK (score_kind IN ('SCORE', 'PASS_RATE', 'FRACTION'));
ALTER TABLE eval_result ALTER COLUMN score TYPE numeric(8, 4);
ALTER TABLE eval_result ADD CONSTRAINT eval_score_on_its_scale CHECK (score_kind <> 'FRACTION' OR score <= 1);
