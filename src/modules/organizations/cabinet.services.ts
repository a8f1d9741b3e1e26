// The use cases of the organization's cabinet, built once by the composition root.
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { createAccessService } from "../access/access.service.ts";
import { createRepresentativesService } from "../access/representatives.service.ts";
import type { FileStorage } from "../documents/storage.ts";
import type { EgrulRegistry } from "../egrul/egrul.port.ts";
import { createLicencesService } from "../licences/licences.service.ts";
import { createOrgRequestsService } from "../org-requests/org-requests.service.ts";
import { createStaffService } from "../staff/staff.service.ts";
import { createStaffImportService } from "../staff/staff-import.service.ts";
import { createStaffLookupService } from "../staff/staff-lookup.service.ts";
import { createActivationService } from "./activation.service.ts";
import { createCorrectionsService } from "./corrections.service.ts";
import { createEntryHoldsService } from "./entry-holds.service.ts";
import { createSecurityService } from "./security.service.ts";

export interface CabinetServiceDeps {
  db: Database;
  clock: Clock;
  egrul: EgrulRegistry;
  storage: FileStorage;
  /** O13: failed logins from one address that block it, and for how long. */
  addressBlock?: { failures: number; minutes: number };
  staffLookupsPerHour: number;
}

export function createCabinetServices(deps: CabinetServiceDeps) {
  return {
    security: createSecurityService(deps),
    entryHolds: createEntryHoldsService({ db: deps.db, clock: deps.clock, addressBlock: deps.addressBlock }),
    activation: createActivationService(deps),
    corrections: createCorrectionsService(deps),
    access: createAccessService(deps),
    representatives: createRepresentativesService(deps),
    staff: createStaffService(deps),
    staffLookup: createStaffLookupService({ db: deps.db, perHour: deps.staffLookupsPerHour }),
    staffImport: createStaffImportService(deps),
    licences: createLicencesService({ db: deps.db, clock: deps.clock, storage: deps.storage }),
    orgRequests: createOrgRequestsService({ db: deps.db, clock: deps.clock, storage: deps.storage }),
  };
}

export type CabinetServices = ReturnType<typeof createCabinetServices>;
