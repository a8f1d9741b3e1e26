// Form pieces shared by the sections of the application page.
import type { FieldError } from "../../../ui/form.tsx";
import type { ApplicationView } from "./application.view.ts";

export interface SectionProps {
  view: ApplicationView;
  csrfToken: string;
  errors: readonly FieldError[];
  /** What the worker typed, shown again after a refused form. */
  values: Record<string, string>;
}

/** The files a slot or a request accepts (checked again by content on the server). */
export const uploadAccept = ".pdf,.jpg,.jpeg,.png";
