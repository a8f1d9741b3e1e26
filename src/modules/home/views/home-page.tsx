import { Flash } from "../../../ui/form.tsx";
import { Layout, type PageContext } from "../../../ui/layout.tsx";
import { ApplicationsBlock, type ApplicationsSummary } from "../../applications/views/home-block.tsx";
import { WorkerNotices } from "../../register/views/worker-notices.tsx";
import type { WorkerNotice } from "../../register/views/worker-notices.view.ts";
import { workerNavigation } from "../navigation.ts";
import type { DocumentSetView, HomeView } from "./home.view.ts";

/** The worker's notices (W4) and the one-time message come from the register and consent modules. */
type HomePageView = HomeView & {
  notices: readonly WorkerNotice[];
  flash: string | undefined;
  /** The application status block comes from the applications module. */
  applications: ApplicationsSummary;
};

export function HomePage({ ctx, view }: { ctx: PageContext; view: HomePageView }) {
  return (
    <Layout ctx={ctx} title="Главная" nav={workerNavigation}>
      <h1>Здравствуйте, {view.fullName}</h1>
      <Flash message={view.flash} />
      <WorkerNotices notices={view.notices} />
      <div class="card">
        <dl class="facts">
          <dt>ФИО</dt>
          <dd>{view.fullName}</dd>
          <dt>СНИЛС</dt>
          <dd>{view.maskedSnils ?? "не указан на Госуслугах"}</dd>
        </dl>
      </div>
      {view.documents.map((set) => (
        <MissingDocuments key={set.purpose} documents={set} />
      ))}
      <ApplicationsBlock summary={view.applications} />
    </Layout>
  );
}

function MissingDocuments({ documents }: { documents: DocumentSetView }) {
  const titleId = `missing-documents-${documents.purpose}`;
  return (
    <section class="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Документы для {documents.purposeLabel}</h2>
      {documents.purpose === "work_with_minors" && (
        <p class="muted">
          Работодатель запрашивает справку об отсутствии судимости при приёме на работу, связанную с
          медицинской помощью детям (статьи 65 и 351.1 Трудового кодекса Российской Федерации).
        </p>
      )}
      {documents.missing.length === 0 ? (
        <p>Все нужные документы загружены.</p>
      ) : (
        <>
          <p>Ещё не загружены:</p>
          <ul>
            {documents.missing.map((item) => (
              <li key={item.uploadHref}>
                {item.label} — <a href={item.uploadHref}>загрузить</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="/lk/documents">Все мои документы</a>
      </p>
    </section>
  );
}
