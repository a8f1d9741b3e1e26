// The document slots of the application (§6.5: pre-named slots, the worker only attaches), and the
// documents the commission requested (W11). Attach from «Мои документы» or upload in place.
import { fieldId } from "../../../ui/form.tsx";
import type { SlotView } from "./application.view.ts";
import { errorOf, type SectionProps, Select } from "./fields.tsx";

export function Slot({ slot, view, csrfToken, errors }: { slot: SlotView } & SectionProps) {
  const base = `/lk/applications/${view.id}`;
  return (
    <li class="card" id={fieldId(`slot-${slot.id}`)}>
      <h3>
        {slot.label} {slot.required ? "" : <span class="muted">(если есть)</span>}
      </h3>
      {errorOf(errors, `slot-${slot.id}`) && <p class="field__error">{errorOf(errors, `slot-${slot.id}`)}</p>}
      {slot.attached.length === 0 ? (
        <p class="muted">Документ не прикреплён.</p>
      ) : (
        <ul class="inline-actions">
          {slot.attached.map((item) => (
            <li key={item.attachmentId}>
              {item.name}
              {view.editable && (
                <form
                  method="post"
                  action={`${base}/attachments/${item.attachmentId}/remove`}
                  class="inline-form"
                >
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <button type="submit" class="button button--link">
                    Открепить<span class="visually-hidden"> «{item.name}»</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.editable && slot.options.length > 0 && (
        <form method="post" action={`${base}/attachments`}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <input type="hidden" name="slotId" value={slot.id} />
          <Select name={`document-${slot.id}`} label="Выбрать из «Моих документов»" options={slot.options} />
          <button type="submit" class="button button--secondary">
            Прикрепить
          </button>
        </form>
      )}
      {view.editable && (
        <form
          method="post"
          action={`${base}/slots/${slot.id}/upload?_csrf=${encodeURIComponent(csrfToken)}`}
          enctype="multipart/form-data"
        >
          <Select name={`type-${slot.id}`} label="Или загрузить новый: тип документа" options={slot.types} />
          <div class="field">
            <label for={fieldId(`file-${slot.id}`)}>Файл PDF, JPG или PNG, не больше 5 МБ</label>
            <input type="file" id={fieldId(`file-${slot.id}`)} name="file" accept=".pdf,.jpg,.jpeg,.png" />
          </div>
          <button type="submit" class="button button--secondary">
            Загрузить и прикрепить
          </button>
        </form>
      )}
    </li>
  );
}

export function SlotsSection(props: SectionProps) {
  const slots = props.view.slots.filter((slot) => !(props.view.periodic && slot.id === "report"));
  return (
    <section aria-labelledby="slots-title">
      <h2 id="slots-title">Документы</h2>
      <ul class="plain-list">
        {slots.map((slot) => (
          <Slot slot={slot} key={slot.id} {...props} />
        ))}
      </ul>
    </section>
  );
}

export function RequestsSection({ view, csrfToken, errors }: SectionProps) {
  if (view.requested.length === 0) return null;
  const open = view.status === "documents_requested";
  return (
    <section class="card" aria-labelledby="requests-title">
      <h2 id="requests-title">Запрошенные комиссией документы</h2>
      <ul class="plain-list">
        {view.requested.map((item) => (
          <li key={item.id} id={fieldId(`request-${item.id}`)} class="request">
            <h3>{item.label}</h3>
            {errorOf(errors, `request-${item.id}`) && (
              <p class="field__error">{errorOf(errors, `request-${item.id}`)}</p>
            )}
            {item.provided ? (
              <p class="badge badge--ok">Представлен: {item.provided}</p>
            ) : open ? (
              <>
                {item.options.length > 0 && (
                  <form method="post" action={`/lk/applications/${view.id}/requests/${item.id}/provide`}>
                    <input type="hidden" name="_csrf" value={csrfToken} />
                    <Select
                      name={`document-${item.id}`}
                      label="Выбрать из «Моих документов»"
                      options={item.options}
                    />
                    <button type="submit" class="button">
                      Представить
                    </button>
                  </form>
                )}
                <form
                  method="post"
                  action={`/lk/applications/${view.id}/requests/${item.id}/upload?_csrf=${encodeURIComponent(csrfToken)}`}
                  enctype="multipart/form-data"
                >
                  <input type="hidden" name={`type-${item.id}`} value={item.typeCode} />
                  <div class="field">
                    <label for={fieldId(`file-${item.id}`)}>
                      Или загрузить файл (PDF, JPG или PNG, не больше 5 МБ)
                    </label>
                    <input
                      type="file"
                      id={fieldId(`file-${item.id}`)}
                      name="file"
                      accept=".pdf,.jpg,.jpeg,.png"
                    />
                  </div>
                  <button type="submit" class="button">
                    Загрузить и представить
                  </button>
                </form>
              </>
            ) : (
              <p class="muted">Не представлен.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
