// Who may do what with documents: a worker (in the worker's context, checked by authorizeWorker)
// sees and changes only their own documents.
import type { Actor } from "../register/register.policy.ts";
import type { Rejection } from "./upload-rules.ts";

export type DocumentActor = Actor;

export interface DocumentQuota {
  maxFiles: number;
  maxBytes: number;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: "missing" | "foreign" };

/** Another person's document is reported exactly like a missing one, so ids cannot be probed. */
export function decideAccess(actor: DocumentActor, document: { userId: string } | undefined): AccessDecision {
  if (!document) return { allowed: false, reason: "missing" };
  return document.userId === actor.id ? { allowed: true } : { allowed: false, reason: "foreign" };
}

/** A document attached to a submitted application stays until the application no longer needs it. */
export function decideDeletion(document: { lockedAt: Date | null }): { allowed: true } | { allowed: false } {
  return document.lockedAt ? { allowed: false } : { allowed: true };
}

/** The quota rejection for adding `incomingBytes`, if any. */
export function checkQuota(
  usage: { files: number; bytes: number },
  incomingBytes: number,
  quota: DocumentQuota,
): Rejection | undefined {
  if (usage.files >= quota.maxFiles) return { reason: "quota_files", maxFiles: quota.maxFiles };
  if (usage.bytes + incomingBytes > quota.maxBytes) {
    return { reason: "quota_bytes", maxBytes: quota.maxBytes, usedBytes: usage.bytes };
  }
  return undefined;
}
