// Staff from a CSV file (O17): the upload with the expected columns, and the import's page — progress
// that refreshes itself while the file is checked, then the line-by-line report and the decision.
import { formatDateTime } from "../../../shared/format.ts";
import { counted, nouns } from "../../../shared/plural.ts";
import { ActionButton, BackLink, FormActions, PostForm } from "../../../ui/actions.tsx";
import { FileField } from "../../../ui/fields.tsx";
import { ErrorSummary } from "../../../ui/form.tsx";
import type { PageContext } from "../../../ui/layout.tsx";
import { DataTable } from "../../../ui/table.tsx";
import type { CabinetActor } from "../../organizations/cabinet.guard.tsx";
import { CabinetPage } from "../../organizations/views/cabinet-page.tsx";
import type { ImportStatus } from "../staff.schema.ts";
import { importColumns, MAX_IMPORT_ROWS } from "../staff-import.csv.ts";
import type { StaffImportRow } from "../staff-import.repository.ts";

export const importStatusLabels: Record<ImportStatus, string> = {
  validating: "идёт проверка",
  needs_decision: "найдены ошибки, ничего не загружено",
  importing: "идёт загрузка",
  done: "загружено",
  failed: "не удалось обработать",
  cancelled: "отменено",
};

const rows = (count: number) => counted(count, nouns.row);

export function ImportUploadPage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  recent: { id: string; fileName: string; status: ImportStatus; totalRows: number; createdAt: Date }[];
  error?: string | undefined;
}) {
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title="Загрузка сотрудников из файла">
      <BackLink href="/org/staff">Все сотрудники</BackLink>
      <h1>Загрузка сотрудников из файла</h1>
      <ErrorSummary errors={props.error ? [{ field: "file", message: props.error }] : []} />
      <p class="lead">
        Файл CSV (разделитель — точка с запятой или запятая, кодировка UTF-8 или Windows-1251), первая строка
        — заголовки столбцов. Каждая строка проверяется отдельно. Если ошибок нет, загружается весь файл; если
        есть — не загружается ничего, пока вы не решите загрузить только правильные строки.
      </p>
      <DataTable
        caption="Столбцы файла"
        rows={importColumns}
        rowKey={(column) => column.field}
        columns={[
          { label: "Заголовок", cell: (column) => column.header },
          { label: "Обязательный", cell: (column) => (column.required ? "да" : "нет") },
        ]}
      />
      <p>
        Должность — код или название из справочника должностей; ставка — от 0,25 до 1,5; тип занятия —
        «основное» или «совместительство»; даты — ДД.ММ.ГГГГ.{" "}
        <a href="/org/staff/import/template.csv">Скачать образец файла</a>. Не больше {MAX_IMPORT_ROWS} строк
        за раз.
      </p>
      <PostForm action="/org/staff/import" csrfToken={props.ctx.csrfToken} multipart class="card">
        <FileField name="file" label="Файл CSV" accept=".csv,text/csv" error={props.error} />
        <FormActions label="Проверить и загрузить" />
      </PostForm>
      {props.recent.length > 0 && (
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">Последние загрузки</h2>
          <ul>
            {props.recent.map((item) => (
              <li key={item.id}>
                <a href={`/org/staff/import/${item.id}`}>{item.fileName}</a>, {formatDateTime(item.createdAt)}
                : {rows(item.totalRows)}, {importStatusLabels[item.status]}
              </li>
            ))}
          </ul>
        </section>
      )}
    </CabinetPage>
  );
}

export function ImportStatusPage(props: { ctx: PageContext; actor: CabinetActor; record: StaffImportRow }) {
  const { record } = props;
  const working = record.status === "validating" || record.status === "importing";
  const percent = record.totalRows > 0 ? Math.floor((record.processedRows / record.totalRows) * 100) : 0;
  const base = `/org/staff/import/${record.id}`;
  return (
    <CabinetPage
      ctx={props.ctx}
      actor={props.actor}
      title="Загрузка из файла"
      {...(working ? { refreshSeconds: 2 } : {})}
    >
      <BackLink href="/org/staff/import">Загрузка из файла</BackLink>
      <h1>Загрузка «{record.fileName}»</h1>
      <p class="lead" role="status">
        {importStatusLabels[record.status]}
        {record.status === "done" && `: ${rows(record.importedRows)}`}
      </p>
      {record.status === "validating" && (
        <>
          <label for="import-progress">
            Проверено {record.processedRows} из {rows(record.totalRows)}
          </label>
          <progress id="import-progress" max={record.totalRows} value={record.processedRows}>
            {percent}%
          </progress>
          <p class="muted">Страница обновляется сама каждые 2 секунды.</p>
        </>
      )}
      {record.status === "importing" && (
        <p class="muted">Сотрудники записываются в регистр. Страница обновляется сама.</p>
      )}
      {record.status === "failed" && <p class="notice">{record.failure}</p>}
      {record.status === "done" && (
        <p>
          <a class="button" href="/org/staff">
            К списку сотрудников
          </a>
        </p>
      )}
      {record.errors.length > 0 && (
        <section class="card" aria-labelledby="report-title">
          <h2 id="report-title">
            Ошибки: {rows(record.errors.length)} из {record.totalRows}
          </h2>
          {record.status === "needs_decision" && (
            <div class="actions">
              {(record.validRows?.length ?? 0) > 0 && (
                <ActionButton
                  action={`${base}/confirm`}
                  csrfToken={props.ctx.csrfToken}
                  label={`Загрузить только правильные строки (${record.validRows?.length})`}
                />
              )}
              <ActionButton
                action={`${base}/cancel`}
                csrfToken={props.ctx.csrfToken}
                label="Отменить загрузку"
                variant="secondary"
              />
            </div>
          )}
          <p>
            <a href={`${base}/report.csv`}>Скачать отчёт об ошибках (CSV)</a>
          </p>
          <DataTable
            caption="Строки с ошибками"
            rows={record.errors.slice(0, 500)}
            rowKey={(error) => String(error.line)}
            columns={[
              { label: "Строка файла", cell: (error) => error.line },
              { label: "Что исправить", cell: (error) => error.messages.join(" ") },
            ]}
          />
          {record.errors.length > 500 && (
            <p class="muted">Показаны первые 500 строк с ошибками; все — в отчёте CSV.</p>
          )}
        </section>
      )}
    </CabinetPage>
  );
}
