// What an upload must satisfy (W7), and the Russian message for every way it can fail.

/** W7: at most 5 MB per file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Files one upload form may carry (all of one document type). */
export const MAX_FILES_PER_UPLOAD = 10;
/** Longer names are refused rather than cut, so the user sees the name they will get back. */
export const MAX_NAME_LENGTH = 200;

export const acceptedFormats = {
  pdf: { mediaType: "application/pdf", extension: "pdf" },
  jpeg: { mediaType: "image/jpeg", extension: "jpg" },
  png: { mediaType: "image/png", extension: "png" },
} as const;

export type AcceptedFormat = keyof typeof acceptedFormats;

export type Rejection =
  | {
      reason:
        | "missing_file"
        | "unknown_type"
        | "name_path"
        | "name_control"
        | "name_too_long"
        | "empty"
        | "too_large"
        | "executable"
        | "html"
        | "svg"
        | "pdf_damaged"
        | "pdf_encrypted"
        | "image_damaged";
    }
  | { reason: "unsupported"; detected?: string }
  | { reason: "quota_files"; maxFiles: number }
  | { reason: "quota_bytes"; maxBytes: number; usedBytes: number };

export type RejectionReason = Rejection["reason"];

const fixedMessages: Record<
  Exclude<RejectionReason, "unsupported" | "quota_files" | "quota_bytes">,
  string
> = {
  missing_file: "Выберите файл документа.",
  unknown_type: "Выберите тип документа из списка.",
  name_path:
    "Имя файла не должно содержать путь к папке (символы «/», «\\» или «..»). Переименуйте файл и загрузите его снова.",
  name_control: "Имя файла содержит служебные (невидимые) символы. Переименуйте файл и загрузите его снова.",
  name_too_long: `Имя файла длиннее ${MAX_NAME_LENGTH} символов. Сократите его и загрузите файл снова.`,
  empty: "Файл пустой. Выберите файл, в котором есть документ.",
  too_large: "Файл больше 5 МБ. Уменьшите его размер, например отсканируйте документ с меньшим разрешением.",
  executable: "Файл является программой, а не документом. Загрузите документ в формате PDF, JPG или PNG.",
  html: "Файл является веб-страницей (HTML). Сохраните документ в формате PDF, JPG или PNG и загрузите его.",
  svg: "Изображения в формате SVG не принимаются. Сохраните документ в формате PDF, JPG или PNG.",
  pdf_damaged:
    "Файл PDF повреждён или сохранён не полностью. Откройте его на компьютере, сохраните заново и загрузите ещё раз.",
  pdf_encrypted: "Файл PDF защищён паролем или зашифрован. Снимите защиту и загрузите файл снова.",
  image_damaged:
    "Изображение повреждено или сохранено не полностью. Сохраните его заново или отсканируйте документ ещё раз.",
};

/** The message under the field and in the error summary. */
export function rejectionMessage(rejection: Rejection): string {
  switch (rejection.reason) {
    case "unsupported":
      return rejection.detected
        ? `Файл в формате ${rejection.detected.toUpperCase()} не принимается. Загрузите документ в формате PDF, JPG или PNG.`
        : "Формат файла не распознан. Загрузите документ в формате PDF, JPG или PNG.";
    case "quota_files":
      return `Загружено максимальное число документов (${rejection.maxFiles}). Удалите ненужные документы, чтобы загрузить новый.`;
    case "quota_bytes":
      return `Общий объём ваших документов не может превышать ${formatFileSize(rejection.maxBytes)}, занято ${formatFileSize(rejection.usedBytes)}. Удалите ненужные документы, чтобы загрузить этот.`;
    default:
      return fixedMessages[rejection.reason];
  }
}

/** Which form field a rejection belongs to. */
export function rejectionField(rejection: Rejection): "documentType" | "file" {
  return rejection.reason === "unknown_type" ? "documentType" : "file";
}

const sizeFormat = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

/** `640 КБ`, `1,5 МБ`; a non-empty file is never shown as 0 КБ. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes === 0 ? 0 : Math.max(1, Math.round(bytes / 1024))} КБ`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} МБ`;
}

export type NameCheck = { ok: true; name: string } | { ok: false; rejection: Rejection };

// C0 and C1 controls, line and paragraph separators, and the bidirectional overrides that can make
// «счёт\u202Efdp.exe» display as «счётexe.pdf».
const controlCharacters = /[\p{Cc}\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** The original file name, kept only as metadata: refused when it carries a path or control characters. */
export function checkFileName(raw: string): NameCheck {
  if (controlCharacters.test(raw)) return { ok: false, rejection: { reason: "name_control" } };
  const name = raw.normalize("NFC").trim();
  if (/[/\\]/.test(name) || name === "." || name === "..")
    return { ok: false, rejection: { reason: "name_path" } };
  if (name === "") return { ok: false, rejection: { reason: "missing_file" } };
  if ([...name].length > MAX_NAME_LENGTH) return { ok: false, rejection: { reason: "name_too_long" } };
  return { ok: true, name };
}
