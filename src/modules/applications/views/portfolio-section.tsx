// The portfolio of periodic accreditation (§6.4): ПК of the reporting period from the register and
// the worker's own entries, against the 144 academic hours.
import { ActionButton, FormActions, PostForm } from "../../../ui/actions.tsx";
import { binder, DateField, fieldId, TextField } from "../../../ui/form.tsx";
import { DataTable } from "../../../ui/table.tsx";
import type { SectionProps } from "./fields.tsx";

export function PortfolioSection({ view, csrfToken, errors, values }: SectionProps) {
  const portfolio = view.portfolio;
  if (!portfolio) return null;
  const bind = binder({ values, errors });
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
      <DataTable
        caption="Обучение за отчётный период"
        rows={portfolio.entries}
        rowKey={(entry) => entry.key}
        columns={[
          { label: "Программа", cell: (entry) => entry.title },
          { label: "Организация", cell: (entry) => entry.institution },
          { label: "Часы", cell: (entry) => entry.hours },
          { label: "Дата", cell: (entry) => entry.date },
          {
            label: "Источник",
            cell: (entry) => (
              <>
                {entry.source}
                {entry.removableId && (
                  <ActionButton
                    action={`/lk/applications/${view.id}/portfolio/${entry.removableId}/remove`}
                    csrfToken={csrfToken}
                    variant="link"
                    label={
                      <>
                        Удалить<span class="visually-hidden"> «{entry.title}»</span>
                      </>
                    }
                  />
                )}
              </>
            ),
          },
        ]}
      />
      {view.editable && (
        <PostForm action={`/lk/applications/${view.id}/portfolio`} class="subform" csrfToken={csrfToken}>
          <h3>Добавить обучение, которого нет в реестре</h3>
          <TextField {...bind("title")} label="Тема программы или элемента НМО" />
          <TextField {...bind("institution")} label="Организация" />
          <TextField {...bind("hours")} label="Академических часов" inputMode="numeric" width="short" />
          <DateField {...bind("completedOn")} label="Дата окончания" />
          <FormActions label="Добавить" variant="secondary" />
        </PostForm>
      )}
    </section>
  );
}
