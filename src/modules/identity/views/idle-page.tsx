// The idle warning: a signed-in page opens it by itself (a small script) after 25 minutes without
// action. «Продолжить работу» goes back and keeps the session; left alone, the page goes back once the
// session has ended, and that page says «Сессия истекла». Without script the session simply expires.

import { counted } from "../../../shared/plural.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";

export const IDLE_WARNING_MINUTES = 5;

export function IdleWarningPage(props: { ctx: PageContext; back: string; minutes: number }) {
  return (
    <Layout
      ctx={props.ctx}
      title="Сеанс скоро завершится"
      goTo={{ seconds: props.minutes * 60 + 30, url: props.back }}
    >
      <h1>Сеанс скоро завершится</h1>
      <div class="card">
        <p>
          Вы давно не работали в кабинете. Примерно через{" "}
          {counted(props.minutes, ["минуту", "минуты", "минут"])} сеанс завершится сам, чтобы никто другой не
          смог воспользоваться кабинетом на этом устройстве.
        </p>
        <p>
          <a class="button" href={props.back}>
            Продолжить работу
          </a>
        </p>
        <p class="muted">
          Если вы не продолжите, потребуется войти снова, а незаконченный ввод на прежней странице будет
          потерян.
        </p>
      </div>
    </Layout>
  );
}
