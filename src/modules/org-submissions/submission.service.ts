// The steps every organization's submission goes through (a licence entered for checking, a request to
// the register): filed with its files, its first history step and its audit row in one transaction,
// then decided by an operator with a history step, an audit row and a notice to the organization.
import type { Database, DbExecutor } from "../../db/client.ts";
import type { FieldError } from "../../ui/form.tsx";
import type { AuditEventName } from "../audit/audit.events.ts";
import { auditSuccess } from "../audit/audit.repository.ts";
import type { FileStorage } from "../documents/storage.ts";
import type { OperatorActor } from "../organizations/activation.service.ts";
import { notifyOrganization } from "../organizations/notices.ts";
import {
  checkOrganizationFile,
  type FileToStore,
  removeCommitted,
  storeOrganizationFiles,
  type UploadedPart,
} from "../organizations/organization-files.ts";
import type { Step } from "./submission.repository.ts";

export type SubmissionOutcome =
  | { ok: true; id: string }
  | { ok: false; errors: FieldError[] }
  | { ok: false; forbidden: true }
  | { ok: false; notFound: true };

/** Whoever files in an organization's name: the cabinet's actor. */
interface Filer {
  userId: string;
  organization: { id: string };
  ip: string;
}

type Audited = readonly [AuditEventName, Record<string, unknown>];
type Authored = { organizationId: string; createdBy: string; createdAt: Date; updatedAt: Date };

/** A file that passed the documents module's checks, ready to be stored under its purpose. */
export type CheckedFile = Omit<FileToStore, "purpose">;

/**
 * The files sent in `field`, each checked by the documents module's content and name rules: the
 * first one only, or up to `max` of them. Each problem is an error of that field.
 */
export async function checkAttached(
  parts: readonly UploadedPart[],
  field: string,
  rules: { missing: string; max?: number },
): Promise<{ files: CheckedFile[]; errors: FieldError[] }> {
  const sent = parts.filter((part) => part.field === field);
  if (sent.length === 0) return { files: [], errors: [{ field, message: rules.missing }] };
  if (rules.max !== undefined && sent.length > rules.max)
    return { files: [], errors: [{ field, message: `Приложите не больше ${rules.max} файлов.` }] };
  const files: CheckedFile[] = [];
  const errors: FieldError[] = [];
  for (const part of rules.max === undefined ? sent.slice(0, 1) : sent) {
    const verdict = await checkOrganizationFile(part.file);
    if (verdict.ok) files.push({ part, name: verdict.name, mediaType: verdict.mediaType });
    else errors.push({ field, message: `«${part.file.rawName}»: ${verdict.message}` });
  }
  return { files, errors };
}

/**
 * Runs `work` in a transaction that stores organization files; the files already moved into place
 * are taken out again when it fails.
 */
export async function withStoredFiles<T>(
  db: Database,
  storage: FileStorage,
  work: (tx: DbExecutor, committed: string[]) => Promise<T>,
): Promise<T> {
  const committed: string[] = [];
  try {
    return await db.transaction((tx) => work(tx, committed));
  } catch (error) {
    await removeCommitted(storage, committed);
    throw error;
  }
}

/** A new submission: its row, the first step of its history, its files and the audit row. */
export function fileSubmission<Insert extends Authored, Row extends { id: string }, Action extends string>(
  deps: { db: Database; storage: FileStorage },
  actor: Filer,
  now: Date,
  spec: {
    rows: {
      insert(db: DbExecutor, values: Insert): Promise<Row>;
      recordStep(db: DbExecutor, id: string, step: Step<Action>): Promise<void>;
    };
    values: Omit<Insert, keyof Authored>;
    firstStep: Action;
    files: readonly CheckedFile[];
    purpose: FileToStore["purpose"];
    audit: (row: Row) => Audited;
  },
): Promise<{ ok: true; id: string }> {
  const organizationId = actor.organization.id;
  return withStoredFiles(deps.db, deps.storage, async (tx, committed) => {
    const authored = { organizationId, createdBy: actor.userId, createdAt: now, updatedAt: now };
    const row = await spec.rows.insert(tx, { ...spec.values, ...authored } as Insert);
    await spec.rows.recordStep(tx, row.id, {
      action: spec.firstStep,
      actorId: actor.userId,
      occurredAt: now,
    });
    await storeOrganizationFiles(
      tx,
      spec.files.map((file) => ({ ...file, purpose: spec.purpose })),
      { organizationId, subjectId: row.id, uploadedBy: actor.userId, at: now },
      committed,
    );
    await auditSuccess(tx, { userId: actor.userId, organizationId, ip: actor.ip }, ...spec.audit(row));
    return { ok: true, id: row.id } as const;
  });
}

/** What the operator's decision writes: the row's new values, the history step, the audit row, the notice. */
export interface Decided<Update, Action extends string> {
  update: Update;
  step: { action: Action; note: string | null };
  audit: Audited;
  notice: { subject: string; text: string };
}

/**
 * The operator's decision on a submission still waiting for one (`pending`): anything else reads as
 * missing. A refused decision form (`decide` is its errors) is answered only once the submission is found.
 */
export function decideSubmission<
  Row extends { id: string; organizationId: string },
  Update extends { updatedAt?: Date },
  Action extends string,
>(
  db: Database,
  actor: OperatorActor,
  now: Date,
  spec: {
    rows: {
      lockForDecision(
        db: DbExecutor,
        id: string,
      ): Promise<{ row: Row; contactEmail: string | null } | undefined>;
      update(db: DbExecutor, id: string, values: Update): Promise<void>;
      recordStep(db: DbExecutor, id: string, step: Step<Action>): Promise<void>;
    };
    id: string;
    pending: (row: Row) => boolean;
    decide: FieldError[] | ((row: Row) => Decided<NoInfer<Update>, NoInfer<Action>>);
  },
): Promise<SubmissionOutcome> {
  return db.transaction(async (tx) => {
    const found = await spec.rows.lockForDecision(tx, spec.id);
    if (!found || !spec.pending(found.row)) return { ok: false, notFound: true } as const;
    if (Array.isArray(spec.decide)) return { ok: false, errors: spec.decide } as const;
    const { row } = found;
    const decided = spec.decide(row);
    await spec.rows.update(tx, row.id, { ...decided.update, updatedAt: now });
    await spec.rows.recordStep(tx, row.id, { ...decided.step, actorId: actor.userId, occurredAt: now });
    const organization = { id: row.organizationId, contactEmail: found.contactEmail };
    await auditSuccess(
      tx,
      { userId: actor.userId, organizationId: row.organizationId, ip: actor.ip },
      ...decided.audit,
    );
    await notifyOrganization(tx, organization, { audience: "managers", at: now, ...decided.notice });
    return { ok: true, id: row.id } as const;
  });
}
