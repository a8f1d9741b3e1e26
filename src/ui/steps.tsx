// A step indicator for a form split over several pages: where the person is, which steps are left,
// and which still need something. Each step is a link, so any step can be reopened.
export interface Step {
  label: string;
  href: string;
  /** Something on this step still keeps the form from being sent. */
  incomplete?: boolean;
}

export function StepIndicator({
  steps,
  current,
  label,
}: {
  steps: readonly Step[];
  /** The index of the step shown. */
  current: number;
  label: string;
}) {
  return (
    <nav class="steps" aria-label={label}>
      <ol>
        {steps.map((step, index) => {
          const here = index === current;
          const state = step.incomplete ? "нужно заполнить" : undefined;
          return (
            <li key={step.href} class={here ? "steps__item steps__item--current" : "steps__item"}>
              <a href={step.href} aria-current={here ? "step" : undefined}>
                <span class="steps__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span class="steps__label">
                  <span class="visually-hidden">
                    Шаг {index + 1} из {steps.length}:{" "}
                  </span>
                  {step.label}
                  {state && <span class="steps__state"> — {state}</span>}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** «Назад» and «Далее» between the steps, at the foot of each step's page. */
export function StepLinks({ steps, current }: { steps: readonly Step[]; current: number }) {
  const previous = steps[current - 1];
  const next = steps[current + 1];
  if (!previous && !next) return null;
  return (
    <nav class="step-links" aria-label="Переход между шагами">
      {previous && <a href={previous.href}>← Назад: {previous.label}</a>}
      {next && (
        <a class="button button--secondary" href={next.href}>
          Далее: {next.label} →
        </a>
      )}
    </nav>
  );
}
