import type { StateCreator } from 'zustand';
import type { AreaId } from '../../common/areas.ts';
import type { HostClient } from '../../common/hostApi/client.ts';
import type { ConsentView } from '../../common/hostApi/commerce.schema.ts';
import {
  loadLocationChoice,
  saveLocationChoice,
  type LocationChoice,
} from './locationChoiceStorage.ts';

export interface ConsentSlice {
  consent: ConsentView | null;
  /** Where services are searched: around the car (with the location consent) or a picked area. */
  locationChoice: LocationChoice;
  loadConsent(): Promise<void>;
  receiveConsent(view: ConsentView): void;
  setConsent(purpose: ConsentView['consents'][number]['purpose'], granted: boolean): Promise<void>;
  /** Gives or withdraws the location consent; giving it also chooses "around the car". */
  setLocationConsent(granted: boolean): Promise<void>;
  pickArea(area: AreaId): void;
}

export const createConsentSlice =
  (host: HostClient): StateCreator<ConsentSlice, [], [], ConsentSlice> =>
  (set, get) => {
    const setChoice = (locationChoice: LocationChoice) => {
      saveLocationChoice(locationChoice);
      set({ locationChoice });
    };
    return {
      consent: null,
      locationChoice: loadLocationChoice(),

      loadConsent: async () => get().receiveConsent(await host.call('consent.get')),

      receiveConsent: (consent) => {
        set({ consent });
        const granted = locationGranted(consent);
        const choice = get().locationChoice;
        // Withdrawn elsewhere: "around the car" is no longer possible.
        if (!granted && choice?.kind === 'car') setChoice(null);
        // Given before this screen ever asked: searching around the car is what was meant.
        if (granted && choice === null) setChoice({ kind: 'car' });
      },

      setConsent: async (purpose, granted) => {
        get().receiveConsent(await host.call('consent.set', { purpose, granted }));
      },

      setLocationConsent: async (granted) => {
        await get().setConsent('location', granted);
        if (granted) setChoice({ kind: 'car' });
      },

      pickArea: (area) => setChoice({ kind: 'area', area }),
    };
  };

/** The location consent as the host last reported it (false until it has). */
export function locationGranted(consent: ConsentView | null): boolean {
  return consent?.consents.some((c) => c.purpose === 'location' && c.granted) ?? false;
}
