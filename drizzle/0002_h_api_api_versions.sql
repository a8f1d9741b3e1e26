-- Custom SQL migration file, put your code below! --
-- Versions of persons, employment cards, accreditation procedures and organizations, written by
-- triggers in the transaction of each change (the integration API's _history, vread and change feed).
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
    row_data := to_jsonb(old);
  else
    row_data := to_jsonb(new);
  end if;
  if tg_op = 'UPDATE' and to_jsonb(old) = row_data then
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
--> statement-breakpoint
drop trigger if exists register_persons_version on register_persons;
--> statement-breakpoint
create trigger register_persons_version after insert or update or delete on register_persons
  for each row execute function frmr_record_version('person');
--> statement-breakpoint
drop trigger if exists register_employment_cards_version on register_employment_cards;
--> statement-breakpoint
create trigger register_employment_cards_version after insert or update or delete on register_employment_cards
  for each row execute function frmr_record_version('card');
--> statement-breakpoint
drop trigger if exists register_accreditation_procedures_version on register_accreditation_procedures;
--> statement-breakpoint
create trigger register_accreditation_procedures_version after insert or update or delete on register_accreditation_procedures
  for each row execute function frmr_record_version('accreditation');
--> statement-breakpoint
drop trigger if exists organizations_version on organizations;
--> statement-breakpoint
create trigger organizations_version after insert or update or delete on organizations
  for each row execute function frmr_record_version('organization');
