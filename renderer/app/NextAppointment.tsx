import { AppointmentCard } from '../features/home/AppointmentCard.tsx';
import { soonest } from '../data/appointment.ts';
import { useNextServiceBooking } from '../features/services/home/serviceAppointment.ts';
import { useNextTestDrive } from '../features/testDrives/NextAppointment.tsx';
import { useAppStore } from '../store/context.tsx';

/**
 * The home screen's one appointment card: the soonest of a booked test drive and a booked service,
 * each asked only when its feature is on. Here in the app layer, where features meet; the card
 * itself is the home feature's.
 */
export function NextAppointment() {
  const features = useAppStore((s) => s.config.features);
  const testDrive = useNextTestDrive(features.testDrives);
  const service = useNextServiceBooking(features.services);
  const next = soonest([testDrive, service]);
  return next ? <AppointmentCard appointment={next} /> : null;
}
