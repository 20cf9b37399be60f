-- A repatriation no longer pursued (issue #7): the day in the clear (status), the reason
-- sealed with the child's key.
ALTER TABLE repatriations ADD COLUMN ended_on TEXT;
ALTER TABLE repatriations ADD COLUMN end_sealed BLOB;
