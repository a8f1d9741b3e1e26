// Every module's tables, gathered for Drizzle and drizzle-kit.
import * as audit from "../modules/audit/audit.schema.ts";
import * as documents from "../modules/documents/documents.schema.ts";
import * as identity from "../modules/identity/identity.schema.ts";
import * as organizations from "../modules/organizations/organizations.schema.ts";

export const schema = { ...identity, ...audit, ...organizations, ...documents };
