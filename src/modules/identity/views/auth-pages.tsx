import type { ErrorCode } from "../../../shared/errors.ts";
import { errorCatalogue } from "../../../shared/errors.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";

export function LoginFailedPage(props: {
  ctx: PageContext;
  code: ErrorCode;
  providerCode: string | undefined;
}) {
  const entry = errorCatalogue[props.code];
  return (
    <Layout ctx={props.ctx} title={entry.title}>
      <div class="notice-page">
        <h1>{entry.title}</h1>
        <p class="lead">{entry.message}</p>
        {props.providerCode && <p class="muted">Код ответа Госуслуг: {props.providerCode}</p>}
        <p class="actions">
          <a class="button" href="/auth/esia/login">
            Попробовать снова
          </a>
          <a class="button button--secondary" href="/help">
            Помощь
          </a>
        </p>
      </div>
    </Layout>
  );
}

export function NotConfirmedPage({ ctx, switchAccountUrl }: { ctx: PageContext; switchAccountUrl: string }) {
  return (
    <Layout ctx={ctx} title="Учётная запись не подтверждена">
      <div class="notice-page">
        <h1>Учётная запись не подтверждена</h1>
        <p class="lead">
          Войти в кабинет ФРМР можно только с подтверждённой учётной записью Госуслуг. Ваша учётная запись —
          упрощённая или стандартная.
        </p>
        <h2>Как подтвердить учётную запись</h2>
        <ol>
          <li>
            Войдите на Госуслуги и проверьте, что в профиле указаны паспортные данные и СНИЛС и они проверены.
          </li>
          <li>
            Подтвердите личность одним из способов: онлайн через банк, в котором вы обслуживаетесь; с помощью
            электронной подписи; лично в МФЦ или другом центре обслуживания с паспортом и СНИЛС.
          </li>
          <li>
            Дождитесь, когда статус учётной записи сменится на «Подтверждённая», и войдите в кабинет снова.
          </li>
        </ol>
        <p class="actions">
          <a class="button" href="/auth/esia/login">
            Войти снова
          </a>
          <a class="button button--secondary" href={switchAccountUrl}>
            Войти под другой учётной записью
          </a>
          <a class="button button--secondary" href="/help">
            Помощь
          </a>
        </p>
      </div>
    </Layout>
  );
}

export function LoggedOutPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Вы вышли из кабинета">
      <div class="notice-page">
        <h1>Вы вышли из личного кабинета</h1>
        <p class="lead">Сеанс завершён в кабинете ФРМР и на Госуслугах.</p>
        <p class="actions">
          <a class="button" href="/auth/esia/login">
            Войти через Госуслуги
          </a>
        </p>
      </div>
    </Layout>
  );
}
