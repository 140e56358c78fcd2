/**
 * Money is an integer amount of the currency's minor unit (cents, fen) plus an ISO 4217 code.
 * All arithmetic is integer; every result is checked to stay a safe integer, so a total can
 * never silently lose precision. Formatting for people is Intl's job (see `minorToMajor`).
 */

/** ISO 4217 alphabetic code. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Minor-unit digits of the currencies the catalogue uses, and a few neighbours; default 2. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  CNY: 2,
  GBP: 2,
  CAD: 2,
  JPY: 0,
  KRW: 0,
};

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/** For Intl.NumberFormat only: never use the result for further arithmetic. */
export function minorToMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

export class MoneyError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

function checked(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new MoneyError(`${what} is not a safe integer: ${n}`);
  return n;
}

/** Sum of integer amounts, checked. */
export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total = checked(total + checked(v, 'amount'), 'sum');
  return total;
}

/** Price of one unit: the item's base price plus the deltas of the chosen options (may be negative). */
export function unitPriceMinor(baseMinor: number, optionDeltasMinor: readonly number[]): number {
  const unit = checked(
    checked(baseMinor, 'base price') + sumMinor(optionDeltasMinor),
    'unit price',
  );
  if (unit < 0) throw new MoneyError(`unit price is negative: ${unit}`);
  return unit;
}

export function lineTotalMinor(unitMinor: number, quantity: number): number {
  checked(quantity, 'quantity');
  if (quantity < 1) throw new MoneyError(`quantity must be at least 1: ${quantity}`);
  return checked(checked(unitMinor, 'unit price') * quantity, 'line total');
}

/** round(numerator / denominator), halves away from zero, for non-negative integers. */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  checked(numerator, 'numerator');
  checked(denominator, 'denominator');
  if (numerator < 0 || denominator <= 0) throw new MoneyError('divRoundHalfUp takes n >= 0, d > 0');
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  return 2 * r >= denominator ? q + 1 : q;
}

/**
 * A sales tax or VAT rate in basis points (1 % = 100 bp). `included`: menu prices already contain
 * the tax (VAT in the EU and China), otherwise it is added on top at checkout (US sales tax).
 */
export interface TaxRule {
  rateBp: number;
  included: boolean;
}

export const NO_TAX: TaxRule = { rateBp: 0, included: true };

export interface PriceLineInput {
  baseMinor: number;
  optionDeltasMinor: readonly number[];
  quantity: number;
}

export interface PricedLine {
  unitPriceMinor: number;
  lineTotalMinor: number;
}

export interface PriceBreakdown {
  lines: PricedLine[];
  /** Sum of the line totals, as the menu prices state them. */
  subtotalMinor: number;
  /** The tax part: added on top when not included, contained in the subtotal when included. */
  taxMinor: number;
  /** What the customer pays. */
  totalMinor: number;
}

/**
 * Prices an order. Tax is computed once on the subtotal (not per line), rounded half up to the
 * minor unit: on top, tax = round(subtotal × r); included, tax = round(subtotal × r / (1 + r)).
 */
export function priceOrder(
  lines: readonly PriceLineInput[],
  tax: TaxRule = NO_TAX,
): PriceBreakdown {
  if (!Number.isSafeInteger(tax.rateBp) || tax.rateBp < 0 || tax.rateBp > 10_000) {
    throw new MoneyError(`tax rate must be 0..10000 bp: ${tax.rateBp}`);
  }
  const priced = lines.map((line) => {
    const unit = unitPriceMinor(line.baseMinor, line.optionDeltasMinor);
    return { unitPriceMinor: unit, lineTotalMinor: lineTotalMinor(unit, line.quantity) };
  });
  const subtotalMinor = sumMinor(priced.map((l) => l.lineTotalMinor));
  const product = checked(subtotalMinor * tax.rateBp, 'tax base');
  const taxMinor = tax.included
    ? divRoundHalfUp(product, 10_000 + tax.rateBp)
    : divRoundHalfUp(product, 10_000);
  const totalMinor = tax.included ? subtotalMinor : checked(subtotalMinor + taxMinor, 'total');
  return { lines: priced, subtotalMinor, taxMinor, totalMinor };
}
