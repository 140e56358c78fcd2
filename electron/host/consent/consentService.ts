import type { ConsentPurpose } from '../../../common/consent.ts';
import type { ConsentView } from '../../../common/hostApi/commerce.schema.ts';
import type { HostEventBus } from '../events.ts';
import type { ConsentStore } from './consentStore.ts';

/**
 * The driver's consent decisions and what follows from each: the renderer hears of it, the
 * provider's record follows (the car enforces either way), and a withdrawn location consent takes
 * the positions the car searched around with it.
 */
interface ConsentEffects {
  events: HostEventBus;
  forgetPositions: () => void;
  syncSoon: () => void;
}

export class ConsentService {
  private readonly store: ConsentStore;
  private readonly effects: ConsentEffects;

  constructor(store: ConsentStore, effects: ConsentEffects) {
    this.store = store;
    this.effects = effects;
  }

  view(): ConsentView {
    return this.store.view();
  }

  set(purpose: ConsentPurpose, granted: boolean): ConsentView {
    const { view, changed } = this.store.set(purpose, granted);
    if (purpose === 'location' && !granted) this.effects.forgetPositions();
    if (changed) {
      this.effects.events.emit('consent.changed', view);
      this.effects.syncSoon();
    }
    return view;
  }
}
