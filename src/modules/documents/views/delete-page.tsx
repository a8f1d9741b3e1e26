import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { DocumentItem } from "./documents.view.ts";

/** The confirmation step of deleting a document: a plain form, no script needed. */
export function DeletePage({
  ctx,
  item,
  refused,
}: {
  ctx: PageContext;
  item: DocumentItem;
  refused?: boolean;
}) {
  const blocked = item.locked || refused === true;
  return (
    <Layout ctx={ctx} title="Удаление документа" nav={workerNavigation}>
      <p>
        <a href="/lk/documents">← Мои документы</a>
      </p>
      <h1>{blocked ? "Документ нельзя удалить" : "Удалить документ?"}</h1>
      <div class="card">
        <dl class="facts">
          <dt>Тип документа</dt>
          <dd>{item.typeLabel}</dd>
          <dt>Файл</dt>
          <dd class="break-word">{item.originalName}</dd>
          <dt>Размер</dt>
          <dd>{item.size}</dd>
          <dt>Загружен</dt>
          <dd>{item.uploadedAt}</dd>
        </dl>
      </div>
      {blocked ? (
        <>
          <p class="notice" role="alert">
            Документ прикреплён к заявке. Удалить его можно, когда он будет убран из черновика заявки или
            когда поданная заявка будет рассмотрена либо отозвана.
          </p>
          <p class="actions">
            <a class="button button--secondary" href="/lk/documents">
              Вернуться к документам
            </a>
          </p>
        </>
      ) : (
        <form method="post" action={item.deleteHref}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <p>Файл будет удалён без возможности восстановления.</p>
          <p class="actions">
            <button type="submit" class="button button--danger">
              Удалить документ
            </button>
            <a href="/lk/documents">Отмена</a>
          </p>
        </form>
      )}
    </Layout>
  );
}
