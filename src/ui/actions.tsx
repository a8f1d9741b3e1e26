// Forms that change state: every one carries the CSRF token and ends in the same submit row.
import type { ComponentChildren } from "preact";

export type ButtonVariant = "secondary" | "danger" | "large" | "link";

export const buttonClass = (variant?: ButtonVariant): string =>
  variant ? `button button--${variant}` : "button";

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/**
 * A POST form with the CSRF token; `novalidate` so the server's Russian messages are what the person
 * reads. A multipart body is read after the CSRF check, so there the token travels in the address.
 */
export function PostForm(props: {
  action: string;
  csrfToken: string;
  class?: string;
  id?: string;
  multipart?: boolean;
  hidden?: Record<string, string>;
  children: ComponentChildren;
}) {
  const separator = props.action.includes("?") ? "&" : "?";
  return (
    <form
      method="post"
      action={
        props.multipart
          ? `${props.action}${separator}_csrf=${encodeURIComponent(props.csrfToken)}`
          : props.action
      }
      class={props.class}
      id={props.id}
      enctype={props.multipart ? "multipart/form-data" : undefined}
      novalidate
    >
      {!props.multipart && <CsrfField token={props.csrfToken} />}
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      {props.children}
    </form>
  );
}

/** The submit button and, where there is a way back, the «Отмена» link. */
export function FormActions(props: {
  label: string;
  variant?: ButtonVariant;
  cancelHref?: string;
  cancelLabel?: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="actions">
      <button type="submit" class={buttonClass(props.variant)}>
        {props.label}
      </button>
      {props.children}
      {props.cancelHref && <a href={props.cancelHref}>{props.cancelLabel ?? "Отмена"}</a>}
    </div>
  );
}

/** A one-button POST form (take, approve, remove). */
export function ActionButton(props: {
  action: string;
  csrfToken: string;
  label: ComponentChildren;
  variant?: ButtonVariant;
  hidden?: Record<string, string>;
  class?: string;
}) {
  return (
    <PostForm action={props.action} csrfToken={props.csrfToken} hidden={props.hidden} class={props.class}>
      <button type="submit" class={buttonClass(props.variant)}>
        {props.label}
      </button>
    </PostForm>
  );
}

/** «← Назад к …» above a page's heading. */
export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a href={href}>← {children}</a>
    </p>
  );
}
