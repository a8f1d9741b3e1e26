import type { PageContext } from "../../../ui/layout.tsx";
import type { LicenceRow } from "../../licences/licences.repository.ts";
import type { CabinetActor } from "../cabinet.guard.tsx";
import type { OrganizationRow } from "../organizations.repository.ts";
import { CabinetPage } from "./cabinet-page.tsx";
import { activationLabels, OrganizationCard } from "./organization-card.tsx";
import type { OrganizationHomeView } from "./organization-home.view.ts";

export function OrganizationHomePage(props: {
  ctx: PageContext;
  actor: CabinetActor;
  organization: OrganizationRow;
  view: OrganizationHomeView;
  licences?: readonly LicenceRow[];
  flash?: string | undefined;
}) {
  const { view } = props;
  return (
    <CabinetPage ctx={props.ctx} actor={props.actor} title={view.title} flash={props.flash}>
      <h1>{view.title}</h1>
      <p class="lead">{view.roleLine}</p>
      {view.standingLines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {view.mismatches.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="mismatch-title">
          <h2 id="mismatch-title">Сведения расходятся с ЕГРЮЛ/ЕГРИП — работа в кабинете приостановлена</h2>
          <ul>
            {view.mismatches.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <p>
            Если ошибка в реестре, обратитесь в налоговый орган. Если ошибка в сведениях кабинета,{" "}
            <a href="/org/feedback">направьте запрос на исправление</a>.
          </p>
        </div>
      )}
      {view.activation !== "active" && <ActivationNotice view={view} />}
      {view.notices.length > 0 && (
        <section class="card" aria-labelledby="notices-title">
          <h2 id="notices-title">Уведомления</h2>
          <ul class="notices">
            {view.notices.map((notice) => (
              <li key={`${notice.when}${notice.text}`}>
                <span class="muted">{notice.when}</span> {notice.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="sections-title">
        <h2 id="sections-title">Что можно сделать в кабинете</h2>
        <ul class="cards tiles">
          {view.sections.map((section) => (
            <li class="card" key={section.href}>
              <h3>
                <a href={section.href}>{section.title}</a>
              </h3>
              <p class="muted">{section.text}</p>
            </li>
          ))}
        </ul>
      </section>
      <OrganizationCard organization={props.organization} licences={props.licences} />
    </CabinetPage>
  );
}

function ActivationNotice({ view }: { view: OrganizationHomeView }) {
  return (
    <section class="notice" aria-labelledby="activation-title">
      <h2 id="activation-title">Кабинет не активирован: {activationLabels[view.activation]}</h2>
      {view.activation === "submitted" && (
        <p>Оператор проверяет отправленные сведения. О результате вы получите уведомление.</p>
      )}
      {view.activation === "corrections" && (
        <>
          <p>Исправьте, пожалуйста:</p>
          <ul>
            {view.corrections.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      )}
      {(view.activation === "incomplete" || view.activation === "corrections") &&
        (view.canEditData ? (
          <p>
            <a class="button" href="/org/data">
              Заполнить недостающие сведения
            </a>
          </p>
        ) : (
          <p>Сведения заполняет руководитель или уполномоченный представитель организации.</p>
        ))}
    </section>
  );
}
