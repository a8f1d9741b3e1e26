import { Layout, type PageContext } from "../../../ui/layout.tsx";

export function LandingPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Вход в личный кабинет">
      <section class="hero">
        <h1>Личный кабинет ФРМР</h1>
        <p class="lead">
          Федеральный регистр медицинских и фармацевтических работников: ваше личное дело, документы и
          заявления на аккредитацию специалиста в одном месте.
        </p>
        <p>
          Вход выполняется через Госуслуги. Нужна подтверждённая учётная запись — с проверенными паспортными
          данными и СНИЛС.
        </p>
        <p class="actions">
          <a class="button button--large" href="/auth/esia/login">
            Войти через Госуслуги
          </a>
        </p>
      </section>
      <div class="cards">
        <section class="card">
          <h2>Медицинским работникам</h2>
          <p>Личное дело в регистре, проверка персональных данных, документы и заявления на аккредитацию.</p>
        </section>
        <section class="card">
          <h2>Организациям</h2>
          <p>
            Руководитель и сотрудники входят от имени организации, ведут кадровые данные и согласуют отчёты.
          </p>
        </section>
        <section class="card">
          <h2>Нужна помощь?</h2>
          <p>
            Ответы на частые вопросы о входе и работе в кабинете — в разделе <a href="/help">«Помощь»</a>.
          </p>
        </section>
      </div>
    </Layout>
  );
}
