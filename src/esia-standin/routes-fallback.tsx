// Not-found and error responses: JSON for the machine endpoints (token, REST), pages for people.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { errorDescription, esiaError, tokenErrorBody } from "./errors.ts";
import { sendPage } from "./pages.tsx";
import { ErrorPage } from "./views/protocol.tsx";

const isMachine = (request: FastifyRequest) =>
  request.url.startsWith("/rs/") || request.url.startsWith("/aas/oauth2/v3/te");

export function registerFallbacks(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    if (isMachine(request)) return reply.status(404).send();
    return sendPage(
      reply,
      <ErrorPage
        title="Страница не найдена"
        explanation="Такой страницы на тестовом стенде нет. Проверьте адрес."
      />,
      404,
    );
  });

  app.setErrorHandler((error: { statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    if (status === 429) {
      if (isMachine(request)) return reply.status(429).send({ message: "Too many requests" });
      return sendPage(
        reply,
        <ErrorPage
          title="Слишком много попыток"
          explanation="С вашего адреса пришло слишком много запросов. Подождите минуту и попробуйте снова."
        />,
        429,
      );
    }
    if (isMachine(request)) {
      const e = esiaError(status >= 500 ? "ESIA-007007" : "ESIA-007038");
      return reply.status(status >= 500 ? 500 : 400).send(tokenErrorBody(e, undefined));
    }
    return sendPage(
      reply,
      <ErrorPage
        title={status >= 500 ? "Ошибка на тестовом стенде" : "Запрос не понят"}
        explanation={
          status >= 500
            ? "На стенде произошла непредвиденная ошибка. Попробуйте ещё раз."
            : "Стенд не смог прочитать запрос. Вернитесь назад и попробуйте ещё раз."
        }
        technical={status >= 500 ? errorDescription(esiaError("ESIA-007007")) : undefined}
      />,
      status >= 500 ? 500 : 400,
    );
  });
}
