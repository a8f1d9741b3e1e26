// The document slots of the application (§6.5: pre-named slots, the worker only attaches), and the
// documents the commission requested (W11). Attach from «Мои документы» or upload in place.
import { ActionButton, FormActions, PostForm } from "../../../ui/actions.tsx";
import { FileField, SelectField } from "../../../ui/fields.tsx";
import { errorFor, fieldId } from "../../../ui/form.tsx";
import type { SlotView } from "./application.view.ts";
import { type SectionProps, uploadAccept } from "./fields.tsx";

export function Slot({ slot, view, csrfToken, errors }: { slot: SlotView } & SectionProps) {
  const base = `/lk/applications/${view.id}`;
  const error = errorFor(errors, `slot-${slot.id}`) ?? errorFor(errors, `file-${slot.id}`);
  return (
    <li class="card" id={fieldId(`slot-${slot.id}`)}>
      <h3>
        {slot.label}
        {!slot.required && <span class="muted"> (если есть)</span>}
      </h3>
      {error && <p class="field__error">{error}</p>}
      {slot.attached.length === 0 ? (
        <p class="muted">Документ не прикреплён.</p>
      ) : (
        <ul class="inline-actions">
          {slot.attached.map((item) => (
            <li key={item.attachmentId}>
              <span class="break-word">{item.name}</span>
              <a class="attached__action" href={item.viewHref} target="_blank" rel="noopener">
                Просмотреть<span class="visually-hidden"> «{item.name}» (откроется в новой вкладке)</span>
              </a>
              {view.editable && (
                <ActionButton
                  action={`${base}/attachments/${item.attachmentId}/remove`}
                  csrfToken={csrfToken}
                  class="inline-form attached__action"
                  variant="link"
                  hidden={{ slotId: slot.id }}
                  label={
                    <>
                      Открепить<span class="visually-hidden"> «{item.name}»</span>
                    </>
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {view.editable && (
        <p>
          <a href={`${base}/slots/${slot.id}`}>
            {slot.attached.length === 0 ? "Прикрепить документ" : "Прикрепить ещё один"}
            <span class="visually-hidden"> в раздел «{slot.label}»</span>
          </a>
          {slot.fitting > 0 && <span class="muted"> — подходящих в «Моих документах»: {slot.fitting}</span>}
        </p>
      )}
    </li>
  );
}

export function SlotsSection(props: SectionProps) {
  const slots = props.view.slots.filter((slot) => !(props.view.periodic && slot.id === "report"));
  return (
    <section aria-labelledby="slots-title">
      <h3 id="slots-title" class="visually-hidden">
        Документы заявки
      </h3>
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
            <p class="muted">Запрошен {item.requestedAt}</p>
            {item.comment && (
              <p class="notice break-word">
                <strong>Комментарий комиссии:</strong> {item.comment}
              </p>
            )}
            {errorFor(errors, `request-${item.id}`) && (
              <p class="field__error">{errorFor(errors, `request-${item.id}`)}</p>
            )}
            {item.provided ? (
              <p class="badge badge--ok">Представлен: {item.provided}</p>
            ) : open ? (
              <>
                {item.options.length > 0 && (
                  <PostForm
                    action={`/lk/applications/${view.id}/requests/${item.id}/provide`}
                    csrfToken={csrfToken}
                  >
                    <SelectField
                      name={`document-${item.id}`}
                      label="Выбрать из «Моих документов»"
                      value={undefined}
                      options={item.options}
                    />
                    <FormActions label="Представить" />
                  </PostForm>
                )}
                {item.options.length === 0 && (
                  <p class="muted">В «Моих документах» нет документа этого типа: загрузите его здесь.</p>
                )}
                <PostForm
                  action={`/lk/applications/${view.id}/requests/${item.id}/upload`}
                  csrfToken={csrfToken}
                  multipart
                  hidden={item.types.length === 1 ? { [`type-${item.id}`]: item.typeCode } : {}}
                >
                  {item.types.length > 1 && (
                    <SelectField
                      name={`type-${item.id}`}
                      label="Тип документа"
                      value={item.typeCode}
                      options={item.types}
                    />
                  )}
                  <FileField
                    name="file"
                    id={fieldId(`file-${item.id}`)}
                    label="Или загрузить файл (PDF, JPG или PNG, не больше 5 МБ)"
                    accept={uploadAccept}
                  />
                  <FormActions label="Загрузить и представить" />
                </PostForm>
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
