// Who may see and act on a support request (W16, O14). A sender sees only their own requests; an
// organization's requests are visible to its head, to a representative (who holds the
// organization's powers), to an employee granted «support.view», and to the employee who wrote each; support operators see everything.
// Nothing of one organization reaches another, and a worker's requests are never an organization's.
import type { SessionContext } from "../../http/session.ts";

export interface SupportActor {
  userId: string;
  ip: string;
  context: SessionContext | undefined;
  /** For the organization's cabinet: whether the person sees every request of the organization. */
  seesOrganizationRequests?: boolean;
}

export interface RequestOwnership {
  channel: string;
  userId: string | null;
  organizationId: string | null;
}

export type SenderDecision = { allowed: true } | { allowed: false; reason: "foreign" | "wrong-context" };

/** Whether `actor`, acting as a sender (cabinet of a worker or an organization), may see `request`. */
export function decideSenderAccess(actor: SupportActor, request: RequestOwnership): SenderDecision {
  const context = actor.context;
  if (context?.kind === "worker") {
    return request.channel === "worker" && request.userId === actor.userId
      ? { allowed: true }
      : { allowed: false, reason: "foreign" };
  }
  if (context?.kind === "organization") {
    const sameOrganization =
      request.channel === "organization" && request.organizationId === context.organizationId;
    const visible = sameOrganization && (request.userId === actor.userId || actor.seesOrganizationRequests);
    return visible ? { allowed: true } : { allowed: false, reason: "foreign" };
  }
  return { allowed: false, reason: "wrong-context" };
}

/** The listing scope of a sender: their own worker requests, or an organization's. */
export type SenderScope =
  | { kind: "worker"; userId: string }
  | { kind: "organization"; organizationId: string; userId: string | undefined };

export function senderScope(actor: SupportActor): SenderScope | undefined {
  const context = actor.context;
  if (context?.kind === "worker") return { kind: "worker", userId: actor.userId };
  if (context?.kind === "organization")
    return {
      kind: "organization",
      organizationId: context.organizationId,
      userId: actor.seesOrganizationRequests ? undefined : actor.userId,
    };
  return undefined;
}

/** Support operators work in the «Техническая поддержка» context; the table is checked on each use. */
export const isSupportContext = (actor: SupportActor): boolean => actor.context?.kind === "support";
