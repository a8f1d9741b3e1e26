// Every module's tables, gathered for Drizzle and drizzle-kit.
import * as audit from "../modules/audit/audit.schema.ts";
import * as consent from "../modules/consent/consent.schema.ts";
import * as documents from "../modules/documents/documents.schema.ts";
import * as identity from "../modules/identity/identity.schema.ts";
import * as notifications from "../modules/notifications/notifications.schema.ts";
import * as organizations from "../modules/organizations/organizations.schema.ts";
import * as register from "../modules/register/register.schema.ts";
import * as registerRecord from "../modules/register/register-record.schema.ts";
import * as settings from "../modules/settings/settings.schema.ts";

export const schema = {
  ...identity,
  ...audit,
  ...organizations,
  ...documents,
  ...register,
  ...registerRecord,
  ...consent,
  ...settings,
  ...notifications,
};
