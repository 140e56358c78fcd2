import type { Account } from '../../../common/cloudApi/finance.schema.ts';
import { projectMileage, type MileageProjection } from '../../../common/lease/projection.ts';
import { useHostQuery } from '../../data/useHostQuery.ts';
import { useClock } from '../../ui/useClock.ts';
import { mileageContractOf } from './leaseModel.ts';
import { useOdometer } from './useOdometer.ts';

/**
 * The account and, for a contract with a mileage allowance, its projection from the live
 * odometer. Computed here in the car: nothing about the mileage leaves it for this.
 */
export function useLeaseProjection() {
  const [load, retry] = useHostQuery('account.get', undefined);
  const account: Account | undefined = load.status === 'ok' ? load.value.account : undefined;
  // Minute resolution is plenty for a pace over months, and keeps the render pure.
  const now = useClock();
  const { odometerM, todayStartM } = useOdometer(account?.contract.timeZone, now);
  const contract = account ? mileageContractOf(account) : null;
  let projection: MileageProjection | null = null;
  if (contract && odometerM !== undefined) {
    try {
      projection = projectMileage({ contract, odometerM, now, todayStartOdometerM: todayStartM });
    } catch {
      projection = null;
    }
  }
  return { load, retry, account, hasMileage: contract !== null, projection };
}
