// «Уведомления» (W13): what happened with the worker's applications, newest first.
import { formatDateTime } from "../../../shared/format.ts";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { workerNavigation } from "../../home/navigation.ts";
import type { NoticeRow } from "../notices.repository.ts";

export function NoticesPage({ ctx, notices }: { ctx: PageContext; notices: readonly NoticeRow[] }) {
  return (
    <Layout ctx={ctx} title="Уведомления" nav={workerNavigation}>
      <h1>Уведомления</h1>
      {notices.length === 0 ? (
        <p>Уведомлений пока нет.</p>
      ) : (
        <ol class="journal">
          {notices.map((notice) => (
            <li class="journal__item" key={notice.id}>
              <time class="journal__time" dateTime={notice.createdAt.toISOString()}>
                {formatDateTime(notice.createdAt)}
              </time>
              <span>
                <strong>{notice.link ? <a href={notice.link}>{notice.title}</a> : notice.title}</strong>
                {!notice.readAt && (
                  <>
                    {" "}
                    <span class="badge">новое</span>
                  </>
                )}
                <span class="notice-body">{notice.body}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
