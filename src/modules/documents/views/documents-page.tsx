import { Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { Headings } from "../../../ui/table.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { DocumentItem, DocumentsView, RejectionItem } from "./documents.view.ts";

export function DocumentsPage({ ctx, view }: { ctx: PageContext; view: DocumentsView }) {
  return (
    <Layout ctx={ctx} title="Мои документы" nav={workerNavigation}>
      <h1>Мои документы</h1>
      <Flash message={view.flash} />
      <p>
        Здесь хранятся документы для заявлений на аккредитацию. Принимаются файлы PDF, JPG и PNG размером до 5
        МБ.
      </p>
      <p class="actions">
        <a class="button" href="/lk/documents/upload">
          Загрузить документ
        </a>
      </p>
      <p class="muted">{view.usage}</p>

      <h2>Загруженные документы</h2>
      {view.items.length === 0 ? (
        <p>Вы ещё не загрузили ни одного документа.</p>
      ) : (
        <div class="table-wrap">
          <table class="table--stacked">
            <caption class="visually-hidden">Загруженные документы</caption>
            <Headings labels={["Тип документа", "Файл", "Размер", "Загружен", "Статус", "Действия"]} />
            <tbody>
              {view.items.map((item) => (
                <DocumentRow key={item.id} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {view.pagination && <Pagination {...view.pagination} />}

      {view.rejections.length > 0 && <Rejections items={view.rejections} />}
    </Layout>
  );
}

function DocumentRow({ item }: { item: DocumentItem }) {
  return (
    <tr>
      <td data-label="Тип документа">{item.typeLabel}</td>
      <td data-label="Файл" class="break-word">
        {item.originalName}
      </td>
      <td data-label="Размер">{item.size}</td>
      <td data-label="Загружен">{item.uploadedAt}</td>
      <td data-label="Статус">
        <span class="badge badge--ok">Принято</span>
        {item.locked && <span class="muted"> прикреплён к поданной заявке</span>}
      </td>
      <td data-label="Действия">
        <ul class="inline-actions">
          <li>
            <a href={item.viewHref} target="_blank" rel="noopener">
              Просмотреть<span class="visually-hidden"> {item.originalName} (откроется в новой вкладке)</span>
            </a>
          </li>
          <li>
            <a href={item.downloadHref} download>
              Скачать<span class="visually-hidden"> {item.originalName}</span>
            </a>
          </li>
          {!item.locked && (
            <li>
              <a href={item.deleteHref}>
                Удалить<span class="visually-hidden"> {item.originalName}</span>
              </a>
            </li>
          )}
        </ul>
      </td>
    </tr>
  );
}

function Pagination({ label, previousHref, nextHref }: NonNullable<DocumentsView["pagination"]>) {
  return (
    <nav class="pagination" aria-label="Страницы списка документов">
      {previousHref && (
        <a href={previousHref} rel="first">
          ← К новейшим
        </a>
      )}
      <span aria-current="page">{label}</span>
      {nextHref && (
        <a href={nextHref} rel="next">
          Более ранние →
        </a>
      )}
    </nav>
  );
}

function Rejections({ items }: { items: RejectionItem[] }) {
  return (
    <>
      <h2>Не принятые файлы за последние 30 дней</h2>
      <p class="muted">Эти файлы не сохранены. Исправьте причину и загрузите документ снова.</p>
      <div class="table-wrap">
        <table class="table--stacked">
          <caption class="visually-hidden">Не принятые файлы</caption>
          <Headings labels={["Дата", "Тип документа", "Статус"]} />
          <tbody>
            {items.map((item) => (
              <tr key={item.occurredAt + item.message}>
                <td data-label="Дата">{item.occurredAt}</td>
                <td data-label="Тип документа">{item.typeLabel}</td>
                <td data-label="Статус">
                  <span class="badge badge--bad">Не принят</span> {item.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
