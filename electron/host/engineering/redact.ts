/** What stands where a secret was. */
export const REDACTED = '[redacted]';

/** Words that make a key's value secret whatever it looks like ("paymentMethodId", "auth_token"). */
const SECRET_WORDS = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'authorization',
  'authorisation',
  'cookie',
  'session',
  'pin',
  'cvc',
  'cvv',
  'pan',
]);
const SECRET_PHRASES = ['cardnumber', 'paymentmethod', 'apikey'];

export function isSecretKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const joined = words.join('');
  return words.some((w) => SECRET_WORDS.has(w)) || SECRET_PHRASES.some((p) => joined.includes(p));
}

/** Secrets recognisable by their shape wherever they appear in text. */
const SECRET_SHAPES: RegExp[] = [
  // Payment processor method tokens.
  /\bpm_[A-Za-z0-9]{8,32}\b/g,
  // Authorization headers and URL-embedded credentials.
  /\bBearer\s+[^\s"',;]+/gi,
  /(?<=[?&](?:token|access_token|key|auth)=)[^&\s"']+/gi,
  // JSON Web Tokens.
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
];

/** 13 to 19 digits, optionally grouped by spaces or dashes: a card number if Luhn agrees. */
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Removes secrets from free text (log lines, error messages): the unit's own secrets wherever they
 * appear, and anything shaped like a token or a card number. Secrets shorter than 8 characters are
 * not searched for, so a short value cannot blank out ordinary text.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  for (const shape of SECRET_SHAPES) out = out.replace(shape, REDACTED);
  return out.replace(CARD_CANDIDATE, (match) =>
    luhn(match.replace(/[ -]/g, '')) ? REDACTED : match,
  );
}

/**
 * Redacts a JSON value for a diagnostics bundle: values under secret-sounding keys whole, and
 * every string as free text. A string that holds JSON (a stored request) is redacted inside.
 */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    const nested = parseJsonObject(value);
    return nested === undefined
      ? redactText(value, secrets)
      : JSON.stringify(redactValue(nested, secrets));
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        isSecretKey(key) && v !== null ? REDACTED : redactValue(v, secrets),
      ]),
    );
  }
  return value;
}

function parseJsonObject(text: string): object | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
