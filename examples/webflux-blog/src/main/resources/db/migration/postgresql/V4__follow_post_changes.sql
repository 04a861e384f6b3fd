-- Toasty migration V4: follow post changes

-- step 1: follow changes of posts
CREATE OR REPLACE FUNCTION toasty_notify_change_mark() RETURNS text LANGUAGE sql AS $toasty$ SELECT txid_current() || ' ' || set_config('toasty.change_count', (coalesce(nullif(current_setting('toasty.change_count', true), ''), '0')::bigint + 1)::text, true) $toasty$;
CREATE OR REPLACE FUNCTION toasty_notify_change() RETURNS trigger LANGUAGE plpgsql AS $toasty$
DECLARE
  n jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
  o jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
  nk text := ''; ok text := ''; v text; i int;
  channel text := 'toasty_' || md5(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
BEGIN
  FOR i IN 0 .. TG_NARGS - 1 LOOP
    IF n IS NOT NULL THEN v := n ->> TG_ARGV[i]; nk := nk || ' ' || length(v) || ':' || v; END IF;
    IF o IS NOT NULL THEN v := o ->> TG_ARGV[i]; ok := ok || ' ' || length(v) || ':' || v; END IF;
  END LOOP;
  IF TG_OP = 'UPDATE' AND nk = ok THEN
    PERFORM pg_notify(channel, 'U ' || toasty_notify_change_mark() || nk);
  ELSE
    IF o IS NOT NULL THEN
      PERFORM pg_notify(channel, 'D ' || toasty_notify_change_mark() || ok);
    END IF;
    IF n IS NOT NULL THEN
      PERFORM pg_notify(channel, 'I ' || toasty_notify_change_mark() || nk);
    END IF;
  END IF;
  RETURN NULL;
END $toasty$;
CREATE OR REPLACE TRIGGER toasty_changes AFTER INSERT OR UPDATE OR DELETE ON "posts" FOR EACH ROW EXECUTE FUNCTION toasty_notify_change('id');
