// The back office's decision on what an organization sent (its data, a representative, a correction
// request): the operator is checked, the request and its organization are read, and in one transaction
// the decision is recorded, the organization is told and the journal gets the operator's entry.
import type { Database, DbExecutor } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { CabinetActor as OperatorActor } from "../applications/applications.access.ts";
import type { AuditEventName } from "../audit/audit.events.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import { authorizeOperator } from "../review/review.service.ts";
import { notifyOrganization } from "./notices.ts";
import { findOrganizationById, type OrganizationRow } from "./organizations.repository.ts";

/** What a recorded decision tells the organization and writes into the journal. */
export interface DecisionRecord {
  /** Where the e-mail goes when not to the organization's card contact. */
  contact?: Pick<OrganizationRow, "id" | "contactEmail">;
  notice: { audience: "managers" | "all"; subject: string; text: string };
  event: AuditEventName;
  details: Record<string, unknown>;
}

/** False when the operator may not decide, the request is unknown, or it was decided meanwhile. */
export async function decideForOrganization<Request extends { organizationId: string }>(
  deps: { db: Database; clock: Clock },
  operator: OperatorActor,
  step: {
    action: string;
    find: (db: DbExecutor) => Promise<Request | undefined>;
    /** Records the decision; undefined when the request no longer waits for one. */
    record: (
      tx: DbExecutor,
      found: { request: Request; organization: OrganizationRow; now: Date },
    ) => Promise<DecisionRecord | undefined>;
  },
): Promise<boolean> {
  const { db, clock } = deps;
  if (!(await authorizeOperator(db, operator, step.action))) return false;
  const request = await step.find(db);
  const organization = request && (await findOrganizationById(db, request.organizationId));
  if (!request || !organization) return false;
  const now = clock.now();
  return db.transaction(async (tx) => {
    const decided = await step.record(tx, { request, organization, now });
    if (!decided) return false;
    await notifyOrganization(tx, decided.contact ?? organization, { ...decided.notice, at: now });
    await auditSuccess(
      tx,
      { userId: operator.userId, organizationId: organization.id, ip: operator.ip },
      decided.event,
      decided.details,
    );
    return true;
  });
}
