-- The audit journal is append-only (C5): UPDATE, DELETE and TRUNCATE are refused by the database
-- itself, whatever the application does. Idempotent, so that it can be re-numbered at merge.
create or replace function audit_events_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % refused', tg_op using errcode = '42501';
end;
$$;
--> statement-breakpoint
drop trigger if exists audit_events_no_change on audit_events;
--> statement-breakpoint
create trigger audit_events_no_change before update or delete on audit_events
  for each row execute function audit_events_append_only();
--> statement-breakpoint
drop trigger if exists audit_events_no_truncate on audit_events;
--> statement-breakpoint
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();
