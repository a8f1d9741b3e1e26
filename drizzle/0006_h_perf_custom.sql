-- Custom SQL migration file, put your code below! --
-- The staff list reads one organization's employment cards in name order from the index
-- (organization_oid, person_name, person_id); person_name is the person's lower-case full name,
-- copied onto each card by these triggers so that no query walks the whole register's persons.
create or replace function frmr_person_sort_name(last_name text, first_name text, patronymic text)
returns text language sql immutable as $$
  select lower(last_name || ' ' || first_name || ' ' || coalesce(patronymic, ''))
$$;
--> statement-breakpoint
create or replace function frmr_card_person_name() returns trigger
language plpgsql as $$
begin
  select frmr_person_sort_name(p.last_name, p.first_name, p.patronymic) into new.person_name
    from register_persons p where p.id = new.person_id;
  return new;
end
$$;
--> statement-breakpoint
drop trigger if exists register_employment_cards_person_name on register_employment_cards;
--> statement-breakpoint
create trigger register_employment_cards_person_name
  before insert or update of person_id, person_name on register_employment_cards
  for each row execute function frmr_card_person_name();
--> statement-breakpoint
create or replace function frmr_person_name_to_cards() returns trigger
language plpgsql as $$
declare
  name text := frmr_person_sort_name(new.last_name, new.first_name, new.patronymic);
begin
  update register_employment_cards c set person_name = name
    where c.person_id = new.id and c.person_name is distinct from name;
  return null;
end
$$;
--> statement-breakpoint
drop trigger if exists register_persons_name_to_cards on register_persons;
--> statement-breakpoint
create trigger register_persons_name_to_cards
  after update of last_name, first_name, patronymic on register_persons
  for each row execute function frmr_person_name_to_cards();
--> statement-breakpoint
update register_employment_cards c
  set person_name = frmr_person_sort_name(p.last_name, p.first_name, p.patronymic)
  from register_persons p
  where p.id = c.person_id and c.person_name is null;
--> statement-breakpoint
-- Staff search by any part of the name: a trigram index where pg_trgm exists (PostgreSQL; PGlite
-- loads it as a contrib extension), otherwise a prefix index for the name's leading words.
do $$
begin
  -- PGlite lists a contrib extension only once it has loaded it, so try, rather than look it up.
  begin
    execute 'create extension if not exists pg_trgm';
  exception when others then
    null;
  end;
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    execute 'create index if not exists register_employment_cards_name_trgm_idx
      on register_employment_cards using gin (person_name gin_trgm_ops)';
  else
    execute 'create index if not exists register_employment_cards_name_prefix_idx
      on register_employment_cards (organization_oid, person_name text_pattern_ops)';
  end if;
end
$$;
--> statement-breakpoint
-- The change history's row trigger as before, except that the cards' person_name (a copy of the
-- person's name kept for the staff list) is not part of a card's version: a renamed person gives a
-- new version of the person, not of each of their cards.
create or replace function frmr_record_version() returns trigger
language plpgsql as $$
declare
  kind text := tg_argv[0];
  row_data jsonb;
  row_id uuid;
  person uuid;
  org text;
  next_version integer;
begin
  if tg_op = 'DELETE' then
    row_data := to_jsonb(old) - 'person_name';
  else
    row_data := to_jsonb(new) - 'person_name';
  end if;
  if tg_op = 'UPDATE' and (to_jsonb(old) - 'person_name') = row_data then
    return null;
  end if;
  row_id := (row_data->>'id')::uuid;
  if kind = 'person' then
    person := row_id;
  elsif kind = 'card' then
    person := (row_data->>'person_id')::uuid;
    org := row_data->>'organization_oid';
  elsif kind = 'accreditation' then
    select a.person_id into person from register_accreditations a
      where a.id = (row_data->>'accreditation_id')::uuid;
  elsif kind = 'organization' then
    org := row_data->>'frmo_oid';
  end if;
  select coalesce(max(v.version), 0) + 1 into next_version from resource_versions v
    where v.resource_type = kind and v.resource_id = row_id;
  insert into resource_versions
    (resource_type, resource_id, version, operation, person_id, organization_oid, data)
  values (
    kind, row_id, next_version,
    case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end,
    person, org, row_data
  );
  return null;
end
$$;
