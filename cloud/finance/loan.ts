import { divRoundHalfUp } from '../../common/money.ts';

export interface LoanSchedule {
  /** Amount of instalment k at index k − 1. */
  amounts: number[];
  /** Outstanding principal after k instalments at index k (index 0: the principal). */
  balances: number[];
}

/**
 * A fixed-rate annuity loan in integer minor units: the level instalment is rounded up to the
 * minor unit, each month's interest is rounded half up, and the last instalment settles what is
 * left, so the schedule ends at exactly zero as a lender's statement does.
 */
export function loanSchedule(principalMinor: number, aprBp: number, months: number): LoanSchedule {
  if (!Number.isSafeInteger(principalMinor) || principalMinor < 0) {
    throw new RangeError('principal must be a non-negative integer');
  }
  if (!Number.isInteger(months) || months < 1) throw new RangeError('term must be >= 1 month');
  const i = aprBp / 120_000;
  const level =
    i === 0
      ? Math.ceil(principalMinor / months)
      : Math.ceil((principalMinor * i) / (1 - (1 + i) ** -months));
  const amounts: number[] = [];
  const balances = [principalMinor];
  let balance = principalMinor;
  for (let k = 1; k <= months; k++) {
    const interest = divRoundHalfUp(balance * aprBp, 120_000);
    const due = k === months ? balance + interest : Math.min(level, balance + interest);
    balance = balance + interest - due;
    amounts.push(due);
    balances.push(balance);
  }
  return { amounts, balances };
}
