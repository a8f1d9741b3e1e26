import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import { instructions, normativeDocuments, officialLink, questions } from "./help-content.ts";

export function HelpPage({ ctx }: { ctx: PageContext }) {
  const nav = ctx.viewer?.context?.kind === "worker" ? workerNavigation : undefined;
  return (
    <Layout ctx={ctx} title="Помощь" nav={nav}>
      <h1>Помощь</h1>
      <p class="card">
        Не нашли ответа? <a href="/support/new">Написать в поддержку</a> — обращению сразу присвоят номер,
        ответ придёт на электронную почту и в раздел «Мои обращения».
      </p>
      <nav class="card toc" aria-label="Разделы помощи">
        <ul>
          <li>
            <a href="#faq">Частые вопросы</a>
          </li>
          <li>
            <a href="#instructions">Инструкции</a>
          </li>
          <li>
            <a href="#documents">Нормативные документы</a>
          </li>
        </ul>
      </nav>

      <section id="faq" aria-labelledby="faq-title">
        <h2 id="faq-title">Частые вопросы</h2>
        {questions.map((item) => (
          <details class="card faq" id={item.id} key={item.id}>
            <summary>{item.question}</summary>
            {item.answer.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </details>
        ))}
      </section>

      <section id="instructions" aria-labelledby="instructions-title">
        <h2 id="instructions-title">Инструкции</h2>
        {instructions.map((instruction) => (
          <article class="card" id={instruction.id} key={instruction.id}>
            <h3>{instruction.title}</h3>
            <ol>
              {instruction.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </article>
        ))}
      </section>

      <section id="documents" aria-labelledby="documents-title">
        <h2 id="documents-title">Нормативные документы</h2>
        <p class="muted">
          В списке только документы, реквизиты которых сверены с официальными источниками. Ссылка открывает
          поиск документа на официальном интернет-портале правовой информации pravo.gov.ru (в новой вкладке).
        </p>
        <ol class="card normative">
          {normativeDocuments.map((document) => {
            const link = officialLink(document);
            return (
              <li key={document.title}>
                {link ? (
                  <a href={link} target="_blank" rel="noopener noreferrer">
                    <strong>{document.title}</strong>
                  </a>
                ) : (
                  <strong>{document.title}</strong>
                )}
                <br />
                <span class="muted">{document.note}</span>
              </li>
            );
          })}
        </ol>
      </section>
    </Layout>
  );
}
