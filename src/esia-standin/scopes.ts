// Scope names the stand-in knows, their Russian consent texts, and parsing of requested scopes:
// personal scopes are short names (§12.1), organisation scopes are full URLs with `?org_oid=` (§12.2).

export const PERSON_SCOPES: Record<string, string> = {
  openid: "Идентификатор учётной записи и сведения о входе",
  fullname: "Фамилия, имя и отчество",
  birthdate: "Дата рождения",
  gender: "Пол",
  snils: "СНИЛС",
  inn: "ИНН",
  birthplace: "Место рождения",
  citizenship: "Гражданство",
  id_doc: "Данные документа, удостоверяющего личность",
  medical_doc: "Данные полиса ОМС",
  military_doc: "Данные военного билета",
  foreign_passport_doc: "Данные заграничного паспорта",
  drivers_licence_doc: "Данные водительского удостоверения",
  birth_cert_doc: "Данные свидетельства о рождении",
  residence_doc: "Данные вида на жительство",
  temporary_residence_doc: "Данные разрешения на временное проживание",
  email: "Адрес электронной почты",
  mobile: "Номер мобильного телефона",
  contacts: "Контактные данные",
  addresses: "Адреса регистрации и проживания",
  vehicles: "Сведения о транспортных средствах",
  usr_org: "Список организаций, сотрудником которых вы являетесь",
  usr_avt: "Изображение профиля",
  self_employed: "Сведения о статусе самозанятого",
};

export const ORG_SCOPES: Record<string, string> = {
  org_shortname: "Краткое наименование организации",
  org_fullname: "Полное наименование организации",
  org_ogrn: "ОГРН организации",
  org_inn: "ИНН организации",
  org_kpp: "КПП организации",
  org_leg: "Организационно-правовая форма организации",
  org_type: "Тип организации",
  org_addrs: "Адреса организации",
  org_ctts: "Контактные данные организации",
  org_emps: "Список сотрудников организации",
  org_inf: "Сведения об организации",
};

/** The prefix is the production host even on the test stand (§12.2). */
export const ORG_SCOPE_PREFIX = "http://esia.gosuslugi.ru/";

export type RequestedScope =
  | { kind: "person"; name: string; raw: string }
  | { kind: "org"; name: string; orgOid: number; raw: string };

export type ScopeParse = { ok: true; scopes: RequestedScope[] } | { ok: false; invalid: string };

/** Splits a space-separated scope value; the first unknown or malformed entry is reported. */
export function parseScopes(value: string): ScopeParse {
  const scopes: RequestedScope[] = [];
  for (const raw of value.split(" ").filter((part) => part !== "")) {
    const parsed = parseOne(raw);
    if (!parsed) return { ok: false, invalid: raw };
    if (!scopes.some((s) => s.raw === parsed.raw)) scopes.push(parsed);
  }
  return { ok: true, scopes };
}

function parseOne(raw: string): RequestedScope | undefined {
  if (Object.hasOwn(PERSON_SCOPES, raw)) return { kind: "person", name: raw, raw };
  if (!raw.startsWith(ORG_SCOPE_PREFIX)) return undefined;
  const match = /^([a-z_]+)\?org_oid=(\d{1,15})$/.exec(raw.slice(ORG_SCOPE_PREFIX.length));
  if (!match || !Object.hasOwn(ORG_SCOPES, match[1] as string)) return undefined;
  return { kind: "org", name: match[1] as string, orgOid: Number(match[2]), raw };
}

/** How a granted scope is written into the access token: personal ones carry `?oid=` (§10.2). */
export function tokenScopeEntry(scope: RequestedScope, oid: number): string {
  if (scope.kind === "org" || scope.name === "openid") return scope.raw;
  return `${scope.name}?oid=${oid}`;
}

export interface GrantedScopes {
  /** Personal scope names granted for `oid`. */
  person: Set<string>;
  /** Organisation scope names per org oid. */
  org: Map<number, Set<string>>;
}

/** Reads the `scope` claim back (the REST side), keeping only personal scopes that name this oid. */
export function grantedScopesFromClaim(claim: string, oid: number): GrantedScopes {
  const granted: GrantedScopes = { person: new Set(), org: new Map() };
  for (const entry of claim.split(" ")) {
    const [name, query = ""] = entry.split("?", 2) as [string, string?];
    const params = new URLSearchParams(query);
    if (name.startsWith(ORG_SCOPE_PREFIX)) {
      const orgOid = Number(params.get("org_oid"));
      if (!Number.isSafeInteger(orgOid)) continue;
      const names = granted.org.get(orgOid) ?? new Set<string>();
      names.add(name.slice(ORG_SCOPE_PREFIX.length));
      granted.org.set(orgOid, names);
    } else if (params.get("oid") === String(oid)) {
      granted.person.add(name);
    }
  }
  return granted;
}
