// SMS length rules (W13): a message in the GSM 7-bit alphabet takes 160 characters in one segment
// and 153 per segment when split; anything else (Cyrillic) goes as UCS-2: 70 in one, 67 per part.
// Gateways bill per segment, so our texts are kept within two segments.

// The GSM 03.38 basic alphabet, and the extension table whose characters take two septets.
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

export interface SmsLength {
  encoding: "gsm7" | "ucs2";
  /** Septets for GSM 7-bit, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENDED.includes(char)) septets += 2;
    else return { encoding: "ucs2", units: text.length, segments: segmentsOf(text.length, 70, 67) };
  }
  return { encoding: "gsm7", units: septets, segments: segmentsOf(septets, 160, 153) };
}

function segmentsOf(units: number, single: number, part: number): number {
  if (units === 0) return 1;
  return units <= single ? 1 : Math.ceil(units / part);
}

/** Shortens `text` with «…» so that it fits in `maxSegments` segments (whole characters only). */
export function fitSms(text: string, maxSegments = 2): string {
  if (smsLength(text).segments <= maxSegments) return text;
  const chars = Array.from(text.trim());
  let low = 0;
  let high = chars.length;
  // The longest prefix that still fits together with the ellipsis.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const candidate = `${chars.slice(0, middle).join("").trimEnd()}…`;
    if (smsLength(candidate).segments <= maxSegments) low = middle;
    else high = middle - 1;
  }
  return `${chars.slice(0, low).join("").trimEnd()}…`;
}
