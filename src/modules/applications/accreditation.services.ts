// The accreditation feature's services and background jobs, built once by the composition root:
// the worker's applications, the head's agreement, the commission's back office, the extracts.
import type { Config } from "../../config/config.ts";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { createExtractsService, type ExtractsService } from "../extracts/extracts.service.ts";
import type { JobHandler } from "../jobs/jobs.worker.ts";
import { createReviewDecisions, type ReviewDecisions } from "../review/review.decisions.ts";
import { createReviewService, type ReviewService } from "../review/review.service.ts";
import { createDraftsService, type DraftsService } from "./applications.drafts.ts";
import { createFilingService, type FilingService } from "./applications.filing.ts";
import { createStatusNoticeHandler } from "./applications.notify.ts";
import { type ApplicationsService, createApplicationsService } from "./applications.service.ts";
import { STATUS_NOTICE_JOB } from "./applications.transitions.ts";
import { type ApprovalsService, createApprovalsService } from "./approvals.service.ts";

export interface AccreditationServices {
  applications: ApplicationsService;
  drafts: DraftsService;
  filing: FilingService;
  approvals: ApprovalsService;
  review: ReviewService;
  decisions: ReviewDecisions;
  extracts: ExtractsService;
}

interface Inputs {
  db: Database;
  clock: Clock;
  config: Config;
}

export function createAccreditationServices({ db, clock, config }: Inputs): AccreditationServices {
  const deps = { db, clock, filingWindow: config.accreditation.filingWindow };
  return {
    applications: createApplicationsService(deps),
    drafts: createDraftsService(deps),
    filing: createFilingService(deps),
    approvals: createApprovalsService(deps),
    review: createReviewService({ db, clock }),
    decisions: createReviewDecisions({ db, clock, commissionName: config.commissionName }),
    extracts: createExtractsService({ db, clock, publicUrl: config.publicUrl }),
  };
}

export function accreditationJobHandlers({ db, clock, config }: Inputs): Record<string, JobHandler> {
  return { [STATUS_NOTICE_JOB]: createStatusNoticeHandler({ db, clock, publicUrl: config.publicUrl }) };
}
