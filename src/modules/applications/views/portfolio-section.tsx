// The portfolio of periodic accreditation (§6.4): ПК of the reporting period from the register and
// the worker's own entries, against the 144 academic hours.
import { fieldId, TextField } from "../../../ui/form.tsx";
import { TableRegion } from "./components.tsx";
import { errorOf, type SectionProps } from "./fields.tsx";

export function PortfolioSection({ view, csrfToken, errors, values }: SectionProps) {
  const portfolio = view.portfolio;
  if (!portfolio) return null;
  return (
    <section class="card" id={fieldId("portfolio")} aria-labelledby="portfolio-title">
      <h2 id="portfolio-title">Портфолио: обучение за отчётный период</h2>
      <p>
        Отчётный период — с {portfolio.periodFrom}. Повышение квалификации:{" "}
        <strong>{portfolio.totalHours}</strong> из {portfolio.requiredHours} академических часов.
      </p>
      {portfolio.problem ? (
        <p class="notice">{portfolio.problem}</p>
      ) : (
        <p class="badge badge--ok">Часов достаточно</p>
      )}
      <TableRegion label="Обучение за отчётный период">
        <table>
          <caption class="visually-hidden">Обучение за отчётный период</caption>
          <thead>
            <tr>
              <th scope="col">Программа</th>
              <th scope="col">Организация</th>
              <th scope="col">Часы</th>
              <th scope="col">Дата</th>
              <th scope="col">Источник</th>
            </tr>
          </thead>
          <tbody>
            {portfolio.entries.map((entry) => (
              <tr key={entry.key}>
                <td>{entry.title}</td>
                <td>{entry.institution}</td>
                <td>{entry.hours}</td>
                <td>{entry.date}</td>
                <td>
                  {entry.source}
                  {entry.removableId && (
                    <form
                      method="post"
                      action={`/lk/applications/${view.id}/portfolio/${entry.removableId}/remove`}
                    >
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <button type="submit" class="button button--link">
                        Удалить<span class="visually-hidden"> «{entry.title}»</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {view.editable && (
        <form method="post" action={`/lk/applications/${view.id}/portfolio`} class="subform">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <h3>Добавить обучение, которого нет в реестре</h3>
          <TextField
            name="title"
            label="Тема программы или элемента НМО"
            value={values.title}
            error={errorOf(errors, "title")}
          />
          <TextField
            name="institution"
            label="Организация"
            value={values.institution}
            error={errorOf(errors, "institution")}
          />
          <TextField
            name="hours"
            label="Академических часов"
            value={values.hours}
            error={errorOf(errors, "hours")}
            inputMode="numeric"
            width="short"
          />
          <TextField
            name="completedOn"
            label="Дата окончания"
            type="date"
            value={values.completedOn}
            error={errorOf(errors, "completedOn")}
          />
          <button type="submit" class="button button--secondary">
            Добавить
          </button>
        </form>
      )}
    </section>
  );
}
