import { useEffect, useRef, useState } from 'react';
import { localDate } from '../../../common/lease/calendar.ts';
import {
  INITIAL_ODOMETER,
  nextOdometer,
  type OdometerState,
} from '../../../common/lease/projection.ts';
import { SIGNAL } from '../../../common/vss/signals.ts';
import { useHost } from '../../data/hostContext.tsx';
import { useAppStore } from '../../store/context.tsx';

/** How often the lease screen offers the odometer to the host (which sends it only with consent). */
const REPORT_EVERY_MS = 10 * 60_000;

/**
 * The live odometer (Vehicle.TraveledDistance) with glitches filtered out (nextOdometer), and the
 * odometer at the first reading of today, kept by the host so "today's drive" survives a restart.
 * Undefined until the bridge gives a reading.
 */
export function useOdometer(
  timeZone: string | undefined,
  now: Date,
): {
  odometerM: number | undefined;
  todayStartM: number | undefined;
} {
  const sample = useAppStore((s) => s.signals[SIGNAL.traveledDistance]);
  const host = useHost();
  const state = useRef<OdometerState>(INITIAL_ODOMETER);
  const [odometerM, setOdometerM] = useState<number | undefined>(undefined);
  const [today, setToday] = useState<{ date: string; odometerM: number } | null>(null);
  const lastReport = useRef(0);

  useEffect(() => {
    if (!sample || typeof sample.value !== 'number') return;
    state.current = nextOdometer(state.current, { valueM: sample.value, at: sample.ts });
    const value = state.current.valueM;
    if (value !== null) setOdometerM(value);
  }, [sample]);

  const date = timeZone === undefined ? undefined : localDate(now, timeZone);
  const haveOdometer = odometerM !== undefined;
  useEffect(() => {
    if (date === undefined || !haveOdometer || today?.date === date) return;
    const reading = state.current.valueM;
    if (reading === null) return;
    let live = true;
    // The first reading of the day wins in the host; asking again returns the kept one.
    host
      .call('lease.setTodayStart', { date, odometerM: Math.round(reading) })
      .then((view) => {
        if (live && view.todayStart) setToday(view.todayStart);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [date, haveOdometer, today?.date, host]);

  useEffect(() => {
    if (odometerM === undefined || Date.now() - lastReport.current < REPORT_EVERY_MS) return;
    lastReport.current = Date.now();
    // The host drops this unless the mileage-sharing consent is granted.
    host.call('mileage.report', { odometerM: Math.round(odometerM) }).catch(() => {});
  }, [odometerM, host]);

  return {
    odometerM,
    todayStartM: today && today.date === date ? today.odometerM : undefined,
  };
}
