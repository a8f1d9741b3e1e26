import { type ErrorCode, errorCatalogue } from "../shared/errors.ts";
import { homeOf, Layout, type PageContext } from "./layout.tsx";

const loginCodes = new Set<ErrorCode>([
  "SESSION_EXPIRED",
  "UNAUTHENTICATED",
  "ESIA_FAILED",
  "ESIA_UNAVAILABLE",
]);

export function ErrorPage({ ctx, code }: { ctx: PageContext; code: ErrorCode }) {
  const entry = errorCatalogue[code];
  return (
    <Layout ctx={ctx} title={entry.title}>
      <div class="notice-page">
        <h1>{entry.title}</h1>
        <p class="lead">{entry.message}</p>
        {code === "SERVICE_UNAVAILABLE" && (
          <p>
            Текущее состояние сервиса показано на странице <a href="/status">«Состояние сервиса»</a>.
          </p>
        )}
        <p class="actions">
          {loginCodes.has(code) ? (
            <a class="button" href="/auth/esia/login">
              {code === "SESSION_EXPIRED" ? "Войти снова" : "Попробовать снова"}
            </a>
          ) : (
            <a class="button" href={homeOf(ctx.viewer)}>
              На главную
            </a>
          )}
        </p>
        <p class="muted">Код ошибки: {code}</p>
      </div>
    </Layout>
  );
}
