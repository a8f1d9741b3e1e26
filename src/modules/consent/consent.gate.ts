// W2: until the worker has an active consent, every page of the worker's cabinet leads to
// «Подключить сервис ФРМР». One hook for all /lk routes, so that modules added later are covered too.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export const CONNECT_PATH = "/lk/connect";
const SUPPORT_PATH = "/lk/support";

/** Cabinet paths that need the consent: all of /lk except the connection pages themselves. */
export function needsConsent(path: string): boolean {
  const inCabinet = path === "/lk" || path.startsWith("/lk/");
  const connecting = path === CONNECT_PATH || path.startsWith(`${CONNECT_PATH}/`);
  // Someone stuck at connecting the service (the SMS code never comes) must still reach support.
  const support = path === SUPPORT_PATH || path.startsWith(`${SUPPORT_PATH}/`);
  return inCabinet && !connecting && !support;
}

async function consentGate(app: FastifyInstance): Promise<void> {
  app.addHook("preHandler", async (request, reply) => {
    const viewer = request.viewer;
    if (viewer?.context?.kind !== "worker") return;
    if (!needsConsent(request.url.split("?")[0] ?? "")) return;
    // The viewer plugin read the active consent with the user, in the same statement.
    if (request.viewerRecord?.consent) return;
    return reply.redirect(CONNECT_PATH, 303);
  });
}

export const consentGateSupport = fp(consentGate, {
  name: "frmr-consent-gate",
  dependencies: ["frmr-viewer"],
});
