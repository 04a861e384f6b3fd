-- Toasty migration V4: follow post changes

-- step 1: follow changes of posts
DO $toasty$ BEGIN
  CREATE SEQUENCE IF NOT EXISTS toasty_change_seq;
  CREATE TABLE IF NOT EXISTS toasty_change_log (seq bigint PRIMARY KEY, channel text NOT NULL, tbl text NOT NULL, kind char(1) NOT NULL, xid bigint NOT NULL, key text NOT NULL, committed_at timestamptz NOT NULL);
  CREATE INDEX IF NOT EXISTS toasty_change_log_channel ON toasty_change_log (channel, seq);
  CREATE TABLE IF NOT EXISTS toasty_change_trim (one boolean PRIMARY KEY DEFAULT true CHECK (one), trimmed_to bigint NOT NULL);
END $toasty$;
CREATE OR REPLACE FUNCTION toasty_record_change(channel text, tbl text, kind text, k text) RETURNS void LANGUAGE plpgsql AS $toasty$
DECLARE s bigint; x bigint := txid_current();
BEGIN
  PERFORM pg_advisory_xact_lock(7356117702316214585);
  s := nextval('toasty_change_seq');
  INSERT INTO toasty_change_log VALUES (s, channel, tbl, kind, x, k, clock_timestamp());
  PERFORM pg_notify(channel, kind || ' ' || x || ' ' || s || k);
END $toasty$;
CREATE OR REPLACE FUNCTION toasty_notify_change() RETURNS trigger LANGUAGE plpgsql AS $toasty$
DECLARE
  n jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
  o jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
  nk text := ''; ok text := ''; v text; i int;
  tbl text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
  channel text := 'toasty_' || md5(tbl);
BEGIN
  FOR i IN 0 .. TG_NARGS - 1 LOOP
    IF n IS NOT NULL THEN v := n ->> TG_ARGV[i]; nk := nk || ' ' || length(v) || ':' || v; END IF;
    IF o IS NOT NULL THEN v := o ->> TG_ARGV[i]; ok := ok || ' ' || length(v) || ':' || v; END IF;
  END LOOP;
  IF TG_OP = 'UPDATE' AND nk = ok THEN
    PERFORM toasty_record_change(channel, tbl, 'U', nk);
  ELSE
    IF o IS NOT NULL THEN PERFORM toasty_record_change(channel, tbl, 'D', ok); END IF;
    IF n IS NOT NULL THEN PERFORM toasty_record_change(channel, tbl, 'I', nk); END IF;
  END IF;
  RETURN NULL;
END $toasty$;
CREATE OR REPLACE FUNCTION toasty_trim_changes(keep interval) RETURNS bigint LANGUAGE plpgsql AS $toasty$
DECLARE upto bigint; n bigint;
BEGIN
  SELECT max(seq) INTO upto FROM toasty_change_log WHERE committed_at < clock_timestamp() - keep;
  IF upto IS NULL THEN RETURN 0; END IF;
  INSERT INTO toasty_change_trim VALUES (true, upto) ON CONFLICT (one) DO UPDATE SET trimmed_to = greatest(toasty_change_trim.trimmed_to, excluded.trimmed_to);
  DELETE FROM toasty_change_log WHERE seq <= upto;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $toasty$;
DO $toasty$ BEGIN
  DROP TRIGGER IF EXISTS toasty_changes ON "posts";
  CREATE CONSTRAINT TRIGGER toasty_changes AFTER INSERT OR UPDATE OR DELETE ON "posts" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION toasty_notify_change('id');
END $toasty$;
