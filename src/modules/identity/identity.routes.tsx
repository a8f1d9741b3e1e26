// Sign-in through ESIA: start, callback, logout (W1, W3, W19).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { LoginFailure } from "../../esia/identity-provider.ts";
import { sendError } from "../../http/errors.tsx";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { ErrorCode } from "../../shared/errors.ts";
import { ErrorPage } from "../../ui/error-page.tsx";
import { isOperatorUser } from "../review/review.repository.ts";
import { isSupportOperatorUser } from "../support/support.operators.ts";
import { LoggedOutPage, LoginFailedPage, NotConfirmedPage } from "./views/auth-pages.tsx";

// Login endpoints talk to ESIA and write to the database: tighter than the global limit.
const loginRateLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

export async function identityRoutes(app: FastifyInstance): Promise<void> {
  const { identityProvider, identityService, config, clock } = app.deps;

  // O13: an address with too many failed logins, across accounts, waits before it may try again.
  const blocked = async (request: FastifyRequest) =>
    Boolean(await app.deps.cabinet.entryHolds.blockedUntil(request.ip));

  app.get("/auth/esia/login", { config: loginRateLimit }, async (request, reply) => {
    if (await blocked(request)) return sendError(request, reply, "ADDRESS_BLOCKED");
    const { redirectUrl, state } = await identityProvider.beginLogin();
    request.session.set("esiaState", state);
    return reply.redirect(redirectUrl, 303);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(
    "/auth/esia/callback",
    { config: loginRateLimit },
    async (request, reply) => {
      if (await blocked(request)) return sendError(request, reply, "ADDRESS_BLOCKED");
      const expectedState = request.session.data.esiaState;
      // The state is single use: a replayed callback finds nothing to match.
      request.session.set("esiaState", undefined);
      const result = await identityProvider.completeLogin(request.query, expectedState);
      if (!result.ok) {
        await identityService.recordFailedLogin(result.error.kind, request.ip, providerCode(result.error));
        // Only a response our checks refused (state, token) counts: a person who pressed «Отмена» at
        // Госуслуги, or ESIA being down, is no attempt to break in.
        if (result.error.kind === "refused")
          await app.deps.cabinet.entryHolds.recordFailure(request.ip, result.error.kind);
        app.deps.metrics.logins.inc({ outcome: "failed" });
        request.session.set(LOGIN_RESULT, { failure: result.error });
        return reply.redirect(RESULT_PATH, 303);
      }
      const outcome = await identityService.signIn(result.value.person, request.ip);
      if (!outcome.ok) {
        app.deps.metrics.logins.inc({ outcome: "not_confirmed" });
        request.session.set(LOGIN_RESULT, { notConfirmed: true });
        return reply.redirect(RESULT_PATH, 303);
      }
      app.deps.metrics.logins.inc({ outcome: "success" });
      const organizationChoices = result.value.roles
        .filter((role) => role.active)
        .map((role) => ({
          esiaOrgOid: role.orgOid,
          shortName: role.shortName || role.fullName,
          ogrn: role.ogrn,
          chief: role.chief,
          liquidated: role.liquidated,
        }));
      // With organizations in ESIA, or a seat in the accreditation commission, the person first
      // chooses whom to act for (O2); otherwise a worker.
      const commissionChoice = await isOperatorUser(app.deps.database.db, outcome.user.id);
      const supportChoice = await isSupportOperatorUser(app.deps.database.db, outcome.user.id);
      if (organizationChoices.length > 0 || commissionChoice || supportChoice) {
        request.session.regenerate(
          { userId: outcome.user.id, organizationChoices, commissionChoice, supportChoice },
          clock.now(),
        );
        return reply.redirect("/auth/context", 303);
      }
      request.session.regenerate({ userId: outcome.user.id, context: { kind: "worker" } }, clock.now());
      return reply.redirect("/lk", 303);
    },
  );

  // The callback's address carries the one-time code: the outcome is shown at a clean address, so that
  // a reload or a bookmark shows the same page instead of replaying the code into «Не удалось войти».
  app.get(RESULT_PATH, async (request, reply) => {
    const outcome = request.session.data[LOGIN_RESULT] as LoginResult | undefined;
    if (!outcome) return reply.redirect("/", 303);
    if (outcome.failure) return showFailure(request, reply, outcome.failure);
    // «Войти под другой учётной записью»: out of ESIA first, or it would sign the same person in again.
    const switchUrl = identityProvider.logoutUrl(`${config.publicUrl}/auth/esia/login`);
    return sendHtml(
      reply,
      <NotConfirmedPage ctx={pageContext(request, reply)} switchAccountUrl={switchUrl} />,
      403,
    );
  });

  app.post("/auth/logout", async (request, reply) => {
    if (request.viewer) await identityService.recordLogout(request.viewer.id, request.ip);
    request.session.destroy();
    return reply.redirect(identityProvider.logoutUrl(`${config.publicUrl}/auth/logged-out`), 303);
  });

  app.get("/auth/logged-out", async (request, reply) =>
    sendHtml(reply, <LoggedOutPage ctx={pageContext(request, reply)} />),
  );

  app.get("/session-expired", async (request, reply) =>
    sendHtml(
      reply,
      <ErrorPage ctx={pageContext(request, reply)} code="SESSION_EXPIRED" at={clock.now()} />,
      401,
    ),
  );
}

function providerCode(error: LoginFailure): string | undefined {
  return error.kind === "provider-error" ? error.code : undefined;
}

const RESULT_PATH = "/auth/esia/result";
const LOGIN_RESULT = "loginResult";
interface LoginResult {
  failure?: LoginFailure;
  notConfirmed?: boolean;
}

function showFailure(request: FastifyRequest, reply: FastifyReply, error: LoginFailure) {
  if (error.kind === "unavailable") return sendError(request, reply, "ESIA_UNAVAILABLE");
  const code: ErrorCode =
    error.kind === "provider-error" && error.code === "ESIA-007004" ? "ESIA_DENIED" : "ESIA_FAILED";
  const shownCode = error.kind === "provider-error" ? error.code : undefined;
  return sendHtml(
    reply,
    <LoginFailedPage ctx={pageContext(request, reply)} code={code} providerCode={shownCode} />,
    400,
  );
}
