-- Staff list and staff search within one organization's cards (issue 9 item 4).
-- person_sort_name on every employment card is the person's ФИО in lower case, the same expression
-- the search matches; triggers keep it in step with register_persons. Idempotent.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE OR REPLACE FUNCTION register_person_sort_name(last_name text, first_name text, patronymic text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT lower(last_name || ' ' || first_name || ' ' || coalesce(patronymic, ''))
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION register_employment_cards_set_sort_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT register_person_sort_name(p.last_name, p.first_name, p.patronymic) INTO NEW.person_sort_name
  FROM register_persons p WHERE p.id = NEW.person_id;
  RETURN NEW;
END
$$;--> statement-breakpoint
DROP TRIGGER IF EXISTS register_employment_cards_sort_name ON register_employment_cards;--> statement-breakpoint
CREATE TRIGGER register_employment_cards_sort_name
  BEFORE INSERT OR UPDATE OF person_id, person_sort_name ON register_employment_cards
  FOR EACH ROW EXECUTE FUNCTION register_employment_cards_set_sort_name();--> statement-breakpoint
-- A changed name: touching the cards' column makes their own trigger recompute it from the person.
CREATE OR REPLACE FUNCTION register_persons_sort_name_to_cards() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE register_employment_cards SET person_sort_name = '' WHERE person_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
DROP TRIGGER IF EXISTS register_persons_sort_name ON register_persons;--> statement-breakpoint
CREATE TRIGGER register_persons_sort_name
  AFTER UPDATE OF last_name, first_name, patronymic ON register_persons
  FOR EACH ROW
  WHEN (OLD.last_name IS DISTINCT FROM NEW.last_name OR OLD.first_name IS DISTINCT FROM NEW.first_name
        OR OLD.patronymic IS DISTINCT FROM NEW.patronymic)
  EXECUTE FUNCTION register_persons_sort_name_to_cards();--> statement-breakpoint
-- Cards that existed before this migration (the same trigger fills them in).
UPDATE register_employment_cards c SET person_sort_name = ''
  WHERE c.person_sort_name IS DISTINCT FROM
    (SELECT register_person_sort_name(p.last_name, p.first_name, p.patronymic) FROM register_persons p WHERE p.id = c.person_id);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS register_employment_cards_org_search_idx
  ON register_employment_cards USING gin (organization_oid, person_sort_name gin_trgm_ops);
