// The integration API's parts, built once by the composition root: clients, the token issuer, the
// REST use cases and the directories they read (shared with FHIR).
import type { Config } from "../../config/config.ts";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import { createOrganizationsDirectory } from "../organizations/organizations.directory.ts";
import { createRegisterDirectory } from "../register/directory.service.ts";
import type { StaffService } from "../staff/staff.service.ts";
import { createApiService } from "./api.service.ts";
import { createApiClientsService } from "./clients.service.ts";
import { createTokenIssuer } from "./tokens.ts";

export function createApiServices(deps: { db: Database; clock: Clock; config: Config; staff: StaffService }) {
  const { db, clock, config } = deps;
  const organizations = createOrganizationsDirectory({ db });
  const directory = createRegisterDirectory({ db });
  return {
    organizations,
    directory,
    clients: createApiClientsService({ db, organizations }),
    tokens: createTokenIssuer({ secret: config.sessionSecret, issuer: config.publicUrl, clock }),
    rest: createApiService({ db, clock, directory, organizations, staff: deps.staff }),
    tokenEndpoint: `${config.publicUrl}/api/oauth/token`,
  };
}

export type ApiServices = ReturnType<typeof createApiServices>;
