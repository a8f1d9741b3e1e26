// W19 «Несовместимый браузер»: an outdated browser gets, instead of the page it asked for, a page that
// names the supported browsers and lets the person go on at their own risk. The choice is kept in a
// cookie for a year, so the warning is shown once per browser, not on every page.
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { Layout } from "../ui/layout.tsx";
import { checkBrowser, supportedBrowsers } from "./browser-check.ts";
import { wantsJson } from "./errors.tsx";
import { pageContext, sendHtml } from "./render.ts";

export const BROWSER_COOKIE = "frmr_old_browser_ok";
const CONTINUE_PATH = "/browser/continue";

/** Pages a person opens; files, machine endpoints and the login round trip are never interrupted. */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== "GET" || wantsJson(request)) return false;
  const path = request.url.split("?")[0] ?? "/";
  return !/^\/(assets|fonts|auth|browser|healthz|readyz|metrics|status|verify|fhir)(\/|$)/.test(path);
}

/** Only a path on this site: never an absolute or protocol-relative address (no open redirect). */
function localPath(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/";
}

async function browserGate(app: FastifyInstance): Promise<void> {
  app.addHook("preHandler", async (request, reply) => {
    if (!isPageRequest(request) || request.cookies[BROWSER_COOKIE] === "1") return;
    const verdict = checkBrowser(request.headers["user-agent"]);
    if (verdict.supported) return;
    const next = `${CONTINUE_PATH}?${new URLSearchParams({ next: request.url })}`;
    const page = (
      <Layout ctx={pageContext(request, reply)} title="Несовместимый браузер">
        <div class="notice-page">
          <h1>Ваш браузер устарел</h1>
          <p class="lead">
            Вы открыли кабинет в браузере {verdict.name}. Он больше не получает обновлений безопасности, и
            некоторые страницы кабинета могут в нём работать неправильно.
          </p>
          <h2>Кабинет поддерживает</h2>
          <ul>
            {supportedBrowsers.map((browser) => (
              <li key={browser}>{browser}</li>
            ))}
          </ul>
          <p>Установите или обновите один из них и откройте кабинет снова.</p>
          <p class="actions">
            <a class="button button--secondary" href={next}>
              Продолжить на свой страх и риск
            </a>
          </p>
        </div>
      </Layout>
    );
    return sendHtml(reply, page, 200);
  });

  app.get<{ Querystring: { next?: string } }>(CONTINUE_PATH, async (request, reply) => {
    reply.setCookie(BROWSER_COOKIE, "1", {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: app.deps.config.cookieSecure,
      maxAge: 365 * 24 * 60 * 60,
    });
    return reply.redirect(localPath(request.query.next), 303);
  });
}

export const browserGateSupport = fp(browserGate, {
  name: "frmr-browser-gate",
  dependencies: ["frmr-viewer"],
});
