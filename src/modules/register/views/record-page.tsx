import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { RecordItem, RecordSection } from "./record.view.ts";

export function RecordPage({ ctx, sections }: { ctx: PageContext; sections: RecordSection[] | undefined }) {
  return (
    <Layout ctx={ctx} title="Личное дело" nav={workerNavigation}>
      <h1>Личное дело в регистре ФРМР</h1>
      {sections === undefined ? (
        <p class="notice">
          Вашей записи пока нет в регистре ФРМР. Запись вносит организация, в которой вы работаете: обратитесь
          в отдел кадров.
        </p>
      ) : (
        <>
          <p class="lead">
            Сведения вносят ваша организация и образовательные организации. Если что-то указано неверно,
            обратитесь в отдел кадров вашей организации.
          </p>
          <nav class="card toc" aria-label="Разделы личного дела">
            <ul>
              {sections.map((section) => (
                <li key={section.id}>
                  <a href={`#${section.id}`}>{section.title}</a>
                </li>
              ))}
            </ul>
          </nav>
          {sections.map((section) => (
            <Section section={section} key={section.id} />
          ))}
        </>
      )}
    </Layout>
  );
}

function Section({ section }: { section: RecordSection }) {
  return (
    <section class="record-section" id={section.id} aria-labelledby={`${section.id}-title`}>
      <h2 id={`${section.id}-title`}>{section.title}</h2>
      {section.summary.map((line) => (
        <p class="record-section__summary" key={line}>
          {line}
        </p>
      ))}
      {section.items.length === 0 ? (
        <p class="muted">Сведений нет.</p>
      ) : (
        section.items.map((item, index) => <Item item={item} key={`${section.id}-${index}`} />)
      )}
    </section>
  );
}

function Item({ item }: { item: RecordItem }) {
  return (
    <article class="card">
      <h3>{item.title}</h3>
      {item.validity && (
        <p class="validity">
          {item.validity.badge && <span class={item.validity.badgeClass}>{item.validity.badge}</span>}{" "}
          {item.validity.text}
        </p>
      )}
      <dl class="facts">
        {item.facts.map((fact) => [
          <dt key={`${fact.label}-t`}>{fact.label}</dt>,
          <dd key={fact.label}>{fact.value}</dd>,
        ])}
      </dl>
    </article>
  );
}
