// Every module's tables, gathered for Drizzle and drizzle-kit.
import * as access from "../modules/access/access.schema.ts";
import * as api from "../modules/api/api.schema.ts";
import * as applications from "../modules/applications/applications.schema.ts";
import * as audit from "../modules/audit/audit.schema.ts";
import * as consent from "../modules/consent/consent.schema.ts";
import * as documents from "../modules/documents/documents.schema.ts";
import * as storageChecks from "../modules/documents/storage-checks.schema.ts";
import * as extracts from "../modules/extracts/extracts.schema.ts";
import * as identity from "../modules/identity/identity.schema.ts";
import * as jobs from "../modules/jobs/jobs.schema.ts";
import * as licences from "../modules/licences/licences.schema.ts";
import * as notifications from "../modules/notifications/notifications.schema.ts";
import * as orgDocuments from "../modules/org-documents/org-documents.schema.ts";
import * as orgRequests from "../modules/org-requests/org-requests.schema.ts";
import * as organizationActivation from "../modules/organizations/activation.schema.ts";
import * as entryHolds from "../modules/organizations/entry-holds.schema.ts";
import * as organizations from "../modules/organizations/organizations.schema.ts";
import * as organizationSecurity from "../modules/organizations/security.schema.ts";
import * as register from "../modules/register/register.schema.ts";
import * as registerRecord from "../modules/register/register-record.schema.ts";
import * as review from "../modules/review/review.schema.ts";
import * as settings from "../modules/settings/settings.schema.ts";
import * as signatures from "../modules/signatures/signatures.schema.ts";
import * as staff from "../modules/staff/staff.schema.ts";
import * as incidents from "../modules/status/incidents.schema.ts";
import * as support from "../modules/support/support.schema.ts";

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
  ...jobs,
  ...applications,
  ...review,
  ...extracts,
  ...organizationActivation,
  ...organizationSecurity,
  ...entryHolds,
  ...access,
  ...staff,
  ...licences,
  ...orgRequests,
  ...orgDocuments,
  ...api,
  ...support,
  ...signatures,
  ...storageChecks,
  ...incidents,
};
