// O15: who keeps records in ФРМО and ФРМР, with the kinds the organization's card records.
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { organizationKinds } from "../organization-kinds.ts";

export function KindsPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Какие организации регистрируются">
      <h1>Какие организации регистрируются в ФРМО и ФРМР</h1>
      <p class="lead">
        Федеральный реестр медицинских организаций (ФРМО) и Федеральный регистр медицинских и фармацевтических
        работников (ФРМР) входят в единую государственную информационную систему в сфере здравоохранения
        (ЕГИСЗ). Сведения в них вносят организации и индивидуальные предприниматели, которые ведут медицинскую
        или фармацевтическую деятельность по лицензии, — в порядке, установленном Положением о ЕГИСЗ
        (постановление Правительства Российской Федерации от 09.02.2022 № 140).
      </p>
      <section class="card" aria-labelledby="kinds-title">
        <h2 id="kinds-title">Виды организаций</h2>
        <p>Вид организации указывается в её карточке в кабинете.</p>
        <ul>
          {organizationKinds.map((kind) => (
            <li key={kind.label}>
              <strong>{kind.label}</strong> — {kind.examples}.
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="order-title">
        <h2 id="order-title">Порядок подключения</h2>
        <ol>
          <li>Организация вносится в ФРМО.</li>
          <li>
            Руководитель входит в кабинет организации через Госуслуги, проверяет сведения из ЕГРЮЛ или ЕГРИП и
            заполняет недостающие.
          </li>
          <li>Оператор проверяет сведения и активирует кабинет.</li>
          <li>
            Руководитель назначает уполномоченных представителей и выдаёт сотрудникам права на ввод сведений о
            работниках.
          </li>
        </ol>
      </section>
    </Layout>
  );
}
