// Priority of a request, set automatically from its type, its sender and its text (O14), and the
// targets of each priority (seed 001: access blocked 30 minutes around the clock; critical 4 hours;
// simple 2 hours; complex 24 hours, counted in support working hours). The rules are data: the
// first rule that matches decides, and the test walks the table case by case.
import { isCodeOf, type RequestKind } from "./support.status.ts";

export const priorities = {
  blocked: "Доступ заблокирован",
  critical: "Критический",
  simple: "Простой",
  complex: "Сложный",
} as const;
export type Priority = keyof typeof priorities;
export const isPriority = isCodeOf(priorities);

export type SenderChannel = "public" | "worker" | "organization";

export interface PriorityInput {
  kind: RequestKind;
  channel: SenderChannel;
  /** The error text and the description together. */
  text: string;
}

export interface PriorityRule {
  /** Why the rule exists; shown to operators next to the priority. */
  reason: string;
  kinds?: readonly RequestKind[];
  channels?: readonly SenderChannel[];
  text?: RegExp;
  priority: Priority;
}

export const priorityRules: readonly PriorityRule[] = [
  { reason: "доступ организации заблокирован", kinds: ["organization_blocked"], priority: "blocked" },
  {
    reason: "в тексте сказано о блокировке доступа",
    text: /заблокир|блокировк/i,
    channels: ["organization", "public"],
    priority: "blocked",
  },
  {
    reason: "отправитель не может войти в кабинет",
    kinds: ["login", "two_factor"],
    channels: ["public"],
    priority: "critical",
  },
  {
    reason: "сервис не работает для отправителя",
    text: /не работает|недоступ|не открывается|сбой|ошибка 5\d\d/i,
    priority: "critical",
  },
  {
    reason: "вопрос требует проверки данных или подписи",
    kinds: ["data_confirmation", "signature", "accreditation"],
    priority: "complex",
  },
  { reason: "типовой вопрос", priority: "simple" },
];

export function choosePriority(input: PriorityInput): { priority: Priority; reason: string } {
  const rule = priorityRules.find(
    (candidate) =>
      (!candidate.kinds || candidate.kinds.includes(input.kind)) &&
      (!candidate.channels || candidate.channels.includes(input.channel)) &&
      (!candidate.text || candidate.text.test(input.text)),
  );
  // The last rule has no condition, so a rule is always found.
  return rule ? { priority: rule.priority, reason: rule.reason } : { priority: "simple", reason: "" };
}

export interface Target {
  /** Minutes to the first answer and to the resolution. */
  firstAnswerMinutes: number;
  resolutionMinutes: number;
  /** `clock`: around the clock; `working`: support working hours on working days only. */
  counted: "clock" | "working";
}

export const targets: Record<Priority, Target> = {
  blocked: { firstAnswerMinutes: 30, resolutionMinutes: 4 * 60, counted: "clock" },
  critical: { firstAnswerMinutes: 4 * 60, resolutionMinutes: 12 * 60, counted: "working" },
  simple: { firstAnswerMinutes: 2 * 60, resolutionMinutes: 2 * 60, counted: "working" },
  complex: { firstAnswerMinutes: 24 * 60, resolutionMinutes: 24 * 60, counted: "working" },
};
