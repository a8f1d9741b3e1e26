// The public request form (/support/new) for someone who cannot log in: ФИО, СНИЛС or ИНН and the
// e-mail for the answer; rate-limited per IP, with the check of support.challenge.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { setFlash, takeFlash } from "../../http/flash.ts";
import { pageContext, sendHtml } from "../../http/render.ts";
import type { FieldError } from "../../ui/form.tsx";
import { receiveFile } from "../documents/received-file.ts";
import { checkChallenge, newChallenge, questionOf } from "./support.challenge.ts";
import { readMultipart } from "./support.forms.ts";
import { prefillQuery } from "./support.http.ts";
import { cleanErrorCode, type Values } from "./support.input.ts";
import { prefillValues } from "./views/prefill.ts";
import { RequestFormPage } from "./views/request-form.tsx";
import { SentPage } from "./views/sender-pages.tsx";

const challengeMessages = {
  wrong: "Ответ на проверочный вопрос неверный. Решите пример ещё раз.",
  "too-fast": "Форма отправлена слишком быстро. Проверьте заполнение и отправьте её ещё раз.",
  expired: "Форма устарела. Решите новый пример и отправьте её ещё раз.",
  bot: "Не удалось проверить, что форму заполнил человек. Обновите страницу и отправьте её ещё раз.",
} as const;

export async function supportPublicRoutes(app: FastifyInstance): Promise<void> {
  const { support, config, clock, fileStorage } = app.deps;
  const secret = config.sessionSecret;

  function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: FieldError[],
    token?: string,
  ) {
    // A wrong or stale answer gets a new sum; other errors keep the sum already solved.
    const keep = token && errors.every((error) => error.field !== "answer") ? token : undefined;
    const challenge = keep
      ? { token: keep, question: questionOf(keep) ?? "" }
      : newChallenge(secret, clock.now());
    return sendHtml(
      reply,
      <RequestFormPage
        ctx={pageContext(request, reply)}
        action="/support/new"
        values={values}
        errors={errors}
        publicForm={challenge}
      />,
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get<{ Querystring: { code?: string; at?: string; kind?: string } }>(
    "/support/new",
    { schema: { querystring: prefillQuery } },
    async (request, reply) => {
      // A signed-in person writes from their cabinet, where the request is linked to them.
      const kind = request.viewer?.context?.kind;
      if (kind === "worker" || kind === "organization") {
        const query = new URLSearchParams(request.query as Record<string, string>).toString();
        return reply.redirect(
          `${kind === "worker" ? "/lk" : "/org"}/support/new${query ? `?${query}` : ""}`,
          303,
        );
      }
      return showForm(request, reply, prefillValues(request.query), []);
    },
  );

  app.post(
    "/support/new",
    { config: { rateLimit: { max: config.supportDesk.publicRequestsPerHour, timeWindow: "1 hour" } } },
    async (request, reply) => {
      const { values, files } = await readMultipart(request, (source, name) =>
        receiveFile(fileStorage, source, name),
      );
      const verdict = checkChallenge(
        secret,
        { token: values.challenge, answer: values.answer, honeypot: values.website },
        clock.now(),
      );
      const shown = { ...values, errorCode: cleanErrorCode(values.errorCode) ?? undefined };
      if (verdict !== "ok") {
        for (const file of files) await file.staged.discard();
        return showForm(request, reply, shown, [{ field: "answer", message: challengeMessages[verdict] }]);
      }
      const outcome = await support.service.create(undefined, values, files, request.ip);
      if (!outcome.ok) return showForm(request, reply, shown, outcome.problems, values.challenge);
      setFlash(request, `${outcome.request.number}|${outcome.request.email ?? ""}`);
      return reply.redirect("/support/sent", 303);
    },
  );

  app.get("/support/sent", async (request, reply) => {
    const [number, email] = (takeFlash(request) ?? "").split("|");
    const valid = number && /^SUP-\d{4}-\d{6,}$/.test(number);
    return sendHtml(
      reply,
      <SentPage
        ctx={pageContext(request, reply)}
        number={valid ? number : undefined}
        email={valid ? email : undefined}
      />,
    );
  });
}
