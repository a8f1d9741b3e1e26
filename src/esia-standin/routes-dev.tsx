// Pages and files that are not part of ESIA's protocol: the home page, the development outbox (E7),
// the stand-in's certificates (in the spirit of ESIA's /public/esia.zip, §3.2), CSS and fonts.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FastifyInstance, FastifyReply } from "fastify";
import { assetsRoot } from "../http/assets.ts";
import type { StandinContext } from "./context.ts";
import { currentSession } from "./http.ts";
import { sendPage, signedInName } from "./pages.tsx";
import { SEED_PASSWORD } from "./seed.ts";
import { HomePage, OutboxPage } from "./views/dev.tsx";

const require = createRequire(import.meta.url);
const FONT_FILES = ["cyrillic-400", "cyrillic-700", "latin-400", "latin-700"].map(
  (variant) => `pt-sans-${variant}-normal.woff2`,
);

// Read once at start: a handful of small files, served from memory with long caching.
// The cabinet stylesheet's base (the PT Sans faces, whose files are served below, and the type) comes
// first, so that it is written once.
const BASE_END = "/* End of the base that the ESIA stand-in's pages share";
const cabinetCss = readFileSync(new URL("app.css", assetsRoot), "utf8");
if (!cabinetCss.includes(BASE_END)) throw new Error("app.css has lost the end of its shared base");
const css =
  cabinetCss.slice(0, cabinetCss.indexOf(BASE_END)) +
  readFileSync(new URL("./views/standin.css", import.meta.url), "utf8");
const fonts = new Map(
  FONT_FILES.map((name) => [name, readFileSync(require.resolve(`@fontsource/pt-sans/files/${name}`))]),
);

export function devRoutes(app: FastifyInstance, ctx: StandinContext): void {
  app.get("/", async (request, reply) =>
    sendPage(
      reply,
      <HomePage
        people={[...ctx.store.accounts.values()].map((a) => a.person)}
        organizations={[...ctx.store.organizations.values()]}
        password={SEED_PASSWORD}
        signedInAs={signedInName(ctx, currentSession(ctx, request))}
      />,
    ),
  );

  app.get("/outbox", async (_request, reply) =>
    sendPage(reply, <OutboxPage messages={[...ctx.store.outbox].reverse()} />),
  );
  app.get("/outbox.json", async (_request, reply) =>
    reply.header("cache-control", "no-store").send({ messages: [...ctx.store.outbox].reverse() }),
  );

  const pem = (body: string) => async (_request: unknown, reply: FastifyReply) =>
    reply.type("application/x-pem-file").header("cache-control", "public, max-age=3600").send(body);
  app.get("/certificates/esia-rsa.pem", pem(ctx.config.keys.rsaCertificatePem));
  app.get("/certificates/esia-gost.pem", pem(ctx.config.keys.gostCertificatePem));

  app.get("/assets/standin.css", async (_request, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(css),
  );
  app.get("/assets/fonts/:file", async (request, reply) => {
    const font = fonts.get((request.params as { file: string }).file);
    if (!font) return reply.status(404).send();
    return reply.type("font/woff2").header("cache-control", "public, max-age=2592000, immutable").send(font);
  });
}
