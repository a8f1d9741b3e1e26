import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../navigation.ts";
import type { HomeView } from "./home.view.ts";

export function HomePage({ ctx, view }: { ctx: PageContext; view: HomeView }) {
  return (
    <Layout ctx={ctx} title="Главная" nav={workerNavigation}>
      <h1>Здравствуйте, {view.fullName}</h1>
      <div class="card">
        <dl class="facts">
          <dt>ФИО</dt>
          <dd>{view.fullName}</dd>
          <dt>СНИЛС</dt>
          <dd>{view.maskedSnils ?? "не указан на Госуслугах"}</dd>
        </dl>
      </div>
    </Layout>
  );
}
