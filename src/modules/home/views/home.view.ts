import { fullName } from "../../../shared/format.ts";
import { maskSnils } from "../../../shared/identifiers.ts";

export interface HomeView {
  fullName: string;
  maskedSnils: string | undefined;
}

export function buildHomeView(user: {
  lastName: string;
  firstName: string;
  middleName: string | null;
  snils: string | null;
}): HomeView {
  return { fullName: fullName(user), maskedSnils: user.snils ? maskSnils(user.snils) : undefined };
}
